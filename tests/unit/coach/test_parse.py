"""Numbers read from a KR's words, ready for the wizard to pre-fill."""

from __future__ import annotations

import pytest

from okrcoach.coach import classify_goal, parse_metric, review_key_result
from okrcoach.domain import Direction, MetricKind


@pytest.mark.parametrize(
    ("text", "baseline", "target", "unit", "direction", "kind"),
    [
        ("Cut median first-reply time from 24 h to 4 h", 24, 4, "h", "decrease", "number"),
        ("Raise NPS from 32 to 45", 32, 45, "", "increase", "number"),
        ("Grow MRR to €50k", None, 50_000, "€", "increase", "currency"),
        ("Reach 40% activation", None, 40, "%", "increase", "percent"),
        ("Reduce churn from 3.5% to 2%", 3.5, 2, "%", "decrease", "percent"),
        ("Lower p95 latency from 900 ms to 300 ms", 900, 300, "ms", "decrease", "number"),
        ("Close $1.2M in new business", None, 1_200_000, "$", "increase", "currency"),
        ("Grow weekly active teams from 1,200 to 2,000", 1200, 2000, "", "increase", "number"),
        ("Keep spend below $40k a month", None, 40_000, "$", "maintain", "currency"),
        ("Get p95 latency under 200 ms", None, 200, "ms", "decrease", "number"),
        ("Move cost per lead: €90 → €60", 90, 60, "€", "decrease", "currency"),
        # A rate written with a slash is a number per period, not a count of periods.
        ("Cut refund requests from 1,400/week to 900/week", 1400, 900, "", "decrease", "number"),
        ("Grow orders from 300 to 450/month", 300, 450, "", "increase", "number"),
        # After an arrow, the target may open on a bound or a sign, and a short label in
        # brackets may date the figure before it.
        ("Monthly logo churn 3.2% → under 2%", 3.2, 2, "%", "decrease", "percent"),
        ("Flaky test rate 8% → <1%", 8, 1, "%", "decrease", "percent"),
        ("Privileged accounts: 120 → fewer than 40", 120, 40, "", "decrease", "number"),
        ("In-app NPS +12 → +30", 12, 30, "", "increase", "number"),
        ("Avg handle time 14 min (Q2) -> 10 min", 14, 10, "min", "decrease", "number"),
        ("Cut churn from 4% to under 2%", 4, 2, "%", "decrease", "percent"),
        ("Demo-to-close conversion 15% ➜ 25%", 15, 25, "%", "increase", "percent"),
        ("Win rate 20% => 30%", 20, 30, "%", "increase", "percent"),
        # A label "KR 2" or a metric that ends in 101 names nothing to reach.
        ("KR 2 – CSAT from 4.1 to 4.6", 4.1, 4.6, "", "increase", "number"),
        ("KR 1 - Churn under 2%", None, 2, "%", "decrease", "percent"),
        ("NRR 101% → 110%", 101, 110, "%", "increase", "percent"),
        # A word that can name a thing ("module 3", "sprint 40") before a percentage or
        # after "per" names none.
        ("Test coverage on core modules 54% → 80%", 54, 80, "%", "increase", "percent"),
        ("Story points per sprint 40 → 55", 40, 55, "", "increase", "number"),
        ("Cost per unit from 4.20 to 3.80", 4.2, 3.8, "", "decrease", "number"),
        # Units of weight, distance and energy, glued on or spaced.
        ("Weight 84kg → 77kg", 84, 77, "kg", "decrease", "number"),
        ("Lose 6kg by summer", None, 6, "kg", "decrease", "number"),
        ("Weekly running distance from 12 km to 25 km", 12, 25, "km", "increase", "number"),
    ],
)
def test_reads_baseline_target_unit_direction(
    text: str,
    baseline: float | None,
    target: float,
    unit: str,
    direction: str,
    kind: str,
) -> None:
    guess = parse_metric(text)
    assert (guess.baseline, guess.target, guess.unit) == (baseline, target, unit)
    assert guess.direction == Direction(direction)
    assert guess.metric_kind == MetricKind(kind)


@pytest.mark.parametrize(
    "text",
    [
        "Ship v2.0 of the API by Q3 2025",
        "Publish the 2025 roadmap",
        "Finish the migration by March 31",
        "Hold the 1st customer day on 12 May",
        "Offer 24/7 support in H2",
    ],
)
def test_dates_versions_and_ordinals_are_not_targets(text: str) -> None:
    guess = parse_metric(text)
    assert guess.target is None and guess.baseline is None


def test_relative_changes_and_factors() -> None:
    by = parse_metric("Increase conversion by 20%")
    assert (by.target, by.change, by.unit) == (None, 20, "%")
    assert parse_metric("Double weekly active users").factor == 2
    assert parse_metric("Halve the time to first report").direction == Direction.DECREASE
    assert parse_metric("Zero P1 incidents this quarter").target == 0


def test_no_numbers_means_nothing_invented() -> None:
    guess = parse_metric("Improve customer satisfaction")
    assert guess.model_dump(exclude_defaults=True) == {}


@pytest.mark.parametrize("text", ["Grow to ſix new markets", "Hire ſeven engineers"])
def test_a_number_word_spelled_with_an_old_long_s_is_not_read_and_does_not_crash(
    text: str,
) -> None:
    """Ignoring case, "ſ" matches "s", so "ſix" looks like a number word to the pattern
    but is none the coach knows: it is left unread, and the review still answers."""
    assert parse_metric(text).target is None
    review_key_result(text)
    classify_goal(text)


@pytest.mark.parametrize(
    ("text", "baseline", "target"),
    [
        ("Win rate against the main rival at 45% (now 31%)", 31, 45),
        ("Attrition < 10% (currently 14%)", 14, 10),
        ("New ARR $2.5M (was $1.8M)", 1_800_000, 2_500_000),
        ("30-day retention at 45% (baseline 38%)", 38, 45),
        ("Sessions per learner: 6 (vs 4 last term)", 4, 6),
        ("Do 25 push-ups in a row (7 today)", 7, 25),
    ],
)
def test_a_number_marked_as_today_is_the_baseline_wherever_it_stands(
    text: str, baseline: float, target: float
) -> None:
    guess = parse_metric(text)
    assert (guess.baseline, guess.target) == (baseline, target)
    assert review_key_result(text).has_baseline


@pytest.mark.parametrize(
    "text",
    ["Trial-to-paid (now 6%)", "Monthly retention (~62% today)", "ACV (currently ~€14k)"],
)
def test_a_metric_with_only_todays_level_sets_no_target(text: str) -> None:
    """Where it stands is not where it should end: the wizard must not prefill today's level
    as the target, and the coach asks for one."""
    guess = parse_metric(text)
    assert guess.target is None and guess.baseline is not None
    review = review_key_result(text)
    assert not review.measurable
    assert any(f.severity == "problem" for f in review.findings)


def test_a_number_followed_by_a_bracket_is_not_marked_by_the_word_inside_it() -> None:
    guess = parse_metric("Churn below 2% (currently 3.1%)")
    assert (guess.baseline, guess.target) == (3.1, 2)


@pytest.mark.parametrize(
    ("text", "baseline", "target", "unit"),
    [
        ("First reply from 2 days to 4 hours", 48.0, 4.0, "h"),
        ("Page load from 3 s to 800 ms", 3000.0, 800.0, "ms"),
        ("Leavers lose all access within 4 hours (currently 3 days)", 72.0, 4.0, "h"),
    ],
)
def test_a_start_in_another_unit_of_time_is_read_in_the_targets_unit(
    text: str, baseline: float, target: float, unit: str
) -> None:
    guess = parse_metric(text)
    assert (guess.baseline, guess.target, guess.unit) == (baseline, target, unit)
    assert guess.direction is Direction.DECREASE
    rules = [f.rule_id for f in review_key_result(text).findings]
    assert "kr.direction-mismatch" not in rules
