"""Reviewing an objective with its key results, and a whole cycle."""

from __future__ import annotations

from datetime import date

from okrcoach.coach import review_cycle, review_set
from okrcoach.domain import Cycle, GoalType, KeyResult, Maturity, Objective

CYCLE = Cycle(name="2025-Q2", start=date(2025, 4, 1), end=date(2025, 6, 30))


def _obj(title: str, **fields: object) -> Objective:
    return Objective(cycle_id=CYCLE.id, title=title, **fields)


def _krs(o: Objective, *titles: str) -> list[KeyResult]:
    return [KeyResult(objective_id=o.id, title=t) for t in titles]


def test_good_set_scores_high_and_carries_its_parts() -> None:
    o = _obj("Delight our customers", why="They stay longer.")
    review = review_set(
        o, _krs(o, "Raise CSAT from 4.1 to 4.6", "Cut first-reply time from 24 h to 4 h")
    )
    assert review.findings == []
    assert review.score == 100
    assert len(review.kr_reviews) == 2
    assert review.objective_review.kind == "outcome"
    assert review.classification.goal_type == "performance"


def test_weak_set_scores_lower_than_good_set() -> None:
    o = _obj("Launch the new website")
    weak = review_set(o, _krs(o, "Write 12 blog posts"))
    good_o = _obj("Delight our customers", why="They stay longer.")
    good = review_set(good_o, _krs(good_o, "Raise CSAT from 4.1 to 4.6", "Cut churn from 5% to 3%"))
    assert weak.score < good.score
    assert {"set.one-kr", "set.all-tasks"} <= {f.rule_id for f in weak.findings}


def test_new_skill_performance_goal_says_learn_first() -> None:
    o = _obj("Close enterprise deals", maturity=Maturity.NEW, parent_id="P1")
    review = review_set(o, _krs(o, "Sign 5 enterprise customers", "Win 3 deals over €50k"))
    finding = next(f for f in review.findings if f.rule_id == "set.learn-first")
    assert "learn first" in finding.message
    # The goal aims at a result; the coach says so and advises learning first.
    assert review.classification.goal_type == "performance"
    assert any("learn first" in reason for reason in review.classification.reasons)


def test_cycle_balance_and_alignment() -> None:
    a = _obj("Delight our customers", why="w", goal_type=GoalType.PERFORMANCE)
    b = _obj("Learn to coach juniors", why="w", goal_type=GoalType.LEARNING, parent_id="P1")
    krs = {a.id: _krs(a, "Raise CSAT from 4.1 to 4.6", "Cut churn from 5% to 3%")}
    review = review_cycle([a, b], krs)
    ids = {f.rule_id for f in review.findings}
    assert not ids & {"cycle.only-performance", "cycle.only-learning", "cycle.unaligned"}
    assert len(review.set_reviews) == 2
    assert 0 <= review.score <= 100


def test_key_results_from_the_objectives_area_are_related_to_it() -> None:
    o = _obj("Make support something customers love")
    review = review_set(o, _krs(o, "Launch the new help centre", "Cut first-reply time to 2h"))
    assert "set.unrelated" not in {f.rule_id for f in review.findings}
    far = review_set(o, _krs(o, "Hire 3 recruiters by May"))
    assert "set.unrelated" in {f.rule_id for f in far.findings}
