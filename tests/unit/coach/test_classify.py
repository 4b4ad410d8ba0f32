"""Learning goal or performance goal, and how the skill's maturity decides."""

from __future__ import annotations

import pytest

from okrcoach.coach import classify_goal
from okrcoach.domain import Maturity


@pytest.mark.parametrize(
    "text",
    [
        "Learn to manage conflicts calmly",
        "Get better at public speaking",
        "Validate the hypothesis that small teams want a self-serve plan",
        "Understand how our customers choose a supplier",
    ],
)
def test_learning_wording(text: str) -> None:
    result = classify_goal(text)
    assert result.goal_type == "learning"
    assert result.reasons and 0.5 < result.confidence <= 1


@pytest.mark.parametrize(
    "text", ["Increase revenue by 20%", "Raise NPS from 32 to 45", "Delight our customers"]
)
def test_performance_wording(text: str) -> None:
    assert classify_goal(text).goal_type == "performance"


def test_maturity_decides_and_wording_sets_confidence() -> None:
    agree = classify_goal("Learn SQL", maturity="new")
    disagree = classify_goal("Increase revenue by 20%", maturity=Maturity.NEW)
    assert agree.goal_type == disagree.goal_type == "learning"
    assert agree.confidence > disagree.confidence
    assert any("learn, then perform" in reason for reason in disagree.reasons)


def test_improving_means_learning_with_light_tracking() -> None:
    result = classify_goal("Present the roadmap to customers", maturity="improving")
    assert (result.goal_type, result.light_tracking) == ("learning", True)
    mastered = classify_goal("Learn to manage conflicts calmly", maturity="mastered")
    assert (mastered.goal_type, mastered.light_tracking) == ("performance", False)


def test_no_cue_reads_as_performance_with_low_confidence() -> None:
    result = classify_goal("Our year")
    assert result.goal_type == "performance"
    assert result.confidence < 0.6


def test_a_function_word_is_no_reason_when_anything_else_pushed() -> None:
    reasons = classify_goal("Customers rave about our support", maturity="mastered").reasons
    assert not any('"about' in reason for reason in reasons)  # nor the pair "about our"
    assert reasons
