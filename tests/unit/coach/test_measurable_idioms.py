"""Words that usually set a bar, used in a sense that sets none, and a bar written in words
after a baseline.

"Double down", "say no" and "chapter 12" hold a factor word, a zero word and a number, yet
none of them says how much has to change. "From 3 days to same day" gives its target in
words, so it is more than a baseline.
"""

from __future__ import annotations

import pytest

from okrcoach.coach import parse_metric, review_key_result
from okrcoach.coach.measurability import measurable_evidence
from okrcoach.coach.reading import reading


@pytest.mark.parametrize(
    "text",
    ["Double down on partner webinars", "Triple up on the onboarding emails"],
)
def test_a_factor_word_in_an_idiom_sets_no_factor(text: str) -> None:
    assert parse_metric(text).factor is None
    assert not review_key_result(text).measurable


@pytest.mark.parametrize(
    "text", ["Double down on enterprise onboarding", "Triple up on referral asks"]
)
def test_a_factor_idiom_spends_effort_and_is_work(text: str) -> None:
    assert reading(text).predicate_classes == {"effort"}
    assert review_key_result(text).kind == "task"


def test_a_factor_word_that_multiplies_still_does() -> None:
    assert parse_metric("Double the share of self-serve upgrades").factor == 2
    assert review_key_result("Double the share of self-serve upgrades").measurable


@pytest.mark.parametrize(
    "text", ["Get better at saying no to side projects", "Learn to say no in meetings"]
)
def test_saying_no_is_no_bar_of_none(text: str) -> None:
    assert "m:zero" not in measurable_evidence(text)
    assert not review_key_result(text).measurable


def test_a_real_bar_of_none_still_counts() -> None:
    assert "m:zero" in measurable_evidence("No unplanned downtime during peak season")


@pytest.mark.parametrize(
    "text", ["Duplicate payments eliminated", "Eradicate manual re-keying of supplier invoices"]
)
def test_something_eliminated_has_none_left_as_its_bar(text: str) -> None:
    assert "m:zero" in measurable_evidence(text)
    assert review_key_result(text).measurable


@pytest.mark.parametrize(
    "text",
    ["Finish the Go book up to ch. 9", "Rewrite chapter 4 of the handbook", "Record episode 7"],
)
def test_a_chapter_or_episode_number_is_a_name(text: str) -> None:
    assert "m:only-named-numbers" in measurable_evidence(text)
    assert parse_metric(text).target is None
    assert not review_key_result(text).measurable


def test_a_count_of_chapters_is_still_a_count() -> None:
    assert review_key_result("Read 12 chapters of the course book").measurable


@pytest.mark.parametrize(
    "text",
    [
        "Refund time goes from 6 days to same day",
        "Cut open P1 bugs from 14 to zero",
        "Manual reconciliations down from 40 a month to none",
    ],
)
def test_a_target_in_words_after_a_baseline_is_a_target(text: str) -> None:
    assert "m:baseline-only" not in measurable_evidence(text)
    review = review_key_result(text)
    assert review.measurable and review.has_baseline


def test_a_baseline_with_no_target_is_still_read_as_one() -> None:
    assert "m:baseline-only" in measurable_evidence("Cut monthly hosting cost from $41k")


@pytest.mark.parametrize(
    "text",
    [
        "Increase monthly recurring revenue",
        "Grow weekly active users",
        "Reduce monthly churn",
        "Boost monthly sales",
        "Improve daily active usage",
        "Improve monthly close time",
        "Shorten weekly payroll cycle time",
    ],
)
def test_a_rhythm_word_that_names_a_metric_sets_no_bar(text: str) -> None:
    assert "m:frequency" not in measurable_evidence(text)
    assert not review_key_result(text).measurable


@pytest.mark.parametrize(
    "text",
    [
        "Run weekly sales calls with every new account",
        "Deploy to production weekly",
        "Check in daily with every new customer",
    ],
)
def test_a_rhythm_of_work_is_still_a_rhythm(text: str) -> None:
    assert "m:frequency" in measurable_evidence(text)


def test_a_rhythm_named_metric_with_a_bar_is_measurable() -> None:
    assert review_key_result("Monthly churn under 2%").measurable


@pytest.mark.parametrize(
    "text",
    [
        "Security questionnaire turnaround for sales under 3 business days",
        "Median time to resolution for billing tickets under 1 business day",
        "Onboarding time for new suppliers under 10 working days",
    ],
)
def test_a_time_bound_in_business_days_on_a_time_metric_is_its_bar(text: str) -> None:
    assert "m:only-scope-numbers" not in measurable_evidence(text)
    assert review_key_result(text).measurable


def test_a_filter_in_business_days_on_a_count_still_picks_which_things_count() -> None:
    assert "m:scope-number" in measurable_evidence("Fewer tickets older than 3 business days")


@pytest.mark.parametrize(
    "text",
    [
        "Inspection rating Good or better",
        "Internal audit rated Satisfactory or above",
        "Every kitchen rated Excellent on the hygiene check",
    ],
)
def test_a_grade_named_as_the_bar_is_measurable(text: str) -> None:
    assert "m:grade-bar" in measurable_evidence(text)
    assert review_key_result(text).measurable


def test_a_grade_that_picks_what_a_wish_counts_sets_no_bar() -> None:
    assert not review_key_result("Fewer pentest findings rated High or above").measurable


def test_a_time_bound_on_a_changeover_is_its_bar() -> None:
    text = "Changeover on the Line 3 press under 15 minutes"
    assert "m:only-scope-numbers" not in measurable_evidence(text)
    assert review_key_result(text).measurable


def test_nobody_is_a_bar_of_none() -> None:
    text = "Nobody hired this quarter leaves in their first 90 days"
    assert "m:zero" in measurable_evidence(text)
    assert review_key_result(text).measurable


def test_nobody_after_a_noun_only_picks_which_things() -> None:
    assert "m:zero" not in measurable_evidence("Kill features nobody uses")


def test_a_reading_taken_today_is_no_rating_to_reach() -> None:
    assert "m:rating" not in measurable_evidence("Blood pressure currently 145/95")
    assert "m:rating" in measurable_evidence("CSAT 4.5/5 or better")


@pytest.mark.parametrize(
    "text",
    [
        "Unit economics for the mid-market tier turn positive",
        "Contribution from the new stores turns positive by Q3",
        "Relationship NPS goes positive",
    ],
)
def test_a_sign_for_what_has_one_is_a_bar(text: str) -> None:
    assert review_key_result(text).measurable
