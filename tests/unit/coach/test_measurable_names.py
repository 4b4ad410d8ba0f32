"""Numbers that are not levels to reach, and levels written without the usual digits.

A number can point at a known set ("the 3 depots"), a window ("in their first 10 days"),
a clock time, a date, a split, a kind of thing ("a 4-step form") or a place or product
("Gate 12", "Pixel 9"). None of these says how much has to change. The other way round,
"at most one", "twice as many" and "revenue x2" set a level without a plain number.
"""

from __future__ import annotations

import pytest

from okrcoach.coach import parse_metric, review_key_result
from okrcoach.coach.measurability import measurable_evidence
from okrcoach.coach.number_names import names

NOT_A_LEVEL = [
    # (text, the fact read)
    ("Calmer check-in queues at the 3 depots", "m:only-scope-numbers"),
    ("Fewer missed deliveries across our 6 vans", "m:only-scope-numbers"),
    ("Tenants feel welcome in their first 10 days", "m:only-scope-numbers"),
    ("Smoother payroll for branches with 20+ staff", "m:only-scope-numbers"),
    ("Quicker restores for volumes over 2 TB", "m:only-scope-numbers"),
    ("Run-of-show notes for the 7:30 briefing", "m:only-named-numbers"),
    ("Be at my desk by the 9 a.m. bell with coffee", "m:only-named-numbers"),
    ("Grant paperwork signed off by 14/08", "m:only-named-numbers"),
    ("Bonus pool shared on a 70/30 team/individual split", "m:only-named-numbers"),
    ("Launch the 4-step returns form", "m:only-named-numbers"),
    ("Roll out two-factor sign-in for the kiosks", "m:no-bar"),
    ("Draft the 100%-renewable energy policy", "m:only-named-numbers"),
    ("Cleaner waiting room at Gate 12", "m:only-named-numbers"),
    ("Pilot the GPT-5 triage assistant", "m:only-named-numbers"),
    ("Set up 5G routers in the barns", "m:only-named-numbers"),
    ("Portuguese C1 reading list for the team", "m:only-named-numbers"),
    ("Adopt IFRS 17 for the insurance book", "m:only-named-numbers"),
    ("Start the mentoring circle for first-time founders", "m:no-bar"),
    ("Monthly donor churn", "m:frequency-name"),
    ("Cost per enquiry in the second half", "m:no-bar"),
    # An age group, a price that names a plan, a named range, a name at the line's start.
    ("Warmer welcome for over-70s at the library", "m:only-named-numbers"),
    ("Reach shoppers in the 25–40 bracket", "m:only-named-numbers"),
    ("Tidier billing pages for the £12 Family plan", "m:only-named-numbers"),
    ("Science week for Grades 7–8", "m:only-named-numbers"),
    ("Depot 9 canteen refurbished", "m:only-named-numbers"),
    ("Grow a 10x-founder attitude in the studio", "m:only-named-numbers"),
    # A "zero-" idiom names a way of working; it sets no count of zero.
    ("Zero-click checkout for returning buyers", "m:no-bar"),
    ("Our 24/7 helpdesk sounds friendlier", "m:only-named-numbers"),
    # A wish's number that says where or for whom, not how far.
    ("Happier guests in 4 hotels", "m:only-scope-numbers"),
    ("Stronger ties with top 15 suppliers", "m:only-scope-numbers"),
    ("Improve onboarding for 8 partner schools", "m:only-scope-numbers"),
    ("Bay 6 readmission rates", "m:only-named-numbers"),
    ("Grow the 25-40 audience on Instagram", "m:only-named-numbers"),
    ("Introduce 360 feedback for team leads", "m:only-named-numbers"),
    # Where it starts, but not where it should end.
    ("Lift repeat purchase rate from 12%", "m:baseline-only"),
    ("Bring down open safeguarding cases from 41", "m:baseline-only"),
    # A phone number, a code fused with capitals: names, not amounts.
    ("Quicker answers on the 0161 496 0200 helpline", "m:only-named-numbers"),
    ("Make the 1-877 line feel less like a maze", "m:only-named-numbers"),
    ("Lean 6S training on the packing line", "m:only-named-numbers"),
    # A wish or a piece of work picks things by their price: no bar on the price.
    ("Smoother approvals for purchases over $8k", "m:only-scope-numbers"),
    ("Chase invoices over £2k sooner", "m:only-scope-numbers"),
]

A_LEVEL = [
    ("At most one missed payroll run this year", "m:bound-in-words"),
    ("No more than two late filings a quarter", "m:bound-in-words"),
    ("Twice as many referrals as last spring", None),
    ("Membership revenue x2 by winter", None),
    ("Squat 1.25× my bodyweight", "m:parsed-target"),
    ("Score 6.5+ on the IELTS speaking test", "m:parsed-target"),
    ("Rank in the top 5 for 'vegan bakery leeds'", "m:top-n"),
    ("Shrink onboarding to 3 days", "m:parsed-target"),
    ("Trim the intake form down to a 5-minute task", "m:parsed-target"),
    ("Open complaints below 12 per month", "m:parsed-target"),
    ("Claim cycle for small claims under 10 days", "m:parsed-target"),
    ("Hire 4 sous-chefs for the Leeds kitchen", "m:counted"),
    ("Everyone completes the fire drill", "m:coverage"),
    ("Depot 9 late loads below 3 a week", "m:parsed-target"),
    ("Zero-downtime deploys for all 12 services", None),
    ("Grades 7–8 reading age up by 6 months", "m:parsed-target"),
    ("Family plan upgrades to the £12 tier reach 400", "m:parsed-target"),
    ("Open pop-up shops in 4 cities", "m:counted"),
    ("Get referrals from 6 partner clinics", "m:counted"),
    # A rating after a word ending in "on", a time bound after a plural, a bound in words.
    ("Families rate our communication 4/5", "m:rating"),
    ("Time to restore broken builds under 20 minutes", "m:parsed-target"),
    ("Night nurses get called out less than twice a shift", "m:bound-in-words"),
    ("Not a single missed medication round this term", "m:zero"),
    ("Invoices paid in under fourty days", "m:parsed-target"),
    ("Raise repeat bookings to 30% in 4 hotels", "m:parsed-target"),
    # A line that names a metric and no work: its one amount of money is the bar.
    ("Vendor fees below €950 a month", "m:parsed-target"),
    ("Fraud write-offs under £45k this year", "m:parsed-target"),
    ("Payroll errors per run below $300 by Q3", "m:parsed-target"),
    # A bound after the number makes it a level, whatever word comes before it.
    ("Parents rate the unit 4.6 or higher", "m:parsed-target"),
    ("Answer the 0800 line within 40 seconds", "m:parsed-target"),
    ("Print 3D-scanned casts for 25 patients", "m:counted"),
]


@pytest.mark.parametrize(("text", "fact"), NOT_A_LEVEL)
def test_a_number_that_is_not_a_level_sets_no_bar(text: str, fact: str) -> None:
    evidence = measurable_evidence(text)
    assert fact in evidence, sorted(evidence)
    assert "m:parsed-target" not in evidence and "m:counted" not in evidence
    assert not review_key_result(text).measurable


@pytest.mark.parametrize(("text", "fact"), A_LEVEL)
def test_a_level_in_words_or_odd_signs_is_measurable(text: str, fact: str | None) -> None:
    evidence = measurable_evidence(text)
    if fact is not None:
        assert fact in evidence, sorted(evidence)
    assert "m:no-bar" not in evidence
    assert review_key_result(text).measurable


def test_a_capitalised_name_is_not_a_command_or_a_metric() -> None:
    # A line's first word is most often its verb; a metric's name keeps its number.
    assert "m:counted" in measurable_evidence("Print 300 raffle tickets")
    assert "m:named-number" not in measurable_evidence("Print 300 raffle tickets")
    assert "m:named-number" not in measurable_evidence("Keep NPS 45 or above")
    assert "m:named-number" not in measurable_evidence("All 14 clinics audited")
    # A line may open with a name ("Depot 9 canteen"), never with a count of things.
    assert "m:counted" in measurable_evidence("Paint 12 garden benches")
    assert "m:named-number" not in measurable_evidence("Volunteers 30 signed up")


def test_a_set_acted_on_by_work_is_still_a_count() -> None:
    # "Migrate the 40 services" can be checked; "Happier staff at the 40 sites" cannot.
    assert "m:counted" in measurable_evidence("Migrate the 40 legacy cron jobs")
    assert "m:only-scope-numbers" in measurable_evidence("Happier staff at the 40 sites")


def test_half_multiplies_only_when_something_is_cut_or_split_by_it() -> None:
    assert review_key_result("Cut no-shows by half").guess.factor == 0.5
    assert review_key_result("Cut no-shows in half").guess.factor == 0.5
    assert review_key_result("Café footfall in the first half").guess.factor is None
    assert review_key_result("Half of shoppers use the app").guess.factor is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Calmer mornings for new starters in their first 10 days", None),
        ("Quicker refunds for orders over £40", None),
        ("Rewrite the Year 9 poetry unit", None),
        ("Grow weekly orders from 120 to 200", 200.0),
        ("Open complaints below 12 per month", 12.0),
        ("Happier guests in 4 hotels", None),
        ("Raise repeat bookings to 30% in 4 hotels", 30.0),
        ("Vendor fees below €950 a month", 950.0),
        ("Fraud write-offs under £45k this year", 45000.0),
        ("Close 12 deals over $40k", 12.0),
        ("Parents rate the unit 4.6 or higher", 4.6),
        ("Reply to reviews within 2 days", 2.0),
    ],
)
def test_the_metric_guess_never_takes_a_name_or_a_filter_as_its_target(
    text: str, target: float | None
) -> None:
    # The wizard fills the Target field from this guess.
    assert review_key_result(text).guess.target == target


def test_an_always_on_service_is_a_name_not_a_rating() -> None:
    assert "m:rating" not in measurable_evidence("Our 24/7 helpdesk sounds friendlier")
    assert "m:rating" in measurable_evidence("24/7 helpdesk rated 9/10 by callers")


def test_a_wish_with_no_amount_says_so_and_its_every_only_scopes_it() -> None:
    # "How well" with no bar: the "every month" says when, not how much.
    evidence = measurable_evidence("Invoicing runs smoothly every month")
    assert "m:scoped-wish" in evidence and "m:frequency" not in evidence
    assert "m:wish-no-amount" in measurable_evidence("Repeat donors grow steadily")
    assert "m:wish-no-amount" not in measurable_evidence("Repeat donors grow to 900")
    assert review_key_result("Invoices go out every month").measurable


@pytest.mark.parametrize(
    "text",
    [
        "Parkrun time under 24:30",
        "Half marathon in under 1:55:00",
        "Return on ad spend of at least 4:1",
        "Lights out before 23:00 on school nights",
        "Wake up at 6:30 on weekdays",  # the time a habit happens at
        "Log off at 17:30 every workday",
    ],
)
def test_a_time_or_ratio_written_with_a_colon_is_a_bar(text: str) -> None:
    evidence = measurable_evidence(text)
    assert "m:clock-bar" in evidence
    assert "m:only-named-numbers" not in evidence and "m:no-bar" not in evidence


@pytest.mark.parametrize(
    "text",
    [
        "Managers hold better 1:1s",
        "Fewer late arrivals at 8:45 registration",
        "Quieter handovers at 7:30",
    ],
)
def test_meetings_and_times_of_day_named_with_a_colon_set_no_bar(text: str) -> None:
    assert "m:clock-bar" not in measurable_evidence(text)


@pytest.mark.parametrize("text", ["Parkrun under 24:30", "ROAS of at least 3:1"])
def test_the_halves_of_a_time_or_ratio_are_never_a_target(text: str) -> None:
    # "24:30" is not a target of 30, "3:1" not a target of 1: the field stays empty.
    assert review_key_result(text).guess.target is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Hold a 2-minute plank", False),
        ("Hold a 15-minute conversation in Italian", False),
        ("Run a 15-minute stand-up for the squad", True),
        ("Launch a 30-day free trial", True),
    ],
)
def test_a_feat_held_for_a_time_is_a_level_and_a_format_is_a_name(text: str, named: bool) -> None:
    assert ("m:named-number" in measurable_evidence(text)) is named


@pytest.mark.parametrize(
    "text",
    ["Reach B2 in German by December", "Get to grade 5 piano", "Move from A2 to B1 Portuguese"],
)
def test_a_named_level_reached_is_the_bar(text: str) -> None:
    evidence = measurable_evidence(text)
    assert "m:named-level" in evidence and "m:no-bar" not in evidence


@pytest.mark.parametrize(
    "text", ["Grade 6 reading programme", "Roll out Google Classroom to Grade 4"]
)
def test_a_level_that_names_who_it_is_for_sets_no_bar(text: str) -> None:
    evidence = measurable_evidence(text)
    assert "m:named-level" not in evidence and "m:no-bar" in evidence


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Complete usability testing on iOS 18", True),
        ("Deliver a finance 101 course to managers", True),
        ("Roll out the 401(k) match", True),
        ("Process the Form I-9 backlog", True),
        ("Sponsor H-1B visas for the new hires", True),
        ("Send W-2s to the seasonal staff", True),
        ("Teach 101 students to code", False),
    ],
)
def test_a_platform_release_a_course_and_a_plan_are_named_by_their_number(
    text: str, named: bool
) -> None:
    evidence = measurable_evidence(text)
    assert ("m:only-named-numbers" in evidence) is named


@pytest.mark.parametrize(
    ("text", "measurable"),
    [
        ("Upgrade Rails from 6 to 7", False),
        ("Bump the billing service from Java 11 to 21", False),
        ("Upgrade 40 laptops to Windows 11", True),
    ],
)
def test_versions_an_upgrade_moves_between_are_no_level(text: str, measurable: bool) -> None:
    assert ("m:parsed-target" in measurable_evidence(text)) is measurable


def test_a_numbered_period_names_when_not_how_much() -> None:
    assert "m:only-named-numbers" in measurable_evidence("Understand why users churn in month 2")
    evidence = measurable_evidence("Retention in month 3 above 40%")
    assert "m:parsed-target" in evidence
    assert review_key_result("Retention in month 3 above 40%").guess.target == 40.0


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Run a 10k in under 50 minutes", 50.0),
        ("Finish the 5K under 28 minutes", 28.0),
        ("Grow to 5k subscribers", 5000.0),
        ("Reach a 5k MRR", 5000.0),
    ],
)
def test_a_race_named_by_its_distance_is_not_the_target(text: str, target: float) -> None:
    assert review_key_result(text).guess.target == target


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Cook healthy meals for my family of 5", True),
        ("Couch to 5K programme", True),
        ("Hire a team of 8 engineers", False),
    ],
)
def test_a_group_size_or_a_race_names_who_or_what_not_how_much(text: str, named: bool) -> None:
    assert ("m:only-named-numbers" in measurable_evidence(text)) is named


@pytest.mark.parametrize(
    "text",
    [
        "Move the 2 legacy queues onto the new broker",
        "Set up backups for our 3 EU databases",
        "Retire the 4 old report templates",
    ],
)
def test_work_on_a_few_things_the_line_points_at_names_them_and_sets_no_count(
    text: str,
) -> None:
    assert "m:only-scope-numbers" in measurable_evidence(text)
    assert not review_key_result(text).measurable


def test_work_covering_all_of_a_few_things_still_covers_them() -> None:
    text = "Set up backups for all 3 EU databases"
    assert "m:only-scope-numbers" not in measurable_evidence(text)


@pytest.mark.parametrize(
    ("text", "target"),
    [("CSAT 4.3", 4.3), ("DAU/MAU 0.35", 0.35), ("Gross margin 0.62", 0.62)],
)
def test_a_decimal_after_a_metric_is_its_level_not_a_version(text: str, target: float) -> None:
    assert names(text.lower(), text)[2] is False
    assert parse_metric(text).target == target
    assert review_key_result(text).measurable


def test_a_decimal_after_a_tool_is_still_a_version() -> None:
    assert names("kubernetes 1.30 rollout", "Kubernetes 1.30 rollout")[2] is True


@pytest.mark.parametrize(
    "text", ["MTTR for P1 incidents below 45 minutes", "P95 for checkout requests under 300 ms"]
)
def test_a_time_metric_named_by_its_initials_keeps_its_bound(text: str) -> None:
    assert review_key_result(text).measurable


@pytest.mark.parametrize(
    "text",
    [
        "Everyone on the team feels they belong",
        "Every customer feels heard",
        "Consistent brand voice across every channel",
        "All staff know the escalation path",
    ],
)
def test_an_inner_state_for_everyone_sets_no_bar(text: str) -> None:
    assert "m:inner-state" in measurable_evidence(text)
    assert not review_key_result(text).measurable


@pytest.mark.parametrize(
    "text", ["Every ticket answered within 24h", "All laptops encrypted", "90% of staff feel safe"]
)
def test_a_checkable_all_or_a_share_of_a_feeling_is_still_a_bar(text: str) -> None:
    assert "m:inner-state" not in measurable_evidence(text)
    assert review_key_result(text).measurable


@pytest.mark.parametrize(
    "text", ["Patient satisfaction in outpatient clinic 3", "Complete the SOX 404 walkthroughs"]
)
def test_a_place_or_a_rule_named_by_its_number_sets_no_bar(text: str) -> None:
    assert names(text.lower(), text)[1] is True
    assert not review_key_result(text).measurable


def test_a_rhythm_after_a_place_is_still_a_rhythm() -> None:
    assert names("walk the site 3 times a week", "walk the site 3 times a week")[1] is False


@pytest.mark.parametrize(
    "text", ["Stretch daily or more often", "Practise scales daily or more often"]
)
def test_or_more_after_a_rhythm_bounds_it_and_wishes_nothing(text: str) -> None:
    evidence = measurable_evidence(text)
    assert "m:vague-comparative" not in evidence and "m:no-bar" not in evidence
    assert "kr.no-target" not in {f.rule_id for f in review_key_result(text).findings}


@pytest.mark.parametrize(
    "text", ["Cost per MQL stays under £60", "Time to hire remains under 30 days"]
)
def test_a_bound_after_a_verb_bounds_the_metric_it_picks_nothing(text: str) -> None:
    evidence = measurable_evidence(text)
    assert "m:scope-number" not in evidence and "m:no-bar" not in evidence
    assert review_key_result(text).measurable


def test_deals_over_an_amount_still_pick_which_deals() -> None:
    assert "m:only-scope-numbers" in measurable_evidence("Deals over $50k close faster")


def test_a_count_after_a_hyphenated_word_is_still_a_count() -> None:
    assert "m:named-number" not in measurable_evidence("Fill 6 night-shift nursing vacancies")
    assert "m:named-number" in measurable_evidence("Route 66 store reopened")


def test_the_few_things_work_points_at_may_be_described_by_a_time() -> None:
    evidence = measurable_evidence("Automate the 3 month-end reconciliations")
    assert "m:only-scope-numbers" in evidence
    assert not review_key_result("Automate the 3 month-end reconciliations").measurable


@pytest.mark.parametrize(
    "text",
    [
        "Billing UX complaints below 50 tickets a month",
        "Sales never waits more than 2 days for a security answer",
    ],
)
def test_a_bound_with_its_own_unit_or_rhythm_is_a_bar_not_a_filter(text: str) -> None:
    assert "m:only-scope-numbers" not in measurable_evidence(text)
    assert review_key_result(text).measurable


def test_or_wider_bounds_a_level_as_or_better_does() -> None:
    evidence = measurable_evidence("Managers' span of control averages 1:7 or wider")
    assert "m:bound-in-words" in evidence and "m:vague-comparative" not in evidence


def test_a_latency_percentile_is_a_metric_and_a_priority_is_a_name() -> None:
    assert "m:named-number" not in measurable_evidence("P95 for checkout requests under 300 ms")
    assert "m:named-number" in measurable_evidence("Zero P1 incidents in Q3")


def test_every_one_of_the_things_a_number_picks_is_a_bar() -> None:
    evidence = measurable_evidence("Chase every invoice older than 45 days")
    assert "m:covered-filter" in evidence
    assert "m:covered-filter" not in measurable_evidence(
        "Help centre relaunched in all 4 languages"
    )


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Grow members from 1500 to 2000", 2000),
        ("Reach 2000 paying customers", 2000),
        ("Hit 2000 rapid on Chess.com (1540 right now)", 2000),
        ("1900 subscribers by the end of term", 1900),
    ],
)
def test_a_count_shaped_like_a_year_is_still_a_count(text: str, target: float) -> None:
    review = review_key_result(text)
    assert review.measurable
    assert parse_metric(text).target == target


@pytest.mark.parametrize(
    "text",
    ["Revenue back to 2019 levels", "Read more books in 2025", "Extend the lease to 2028"],
)
def test_a_year_stays_a_year(text: str) -> None:
    assert not review_key_result(text).measurable


@pytest.mark.parametrize(
    "text", ["5k parkrun time from 27:40 to 24:30", "5k under 24:30", "10k in 49:59 or better"]
)
def test_a_race_that_opens_the_line_before_its_time_is_not_the_target(text: str) -> None:
    review = review_key_result(text)
    assert review.measurable
    assert review.guess.target is None


def test_an_amount_that_opens_the_line_is_still_the_target() -> None:
    assert review_key_result("10k in revenue from upsells").guess.target == 10000.0
