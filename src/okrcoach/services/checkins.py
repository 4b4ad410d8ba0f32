"""Check-ins: what changed since last time, where the trend leads, and saving one safely."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from okrcoach.domain import numbers
from okrcoach.domain.health import Forecast, forecast
from okrcoach.domain.models import CheckIn, Cycle, KeyResult, MetricKind, Objective, ObjectiveStatus
from okrcoach.store import Store


@dataclass(frozen=True)
class CheckInPlan:
    """One KR to check in on: what to pre-fill and what history to compare with."""

    kr: KeyResult
    history: list[CheckIn]

    @property
    def last_value(self) -> float | None:
        if self.history:
            return self.history[-1].value
        return self.kr.current if self.kr.current is not None else self.kr.baseline

    @property
    def last_confidence(self) -> int | None:
        return self.history[-1].confidence if self.history else self.kr.confidence


def plan_checkin(store: Store, objective_id: str) -> list[CheckInPlan]:
    """The objective's KRs in order, each with its check-in history."""
    return [CheckInPlan(kr, store.checkins(kr.id)) for kr in store.key_results(objective_id)]


def format_value(value: float | None, unit: str = "") -> str:
    """The house's one way to show a value with its unit (see ``domain.numbers``)."""
    return numbers.format_value(value, unit)


def parse_value(text: str, kr: KeyResult) -> float:
    """The user's typed value; milestones also accept done/yes/no. ValueError in words."""
    raw = text.strip().replace(",", "")
    if kr.metric_kind is MetricKind.MILESTONE:
        words = {"done": 1.0, "yes": 1.0, "y": 1.0, "1": 1.0, "no": 0.0, "n": 0.0, "0": 0.0}
        if raw.lower() in words:
            return words[raw.lower()]
        raise ValueError("a milestone is 1 (done) or 0 (not yet)")
    raw = raw.removesuffix("%").strip()
    if not raw:
        raise ValueError("enter the current value")
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("enter a finite number")
    return value


def parse_confidence(text: str) -> int:
    raw = text.strip()
    if not raw.isdigit() or not 0 <= int(raw) <= 10:
        raise ValueError("confidence is a whole number from 0 to 10")
    return int(raw)


def change_since_last(plan: CheckInPlan, value: float) -> str:
    """'+3 since last check-in (12 → 15)', or the change from the KR's starting value."""
    last = plan.last_value
    unit = plan.kr.unit
    if last is None:
        return "First value for this key result."
    if plan.history:
        since = "since last time"
    elif plan.kr.current is not None:
        since = "from the current value"
    else:
        since = "from the baseline"
    delta = value - last
    if delta == 0:
        return f"No change {since} ({format_value(last, unit)})."
    sign = "+" if delta > 0 else "−"
    return (
        f"{sign}{format_value(abs(delta), unit)} {since}"
        f" ({format_value(last, unit)} → {format_value(value, unit)})."
    )


def preview_forecast(
    plan: CheckInPlan, cycle: Cycle, today: date, value: float | None
) -> Forecast | None:
    pending = (today, value) if value is not None else None
    return forecast(plan.kr, plan.history, cycle, pending)


def forecast_sentence(plan: CheckInPlan, cycle: Cycle, today: date, value: float | None) -> str:
    found = preview_forecast(plan, cycle, today, value)
    if found is None:
        if plan.kr.metric_kind is MetricKind.MILESTONE:
            return "A milestone is done or not: no forecast."
        return "Not enough check-ins yet for a forecast."
    return found.sentence(plan.kr.unit if plan.kr.unit != "%" else "%")


def checkin_moment(today: date | None) -> datetime:
    """Now, or noon of ``today`` when the app runs on a fixed date (tests, demos)."""
    now = datetime.now(UTC)
    if today is None or today == now.date():
        return now
    return datetime.combine(today, time(12, 0), tzinfo=UTC)


def record_checkin(
    store: Store,
    kr: KeyResult,
    value: float,
    confidence: int,
    note: str = "",
    learned: str = "",
    today: date | None = None,
) -> tuple[CheckIn, KeyResult]:
    """Save the check-in and the KR's new current value and confidence in one write."""
    checkin = CheckIn(
        kr_id=kr.id,
        at=checkin_moment(today),
        value=value,
        confidence=confidence,
        note=note,
        learned=learned,
    )
    fresh = store.get(KeyResult, kr.id) or kr  # as stored now: a check-in never conflicts
    updated = fresh.touched(current=value, confidence=confidence)
    saved = store.save_many([checkin, updated])
    if saved:  # the records as stored (a team store's new version): keep using these
        checkin, updated = saved  # type: ignore[assignment]
    return checkin, updated


@dataclass(frozen=True)
class Candidate:
    """A key result someone can check in on from the shell, with where it lives."""

    cycle: Cycle
    objective: Objective
    kr: KeyResult

    @property
    def label(self) -> str:
        return f"{self.objective.title} › {self.kr.title}"


def checkin_candidates(store: Store, today: date) -> list[Candidate]:
    """Key results of live objectives in the cycles running today, in dashboard order.

    On a team store, only those the person may check in on (their own; an admin's: all)."""
    from okrcoach.services.people import may_check_in

    found: list[Candidate] = []
    for cycle in store.cycles():
        if not cycle.contains(today):
            continue
        for objective in store.objectives(cycle.id):
            if objective.deleted or objective.archived:
                continue
            if objective.status is not ObjectiveStatus.ACTIVE:
                continue
            if not may_check_in(store, objective.owner):
                continue
            found.extend(Candidate(cycle, objective, kr) for kr in store.key_results(objective.id))
    return found


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w%$€£]+", text.casefold()) if w]


def match_key_results(candidates: list[Candidate], query: str) -> list[Candidate]:
    """The key results whose title holds every word of ``query`` (any order, any case).

    A title equal to the query wins outright; otherwise every match is returned and
    the caller lists them: a check-in is never recorded on a guess. Words may also
    match the objective's title, so "onboarding activation" finds a KR by both.
    """
    wanted = _words(query)
    if not wanted:
        return []
    exact = [c for c in candidates if c.kr.title.casefold().strip() == query.casefold().strip()]
    if len(exact) == 1:
        return exact
    in_title = [c for c in candidates if _has_all(wanted, c.kr.title)]
    if in_title:
        return in_title
    return [c for c in candidates if _has_all(wanted, f"{c.objective.title} {c.kr.title}")]


def _has_all(wanted: list[str], text: str) -> bool:
    words = _words(text)
    return all(any(w.startswith(part) for w in words) for part in wanted)
