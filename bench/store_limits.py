"""Reading a workspace at the store's limits: open, report, export and a dashboard's reads.

Builds 40 quarterly cycles x 500 objectives (the per-cycle limit, 20,000 objectives:
the workspace limit) x 3 key results x 2 check-ins through the Store API, then times
a read-only open, ``okrcoach report`` of one cycle, a JSON export of everything, and
the reads the dashboard makes for one cycle. Prints one ``name=seconds`` line each.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from okrcoach.domain.models import CheckIn, Cycle, KeyResult, Objective, Record
from okrcoach.paths import AppPaths
from okrcoach.store import open_store

CYCLES, OBJECTIVES, KRS, CHECKINS = 40, 500, 3, 2


def _build(paths: AppPaths) -> Cycle:
    start = date(2017, 1, 1)
    last = None
    with open_store(paths) as store:
        for _ in range(CYCLES):
            cycle = Cycle.for_quarter(start)
            records: list[Record] = [cycle]
            for o in range(OBJECTIVES):
                objective = Objective(cycle_id=cycle.id, title=f"Objective {o}", position=o)
                records.append(objective)
                for k in range(KRS):
                    kr = KeyResult(objective_id=objective.id, title=f"KR {k}", target=10)
                    records.append(kr)
                    records += [
                        CheckIn(kr_id=kr.id, value=i, confidence=5) for i in range(CHECKINS)
                    ]
            store.save_many(records)
            last = cycle
            start = cycle.end + timedelta(days=1)
    assert last is not None
    return last


def _time(name: str, call) -> None:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    call()
    print(f"{name}={time.perf_counter() - began:.2f}")


def main() -> None:
    from okrcoach.export import export_to_file
    from okrcoach.export.report import build_report

    with tempfile.TemporaryDirectory() as folder:
        paths = AppPaths(data_dir=Path(folder) / "data", config_dir=Path(folder) / "config")
        began = time.perf_counter()
        cycle = _build(paths)
        print(f"build={time.perf_counter() - began:.2f}")

        def opened() -> None:
            with open_store(paths, read_only=True) as store:
                store.counts()

        def report() -> None:
            with open_store(paths, read_only=True) as store:
                build_report(store, store.get(Cycle, cycle.id), cycle.end, 7)

        def dashboard() -> None:
            with open_store(paths, read_only=True) as store:
                for objective in store.objectives(cycle.id):
                    for kr in store.key_results(objective.id):
                        store.latest_checkin(kr.id)

        def writer_with_backup() -> None:
            from okrcoach.store import backups

            for old in backups.list_backups(paths):
                old.unlink()
            with open_store(paths):  # takes the day's backup: every file bundled
                pass

        _time("open_writer_with_daily_backup", writer_with_backup)
        _time("open_read_only_all", opened)
        _time("report_one_cycle", report)
        _time("dashboard_reads_one_cycle", dashboard)
        _time("export_json_all", lambda: export_to_file(paths, "json", Path(folder) / "o.json"))


if __name__ == "__main__":
    main()
