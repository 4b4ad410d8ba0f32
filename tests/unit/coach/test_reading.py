"""The reading layer: the predicate is found wherever the sentence puts it."""

from __future__ import annotations

import pytest

from okrcoach.coach import review_key_result
from okrcoach.coach.features import kr_evidence
from okrcoach.coach.parse import Quantity, find_quantities
from okrcoach.coach.reading import Reading, reading
from okrcoach.coach.signals import Signals, read
from okrcoach.coach.words import strip_prefix


@pytest.mark.parametrize(
    ("text", "verb", "subject_first"),
    [
        ("Cut refund time from 9 to 3 days", "cut", False),
        ("Churn drops below 2%", "drop", True),
        ("Our agents resolve 80% of chats in one reply", "resolve", True),
        ("We will launch the partner portal", "launch", False),
        ("Paying workspaces double", "double", True),
    ],
)
def test_predicate_found_verb_first_subject_first_and_present_tense(
    text: str, verb: str, subject_first: bool
) -> None:
    read = reading(text)
    assert read.predicate == verb
    assert read.subject_first is subject_first


def test_up_down_arrow_and_multiplier_constructions() -> None:
    assert reading("Signups up 25%").up_down
    assert reading("Trial conversion +4%").up_down
    assert reading("NPS: 32 -> 45").arrow
    assert reading("Median reply time 24h → 4h").arrow
    assert reading("Paying workspaces double").multiply
    assert not reading("Set up the billing page").up_down


def test_ability_and_done_state_constructions() -> None:
    assert reading("Students will be able to read a balance sheet").ability
    assert reading("Get to where I can review Go code alone").ability
    assert reading("Pen test completed").done_participle == "completed"
    assert reading("Dashboard delivered by May").done_participle == "delivered"
    assert reading("Refunds reduced from 9 to 3 days").done_participle == ""


def test_multi_word_expressions_are_phrases_not_single_words() -> None:
    assert "set-up" in reading("Set up SSO for every app").phrases
    # "up" on its own is a change in a number, never half of "set up".
    assert "set-up" not in reading("Signups up 30%").phrases
    assert review_key_result("Signups up 30%").kind == "outcome"


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("- [ ] KR 2 - Support: run monthly office hours", "run monthly office hours"),
        ("Billing team - Cut refunds by 20%", "Cut refunds by 20%"),
        ("1. Launch the app", "Launch the app"),
        ("KR1: Reach 40k MAU", "Reach 40k MAU"),
        ("• Grow revenue", "Grow revenue"),
        ("#4 Friendlier support docs", "Friendlier support docs"),  # a numbered list
        ("#2: Cut refunds by 20%", "Cut refunds by 20%"),
        # A rank is the level itself, not the line's number.
        (
            "#1 on the leaderboard for weekly active teams",
            "#1 on the leaderboard for weekly active teams",
        ),
        ("#3 in app store rankings", "#3 in app store rankings"),
        ("NPS: 32 -> 45", "NPS: 32 -> 45"),  # a metric label keeps its name
        ("Churn: below 2%", "Churn: below 2%"),
    ],
)
def test_prefixes_bullets_checkboxes_and_team_labels(text: str, stripped: str) -> None:
    assert strip_prefix(text) == stripped


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Churn drops below 2%", "outcome"),
        ("Paying workspaces double", "outcome"),
        ("Signups up 25%", "outcome"),
        ("Billing team: run monthly office hours", "task"),
        ("Our agents resolve 80% of chats in one reply", "outcome"),
        ("Call 90% of churned customers within a week", "task"),
        ("Buyers complete their order 20% more often", "outcome"),
        ("Help centre launched", "task"),
        ("Host 8 roadshows", "task"),
        ("Hire 3 recruiters by May", "task"),
        ("Week-4 retention above 40%", "outcome"),
    ],
)
def test_outcome_or_task_across_constructions(text: str, kind: str) -> None:
    assert review_key_result(text).kind == kind


@pytest.mark.parametrize(
    ("text", "vanity"),
    [
        ("Demos booked", True),
        ("Newsletters sent", True),
        ("Commits merged", True),
        ("Story points delivered", True),
        ("Podcast listens up 15%", True),
        ("Page views up 20%", True),
        ("Raise trial-to-paid conversion from 8% to 12%", False),
        ("Grow paying customers from 400 to 550", False),
    ],
)
def test_vanity_with_or_without_a_number(text: str, vanity: bool) -> None:
    assert review_key_result(text).vanity is vanity


@pytest.mark.parametrize(
    "text",
    [
        "Deploy frequency from monthly to weekly",
        "Build time under 4 minutes",
        "Test coverage above 85%",
        "Email click rate 6%",
        "Blog visitors: 8k → 20k a month",
        "Open safety actions halved",
        "Launch page converts 5% of visitors",
    ],
)
def test_a_work_verb_that_only_names_what_is_measured_is_no_predicate(text: str) -> None:
    read = reading(text)
    assert read.predicate_index != 0, "the first word names the metric, it is not work to do"
    assert review_key_result(text).kind == "outcome"


@pytest.mark.parametrize(
    "text", ["Cut cost per refund by 20%", "Build a latency dashboard", "Run the cost review"]
)
def test_a_verb_before_its_object_stays_the_predicate(text: str) -> None:
    assert reading(text).predicate_index == 0


@pytest.mark.parametrize(
    "text",
    [
        "Phone 85% of customers who rated us 1 star",
        "Reply to every forum post within one business day",
        "Reply personally to every NPS detractor",
        "Use the new scorecard in all interviews",
        "Drink 2L of water a day",
    ],
)
def test_a_word_that_is_a_verb_only_before_its_object_opens_the_work(text: str) -> None:
    read = reading(text)
    assert read.predicate_index == 0 and "delivery" in read.sig.lead_classes
    assert review_key_result(text).kind == "task"


@pytest.mark.parametrize(
    "text",
    [
        "Encrypt every laptop disk",
        "Retire the 3 legacy reporting systems",
        "Decommission the old data centre",
        "Upskill 20 agents on the new billing tool",
        "Dockerise the legacy monolith",
        "Renegotiate freight contracts",
        "Relocate the spare parts store to building B7",
        "Unify our messaging across channels",
    ],
)
def test_work_verbs_beyond_the_common_ones_open_the_work(text: str) -> None:
    assert "delivery" in reading(text).sig.lead_classes
    assert review_key_result(text).kind == "task"


@pytest.mark.parametrize(
    "text",
    [
        "Phone wait time from 11 minutes to under 3",
        "Reply time under 2 hours",
        "Use of the self-serve portal up 20%",
        "Phone pickups a day: 90 -> 40",
        "Prototype tests passed by 4 of 5 users",
    ],
)
def test_the_same_word_before_a_noun_names_what_is_measured(text: str) -> None:
    assert reading(text).predicate_index != 0
    assert review_key_result(text).kind == "outcome"


@pytest.mark.parametrize(
    "text", ["Workday rollout for Germany", "Warehouse layout redesign", "Checkout revamp"]
)
def test_a_line_named_after_the_work_itself_is_a_deliverable(text: str) -> None:
    assert "deliverable" in kr_evidence(text)


def test_facts_that_only_mean_something_together() -> None:
    assert "moved-work" in kr_evidence("Outbound calls per rep from 40 to 60 a day")
    assert "done-count" in kr_evidence("Safety drills completed")
    assert "service-level" in kr_evidence("Damaged parcels replaced next day")
    assert "comparative" in kr_evidence("Make the booking page quicker")
    assert "named-numbers" in kr_evidence("Redesign the Year 8 history unit")
    assert review_key_result("Outbound calls per rep from 40 to 60 a day").kind == "task"
    assert review_key_result("Damaged parcels replaced next day").kind == "outcome"


def test_a_reading_and_its_signals_carry_every_field_they_name() -> None:
    """Both are made as plain tuples for speed: a field left out would shift the others."""
    read = reading("Cut churn from 5% to 3% by June")
    assert len(read) == len(Reading._fields)
    assert len(read.sig) == len(Signals._fields)
    assert all(len(q) == len(Quantity._fields) for q in find_quantities(read.text))
    assert read.tokens == read.sig.tokens and read.text == read.sig.text


@pytest.mark.parametrize(
    "text",
    [
        "Run 5 km without stopping",
        "Do 10 unassisted pull-ups",
        "Finish a half marathon without walking",
        "Swim 1 km non-stop",
    ],
)
def test_a_feat_done_to_a_standard_is_a_result(text: str) -> None:
    assert "feat" in kr_evidence(text)
    assert review_key_result(text).kind == "outcome"


@pytest.mark.parametrize(
    "text", ["Run 30 km a week", "Run 1,000 km this year", "Run 10k vulnerability scans a month"]
)
def test_the_same_verb_over_a_period_or_on_a_count_is_no_feat(text: str) -> None:
    assert "feat" not in kr_evidence(text)


@pytest.mark.parametrize(
    "text", ["Reading scores", "Test scores up 10 points", "Shipping times under 2 days"]
)
def test_a_word_of_work_before_a_measure_names_the_metric(text: str) -> None:
    assert review_key_result(text).kind == "outcome"


def test_a_word_of_change_before_a_metric_is_still_the_verb() -> None:
    assert read("Reducing costs by 10%").lead == "reduce"
    assert read("Test the new checkout").lead == "test"
