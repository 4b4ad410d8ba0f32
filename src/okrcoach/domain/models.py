"""The OKR data model: pydantic v2 models with plain-words validation.

Every model has a stable string id and UTC timestamps. Derived values
(progress, health, scores) are functions in ``scoring.py``, never fields.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from okrcoach.domain.ids import new_id
from okrcoach.domain.text import clean_block, clean_line

TITLE_MAX = 200
TEXT_MAX = 4000
NAME_MAX = 80
# How long a new cycle runs, as the settings name it: calendar periods only.
CYCLE_LENGTHS = ("quarter", "month", "half", "year")


def limit_of(model: type[BaseModel], name: str) -> int:
    """The most characters ``model.name`` takes: the one limit the widgets and checks use."""
    for rule in model.model_fields[name].metadata:
        longest = getattr(rule, "max_length", None)
        if isinstance(longest, int):
            return longest
    raise LookupError(f"{model.__name__}.{name} has no length limit")


def utcnow() -> datetime:
    return datetime.now(UTC)


def _as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _finite(value: float | None) -> float | None:
    if value is not None and (value != value or value in (float("inf"), float("-inf"))):
        raise ValueError("must be a finite number")
    return value


UTCDateTime = Annotated[datetime, AfterValidator(_as_utc)]


def _cleaned(clean: Any) -> Any:
    def run(value: Any) -> Any:
        return clean(value) if isinstance(value, str) else value

    return BeforeValidator(run)


# Cleaned before the length checks, so "   " is empty and escape codes never count.
Line = Annotated[str, _cleaned(clean_line)]
Block = Annotated[str, _cleaned(clean_block)]
Number = Annotated[float | None, AfterValidator(_finite)]


class GoalType(StrEnum):
    LEARNING = "learning"
    PERFORMANCE = "performance"


class Maturity(StrEnum):
    NEW = "new"
    IMPROVING = "improving"
    MASTERED = "mastered"


class Commitment(StrEnum):
    COMMITTED = "committed"
    ASPIRATIONAL = "aspirational"


class ObjectiveStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"
    CARRIED_OVER = "carried-over"


class MetricKind(StrEnum):
    NUMBER = "number"
    PERCENT = "percent"
    CURRENCY = "currency"
    MILESTONE = "milestone"


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class RetroFormat(StrEnum):
    START_STOP_CONTINUE = "start-stop-continue"
    FOUR_LS = "4ls"
    MAD_SAD_GLAD = "mad-sad-glad"


class DecisionAction(StrEnum):
    KEEP = "keep"
    CHANGE = "change"
    ACHIEVED = "achieved"
    MISSED = "missed"
    GRADUATE = "graduate"
    DROP = "drop"


class Model(BaseModel):
    """Base for every stored record: strict about unknown fields, re-validates on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


# Models the dashboard's first paint does not read build their validators when first used
# (the same checks, built later): cycles, objectives, key results and check-ins build at import.
LATER = ConfigDict(defer_build=True)


class Record(Model):
    id: str = Field(
        default_factory=new_id, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$"
    )
    created_at: UTCDateTime = Field(default_factory=utcnow)
    updated_at: UTCDateTime = Field(default_factory=utcnow)

    def touched(self, **changes: Any) -> Self:
        """A copy with ``changes`` applied (validated) and ``updated_at`` set to now."""
        data = self.model_dump()
        data.update(changes)
        data["updated_at"] = utcnow()
        return type(self).model_validate(data)


class Cycle(Record):
    name: Line = Field(min_length=1, max_length=NAME_MAX)
    start: date
    end: date
    closed: bool = False
    reopened: bool = False  # a finished cycle the user chose to keep editing

    @model_validator(mode="after")
    def _end_after_start(self) -> Cycle:
        if self.end < self.start:
            raise ValueError(
                f"end ({self.end.isoformat()}) must not be before start ({self.start.isoformat()})"
            )
        return self

    @staticmethod
    def quarter_of(day: date) -> tuple[str, date, date]:
        """Name, first and last day of the calendar quarter holding ``day``."""
        q = (day.month - 1) // 3
        start = date(day.year, q * 3 + 1, 1)
        next_start = date(day.year + (q == 3), (q * 3 + 3) % 12 + 1, 1)
        return f"{day.year}-Q{q + 1}", start, next_start - timedelta(days=1)

    @classmethod
    def for_quarter(cls, day: date) -> Cycle:
        name, start, end = cls.quarter_of(day)
        return cls(name=name, start=start, end=end)

    @staticmethod
    def period_of(day: date, length: str = "quarter") -> tuple[str, date, date]:
        """Name, first and last day of the calendar period of ``length`` holding ``day``.

        ``length`` is one of CYCLE_LENGTHS: a calendar month ("2026-11"), quarter
        ("2026-Q4"), half-year ("2026-H2", January–June or July–December) or year ("2026").
        """
        if length == "quarter":
            return Cycle.quarter_of(day)
        if length == "month":
            start = date(day.year, day.month, 1)
            after = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
            return f"{day.year}-{day.month:02d}", start, after - timedelta(days=1)
        if length == "half":
            second = day.month > 6
            start = date(day.year, 7 if second else 1, 1)
            end = date(day.year, 12, 31) if second else date(day.year, 6, 30)
            return f"{day.year}-H{2 if second else 1}", start, end
        if length == "year":
            return str(day.year), date(day.year, 1, 1), date(day.year, 12, 31)
        raise ValueError(f"cycle length must be one of {', '.join(CYCLE_LENGTHS)}, not {length!r}")

    @classmethod
    def for_period(cls, day: date, length: str = "quarter") -> Cycle:
        """The calendar cycle of ``length`` holding ``day`` (not saved)."""
        name, start, end = cls.period_of(day, length)
        return cls(name=name, start=start, end=end)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def next_quarter(self) -> Cycle:
        return Cycle.for_quarter(self.end + timedelta(days=1))

    def next_period(self, length: str = "quarter") -> Cycle:
        """The calendar cycle of ``length`` that starts after this one ends."""
        return Cycle.for_period(self.end + timedelta(days=1), length)


class Objective(Record):
    cycle_id: str = Field(min_length=1)
    title: Line = Field(min_length=1, max_length=TITLE_MAX)
    why: Block = Field(default="", max_length=TEXT_MAX)
    goal_type: GoalType = GoalType.PERFORMANCE
    maturity: Maturity | None = None
    commitment: Commitment = Commitment.COMMITTED
    parent_id: str | None = None
    owner: Line = Field(default="", max_length=NAME_MAX)
    status: ObjectiveStatus = ObjectiveStatus.ACTIVE
    archived: bool = False
    deleted: bool = False  # in the trash: hidden everywhere, restorable
    position: int = 0
    # How many times a team store has saved it (0: never, or a local workspace's record).
    version: int = Field(default=0, ge=0)

    def copy_to(self, cycle_id: str, **changes: Any) -> Objective:
        """A new objective (new id, fresh timestamps) in ``cycle_id`` keeping what was written.

        Used to carry over, graduate and split: status, archive and trash flags start afresh.
        """
        kept = self.model_dump(
            include={
                "title",
                "why",
                "goal_type",
                "maturity",
                "commitment",
                "parent_id",
                "owner",
                "position",
            }
        )
        return Objective(**{**kept, "cycle_id": cycle_id, **changes})

    @model_validator(mode="after")
    def _not_own_parent(self) -> Objective:
        if self.parent_id is not None and self.parent_id == self.id:
            raise ValueError("parent_id: an objective cannot be its own parent")
        return self


class KeyResult(Record):
    objective_id: str = Field(min_length=1)
    title: Line = Field(min_length=1, max_length=TITLE_MAX)
    metric_kind: MetricKind = MetricKind.NUMBER
    unit: Line = Field(default="", max_length=20)
    baseline: Number = None
    target: Number = None
    current: Number = None
    direction: Direction = Direction.INCREASE
    confidence: int | None = Field(default=None, ge=0, le=10)
    position: int = 0
    version: int = Field(default=0, ge=0)  # as on Objective

    @model_validator(mode="after")
    def _coherent(self) -> KeyResult:
        if self.metric_kind is MetricKind.MILESTONE:
            for name in ("baseline", "target", "current"):
                value = getattr(self, name)
                if value is not None and value not in (0.0, 1.0):
                    raise ValueError(
                        f"{name}: a milestone is 0 (not done) or 1 (done), not {value:g}"
                    )
            return self
        if (
            self.direction is not Direction.MAINTAIN
            and self.baseline is not None
            and self.target is not None
            and self.baseline == self.target
        ):
            raise ValueError(
                f"target: must differ from the baseline ({self.baseline:g}) "
                f"for a KR that should {self.direction.value}"
            )
        if self.metric_kind is MetricKind.PERCENT:
            for name in ("baseline", "target", "current"):
                value = getattr(self, name)
                if value is not None and not -1000 <= value <= 1000:
                    raise ValueError(f"{name}: a percentage of {value:g} is out of range")
        return self


class CheckIn(Record):
    kr_id: str = Field(min_length=1)
    at: UTCDateTime = Field(default_factory=utcnow)
    value: Annotated[float, AfterValidator(_finite)]
    confidence: int = Field(ge=0, le=10)
    note: Block = Field(default="", max_length=TEXT_MAX)
    learned: Block = Field(default="", max_length=TEXT_MAX)


class KRScore(Model):
    model_config = LATER

    kr_id: str = Field(min_length=1)
    score: float = Field(ge=0.0, le=1.0)
    justification: Block = Field(default="", max_length=TEXT_MAX)


class Decision(Model):
    model_config = LATER

    objective_id: str = Field(min_length=1)
    action: DecisionAction
    note: Block = Field(default="", max_length=TEXT_MAX)


class Retrospective(Record):
    model_config = LATER

    cycle_id: str = Field(min_length=1)
    objective_id: str | None = None
    format: RetroFormat = RetroFormat.START_STOP_CONTINUE
    participants: Line = Field(default="", max_length=TITLE_MAX)
    answers: dict[str, Block] = Field(default_factory=dict)
    scores: list[KRScore] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    finished: bool = False

    @field_validator("answers")
    @classmethod
    def _answer_sizes(cls, value: dict[str, str]) -> dict[str, str]:
        for key, text in value.items():
            if len(key) > NAME_MAX:
                raise ValueError(f"answer name {key[:20]!r}… is longer than {NAME_MAX} characters")
            if len(text) > TEXT_MAX:
                raise ValueError(f"answer {key!r} is longer than {TEXT_MAX} characters")
        return value


class JournalEntry(Record):
    model_config = LATER

    at: UTCDateTime = Field(default_factory=utcnow)
    text: Block = Field(min_length=1, max_length=TEXT_MAX)
    objective_id: str | None = None


class Draft(Record):
    """Autosaved state of a wizard (objective or retro) that may be resumed."""

    model_config = LATER

    kind: str = Field(pattern=r"^(objective|retro)$")
    step: int = Field(default=0, ge=0)
    cycle_id: str | None = None
    target_id: str | None = None  # the objective being edited, if any
    data: dict[str, Any] = Field(default_factory=dict)


class Person(Model):
    model_config = LATER

    """Someone in a team store: their database role, name, team and whether they are an admin."""

    role: str = Field(min_length=1, max_length=63)
    name: Line = Field(min_length=1, max_length=NAME_MAX)
    team: Line = Field(default="", max_length=NAME_MAX)
    admin: bool = False
