"""Pure domain: models and derived values. No I/O, no Textual, no TinyDB.

Names are loaded on first use so that importing a light module such as
``okrcoach.domain.text`` does not pay for pydantic.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOME = {
    "kr_progress": "scoring",
    "objective_progress": "scoring",
}
_MODELS = (
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
)
__all__ = [*_MODELS, *_HOME]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name) or ("models" if name in _MODELS else None)
    if module is None:
        raise AttributeError(f"module 'okrcoach.domain' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"okrcoach.domain.{module}"), name)
    globals()[name] = value
    return value
