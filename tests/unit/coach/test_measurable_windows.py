"""A time or an amount that belongs to the metric's name against one that is its bar.

"Repeat contacts within 7 days" and "attrition in the first year" say when the metric is
counted, not how much of it is allowed; "payback under 12 months" and "time to restore
below one hour" bound the metric itself.
"""

from __future__ import annotations

import pytest

from okrcoach.coach import review_key_result


@pytest.mark.parametrize(
    "text",
    [
        "Payback period on paid channels under 12 months",
        "Cash runway on current burn over 18 months",
    ],
)
def test_a_time_after_a_metric_of_time_is_its_bar(text: str) -> None:
    assert review_key_result(text).measurable


@pytest.mark.parametrize(
    "text",
    [
        "Mean time to restore below one hour",
        "Time to first reply less than two hours",
        "Month-end close at most five days",
    ],
)
def test_a_time_in_words_after_a_ceiling_is_a_bar(text: str) -> None:
    assert review_key_result(text).measurable


@pytest.mark.parametrize(
    "text", ["Repeat contacts within 7 days", "Rollbacks within 24 hours of a deploy"]
)
def test_events_counted_within_a_time_name_a_metric_with_no_bar(text: str) -> None:
    review = review_key_result(text)
    assert not review.measurable
    assert any(f.rule_id == "kr.no-target" for f in review.findings)


def test_the_same_events_with_a_level_to_reach_are_measurable() -> None:
    assert review_key_result("Repeat contacts within 7 days under 8%").measurable


@pytest.mark.parametrize(
    "text", ["Attrition in the first year", "Retention rate in the first month"]
)
def test_a_metric_over_a_first_stretch_names_when_not_how_much(text: str) -> None:
    assert not review_key_result(text).measurable


@pytest.mark.parametrize(
    "text",
    [
        "New hires push code to production in their first week",
        "New starters have a working laptop on their first day",
    ],
)
def test_people_doing_something_in_their_first_stretch_is_a_time_limit(text: str) -> None:
    assert review_key_result(text).measurable


@pytest.mark.parametrize(
    "text", ["Renewals for accounts over €50k", "Discounting on deals over $50k"]
)
def test_money_after_what_is_counted_picks_which_ones(text: str) -> None:
    assert not review_key_result(text).measurable


@pytest.mark.parametrize(
    "text", ["Bad debt write-offs under £30k", "Spend under €300/month on eating out"]
)
def test_money_after_an_amount_bounds_it(text: str) -> None:
    assert review_key_result(text).measurable


def test_a_count_in_words_beside_a_filter_is_still_a_count() -> None:
    review = review_key_result("Enterprise: three new customers over 1,000 seats signed")
    assert review.measurable
    assert review.guess.target == 3


@pytest.mark.parametrize(
    "text",
    [
        "Email open rate, rolling 30 days",
        "Average deal size – trailing 90 days",
        "Offer acceptance rate, last 6 months",
        "Quiz scores, first 4 weeks of term",
        "Body fat percentage, next 12 weeks",
    ],
)
def test_the_stretch_a_metric_is_read_over_sets_no_bar(text: str) -> None:
    review = review_key_result(text)
    assert not review.measurable
    assert review.guess.target is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Email open rate above 30%, rolling 30 days", 30.0),
        ("NPS over the last 6 months above 40", 40.0),
        ("Close the last 3 deals", 3.0),
    ],
)
def test_a_bar_beside_such_a_stretch_is_still_the_bar(text: str, target: float) -> None:
    review = review_key_result(text)
    assert review.measurable
    assert review.guess.target == target


def test_a_bar_in_words_beside_a_named_number_is_still_a_bar() -> None:
    assert review_key_result("Mean time to restore under an hour for SEV1s").measurable


def test_an_amount_after_the_is_an_amount_not_a_set() -> None:
    assert review_key_result("Lose the 4 kg I put on last year").measurable
    assert not review_key_result("Calmer check-in queues at the 3 depots").measurable


@pytest.mark.parametrize(
    "text", ["Dropout in the first two weeks", "Happier customers in their first two weeks"]
)
def test_a_window_in_words_sets_no_bar(text: str) -> None:
    assert not review_key_result(text).measurable


def test_pupils_in_a_numbered_set_are_named_not_counted() -> None:
    assert not review_key_result("Maths results for pupils in sets 3 and 4").measurable
    assert review_key_result("Set 3 goals with each report").measurable


def test_a_filter_written_with_a_sign_picks_things_and_sets_no_bar() -> None:
    review = review_key_result("Overdue receivables > 90 days: currently ₹1.8 crore")
    assert not review.measurable
    assert review.has_baseline
    assert review_key_result("Invoices > 60 days under 5% of AR").guess.target == 5.0
    assert review_key_result("NPS > 50").guess.target == 50.0


def test_a_metric_read_for_a_known_set_has_no_count_to_reach() -> None:
    for text in ("Uptime for the 3 core services", "NPS across the 4 regions"):
        review = review_key_result(text)
        assert not review.measurable
        assert review.guess.target is None  # the wizard offers no target of 3 or 4
    assert review_key_result("Churn under 3% across our 4 regions").guess.target == 3.0


def test_a_bound_on_a_metric_of_time_named_by_its_plural_is_the_bar() -> None:
    review = review_key_result("Delivery times under 2 days")
    assert review.measurable
    assert review.guess.target == 2.0
    assert not review_key_result("Invoices older than 60 days").measurable
