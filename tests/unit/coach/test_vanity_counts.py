"""Counts that show value and counts that only grow with effort or attention."""

from __future__ import annotations

import pytest

from okrcoach.coach import review_key_result


@pytest.mark.parametrize(
    "text",
    [
        "150 paying newsletter subscribers",
        "Paying subscribers to the tutoring app reach 2,500",
        "Active users up 20%",
    ],
)
def test_a_count_of_only_those_who_got_value_is_not_vanity(text: str) -> None:
    assert not review_key_result(text).vanity


def test_the_same_count_without_its_qualifier_is_vanity() -> None:
    assert review_key_result("500 newsletter subscribers").vanity


@pytest.mark.parametrize("text", ["Reading scores up 10 points", "NPS up 10 points"])
def test_points_a_score_moves_by_are_not_story_points(text: str) -> None:
    review = review_key_result(text)
    assert not review.vanity
    assert review.kind == "outcome"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Videos watched 5,000 times", '"views"'),
        ("More people downloading the desktop client", '"downloads"'),
        ("Get more people visiting the help centre", '"visits"'),
    ],
)
def test_a_vanity_count_made_by_a_verb_is_named_by_its_count(text: str, term: str) -> None:
    review = review_key_result(text)
    assert review.vanity
    message = next(f.message for f in review.findings if f.rule_id == "kr.vanity")
    assert message.startswith(f"A count of {term} grows")
    assert '"this count"' not in message and "times" not in message
