"""Small workspaces for the dashboard tests, written straight into a temp data dir."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from okrcoach.domain.models import (
    CheckIn,
    Commitment,
    Cycle,
    GoalType,
    KeyResult,
    Objective,
)
from okrcoach.paths import AppPaths
from okrcoach.store import open_store

Q4 = Cycle(id="cycle-q4", name="2026-Q4", start=date(2026, 10, 1), end=date(2026, 12, 31))
Q3 = Cycle(id="cycle-q3", name="2026-Q3", start=date(2026, 7, 1), end=date(2026, 9, 30))


def at(day: date) -> datetime:
    return datetime.combine(day, time(12, 0), tzinfo=UTC)


def objective(oid: str, title: str, cycle: Cycle = Q4, **fields: Any) -> Objective:
    return Objective(id=oid, cycle_id=cycle.id, title=title, **fields)


def kr(kid: str, oid: str, title: str, **fields: Any) -> KeyResult:
    return KeyResult(id=kid, objective_id=oid, title=title, **fields)


def checkin(kid: str, day: date, value: float, confidence: int, **fields: Any) -> CheckIn:
    return CheckIn(kr_id=kid, at=at(day), value=value, confidence=confidence, **fields)


def write(paths: AppPaths, *records: Any) -> None:
    with open_store(paths) as store:
        store.save_many(records)


def mixed_cycle() -> list[Any]:
    """A learning goal on track, a performance goal on track, one at risk."""
    return [
        Q4,
        objective(
            "learn",
            "Become fluent in async Python",
            goal_type=GoalType.LEARNING,
            owner="Ana",
            position=0,
        ),
        kr(
            "learn-kr",
            "learn",
            "Rate my async skill from 3 to 7",
            baseline=3,
            target=7,
            current=5,
            confidence=8,
        ),
        checkin("learn-kr", date(2026, 11, 20), 5, 8, learned="Blocking calls stall the loop"),
        objective("perform", "Customers get answers the same day", owner="Support", position=1),
        kr(
            "perform-kr",
            "perform",
            "Cut reply time from 24 h to 4 h",
            baseline=24,
            target=4,
            direction="decrease",
            unit="h",
            current=10,
            confidence=9,
        ),
        checkin("perform-kr", date(2026, 11, 22), 10, 9),
        objective(
            "risky", "Win back churned customers", position=2, commitment=Commitment.COMMITTED
        ),
        kr(
            "risky-kr",
            "risky",
            "Raise win-back rate from 2% to 10%",
            baseline=2,
            target=10,
            unit="%",
            current=2.5,
            confidence=2,
        ),
        checkin("risky-kr", date(2026, 11, 21), 2.5, 2),
    ]
