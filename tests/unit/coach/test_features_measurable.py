"""The measurable judgement: can a reader tell at the end whether it happened?

A key result is measurable when it sets a number, a count or a bar to reach, in digits or
in words; it is not when it only names a metric, wishes for more without a size, or its
only numbers are names. Each construction is checked twice: the fact is read, and the
review a user sees says measurable (or not).
"""

from __future__ import annotations

import pytest

from okrcoach.coach import review_key_result
from okrcoach.coach.features import measurable_evidence

MEASURABLE = [
    # (text, the fact that makes it measurable)
    ("Add alt text to every product image", "m:coverage"),
    ("Encrypt all backup drives", "m:coverage"),
    ("Ticket macros reviewed for all 12 queues", "m:coverage"),
    ("Water the allotment every Saturday", "m:frequency"),
    ("Back up the laptop fortnightly", "m:frequency"),
    ("Stretch twice a day", "m:frequency"),
    ("Lost-card requests handled same day", "m:time-bound"),
    ("Warranty claims settled within a week", "m:time-bound"),
    ("New tutors teach a lesson alone in their first month", "m:time-bound"),
    ("A quarter of repeat orders come from referrals", "m:share"),
    ("Seven in ten callers get their answer on the first call", "m:share"),
    ("Waiting list shrinks by a third", "m:fraction"),
    ("Cold calls per SDR: 90/day", "m:per-period"),
    ("Bench press 60kg by spring", "m:glued-unit"),
    ("Café cash flow positive from March", "m:sign"),
    ("Shop breaks even in the autumn", "m:sign"),
    ('Clients rate the new portal "easy" in the autumn survey', "m:quoted-grade"),
    ("No missed medication rounds this winter", "m:zero"),
    ("Write FAQs for the top 15 refund reasons", "m:top-n"),
    ("Plant 300 trees along the canal", "m:counted"),
    ("Update 40 lesson plans", "m:counted"),
]

NOT_MEASURABLE = [
    # (text, the fact that makes it not measurable)
    ("Blender 4.2 migration", "m:version"),
    ("Upgrade Django from 4 to 5", "m:upgrade-version"),
    ("Rewrite the Year 7 geography unit", "m:only-named-numbers"),
    ("Stock-take sprint in week 9", "m:only-named-numbers"),
    ("Zero-trust network plan for the depots", "m:no-bar"),
    ("Cleaner, faster release process", "m:vague-comparative"),
    ("Friendlier checkout for older shoppers", "m:vague-comparative"),
    ("Make the warehouse tidier", "m:vague-comparative"),
    ("Number of loyalty cards issued", "m:metric-name"),
    ("Parcels scanned per driver", "m:metric-name"),
    ("Basket size", "m:bare-name"),
    ("Roll the new intranet out company-wide", "m:scope-word"),
    ("Better onboarding for accounts over $10k", "m:only-scope-numbers"),
    ("Volunteer retention", "m:no-bar"),
]


@pytest.mark.parametrize(("text", "fact"), MEASURABLE + NOT_MEASURABLE)
def test_each_construction_is_read(text: str, fact: str) -> None:
    evidence = measurable_evidence(text)
    assert fact in evidence
    assert evidence[fact][1], "every fact has words to show the user"


@pytest.mark.parametrize(("text", "fact"), MEASURABLE)
def test_a_bar_in_digits_or_words_is_measurable(text: str, fact: str) -> None:
    review = review_key_result(text)
    assert review.measurable, (text, fact)
    assert "m:no-bar" not in measurable_evidence(text)


@pytest.mark.parametrize(("text", "fact"), NOT_MEASURABLE)
def test_a_name_a_wish_or_a_version_is_not_measurable(text: str, fact: str) -> None:
    review = review_key_result(text)
    assert not review.measurable, (text, fact)
    said = {f.rule_id for f in review.findings}
    assert said & {"kr.no-target", "kr.vague", "kr.task"}, "the user is told what is missing"


def test_a_version_after_a_name_is_not_a_quantity_after_a_bound() -> None:
    assert "m:version" in measurable_evidence("Move the shop to Magento 2.4")
    for target in ("CSAT on the app ≥ 4.3", "Page load under 1.5 s", "NPS from 4.1 to 4.6"):
        evidence = measurable_evidence(target)
        assert "m:version" not in evidence and "m:only-named-numbers" not in evidence


def test_a_name_covers_its_whole_number() -> None:
    for named in ("Release version 2.0 of the kiosk app", "Close the 2026/27 budget on time"):
        assert "m:only-named-numbers" in measurable_evidence(named)


def test_a_number_word_inside_another_word_is_no_count() -> None:
    # "phONE", "frEIGHT": only whole words are numbers.
    assert "m:counted" not in measurable_evidence("Cut phone queue waits by 10%")
    assert "m:counted" not in measurable_evidence("Lower freight costs by 8%")
    assert "m:counted" in measurable_evidence("Sign three new carriers")


def test_a_rhythm_that_names_the_thing_is_told_apart() -> None:
    assert "m:frequency-name" in measurable_evidence("Design a quarterly newsletter template")
    assert "m:frequency-name" not in measurable_evidence("Send the newsletter quarterly")


def test_every_over_a_wish_scopes_it_and_sets_no_bar() -> None:
    evidence = measurable_evidence("Happier volunteers after each shift")
    assert "m:scoped-wish" in evidence and "m:no-bar" in evidence
    assert "m:frequency" not in evidence and "m:coverage" not in evidence


def test_zero_as_a_name_is_no_bar_but_zero_as_a_level_is() -> None:
    assert "m:zero" not in measurable_evidence("Zero-trust network plan for the depots")
    assert "m:zero" in measurable_evidence("Zero failed card payments at the tills")
    assert "m:zero" in measurable_evidence("No pallet left unscanned overnight")


def test_a_number_that_picks_things_is_a_scope_not_a_target() -> None:
    assert "m:only-scope-numbers" in measurable_evidence("Draft renewal plans for deals over $20k")
    scoped = measurable_evidence("Chase every invoice older than 45 days")
    assert "m:scope-number" in scoped and "m:coverage" in scoped
    assert review_key_result("Chase every invoice older than 45 days").measurable
    target = measurable_evidence("Orders over $80 ship 30% faster")
    assert "m:scope-number" in target and "m:only-scope-numbers" not in target


def test_upgrading_a_count_of_things_is_not_a_version() -> None:
    evidence = measurable_evidence("Update 40 lesson plans")
    assert "m:upgrade-version" not in evidence


def test_hostile_and_empty_text_gives_facts_or_nothing() -> None:
    assert measurable_evidence("") == {}
    assert measurable_evidence("   ") == {}
    wall = "1.2 " * 5000 + "every " * 2000
    assert isinstance(measurable_evidence(wall), dict)
    assert isinstance(measurable_evidence("\x1b[31m[bold]all[/bold] of them\x1b[0m"), dict)
