"""Where a metric stands today, written beside it, and a time that only says which events
a metric counts.

"(~340 open)", "(roughly £2.1k now)" and "(last test 14%)" say where a metric starts; with
nothing else, the line sets no level to reach. "Tickets reopened within 7 days" counts
reopenings: its 7 days define the metric, they are not a time to reach.
"""

from __future__ import annotations

import pytest

from okrcoach.coach import parse_metric, review_key_result


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("Open security findings (~220 open)", 220),
        ("Grocery spending (roughly £450 now)", 450),
        ("Reduce phishing click rate (last test 12%)", 12),
        ("Late deliveries (9 last month)", 9),
        ("Average basket (approx. €38)", 38),
        # Where it sits, the last count, a month or the year so far, a target not yet set.
        ("Current CSAT sits at 4.2, keep it climbing", 4.2),
        ("EBITDA margin stands at 9% - push it higher", 9),
        ("Inventory accuracy: 91% at last count", 91),
        ("Unaided brand recall: 6% in last year's survey", 6),
        ("Vulnerability backlog: 1,900 open today", 1900),
        ("Phishing click rate (12% in March)", 12),
        ("On-time delivery (89% YTD)", 89),
        ("Weight (88 kg this morning)", 88),
        ("NPS: 31 → TBD", 31),
    ],
)
def test_todays_level_beside_a_metric_is_its_baseline_and_sets_no_bar(
    text: str, today: float
) -> None:
    guess = parse_metric(text)
    assert guess.baseline == today
    assert guess.target is None
    review = review_key_result(text)
    assert review.has_baseline
    assert not review.measurable


@pytest.mark.parametrize(
    ("text", "today", "target"),
    [
        ("NPS 45 (last survey: 31)", 31, 45),
        ("First reply under 4h (last quarter 9h)", 9, 4),
    ],
)
def test_todays_level_beside_a_target_leaves_the_target(
    text: str, today: float, target: float
) -> None:
    guess = parse_metric(text)
    assert (guess.baseline, guess.target) == (today, target)
    assert review_key_result(text).measurable


@pytest.mark.parametrize("text", ["Cut churn to about 2%", "Churn (target ~2%)"])
def test_an_approximate_target_is_still_a_target(text: str) -> None:
    assert parse_metric(text).target == 2
    assert parse_metric(text).baseline is None


@pytest.mark.parametrize(
    "text",
    [
        "Orders refunded within 14 days",
        "Patients readmitted within 30 days",
        "Releases rolled back within 48h",
        "Subscribers churned within 60 days",
    ],
)
def test_a_window_on_the_event_a_metric_counts_sets_no_bar(text: str) -> None:
    assert parse_metric(text).target is None
    assert not review_key_result(text).measurable


@pytest.mark.parametrize(
    "text",
    ["Orders refunded within 14 days under 3%", "Under 5% of patients readmitted within 30 days"],
)
def test_a_windowed_metric_with_its_own_bar_is_measurable(text: str) -> None:
    assert review_key_result(text).measurable


def test_a_service_time_is_still_a_bar() -> None:
    assert review_key_result("Support emails answered within 24h").measurable


def test_todays_count_of_things_beside_a_wish_sets_no_bar() -> None:
    review = review_key_result("Shrink the support backlog (currently ~610 tickets)")
    assert review.has_baseline
    assert not review.measurable


def test_a_number_followed_by_how_it_moves_is_the_move_not_todays_level() -> None:
    guess = parse_metric("Resting heart rate baseline 5% lower by June")
    assert guess.baseline is None
    assert review_key_result("Resting heart rate baseline 5% lower by June").measurable


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("Support cost per seat (€31 in FY24)", 31),
        ("Time to hire (52 days in 2024)", 52),
        ("Pager load (avg 9 alerts/week today)", 9),
        ("Pen-test findings burned down last quarter: 35%", 35),
        ("Time to detect: 5 hours at the last audit", 5),
        ("Repeat buyers were 22% of orders last year", 22),
        ("Current on-time rate 81% across the fleet", 81),
        ("Week-2 retention — 38% now", 38),
        # The last measurement of any kind, named before the figure.
        ("Critical pentest findings, last count: 7", 7),
        ("Open vulnerabilities, latest scan: 42", 42),
        ("Phishing click rate, most recent test: 14%", 14),
    ],
)
def test_a_figure_dated_to_now_or_the_past_is_todays_level(text: str, today: float) -> None:
    guess = parse_metric(text)
    assert guess.baseline == today
    assert guess.target is None
    review = review_key_result(text)
    assert review.has_baseline
    assert not review.measurable


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Signups (target 2,000 in 2027)", 2000),
        ("Current customers renew at 90%", 90),
        ("Current savings rate to 15%", 15),
    ],
)
def test_a_target_beside_a_date_or_the_word_current_stays_a_target(
    text: str, target: float
) -> None:
    assert parse_metric(text).target == target
    assert review_key_result(text).measurable


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("NPS 31 → 45", 45),
        ("Phishing click rate under 5% (by March)", 5),
        ("Keep uptime at 99.9% this quarter", 99.9),
    ],
)
def test_a_bar_near_such_words_is_still_a_bar(text: str, target: float) -> None:
    assert parse_metric(text).target == target
    assert review_key_result(text).measurable


@pytest.mark.parametrize(
    ("text", "today", "target"),
    [
        ("Discount depth shrinks from a 22% average", 22, None),
        ("Cut handle time from an average of 11 minutes to 8", 11, 8),
    ],
)
def test_from_an_average_is_where_it_starts(text: str, today: float, target: float | None) -> None:
    guess = parse_metric(text)
    assert (guess.baseline, guess.target) == (today, target)
    assert review_key_result(text).measurable is (target is not None)


@pytest.mark.parametrize(
    ("text", "today"),
    [
        # A few words between the figure and its "now", "currently" or "as of today".
        ("Open bugs: ~85 in the tracker now", 85),
        ("Churned logos — 14 this quarter right now", 14),
        ("Stock cover: 12 days of sales as of today", 12),
        ("Attrition — 18% of engineers currently looking", 18),
        # A figure the line ends on after "is" says where things are.
        ("Average handle time is 9 minutes", 9),
        ("Pass rate on the mock exam is 64%", 64),
        # A multiple marked as today's is no factor to reach.
        ("LTV:CAC currently 1.8x", 1.8),
    ],
)
def test_a_figure_said_to_be_todays_sets_no_bar(text: str, today: float) -> None:
    guess = parse_metric(text)
    assert (guess.baseline, guess.target, guess.factor) == (today, None, None)
    assert not review_key_result(text).measurable


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Average handle time is 9 minutes or less", 9),
        ("Pass rate on the mock exam is 80% by June", 80),
        ("Hit 95% on-time every week starting today", 95),
        ("LTV:CAC from 1.8x to 3x", 3),
    ],
)
def test_a_bar_beside_is_or_today_is_still_a_bar(text: str, target: float) -> None:
    assert parse_metric(text).target == target
    assert review_key_result(text).measurable


@pytest.mark.parametrize(
    ("text", "today", "target"),
    [
        ("Escalations per week fall from 6 to under one", 6, 1),
        ("Handoffs per ticket from 3 to one", 3, 1),
        ("Self-serve share of refunds grows from 12% to a third", 12, 33.3),
        ("Repeat buyers from 30% of customers to half", 30, 50),
    ],
)
def test_a_target_in_words_after_where_it_starts_is_the_target(
    text: str, today: float, target: float
) -> None:
    guess = parse_metric(text)
    assert (guess.baseline, guess.target) == (today, target)
    assert review_key_result(text).measurable


@pytest.mark.parametrize(
    ("text", "today", "target"),
    [
        ("Cut reopen rate (current reopen rate: 9%)", 9, None),
        ("Faster month-end close (today's average: 8 days)", 8, None),
        ("OTIF to 95% (current target 90%)", None, 95),
    ],
)
def test_brackets_that_open_on_todays_figure_hold_the_baseline(
    text: str, today: float | None, target: float | None
) -> None:
    guess = parse_metric(text)
    assert (guess.baseline, guess.target) == (today, target)


def test_rupee_amounts_in_crore_and_lakh_are_read() -> None:
    guess = parse_metric("Cut overdue receivables from ₹2 crore to ₹80 lakh")
    assert (guess.baseline, guess.target, guess.unit) == (2e7, 8e6, "₹")
    assert review_key_result("Grow ARR to ₹40 cr").measurable


@pytest.mark.parametrize(
    ("text", "today", "target"),
    [
        # A decimal after a word that says where the metric stands is no version.
        ("CSAT ≥ 4.6 (currently 4.2)", 4.2, 4.6),
        ("Paid social ROAS ≥ 3.0 (now 1.8)", 1.8, 3.0),
        ("Screen time under 2 hours a day (currently 4.5)", 4.5, 2),
        # What the target replaces, and a past period's figure in brackets.
        ("Potholes repaired within 7 days instead of 28", 28, 7),
        ("Refunds handled in 48h instead of the current 6 days", 144, 48),  # 6 days in h
        ("MQL to SQL conversion at least 35% (Q1: 22%)", 22, 35),
        ("Close €1.2M in new ARR (Q1 closed €800k)", 800_000, 1_200_000),
        ("KR 1 - CSAT ≥ 4.6 (Q2 closed at 4.3)", 4.3, 4.6),
        ("Month-end close in 5 working days (Q1 avg: 9)", 9, 5),
        # Brackets that say where things stand in a sentence.
        ("Escalations: no more than 3 a week (we're at ~7)", 7, 3),
        ("Partner program with 10 active resellers (we have 2)", 2, 10),
        # A figure an arrow leads away from, whatever the target is written in.
        ("Dock-to-stock 3 days → same day", 3, None),
    ],
)
def test_where_a_metric_stood_is_read_in_more_shapes(
    text: str, today: float, target: float | None
) -> None:
    guess = parse_metric(text)
    assert (guess.baseline, guess.target) == (today, target)
    assert review_key_result(text).has_baseline


def test_a_version_is_still_a_version() -> None:
    assert parse_metric("Upgrade every service to Python 3.12").target is None


@pytest.mark.parametrize(
    "text",
    [
        "Deployment frequency from weekly to daily",
        "Release cadence: fortnightly → daily",
        "Team retros go from once a month to every sprint",
    ],
)
def test_a_starting_rhythm_in_words_is_a_baseline(text: str) -> None:
    review = review_key_result(text)
    assert review.has_baseline
    assert not any(f.rule_id == "kr.no-baseline" for f in review.findings)


def test_a_rhythm_with_nowhere_it_starts_has_no_baseline() -> None:
    assert not review_key_result("Deploy to production daily").has_baseline


@pytest.mark.parametrize(
    "text",
    [
        "Mile time from 9:40 to 8:15",
        "Average handle time down from 11:40 to 8:00",
        "Pain score from 6/10 to 3/10",
        "Sleep score 6/10 → 8/10",
        "Half marathon 2:05:30 -> 1:55:00",
    ],
)
def test_a_time_or_rating_where_it_starts_is_a_baseline(text: str) -> None:
    review = review_key_result(text)
    assert review.has_baseline
    assert review.measurable
    assert "kr.no-baseline" not in [f.rule_id for f in review.findings]


def test_a_time_or_rating_as_the_only_bar_is_no_baseline() -> None:
    assert not review_key_result("Parkrun under 24:30").has_baseline
    assert not review_key_result("Pain score 3/10 or lower").has_baseline


def test_a_rhythm_said_to_be_todays_is_where_it_starts_not_a_bar() -> None:
    review = review_key_result("Deploy frequency (today: twice a week)")
    assert not review.measurable
    assert review.has_baseline
    assert review_key_result("Deploy daily (today: twice a week)").measurable


def test_todays_figure_named_before_it_is_the_baseline() -> None:
    review = review_key_result("Reply faster than today's 11 h average")
    assert review.has_baseline
    assert not review.measurable
    assert review.guess.baseline == 11.0
    assert review_key_result("Reply in 2 h, down from today's 11 h").guess.target == 2.0
