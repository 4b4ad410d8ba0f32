"""Small markup pieces shared by the screens: badges, health, bars, values."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.content import Content

from okrcoach.domain.health import Health
from okrcoach.domain.models import GoalType, KeyResult, MetricKind, Objective
from okrcoach.services.checkins import format_value
from okrcoach.tui.safe import safe

_HEALTH_MARK = {
    Health.ON_TRACK: ("●", "$okr-on-track"),
    Health.AT_RISK: ("▲", "$okr-at-risk"),
    Health.OFF_TRACK: ("✖", "$okr-off-track"),
    Health.NO_DATA: ("○", "$okr-no-data"),
}


def badge(objective: Objective) -> str:
    """The goal type in words (colour only repeats what the word says)."""
    if objective.goal_type is GoalType.LEARNING:
        return "[b $okr-learning]LEARNING[/]"
    return "[b $okr-performance]PERFORMANCE[/]"


def health(value: Health) -> str:
    mark, colour = _HEALTH_MARK[value]
    return f"[{colour}]{mark} {value.label}[/]"


def bar(progress: float, width: int = 12) -> str:
    filled = max(0, min(width, round(progress * width)))
    return f"[$primary]{'█' * filled}[/][$text-muted]{'░' * (width - filled)}[/]"


def percent(progress: float) -> str:
    return f"{round(progress * 100):>3}%"


def confidence(value: int | None) -> str:
    return "confidence –" if value is None else f"confidence {value}/10"


def kr_values(kr: KeyResult) -> str:
    """'24 h → 15.4 h → 4 h' (baseline → current → target); milestones in words."""
    if kr.metric_kind is MetricKind.MILESTONE:
        done = kr.current is not None and kr.current >= 1.0
        return "milestone: done" if done else "milestone: not done yet"
    unit = kr.unit
    shown = []
    for value in (kr.baseline, kr.current, kr.target):
        if value is None:
            shown.append("–")
        elif unit == "%":
            shown.append(f"{format_value(value)}%")
        else:
            shown.append(safe(format_value(value, unit)))
    return " → ".join(shown)


def plain(markup: str) -> str:
    """What a piece of markup shows, for measuring it."""
    return Content.from_markup(markup).plain


def clip(text: str, width: int) -> str:
    """User text cut to ``width`` screen cells (before escaping, so markup stays whole).

    Measured in cells, not characters: a wide (CJK) character takes two.
    """
    if width <= 1:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"
