"""Fixtures for sharing tests: throwaway data folders and a small linked workspace."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from okrcoach.cli import main
from okrcoach.domain.models import (
    CheckIn,
    Commitment,
    Cycle,
    Decision,
    DecisionAction,
    Direction,
    Draft,
    GoalType,
    JournalEntry,
    KeyResult,
    KRScore,
    Objective,
    Record,
    Retrospective,
)
from okrcoach.paths import AppPaths
from okrcoach.store import open_store

T0 = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)
TODAY = date(2026, 2, 15)


def paths_in(folder: Path) -> AppPaths:
    return AppPaths(data_dir=folder / "data", config_dir=folder / "config")


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return paths_in(tmp_path / "ws")


def sample_records() -> list[Record]:
    """A cycle with a performance and a learning goal, check-ins, a retro, notes, a draft."""
    cycle = Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31))
    support = Objective(
        cycle_id=cycle.id, title="Customers get answers fast", why="Churn", owner="Ana"
    )
    learn = Objective(
        cycle_id=cycle.id,
        title="Learn to run interviews",
        goal_type=GoalType.LEARNING,
        commitment=Commitment.ASPIRATIONAL,
        parent_id=support.id,
        position=1,
    )
    reply = KeyResult(
        objective_id=support.id,
        title="Cut first reply time",
        baseline=24,
        target=4,
        current=20,
        unit="h",
        direction=Direction.DECREASE,
    )
    talks = KeyResult(objective_id=learn.id, title="Interviews written up", baseline=0, target=8)
    checkin = CheckIn(kr_id=reply.id, at=T0, value=20, confidence=6, note="Rota helps")
    retro = Retrospective(
        cycle_id=cycle.id,
        answers={"start": "pairing", "stop": "late triage"},
        scores=[KRScore(kr_id=reply.id, score=0.7, justification="most of the way")],
        decisions=[Decision(objective_id=support.id, action=DecisionAction.KEEP)],
    )
    journal = JournalEntry(text="Learned to read the queue report", objective_id=learn.id, at=T0)
    draft = Draft(kind="objective", step=2, cycle_id=cycle.id, data={"title": "half typed"})
    return [cycle, support, learn, reply, talks, checkin, retro, journal, draft]


def seed(paths: AppPaths, records: list[Record]) -> None:
    with open_store(paths) as store:
        store.save_many(records)


@pytest.fixture
def seeded(paths: AppPaths) -> AppPaths:
    seed(paths, sample_records())
    return paths


Cli = Callable[..., int]


@pytest.fixture
def cli() -> Cli:
    """Run ``okrcoach --data-dir <paths> ARGS`` in-process; the exit status."""

    def run(paths: AppPaths, *args: str) -> int:
        return main(["--data-dir", str(paths.data_dir), *args])

    return run
