"""Health and forecasts: how a key result is doing, judged from its check-ins.

Health is never green by silence: a key result nobody has checked in on has
no data, and a stale check-in cannot be on track. Pace (progress against the
share of the cycle gone) and confidence (the owner's 0-10) are weighed in
this order, the first rule that applies wins:

1. no check-in and no current value: NO_DATA;
2. confidence 3 or less: OFF_TRACK (the owner says it will not happen);
3. more than half a cycle behind the expected pace: OFF_TRACK;
4. the last check-in is stale: AT_RISK. Stale means older than
   ``STALE_CADENCES`` check-in cadences (21 days at the default weekly cadence);
5. at or ahead of the expected pace: ON_TRACK (the numbers speak, whatever
   middling confidence says);
6. at most a quarter of a cycle behind: ON_TRACK with confidence 7 or more,
   else AT_RISK (the pace is fine, the owner is not sure);
7. anything else: AT_RISK.

``assess_kr`` returns the health with the reason in words, for the detail view.

The expected pace is the share of the cycle that has passed; aspirational
goals are expected to reach about 0.7, so their pace is scaled by that.
An objective takes the worst health of its key results; a key result with no
data beside others that have some makes the objective at risk at best.

The forecast fits a straight line (least squares) through the baseline at
the cycle's start and every check-in, and reads it at the cycle's end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from okrcoach.domain.models import CheckIn, Commitment, Cycle, KeyResult, MetricKind
from okrcoach.domain.numbers import format_value
from okrcoach.domain.scoring import kr_progress, progress_of

DEFAULT_CADENCE_DAYS = 7
STALE_CADENCES = 3  # missed check-ins before a check-in counts as stale
STALE_DAYS = STALE_CADENCES * DEFAULT_CADENCE_DAYS
ASPIRATIONAL_SHARE = 0.7


class Health(StrEnum):
    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    OFF_TRACK = "off-track"
    NO_DATA = "no-data"

    @property
    def label(self) -> str:
        """The words shown to the user (colour is never the only signal)."""
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """Worse is higher: used to pick an objective's health and to sort."""
        return _RANKS[self]


_LABELS = {
    Health.ON_TRACK: "on track",
    Health.AT_RISK: "at risk",
    Health.OFF_TRACK: "off track",
    Health.NO_DATA: "no check-in yet",
}
_RANKS = {Health.ON_TRACK: 0, Health.NO_DATA: 1, Health.AT_RISK: 2, Health.OFF_TRACK: 3}


def elapsed_share(cycle: Cycle, today: date) -> float:
    """How much of the cycle has passed, 0..1."""
    total = (cycle.end - cycle.start).days + 1
    passed = (today - cycle.start).days + 1
    return max(0.0, min(1.0, passed / total))


def expected_progress(cycle: Cycle, today: date, commitment: Commitment) -> float:
    share = elapsed_share(cycle, today)
    return share * (ASPIRATIONAL_SHARE if commitment is Commitment.ASPIRATIONAL else 1.0)


def stale_after(cadence_days: int = DEFAULT_CADENCE_DAYS) -> int:
    """Days after which a check-in is stale, for a user who checks in every ``cadence_days``."""
    return STALE_CADENCES * max(1, cadence_days)


LOW_CONFIDENCE = 3  # at or below: off track, whatever the pace
SURE_CONFIDENCE = 7  # at or above: a little behind pace is still on track
SLIGHTLY_BEHIND = 0.25  # of a cycle
FAR_BEHIND = 0.5  # of a cycle


@dataclass(frozen=True)
class HealthReading:
    """A key result's health and, in words, the rule that gave it."""

    health: Health
    reason: str

    def sentence(self) -> str:
        """'at risk: confidence 5/10 though the pace is fine'."""
        return f"{self.health.label}: {self.reason}"


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def assess_kr(
    kr: KeyResult,
    latest: CheckIn | None,
    cycle: Cycle,
    today: date,
    commitment: Commitment = Commitment.COMMITTED,
    cadence_days: int = DEFAULT_CADENCE_DAYS,
) -> HealthReading:
    """The health of one key result and why, by the numbered rules of this module."""
    if latest is None and kr.current is None:
        return HealthReading(Health.NO_DATA, "nothing to judge the pace by")
    confidence = latest.confidence if latest is not None else kr.confidence
    progress = kr_progress(kr)
    expected = expected_progress(cycle, today, commitment)
    behind = expected - progress
    where = f"{_pct(progress)} done, {_pct(expected)} expected by now"
    if confidence is not None and confidence <= LOW_CONFIDENCE:
        pace = "though the pace is fine" if behind <= SLIGHTLY_BEHIND else f"and {where}"
        return HealthReading(Health.OFF_TRACK, f"confidence {confidence}/10 {pace}")
    if behind > FAR_BEHIND:
        return HealthReading(Health.OFF_TRACK, f"far behind pace ({where})")
    age = (today - latest.at.date()).days if latest is not None else None
    if age is None or age > stale_after(cadence_days):
        last = "no check-in yet" if age is None else f"the last check-in is {age} days old"
        return HealthReading(Health.AT_RISK, f"{last}; check in to know")
    if behind <= 0:
        return HealthReading(Health.ON_TRACK, f"at or ahead of pace ({where})")
    if behind <= SLIGHTLY_BEHIND:
        if confidence is not None and confidence >= SURE_CONFIDENCE:
            return HealthReading(
                Health.ON_TRACK, f"a little behind pace, confidence {confidence}/10"
            )
        said = f"confidence {confidence}/10" if confidence is not None else "no confidence given"
        return HealthReading(Health.AT_RISK, f"{said} though the pace is fine")
    return HealthReading(Health.AT_RISK, f"behind pace ({where})")


def kr_health(
    kr: KeyResult,
    latest: CheckIn | None,
    cycle: Cycle,
    today: date,
    commitment: Commitment = Commitment.COMMITTED,
    cadence_days: int = DEFAULT_CADENCE_DAYS,
) -> Health:
    """The health of one key result from its latest check-in and the cycle's pace.

    ``cadence_days`` is how often the user means to check in (settings); a check-in
    older than ``stale_after(cadence_days)`` cannot be on track.
    """
    return assess_kr(kr, latest, cycle, today, commitment, cadence_days).health


def objective_health(kr_healths: Iterable[Health]) -> Health:
    """The worst of its key results; silence on one KR keeps the objective off green."""
    values = list(kr_healths)
    known = [h for h in values if h is not Health.NO_DATA]
    if not known:
        return Health.NO_DATA
    worst = max(known, key=lambda h: h.rank)
    if worst is Health.ON_TRACK and len(known) < len(values):
        return Health.AT_RISK
    return worst


@dataclass(frozen=True)
class Forecast:
    """Where a straight line through the check-ins lands at the cycle's end."""

    value: float
    progress: float  # 0..1 of the way from baseline to target

    def sentence(self, unit: str = "") -> str:
        """'At this pace you reach 62% of target by the end of the cycle.'"""
        if self.progress >= 1.0:
            return "At this pace you reach the target before the cycle ends."
        shown = format_value(round(self.value, 1), unit)
        return (
            f"At this pace you reach {round(self.progress * 100)}% of target"
            f" ({shown}) by the end of the cycle."
        )


def _days(cycle: Cycle, day: date) -> float:
    return float((day - cycle.start).days)


def trend_points(
    kr: KeyResult, checkins: Sequence[CheckIn], cycle: Cycle, extra: tuple[date, float] | None
) -> list[tuple[float, float]]:
    """(day in cycle, value) pairs: the baseline at the start, check-ins in the cycle, ``extra``."""
    points: list[tuple[float, float]] = []
    if kr.baseline is not None:
        points.append((0.0, kr.baseline))
    for checkin in checkins:
        day = checkin.at.date()
        if cycle.start <= day <= cycle.end:
            points.append((_days(cycle, day), checkin.value))
    if extra is not None:
        points.append((_days(cycle, extra[0]), extra[1]))
    return points


def fit_line(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """Least-squares (slope, intercept); None with fewer than two distinct days."""
    if len({x for x, _ in points}) < 2:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def forecast(
    kr: KeyResult,
    checkins: Sequence[CheckIn],
    cycle: Cycle,
    pending: tuple[date, float] | None = None,
) -> Forecast | None:
    """The trend's value at the cycle's end, or None (milestones, too few points, no target)."""
    if kr.metric_kind is MetricKind.MILESTONE or kr.target is None:
        return None
    line = fit_line(trend_points(kr, checkins, cycle, pending))
    if line is None:
        return None
    slope, intercept = line
    value = slope * _days(cycle, cycle.end) + intercept
    return Forecast(value, progress_of(kr.direction, kr.baseline, kr.target, value))
