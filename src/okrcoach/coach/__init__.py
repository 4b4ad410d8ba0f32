"""The coach: explainable reviews of OKRs and a learning/performance classifier.

Pure Python (no Textual, no I/O beyond reading its packaged weights). A reading of
each sentence (``reading.py``) feeds interpretable features (``features.py``) to
logistic models fitted on the labelled corpus (``model.py``, ``data/weights.json``,
fitted by ``bench/train_coach.py``). Every answer is a pydantic model whose findings
carry a rule id, a severity, a message and a next step, and whose reasons say in words
what tipped the decision. Rules live in ``rules.py``, word lists in ``lexicon.py``, the
metric library in ``metrics.py``, the score formula in ``findings.py``.
"""

from okrcoach.coach.classify import GoalClassification, classify_goal
from okrcoach.coach.findings import Finding, Severity
from okrcoach.coach.kr import KRReview, review_key_result
from okrcoach.coach.metrics import (
    learning_krs,
    metric_phrase,
    outcome_kr,
    suggest_metrics,
    vanity_alternative,
)
from okrcoach.coach.objective import ObjectiveReview, review_objective
from okrcoach.coach.parse import MetricGuess, parse_metric
from okrcoach.coach.rules import RULES, Rule
from okrcoach.coach.sets import CycleReview, SetReview, review_cycle, review_set

__all__ = [
    "RULES",
    "CycleReview",
    "Finding",
    "GoalClassification",
    "KRReview",
    "MetricGuess",
    "ObjectiveReview",
    "Rule",
    "SetReview",
    "Severity",
    "classify_goal",
    "learning_krs",
    "metric_phrase",
    "outcome_kr",
    "parse_metric",
    "review_cycle",
    "review_key_result",
    "review_objective",
    "review_set",
    "suggest_metrics",
    "vanity_alternative",
]
