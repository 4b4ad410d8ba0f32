"""Check-in save cost on 10 years of data vs an empty workspace, and open time.

Builds the data through the Store API in a temp folder (one save_many per
cycle: 40 quarterly cycles x 8 objectives x 4 key results x 13 weekly
check-ins), then times ``save_many([checkin, key_result])`` for a key result
of the current cycle. The last line is ``checkin_save_ratio_large_vs_empty=<x>``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from okrcoach.domain.models import CheckIn, Cycle, KeyResult, Objective, Record
from okrcoach.paths import AppPaths
from okrcoach.store import Store, open_store

CYCLES, OBJECTIVES, KRS, WEEKS = 40, 8, 4, 13
SAVES = 200


def _cycle_records(cycle: Cycle) -> list[Record]:
    records: list[Record] = [cycle]
    start = datetime.combine(cycle.start, datetime.min.time(), tzinfo=UTC)
    for o in range(OBJECTIVES):
        objective = Objective(cycle_id=cycle.id, title=f"Objective {o} of {cycle.name}", position=o)
        records.append(objective)
        for k in range(KRS):
            kr = KeyResult(
                objective_id=objective.id, title=f"KR {k}", baseline=0, target=100, position=k
            )
            records.append(kr)
            for week in range(WEEKS):
                records.append(
                    CheckIn(
                        kr_id=kr.id,
                        at=start + timedelta(weeks=week),
                        value=week * 7.5,
                        confidence=6,
                        note="Steady progress, one blocker cleared this week.",
                    )
                )
    return records


def build(paths: AppPaths, cycles: int) -> None:
    quarters = [Cycle.for_quarter(date.today())]
    while len(quarters) < cycles:
        quarters.insert(0, Cycle.for_quarter(quarters[0].start - timedelta(days=1)))
    with open_store(paths) as store:
        for cycle in quarters[:cycles]:
            store.save_many(_cycle_records(cycle))
        if cycles == 0:
            cycle = store.current_cycle()
            objective = store.save(Objective(cycle_id=cycle.id, title="Only objective"))
            store.save(
                KeyResult(objective_id=objective.id, title="Only KR", baseline=0, target=1e6)
            )


def time_saves(store: Store) -> list[float]:
    cycle = store.current_cycle()
    objective = store.objectives(cycle.id)[0]
    kr = store.key_results(objective.id)[0]
    times = []
    for n in range(SAVES):
        checkin = CheckIn(kr_id=kr.id, value=n, confidence=7, note="Weekly check-in")
        kr = kr.touched(current=float(n), confidence=7)
        began = time.perf_counter()
        store.save_many([checkin, kr])
        times.append(time.perf_counter() - began)
    return times


def time_open(paths: AppPaths) -> float:
    """Open and show the current cycle's objectives (what the first screen needs)."""
    began = time.perf_counter()
    with open_store(paths) as store:
        cycle = store.current_cycle()
        for objective in store.objectives(cycle.id):
            store.key_results(objective.id)
    return time.perf_counter() - began


def measure(root: Path, name: str, cycles: int) -> tuple[float, float]:
    paths = AppPaths(data_dir=root / name, config_dir=root / "config")
    began = time.perf_counter()
    build(paths, cycles)
    built = time.perf_counter() - began
    size = sum(p.stat().st_size for p in paths.data_dir.rglob("*.json") if "backups" not in p.parts)
    time_open(paths)  # the first open of the day takes the daily backup
    opened = statistics.median(time_open(paths) for _ in range(5))
    with open_store(paths) as store:
        saves = time_saves(store)
    save = statistics.median(saves)
    print(
        f"{name}: built in {built:.2f} s, {size / 1e6:.2f} MB on disk, "
        f"open {opened * 1000:.2f} ms, median save {save * 1000:.3f} ms "
        f"(p90 {statistics.quantiles(saves, n=10)[-1] * 1000:.3f} ms)"
    )
    return save, opened


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        empty_save, empty_open = measure(root, "empty", 0)
        large_save, large_open = measure(root, "large", CYCLES)
    print(f"median_save_ms_empty={empty_save * 1000:.3f}")
    print(f"median_save_ms_large={large_save * 1000:.3f}")
    print(f"open_ms_empty={empty_open * 1000:.2f}")
    print(f"open_ms_large={large_open * 1000:.2f}")
    print(f"checkin_save_ratio_large_vs_empty={large_save / empty_save:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
