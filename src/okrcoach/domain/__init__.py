"""Pure domain: models and derived values. No I/O, no Textual, no TinyDB."""

from okrcoach.domain.models import (
    CheckIn,
    Commitment,
    Cycle,
    Decision,
    DecisionAction,
    Direction,
    Draft,
    GoalType,
    JournalEntry,
    KeyResult,
    KRScore,
    Maturity,
    MetricKind,
    Objective,
    ObjectiveStatus,
    RetroFormat,
    Retrospective,
)
from okrcoach.domain.scoring import kr_progress, objective_progress

__all__ = [
    "CheckIn",
    "Commitment",
    "Cycle",
    "Decision",
    "DecisionAction",
    "Direction",
    "Draft",
    "GoalType",
    "JournalEntry",
    "KRScore",
    "KeyResult",
    "Maturity",
    "MetricKind",
    "Objective",
    "ObjectiveStatus",
    "RetroFormat",
    "Retrospective",
    "kr_progress",
    "objective_progress",
]
