"""Sample records for the contract suite: one of every model, linked like a real workspace."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from okrcoach.domain.models import (
    CheckIn,
    Cycle,
    Decision,
    DecisionAction,
    Draft,
    JournalEntry,
    KeyResult,
    KRScore,
    Objective,
    Record,
    Retrospective,
)

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def at(days: float) -> datetime:
    return T0 + timedelta(days=days)


def me(store: Any) -> str:
    """Who the store writes as: the team store's role, nobody for the local one."""
    return str(getattr(store, "me", ""))


def workspace(store: Any) -> dict[str, Record]:
    cycle = Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31))
    objective = Objective(
        cycle_id=cycle.id, title="Customers get answers fast", why="Churn", owner=me(store)
    )
    kr = KeyResult(
        objective_id=objective.id, title="Cut first reply time", baseline=24, target=4, unit="h"
    )
    checkin = CheckIn(kr_id=kr.id, at=T0, value=20, confidence=6, note="Rota helps")
    retro = Retrospective(
        cycle_id=cycle.id,
        objective_id=objective.id,
        answers={"start": "pairing", "stop": "late triage", "continue": "ünïcödé ✓"},
        scores=[KRScore(kr_id=kr.id, score=0.7, justification="most of the way")],
        decisions=[Decision(objective_id=objective.id, action=DecisionAction.KEEP, note="on")],
    )
    journal = JournalEntry(text="Learned to read the queue report", objective_id=objective.id)
    draft = Draft(
        kind="objective",
        step=2,
        cycle_id=cycle.id,
        data={"title": "half typed", "krs": [{"title": "one", "target": 3.5}], "n": None},
    )
    return {
        "cycle": cycle,
        "objective": objective,
        "kr": kr,
        "checkin": checkin,
        "retro": retro,
        "journal": journal,
        "draft": draft,
    }


def same(a: Record | None, b: Record | None) -> bool:
    """Equal as the user sees them: the team store's save counter aside."""
    assert a is not None and b is not None
    return a.model_dump(exclude={"version"}) == b.model_dump(exclude={"version"})
