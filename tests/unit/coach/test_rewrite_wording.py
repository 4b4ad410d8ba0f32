"""The coach's questions read as a person would write them, in the user's own words.

A rewrite that names half a metric ("Instead of counting page"), reads a noun as a verb
("because you demo booked"), keeps the comparative it asks about ("that the support
better got better") or loses a name's capital ("the expensify") tells the user the coach
did not read the line.
"""

from __future__ import annotations

import pytest

from okrcoach.coach import review_key_result


def rewrite(text: str) -> str:
    return review_key_result(text).rewrite or ""


def message(text: str, rule_id: str) -> str:
    return next(f.message for f in review_key_result(text).findings if f.rule_id == rule_id)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Website page views up 20%", "website page views"),
        ("Podcast listens up 15%", "podcast listens"),
        ("Newsletter opens up 10%", "newsletter opens"),
        ("Get 10,000 Twitter followers", "Twitter followers"),
    ],
)
def test_a_vanity_count_is_named_by_its_whole_phrase(text: str, named: str) -> None:
    assert f'"{named}"' in message(text, "kr.vanity")
    assert f"Instead of counting {named}" in rewrite(text)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Demos booked: 40", "demos"),
        ("Blog posts published: 24", "blog posts"),
        ("Story points delivered per sprint up 20%", "story points"),
    ],
)
def test_a_count_named_first_is_asked_about_as_a_count(text: str, named: str) -> None:
    asked = rewrite(text)
    assert f"What should more {named} change?" in asked
    assert " you demo " not in asked and " is delivered" not in asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Make support better", "Which number would show that support got better"),
        ("Better onboarding for new hires", "Which number would show that onboarding for new"),
        ("Improve the checkout flow", "Which number would show that the checkout flow got better"),
    ],
)
def test_a_vague_line_is_asked_about_without_its_comparative(text: str, asked: str) -> None:
    assert rewrite(text).startswith(asked)


def test_a_wish_with_no_amount_is_asked_how_much_of_it() -> None:
    assert rewrite("Make onboarding faster").startswith("How much faster: from what to what")


def test_a_line_with_only_todays_level_is_asked_where_it_should_end() -> None:
    review = review_key_result("Cut monthly burn from $410k")
    assert (review.rewrite or "").startswith("From $410k to what, by the end of the cycle?")
    example = review.example or ""
    assert example.startswith("Cut monthly burn from $410k to $")
    assert not [f for f in review_key_result(example).findings if f.severity == "problem"]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Roll out Expensify to all 4 offices",
            "What changes once Expensify is rolled out to all 4 offices?",
        ),
        ("Launch the new dashboards", "What changes once the new dashboards are live?"),
        ("Launch the help centre", "What changes once the help centre is live?"),
    ],
)
def test_a_task_is_asked_about_with_names_and_number_kept(text: str, asked: str) -> None:
    assert rewrite(text).startswith(asked)


def test_a_line_with_only_todays_level_is_told_where_it_starts() -> None:
    found = message("Cut monthly burn from $410k", "kr.no-target")
    assert "no target to hit" in found and "$410k" in found
    assert "$" not in message("Grow the community", "kr.no-target")


def test_a_count_named_first_is_quoted_as_written() -> None:
    assert '("demos booked")' in message("Demos booked: 40", "kr.task")


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # How often is no count of things done: the habit is asked about.
        ("Meditate 4 times a week", "What should change because you meditate 4 times a week?"),
        # A count's noun is kept whole.
        ("Send 300 cold outreach emails", "What should those cold outreach emails change?"),
    ],
)
def test_a_counted_task_is_asked_about_in_whole_words(text: str, asked: str) -> None:
    assert review_key_result(text).rewrite.startswith(asked)


@pytest.mark.parametrize(
    ("text", "example_has"),
    [
        ("Answer phone calls faster", "resolution rate"),
        ("Run the quarterly planning workshop", "customers"),
    ],
)
def test_a_tasks_example_comes_from_its_own_area(text: str, example_has: str) -> None:
    # Answering calls is support; running a workshop is no run for the health area.
    assert example_has in review_key_result(text).example


@pytest.mark.parametrize("text", ["Answer calls faster", "Make 40 sales calls a week"])
def test_no_two_reasons_are_about_the_same_words(text: str) -> None:
    quoted = [tuple(reason.split('"')[1::2]) for reason in review_key_result(text).reasons]
    cited = [words for words in quoted if words]
    assert len(cited) == len(set(cited)), review_key_result(text).reasons


@pytest.mark.parametrize(
    ("text", "example"),
    [
        # Today's level moves out of its brackets, or off "is", into "from X to Y".
        (
            "Lower churn on the Starter plan (currently 4.1%/mo)",
            "Lower churn on the Starter plan from 4.1% to 3.3%",
        ),
        ("Churn is 4%", "Churn from 4% to 3.2%"),
        # Less is better for a cost or a time, and a rating stays on its scale.
        ("Time to hire (52 days in 2024)", "Time to hire from 52 days to 42 days"),
        ("CSAT sits at 4.1", "CSAT from 4.1 to 4.5"),
        ("DAU/MAU (currently 0.18)", "DAU/MAU from 0.18 to 0.22"),
    ],
)
def test_an_example_target_reads_as_a_coach_would_write_it(text: str, example: str) -> None:
    review = review_key_result(text)
    assert review.example == example
    assert not [f for f in review_key_result(example).findings if f.severity == "problem"]
