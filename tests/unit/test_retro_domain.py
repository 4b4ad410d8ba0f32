"""The retro's judgement: suggested scores, coach notes, ambition verdicts, graduation."""

from __future__ import annotations

import pytest

from okrcoach.domain.models import (
    Commitment,
    DecisionAction,
    Direction,
    GoalType,
    KeyResult,
    KRScore,
    Maturity,
    MetricKind,
    Objective,
    ObjectiveStatus,
)
from okrcoach.domain.retro import (
    Ambition,
    LearningOutcome,
    action_items,
    ambition_verdict,
    annotate,
    committed_met,
    graduated,
    graduation_candidates,
    needs_explanation,
    parse_score,
    suggest_decision,
    suggest_score,
)


def kr(**fields: object) -> KeyResult:
    return KeyResult(objective_id="o", title="a key result", **fields)


def test_increase_kr_is_scored_from_its_progress() -> None:
    assert suggest_score(kr(baseline=10, target=20, current=17)) == 0.7


def test_decrease_kr_counts_the_drop_towards_the_target() -> None:
    # 24 h down to 8 h on the way to 4 h is 80% of the way.
    assert suggest_score(kr(baseline=24, target=4, current=8, direction=Direction.DECREASE)) == 0.8


def test_decrease_kr_that_went_up_scores_zero() -> None:
    assert suggest_score(kr(baseline=24, target=4, current=30, direction=Direction.DECREASE)) == 0.0


def test_maintain_kr_held_scores_full_and_slipped_scores_the_share() -> None:
    held = kr(baseline=90, target=90, current=91, direction=Direction.MAINTAIN)
    slipped = kr(baseline=90, target=90, current=72, direction=Direction.MAINTAIN)
    ceiling = kr(baseline=3, target=2, current=4, direction=Direction.MAINTAIN)
    assert suggest_score(held) == 1.0
    assert suggest_score(slipped) == 0.8
    assert suggest_score(ceiling) == 0.5


def test_milestone_and_unmeasured_krs() -> None:
    assert suggest_score(kr(metric_kind=MetricKind.MILESTONE, target=1, current=1)) == 1.0
    assert suggest_score(kr(target=None)) == 0.0


@pytest.mark.parametrize(
    ("text", "value"), [("0.7", 0.7), (".65", 0.65), ("70%", 0.7), ("1", 1.0), (" 0,4 ", 0.4)]
)
def test_parse_score_accepts_the_usual_spellings(text: str, value: float) -> None:
    assert parse_score(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1.2", "-0.1", "150%", "nan"])
def test_parse_score_refuses_what_is_not_a_score(text: str) -> None:
    with pytest.raises(ValueError):
        parse_score(text)


def test_committed_below_full_asks_for_an_explanation() -> None:
    assert needs_explanation(0.9, Commitment.COMMITTED)
    assert not needs_explanation(1.0, Commitment.COMMITTED)
    assert not needs_explanation(0.2, Commitment.ASPIRATIONAL)


def test_annotations_follow_the_method() -> None:
    safe = annotate(1.0, Commitment.ASPIRATIONAL, GoalType.PERFORMANCE)
    sweet = annotate(0.65, Commitment.ASPIRATIONAL, GoalType.PERFORMANCE)
    low = annotate(0.2, Commitment.ASPIRATIONAL, GoalType.PERFORMANCE)
    learning = annotate(0.5, Commitment.COMMITTED, GoalType.LEARNING)
    assert "too safe" in safe
    assert "intended level" in sweet
    assert "out of reach" in low and "wrong thing" in low
    assert "what got in the way" in learning and "learned" in learning


def test_ambition_needs_a_pattern_before_saying_stretch() -> None:
    assert ambition_verdict([0.95]).kind is Ambition.HIGH
    assert ambition_verdict([0.92, 0.95]).kind is Ambition.STRETCH
    assert ambition_verdict([0.5, 0.92, 0.95, 1.0]).kind is Ambition.STRETCH


def test_ambition_low_cycles_mean_out_of_reach_or_wrong_measures() -> None:
    verdict = ambition_verdict([0.3, 0.2, 0.35])
    assert verdict.kind is Ambition.OUT_OF_REACH
    assert "wrong thing" in verdict.message
    assert ambition_verdict([0.7, 0.3]).kind is Ambition.LOW


def test_ambition_healthy_band_and_no_data() -> None:
    assert ambition_verdict([0.95, 0.7]).kind is Ambition.HEALTHY
    assert ambition_verdict([]).kind is Ambition.UNKNOWN


def test_committed_met_counts_only_committed_krs() -> None:
    scores = [KRScore(kr_id="a", score=1.0), KRScore(kr_id="b", score=0.8)]
    scores.append(KRScore(kr_id="c", score=1.0))
    kinds = {"a": Commitment.COMMITTED, "b": Commitment.COMMITTED, "c": Commitment.ASPIRATIONAL}
    assert committed_met(scores, kinds) == (1, 2)


def learning_goal(**fields: object) -> Objective:
    return Objective(
        id="learn",
        cycle_id="q4",
        title="Learn to run good retros",
        goal_type=GoalType.LEARNING,
        **fields,
    )


def test_learning_goal_graduates_on_what_was_learned_not_the_number() -> None:
    goal = learning_goal()
    scores = [KRScore(kr_id="k1", score=0.3), KRScore(kr_id="k2", score=0.4)]
    shown = {"k1": LearningOutcome.SKILL_SHOWN, "k2": LearningOutcome.INVALIDATED}
    not_yet = {"k1": LearningOutcome.NOT_YET, "k2": LearningOutcome.NOT_YET}
    assert graduation_candidates([goal], {"learn": scores}, shown) == [goal]
    assert graduation_candidates([goal], {"learn": scores}, not_yet) == []
    assert suggest_decision(goal, scores, shown) is DecisionAction.GRADUATE


def test_not_learned_yet_is_never_advised_to_graduate_however_high_the_scores() -> None:
    goal = learning_goal()
    high = [KRScore(kr_id="k1", score=0.9), KRScore(kr_id="k2", score=1.0)]
    not_yet = {"k1": LearningOutcome.NOT_YET, "k2": LearningOutcome.NOT_YET}
    assert graduation_candidates([goal], {"learn": high}, not_yet) == []
    assert suggest_decision(goal, high, not_yet) is not DecisionAction.GRADUATE
    # Without any judgement of what was learned, the scores still speak.
    assert suggest_decision(goal, high, {}) is DecisionAction.GRADUATE


def test_performance_goals_never_graduate() -> None:
    goal = Objective(id="p", cycle_id="q4", title="Ship it")
    high = [KRScore(kr_id="k", score=1.0)]
    assert graduation_candidates([goal], {"p": high}, {}) == []
    assert suggest_decision(goal, high, {}) is DecisionAction.ACHIEVED
    assert suggest_decision(goal, [KRScore(kr_id="k", score=0.5)], {}) is DecisionAction.KEEP


def test_graduated_goal_is_a_performance_draft_carrying_the_learning() -> None:
    goal = learning_goal(commitment=Commitment.ASPIRATIONAL, why="Retros feel flat.")
    draft = graduated(goal, "2026-Q4", "q1", ["Silent writing first works"], position=3)
    assert draft.cycle_id == "q1"
    assert draft.goal_type is GoalType.PERFORMANCE
    assert draft.status is ObjectiveStatus.DRAFT
    assert draft.maturity is Maturity.IMPROVING
    assert draft.commitment is Commitment.ASPIRATIONAL
    assert "Graduated from the learning goal 'Learn to run good retros' (2026-Q4)" in draft.why
    assert "Silent writing first works" in draft.why
    assert "Retros feel flat." in draft.why
    assert draft.position == 3


def test_action_items_one_a_line() -> None:
    assert action_items("- Interview users\n\n* Drop the Friday sync\n  ") == [
        "Interview users",
        "Drop the Friday sync",
    ]
