"""From a task to a key result: the short exchange the wizard offers when a KR is a task.

"What should change once <task> is done?" (the coach's outcome metrics for the
task, or the user's words), "Where is it today?", "Where should it be by the
end of the cycle?": the answers make a complete KR (baseline, target, unit,
direction) whose wording says what changes, not what is done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from okrcoach.coach import metric_phrase, suggest_metrics
from okrcoach.domain.models import Direction, MetricKind
from okrcoach.domain.text import clean_line
from okrcoach.services.drafting.form import KRForm, format_number, parse_number

TASK_RULES = ("kr.task", "kr.activity-count")
QUESTION_WHAT = "What should change once {task} is done?"
QUESTION_NOW = "Where is it today?"
QUESTION_END = "Where should it be by the end of the cycle?"
_AMOUNT = re.compile(r"^\s*(?P<number>[-+]?[\d.,_]+)\s*(?P<unit>.*?)\s*$")


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str


def is_task(rule_ids: list[str]) -> bool:
    """The coach read the KR as a task or a count of activity: the exchange can help."""
    return any(rule in TASK_RULES for rule in rule_ids)


def what_question(task: str) -> str:
    shown = clean_line(task).rstrip(" .") or "this"
    return QUESTION_WHAT.format(task=f"'{shown}'")


def outcome_choices(task: str) -> list[str]:
    """Outcome metrics a task like this usually serves (the coach's library), best first."""
    return suggest_metrics(task)


def read_amount(text: str) -> Amount:
    """'24 h' -> 24, 'h'; '30%' -> 30, '%'; ValueError in plain words otherwise."""
    match = _AMOUNT.match(text or "")
    if not match:
        raise ValueError("Give a number, with a unit if it has one: e.g. 24 h, 30% or 120.")
    try:
        value = parse_number(match.group("number"))
    except ValueError:
        raise ValueError(
            "Give a number, with a unit if it has one: e.g. 24 h, 30% or 120."
        ) from None
    if value is None:
        raise ValueError("Give a number, with a unit if it has one: e.g. 24 h, 30% or 120.")
    unit = clean_line(match.group("unit"))[:20]
    return Amount(value, unit)


def _with_unit(value: float, unit: str) -> str:
    number = format_number(value)
    return f"{number}{unit}" if unit in ("%", "") else f"{number} {unit}"


def outcome_kr(metric: str, today: Amount, end: Amount) -> KRForm:
    """A complete KR from the three answers; ValueError when the two values are the same."""
    name = clean_line(metric).rstrip(" .")
    if not name:
        raise ValueError("Say what should change: pick a metric or write your own.")
    if today.value == end.value:
        raise ValueError("Where it should be must differ from where it is today.")
    unit = end.unit or today.unit
    direction = Direction.INCREASE if end.value > today.value else Direction.DECREASE
    verb = "Raise" if direction is Direction.INCREASE else "Cut"
    phrase = metric_phrase(name, unit)
    text = f"{verb} {phrase} from {_with_unit(today.value, unit)} to {_with_unit(end.value, unit)}"
    kind = MetricKind.PERCENT if unit == "%" else MetricKind.NUMBER
    return KRForm(
        text=text,
        metric_kind=kind.value,
        unit=unit,
        baseline=format_number(today.value),
        target=format_number(end.value),
        direction=direction.value,
        auto=[],
    )
