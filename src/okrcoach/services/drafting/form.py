"""The wizard's form as the user left it: fields stay text until they are checked.

Also the small rules that keep the form consistent while it is typed: metric
pre-fill from a KR's wording, fields the user set by hand, and the learn-first
split's interplay with maturity and goal type.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from enum import IntEnum
from typing import Any

from okrcoach.coach import classify_goal, parse_metric
from okrcoach.domain.models import (
    Commitment,
    Direction,
    GoalType,
    Maturity,
    MetricKind,
)


class Step(IntEnum):
    """The wizard's five steps, in order (a draft stores the number)."""

    OBJECTIVE = 0
    KIND = 1
    KEY_RESULTS = 2
    AMBITION = 3
    REVIEW = 4


MIN_KRS = 2

MAX_KRS = 5

PREFILLED = ("baseline", "target", "unit", "direction", "metric_kind")


@dataclass
class KRForm:
    """One key result as typed: numbers stay text until they are checked."""

    text: str = ""
    metric_kind: str = MetricKind.NUMBER.value
    unit: str = ""
    baseline: str = ""
    target: str = ""
    direction: str = Direction.INCREASE.value
    confidence: str = ""
    id: str | None = None
    auto: list[str] = field(default_factory=lambda: list(PREFILLED))

    def is_blank(self) -> bool:
        return not (self.text.strip() or self.baseline.strip() or self.target.strip())


@dataclass
class DraftForm:
    """Everything the wizard asks, as the user left it."""

    title: str = ""
    why: str = ""
    owner: str = ""
    parent_id: str | None = None
    maturity: str | None = None
    goal_type: str | None = None  # None: follow the coach's classification
    commitment: str = Commitment.COMMITTED.value
    split: bool = False
    krs: list[KRForm] = field(default_factory=lambda: [KRForm(), KRForm()])
    # The edited objective's version when the form was filled: kept with a draft, so an
    # edit resumed later is still refused if someone changed the objective meanwhile.
    opened_version: int | None = None

    def is_empty(self) -> bool:
        return not (
            self.title.strip() or self.why.strip() or any(not k.is_blank() for k in self.krs)
        )

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> DraftForm:
        """Rebuild a form from a stored draft; anything unknown or malformed is dropped."""
        form = cls(
            title=_text(data.get("title")),
            why=_text(data.get("why")),
            owner=_text(data.get("owner")),
            parent_id=_text(data.get("parent_id")) or None,
            maturity=_choice(data.get("maturity"), Maturity),
            goal_type=_choice(data.get("goal_type"), GoalType),
            commitment=_choice(data.get("commitment"), Commitment) or Commitment.COMMITTED.value,
            split=data.get("split") is True,
            opened_version=_version(data.get("opened_version")),
        )
        rows = data.get("krs")
        if isinstance(rows, list):
            krs = [_kr_from(row) for row in rows[:MAX_KRS] if isinstance(row, dict)]
            form.krs = krs or [KRForm(), KRForm()]
        return form

    def chosen_goal_type(self) -> GoalType:
        """The user's pick, else the coach's reading of the title and maturity."""
        if self.goal_type:
            return GoalType(self.goal_type)
        return GoalType(classify_goal(self.title, self.maturity).goal_type)

    def filled_krs(self) -> list[tuple[int, KRForm]]:
        return [(i, kr) for i, kr in enumerate(self.krs) if not kr.is_blank()]


def _version(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _choice(value: object, kind: type[Any]) -> str | None:
    return value if isinstance(value, str) and value in {m.value for m in kind} else None


def _kr_from(row: dict[str, Any]) -> KRForm:
    auto = row.get("auto")
    return KRForm(
        text=_text(row.get("text")),
        metric_kind=_choice(row.get("metric_kind"), MetricKind) or MetricKind.NUMBER.value,
        unit=_text(row.get("unit")),
        baseline=_text(row.get("baseline")),
        target=_text(row.get("target")),
        direction=_choice(row.get("direction"), Direction) or Direction.INCREASE.value,
        confidence=_text(row.get("confidence")),
        id=_text(row.get("id")) or None,
        auto=[a for a in auto if a in PREFILLED] if isinstance(auto, list) else [],
    )


def parse_number(text: str) -> float | None:
    """'1,200' -> 1200.0, '' -> None; raises ValueError with plain words otherwise."""
    raw = text.strip().replace(",", "").replace("_", "")
    if not raw:
        return None
    raw = raw.removesuffix("%").strip()
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"must be a number, like 24 or 3.5 (not {text.strip()!r})") from None
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


def format_number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def prefill(kr: KRForm) -> KRForm:
    """Fill what the wording gives ("from 24 h to 4 h") into fields the user has not typed in."""
    guess = parse_metric(kr.text)
    offered: dict[str, str] = {
        "baseline": format_number(guess.baseline),
        "target": format_number(guess.target),
        "unit": guess.unit,
        "direction": guess.direction.value if guess.direction else "",
        "metric_kind": guess.metric_kind.value if guess.metric_kind else "",
    }
    defaults = {"direction": Direction.INCREASE.value, "metric_kind": MetricKind.NUMBER.value}
    for name in kr.auto:
        value = offered.get(name, "") or defaults.get(name, "")
        setattr(kr, name, value)
    return kr


def typed(kr: KRForm, name: str, value: str) -> KRForm:
    """The user set a field by hand: keep it from now on."""
    setattr(kr, name, value)
    if name in kr.auto:
        kr.auto.remove(name)
    return kr


def learn_first_applies(form: DraftForm) -> bool:
    """A performance goal on a skill that is new, picked or read by the coach: the coach
    offers the split."""
    return form.maturity == Maturity.NEW.value and form.chosen_goal_type() is GoalType.PERFORMANCE


def set_maturity(form: DraftForm, maturity: str) -> None:
    """A skill that is not new needs no learn-first split."""
    form.maturity = maturity
    if maturity != Maturity.NEW.value:
        form.split = False


def set_goal_type(form: DraftForm, goal_type: str) -> None:
    """Choosing performance again undoes a split; the coach will ask once more."""
    form.goal_type = goal_type
    if goal_type == GoalType.PERFORMANCE.value:
        form.split = False


def choose_split(form: DraftForm, split: bool) -> None:
    """Learn first, perform next: this objective becomes the learning one."""
    form.split = split
    if split:
        form.goal_type = GoalType.LEARNING.value


def split_offered(form: DraftForm) -> bool:
    """A performance goal on a new skill, picked or read by the coach, is offered the split."""
    return form.maturity == Maturity.NEW.value and (
        form.split or form.chosen_goal_type() is GoalType.PERFORMANCE
    )
