"""The coach never flags its own advice: every rewrite, example and template passes review."""

from __future__ import annotations

import pytest
from bench.corpus import load
from hypothesis import given, settings
from hypothesis import strategies as st

from okrcoach.coach import classify_goal, review_key_result, review_objective
from okrcoach.coach.metrics import every_example, learning_krs, suggest_metrics, vanity_alternative
from okrcoach.coach.prompts import LEARNING_KR_TEMPLATES

SKILLS = ("public speaking", "SQL joins", "giving feedback", "running user interviews")


def problems(text: str) -> list[str]:
    return [f.rule_id for f in review_key_result(text).findings if f.severity == "problem"]


@pytest.mark.parametrize("example", every_example())
def test_every_library_example_passes_its_own_review(example: str) -> None:
    assert problems(example) == []


@pytest.mark.parametrize("skill", SKILLS)
def test_every_learning_template_passes_review_for_any_skill(skill: str) -> None:
    assert len(learning_krs(skill)) == len(LEARNING_KR_TEMPLATES)
    for text in learning_krs(skill):
        assert problems(text) == [], text


def test_every_rewrite_the_coach_offers_on_the_corpus_passes_review() -> None:
    offered = 0
    for row in load("train").krs:
        review = review_key_result(row["text"])
        if review.example:
            offered += 1
            assert problems(review.example) == [], (row["text"], review.example)
            assert review.rewrite and review.example in review.rewrite
    assert offered > 300


def test_every_bad_key_result_gets_a_rewrite_question() -> None:
    for text in (
        "Launch the help centre",
        "Make 50 sales calls a week",
        "Improve onboarding",
        "Get 10,000 Twitter followers",
        "Grow MRR to €50k",
        "Send the newsletter every Friday",
    ):
        review = review_key_result(text)
        assert review.rewrite, text
        assert "What should sent" not in review.rewrite


def test_rewrites_are_built_from_the_users_words() -> None:
    assert "help centre is live" in (review_key_result("Launch the help centre").rewrite or "")
    assert "those sales calls" in (review_key_result("Make 50 sales calls a week").rewrite or "")
    vanity = review_key_result("Get 10,000 Twitter followers").rewrite or ""
    assert "Instead of counting Twitter followers" in vanity


def test_metric_library_suggests_outcomes_for_a_task_and_for_vanity() -> None:
    assert "self-serve resolution rate" in suggest_metrics("Launch the help centre")
    assert suggest_metrics("Rewrite the onboarding emails")  # never empty
    assert suggest_metrics("zzz qqq")
    assert "retention" in vanity_alternative("downloads")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gets_a_score_and_a_reason(text: str) -> None:
    kr = review_key_result(text)
    assert 0 <= kr.score <= 100
    assert kr.findings or kr.reasons
    if text.strip():
        assert kr.reasons
    objective = review_objective(text)
    assert 0 <= objective.score <= 100
    assert objective.reasons
    goal = classify_goal(text)
    assert goal.reasons and all(reason.strip() for reason in goal.reasons)
    assert 0.0 <= goal.confidence <= 1.0


@pytest.mark.parametrize(
    ("metric", "baseline", "target", "unit", "text"),
    [
        ("first-reply time", 24, 4, "h", "Cut first-reply time from 24 h to 4 h"),
        ("activation rate", 35, 50, "%", "Raise activation rate from 35% to 50%"),
        ("new ARR", 400, 550, "€", "Raise new ARR from €400 to €550"),
        ("uptime", 99.9, 99.9, "%", "Keep uptime at 99.9%"),
    ],
)
def test_a_metric_and_two_values_make_a_complete_key_result(
    metric: str, baseline: float, target: float, unit: str, text: str
) -> None:
    from okrcoach.coach import outcome_kr

    made = outcome_kr(metric, baseline, target, unit)
    assert made == text
    review = review_key_result(made)
    assert review.kind == "outcome" and review.measurable
    assert problems(made) == []
