"""A realistic large workspace: 10 years of quarterly cycles, 8 objectives x 4 KRs each,
weekly check-ins. For benchmarks and load tests.

    python bench/dataset.py DIR [--years 10] [--today 2026-11-24]
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from okrcoach.domain.models import (
    CheckIn,
    Commitment,
    Cycle,
    Direction,
    GoalType,
    KeyResult,
    Objective,
    ObjectiveStatus,
    Record,
)
from okrcoach.paths import AppPaths
from okrcoach.store import open_store

OBJECTIVES_PER_CYCLE = 8
KRS_PER_OBJECTIVE = 4
LARGE_MARKER = "Objective 1 of"  # a title on the current cycle's dashboard


def quarters(today: date, years: int) -> list[Cycle]:
    """The quarter holding ``today`` and the ones before it, oldest first."""
    cycles = [Cycle.for_quarter(today)]
    while len(cycles) < years * 4:
        cycles.append(Cycle.for_quarter(cycles[-1].start - timedelta(days=1)))
    return list(reversed(cycles))


def cycle_records(cycle: Cycle, today: date, rng: random.Random) -> list[Record]:
    records: list[Record] = [cycle]
    past = cycle.end < today
    last_day = min(cycle.end, today)
    weeks = max(0, (last_day - cycle.start).days // 7)
    parent: str | None = None
    for o in range(OBJECTIVES_PER_CYCLE):
        objective = Objective(
            cycle_id=cycle.id,
            title=f"Objective {o + 1} of {cycle.name}: customers succeed sooner",
            goal_type=GoalType.LEARNING if o % 3 == 0 else GoalType.PERFORMANCE,
            commitment=Commitment.ASPIRATIONAL if o % 2 else Commitment.COMMITTED,
            owner=f"Owner {o % 4 + 1}",
            parent_id=parent,
            position=o,
            status=ObjectiveStatus.DONE if past else ObjectiveStatus.ACTIVE,
        )
        parent = parent or objective.id
        records.append(objective)
        for k in range(KRS_PER_OBJECTIVE):
            baseline, target = float(rng.randint(0, 40)), float(rng.randint(60, 200))
            kr = KeyResult(
                objective_id=objective.id,
                title=f"Raise metric {k + 1} from {baseline:g} to {target:g}",
                baseline=baseline,
                target=target,
                direction=Direction.INCREASE,
                position=k,
            )
            value = baseline
            for week in range(1, weeks + 1):
                value += rng.uniform(0, (target - baseline) / 10)
                day = cycle.start + timedelta(days=7 * week)
                records.append(
                    CheckIn(
                        kr_id=kr.id,
                        at=datetime.combine(day, time(9), tzinfo=UTC),
                        value=round(value, 1),
                        confidence=rng.randint(3, 9),
                        note=f"Week {week}: steady progress",
                        learned="Smaller steps ship sooner" if week % 4 == 0 else "",
                    )
                )
            records.append(kr.model_copy(update={"current": round(value, 1) if weeks else None}))
    return records


def generate(paths: AppPaths, today: date, years: int = 10, seed: int = 7) -> int:
    """Write the workspace into ``paths``; returns how many records were written."""
    rng = random.Random(seed)
    records: list[Record] = []
    for cycle in quarters(today, years):
        records.extend(cycle_records(cycle, today, rng))
    with open_store(paths) as store:
        store.save_many(records)
    return len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    paths = AppPaths(data_dir=args.directory / "data", config_dir=args.directory / "config")
    count = generate(paths, args.today, args.years)
    print(f"records={count} data_dir={paths.data_dir}")


if __name__ == "__main__":
    main()
