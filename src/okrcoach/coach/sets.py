"""Review an objective with its key results, and a whole cycle of objectives.

Set score: the mean of the objective's score and the mean KR score (0 when
there are no KRs), weighted 40/60, minus the weights of the set's own findings,
floored at 0. Cycle score: the mean set score (100 with no objectives) minus
the weights of the cycle's own findings, floored at 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel

from okrcoach.coach import lexicon as lx
from okrcoach.coach.classify import GoalClassification, classify_goal
from okrcoach.coach.findings import Finding, score
from okrcoach.coach.kr import KRReview, review_key_result
from okrcoach.coach.metrics import areas_for
from okrcoach.coach.objective import ObjectiveReview, review_objective
from okrcoach.coach.rules import fire
from okrcoach.coach.words import stem, words
from okrcoach.domain.models import Commitment, GoalType, KeyResult, Maturity, MetricKind, Objective

MAX_KRS = 5
MAX_OBJECTIVES = 5


class SetReview(BaseModel):
    objective_id: str
    score: int
    findings: list[Finding]
    objective_review: ObjectiveReview
    kr_reviews: list[KRReview]
    classification: GoalClassification


class CycleReview(BaseModel):
    score: int
    findings: list[Finding]
    set_reviews: list[SetReview]


def _review_kr(kr: KeyResult, commitment: Commitment) -> KRReview:
    """The stored direction is a default until numbers are entered: trust the words till then."""
    structured = kr.baseline is not None or kr.target is not None
    return review_key_result(
        kr.title,
        baseline=kr.baseline,
        target=kr.target,
        direction=kr.direction if structured else None,
        commitment=commitment,
        metric_kind=kr.metric_kind,
    )


def _content(text: str) -> set[str]:
    return {stem(t) for t in words(text) if t not in lx.STOPWORDS and len(t) > 2}


def _related(objective: str, kr_titles: Sequence[str]) -> bool:
    """Whether any KR shares a word or a concept family with the objective."""
    obj_words = _content(objective)
    obj_tokens = set(words(objective))
    # The metric library's areas: "support" and "help centre", "first-reply time".
    obj_areas = {area.name for area in areas_for(objective)}
    for title in kr_titles:
        if obj_words & _content(title):
            return True
        kr_tokens = set(words(title))
        if any(obj_tokens & family and kr_tokens & family for family in lx.CONCEPTS):
            return True
        if obj_areas and obj_areas & {area.name for area in areas_for(title)}:
            return True
    return False


def _learning_evidence(title: str) -> bool:
    return any(t in lx.LEARNING_EVIDENCE for t in words(title))


def review_set(objective: Objective, krs: Sequence[KeyResult]) -> SetReview:
    """Review an objective together with its key results."""
    obj_review = review_objective(
        objective.title, why=objective.why, has_parent=objective.parent_id is not None
    )
    kr_reviews = [_review_kr(kr, objective.commitment) for kr in krs]
    classification = classify_goal(objective.title, maturity=objective.maturity)
    findings: list[Finding] = []
    if not krs:
        findings.append(fire("set.no-krs"))
    elif len(krs) == 1:
        findings.append(fire("set.one-kr"))
    elif len(krs) > MAX_KRS:
        findings.append(fire("set.too-many-krs", count=str(len(krs))))
    learning = objective.goal_type is GoalType.LEARNING
    all_tasks = bool(kr_reviews) and all(
        r.kind == "task" or kr.metric_kind is MetricKind.MILESTONE
        for r, kr in zip(kr_reviews, krs, strict=True)
    )
    if all_tasks and not (learning and any(_learning_evidence(kr.title) for kr in krs)):
        findings.append(fire("set.all-tasks"))
    if krs and not _related(f"{objective.title} {objective.why}", [kr.title for kr in krs]):
        findings.append(fire("set.unrelated"))
    if learning and krs and not any(_learning_evidence(kr.title) for kr in krs):
        findings.append(fire("set.learning-business-only"))
    if objective.goal_type is GoalType.PERFORMANCE and objective.maturity is Maturity.NEW:
        findings.append(fire("set.learn-first"))
    kr_mean = sum(r.score for r in kr_reviews) / len(kr_reviews) if kr_reviews else 0.0
    start = 0.4 * obj_review.score + 0.6 * kr_mean
    return SetReview(
        objective_id=objective.id,
        score=score(findings, start=start),
        findings=findings,
        objective_review=obj_review,
        kr_reviews=kr_reviews,
        classification=classification,
    )


def review_cycle(
    objectives: Sequence[Objective], krs_by_objective: Mapping[str, Sequence[KeyResult]]
) -> CycleReview:
    """Review a cycle: focus, the balance of learning and performance, alignment."""
    sets = [review_set(o, krs_by_objective.get(o.id, [])) for o in objectives]
    findings: list[Finding] = []
    if not objectives:
        findings.append(fire("cycle.empty"))
    if len(objectives) > MAX_OBJECTIVES:
        findings.append(fire("cycle.too-many-objectives", count=str(len(objectives))))
    if len(objectives) >= 2:
        kinds = {o.goal_type for o in objectives}
        if kinds == {GoalType.PERFORMANCE}:
            findings.append(fire("cycle.only-performance"))
        elif kinds == {GoalType.LEARNING}:
            findings.append(fire("cycle.only-learning"))
    if objectives and all(o.parent_id is None for o in objectives):
        findings.append(fire("cycle.unaligned"))
    start = sum(s.score for s in sets) / len(sets) if sets else 100.0
    return CycleReview(score=score(findings, start=start), findings=findings, set_reviews=sets)
