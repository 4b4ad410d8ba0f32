"""Reviewing one key result: the verdicts a user sees and the rewrite they can apply."""

from __future__ import annotations

import json

import pytest

from okrcoach.coach import Severity, review_key_result


@pytest.mark.parametrize(
    "text",
    [
        "Launch the help centre",
        "Hold weekly demos",
        "Write 12 blog posts",
        "Migrate to the new CRM",
        "Make 50 sales calls",
        "Help centre launched",
        "Ship the mobile app by the end of Q3",
        "Maintain the internal wiki",
    ],
)
def test_tasks_and_outputs_are_called_tasks(text: str) -> None:
    review = review_key_result(text)
    assert review.kind == "task"
    assert review.rewrite
    assert any(f.severity is Severity.PROBLEM for f in review.findings)


@pytest.mark.parametrize(
    "text",
    [
        "Cut median first-reply time from 24 h to 4 h",
        "Raise NPS from 32 to 45",
        "Maintain 99.9% uptime",
        "Customer churn below 2% a month",
        "Support tickets reduced from 500 to 250 per week",
    ],
)
def test_outcomes_are_called_outcomes(text: str) -> None:
    review = review_key_result(text)
    assert review.kind == "outcome"
    assert review.example is None  # nothing to put in its place
    assert "What changes once" not in (review.rewrite or "")


def test_strong_outcome_scores_full_marks() -> None:
    review = review_key_result("Cut median first-reply time from 24 h to 4 h")
    assert (review.measurable, review.has_baseline, review.vanity) == (True, True, False)
    assert review.findings == [] and review.score == 100


def test_rewrite_is_built_from_the_users_words() -> None:
    review = review_key_result("Launch the help centre")
    assert review.rewrite is not None
    assert review.rewrite.startswith("What changes once the help centre is live?")
    # The example is concrete (and passes review), never "from N to M".
    assert "from N to M" not in review.rewrite
    assert review.example == "Raise the self-serve resolution rate from 40% to 60%"


def test_activity_count_is_a_task_with_a_number_and_a_vanity_count() -> None:
    review = review_key_result("Make 50 sales calls")
    assert (review.kind, review.measurable, review.vanity) == ("task", True, True)
    assert [f.rule_id for f in review.findings] == ["kr.activity-count"]
    assert '"50 sales calls"' in review.findings[0].message


def test_structured_values_override_the_wording() -> None:
    plain = review_key_result("Raise NPS")
    assert not plain.measurable
    given = review_key_result("Raise NPS", baseline=30, target=45, direction="increase")
    assert given.measurable and given.has_baseline
    assert given.score > plain.score


def test_structured_direction_catches_a_wrong_way_target() -> None:
    review = review_key_result("Churn", baseline=2, target=5, direction="decrease")
    assert "kr.direction-mismatch" in {f.rule_id for f in review.findings}


def test_score_is_100_minus_severity_weights() -> None:
    review = review_key_result("Get 10,000 Twitter followers")
    ids = [f.rule_id for f in review.findings]
    assert ids == ["kr.no-baseline", "kr.vanity"]
    assert review.score == 100 - 5 - 35  # vanity is a problem: it measures no value


def test_same_text_same_answer_and_json_ready() -> None:
    first = review_key_result("Increase website traffic by 30%").model_dump(mode="json")
    again = review_key_result("Increase website traffic by 30%").model_dump(mode="json")
    assert first == again
    severity = json.loads(json.dumps(first))["findings"][0]["severity"]
    assert severity in {"info", "warning", "problem"}


def test_messages_quote_user_words_and_add_no_markup() -> None:
    review = review_key_result("Launch the [bold]site[/bold]")
    message = review.findings[0].message
    assert '"launch"' in message
    assert "[bold]" not in message  # user markup is never pasted into messages


def test_list_markers_are_ignored() -> None:
    assert review_key_result("KR1: Raise NPS from 32 to 45").kind == "outcome"
    assert review_key_result("- Launch the help centre").kind == "task"


@pytest.mark.parametrize(
    "text", ["Launch the partner portal", "Cut churn from 5% to 3%", "Improve onboarding", ""]
)
def test_reasons_rewrite_and_example_are_worded_when_read_and_kept(text: str) -> None:
    """They are worded on first read, not on every review: the same words every time,
    at least one reason, and all three in the review's JSON (as ``okrcoach lint`` prints)."""
    review = review_key_result(text)
    dumped = review.model_dump(mode="json")
    assert review.reasons and review.reasons is review.reasons
    assert dumped["reasons"] == review.reasons
    assert dumped["rewrite"] == review.rewrite and dumped["example"] == review.example
    again = review_key_result(text)
    assert (again.rewrite, again.example, again.reasons) == (
        review.rewrite,
        review.example,
        review.reasons,
    )
    assert again == review


def test_a_task_says_what_to_measure_instead_when_asked() -> None:
    review = review_key_result("Launch the partner portal")
    assert review.rewrite is not None and "e.g. '" in review.rewrite
    assert review.example is not None and review.example in review.rewrite


@pytest.mark.parametrize(
    "text",
    [
        "Mark every coursework draft within 5 days",
        "Cancel the software licences nobody uses",
        "Listen to 30 sales call recordings",
    ],
)
def test_marking_cancelling_and_listening_are_work(text: str) -> None:
    assert review_key_result(text).kind == "task"


def test_marks_as_a_noun_are_a_result() -> None:
    assert review_key_result("Marks in the mock exams up 10%").kind == "outcome"
