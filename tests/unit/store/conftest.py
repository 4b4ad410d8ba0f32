"""Fixtures for store tests: a throwaway data folder and a small sample workspace."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from okrcoach.domain.models import (
    CheckIn,
    Cycle,
    Draft,
    JournalEntry,
    KeyResult,
    KRScore,
    Objective,
    Record,
    Retrospective,
)
from okrcoach.paths import AppPaths
from okrcoach.store import Store, open_store

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(paths: AppPaths) -> Iterator[Store]:
    with open_store(paths) as opened:
        yield opened


def sample_records() -> list[Record]:
    """One of every model, linked together like a real workspace."""
    cycle = Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31))
    objective = Objective(cycle_id=cycle.id, title="Customers get answers fast", why="Churn")
    kr = KeyResult(
        objective_id=objective.id, title="Cut first reply time", baseline=24, target=4, unit="h"
    )
    checkin = CheckIn(kr_id=kr.id, at=T0, value=20, confidence=6, note="Rota helps")
    retro = Retrospective(
        cycle_id=cycle.id,
        answers={"start": "pairing", "stop": "late triage"},
        scores=[KRScore(kr_id=kr.id, score=0.7, justification="most of the way")],
    )
    journal = JournalEntry(text="Learned to read the queue report", objective_id=objective.id)
    draft = Draft(kind="objective", step=2, cycle_id=cycle.id, data={"title": "half typed"})
    return [cycle, objective, kr, checkin, retro, journal, draft]


def at(days: float) -> datetime:
    return T0 + timedelta(days=days)
