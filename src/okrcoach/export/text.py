"""Display helpers shared by the writers: clean user text, and show values in words."""

from __future__ import annotations

import re
from typing import Any

from okrcoach.domain.models import Direction, KeyResult, MetricKind
from okrcoach.domain.text import clean_block, clean_line
from okrcoach.services.checkins import format_value

__all__ = [
    "CONTROL",
    "clean_block",
    "clean_line",
    "direction_words",
    "kr_values",
    "percent",
    "strip_controls",
    "value_words",
]

# Terminal escape sequences as a whole, then any C0/C1 control (but tab and
# newline), DEL and the bidi overrides: what the models strip from typed text.
ESCAPE_SEQ = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_controls(value: Any) -> Any:
    """``value`` with escape codes and control characters removed from every string in it.

    For free-form data (a draft's scratch fields) that no model cleans.
    """
    if isinstance(value, str):
        return CONTROL.sub("", ESCAPE_SEQ.sub("", value))
    if isinstance(value, list):
        return [strip_controls(v) for v in value]
    if isinstance(value, dict):
        return {strip_controls(k): strip_controls(v) for k, v in value.items()}
    return value


def value_words(kr: KeyResult, value: float | None) -> str:
    """A value with its unit; milestones read 'done' / 'not done'."""
    if kr.metric_kind is MetricKind.MILESTONE:
        if value is None:
            return "–"
        return "done" if value >= 1.0 else "not done"
    return format_value(value, clean_line(kr.unit))


def kr_values(kr: KeyResult) -> str:
    """'24 h → 20 h → 4 h': baseline, current and target in reading order."""
    return " → ".join(value_words(kr, v) for v in (kr.baseline, kr.current, kr.target))


def direction_words(kr: KeyResult) -> str:
    if kr.metric_kind is MetricKind.MILESTONE:
        return "milestone"
    return {
        Direction.INCREASE: "increase",
        Direction.DECREASE: "decrease",
        Direction.MAINTAIN: "maintain",
    }[kr.direction]


def percent(progress: float) -> str:
    return f"{round(progress * 100)}%"
