"""Learning goal or performance goal: what a goal aims at, and when maturity decides."""

from __future__ import annotations

import pytest

from okrcoach.coach import classify_goal, review_key_result
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


def test_maturity_decides_when_the_wording_leaves_the_aim_open() -> None:
    agree = classify_goal("Learn SQL", maturity="new")
    open_aim = classify_goal("Public speaking", maturity=Maturity.NEW)
    assert agree.goal_type == open_aim.goal_type == "learning"
    assert agree.confidence > open_aim.confidence
    assert classify_goal("Public speaking", maturity="mastered").goal_type == "performance"


@pytest.mark.parametrize(
    "text",
    [
        "Increase revenue by 20%",
        "I have never sold at a trade fair, but sign 12 distributors at the Hamburg fair",
        "Never managed a budget before: keep the Q3 events budget under 40k",
    ],
)
def test_a_plain_result_on_a_new_skill_is_performance_with_the_learn_first_advice(
    text: str,
) -> None:
    result = classify_goal(text, maturity="new")
    assert result.goal_type == "performance"
    assert any("learn first, perform next" in reason for reason in result.reasons)


def test_plain_learning_on_a_mastered_skill_stays_learning() -> None:
    result = classify_goal("Learn to manage conflicts calmly", maturity="mastered")
    assert result.goal_type == "learning"
    assert any("builds a new one" in reason for reason in result.reasons)


def test_improving_means_learning_with_light_tracking() -> None:
    result = classify_goal("Negotiation with suppliers", maturity="improving")
    assert (result.goal_type, result.light_tracking) == ("learning", True)
    plain_result = classify_goal("Reduce churn from 3.5% to 2%", maturity="improving")
    assert (plain_result.goal_type, plain_result.light_tracking) == ("performance", False)
    assert any("track what you learn" in reason for reason in plain_result.reasons)


def test_no_cue_reads_as_performance_with_low_confidence() -> None:
    result = classify_goal("Our year")
    assert result.goal_type == "performance"
    assert result.confidence < 0.6


def test_a_function_word_is_no_reason_when_anything_else_pushed() -> None:
    reasons = classify_goal("Customers rave about our support", maturity="mastered").reasons
    assert not any('"about' in reason for reason in reasons)  # nor the pair "about our"
    assert reasons


def test_reasons_say_each_thing_once_and_in_a_sentence() -> None:
    bound = classify_goal("Never managed a budget before: keep the Q3 events budget under 40k")
    assert sum("bound" in reason for reason in bound.reasons) <= 1
    counted = classify_goal("I have never sold at a trade fair, but sign 12 distributors")
    assert "a number" not in counted.reasons
    assert all(reason.split()[0] != "a" for reason in counted.reasons)


def test_direct_reports_are_people_not_a_unit_of_work() -> None:
    reasons = classify_goal("Get comfortable giving feedback to my reports").reasons
    assert not any("unit of work" in reason for reason in reasons)
    assert review_key_result("Build 40 new reports in the BI tool").kind == "task"


@pytest.mark.parametrize(
    "text",
    [
        "Put my Portuguese to work closing two new accounts in São Paulo",
        "Use my video-editing skills to finish the launch film",
        "As a confident cook, host Christmas dinner for twelve",
    ],
)
def test_a_skill_already_held_put_to_use_is_a_performance_goal(text: str) -> None:
    result = classify_goal(text)
    assert result.goal_type == "performance"
    assert any("skill already held" in reason for reason in result.reasons)


def test_building_the_skill_itself_is_still_learning() -> None:
    assert classify_goal("Build my video-editing skills by editing 4 short films").goal_type == (
        "learning"
    )
