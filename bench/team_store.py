"""Team store against the local store on the same data: dashboard and check-in save, as ratios.

A 50-person organisation with three years of weekly check-ins: 12 quarterly
cycles, each person keeping 3 objectives of 3 key results, 13 weekly check-ins
each (1,800 objectives, 5,400 key results, 70,200 check-ins). The same records
go into a local workspace and into a throwaway PostgreSQL server (as its owner).
Then, as one of the 50 people: the dashboard's data (``load_portfolio`` for the
current cycle, what the dashboard calls) and one check-in saved through the
check-in service. Needs the server binaries, as the team tests do.
The last lines are ``dashboard_ratio_team_vs_local=<x>`` and
``checkin_save_ratio_team_vs_local=<x>``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from okrcoach.domain.models import CheckIn, Cycle, KeyResult, Objective, Record
from okrcoach.paths import AppPaths
from okrcoach.services.checkins import record_checkin
from okrcoach.services.portfolio import load_portfolio
from okrcoach.store import open_store

PEOPLE, CYCLES, OBJECTIVES, KRS, WEEKS = 50, 12, 3, 3, 13
DASHBOARDS, SAVES = 10, 50
VIEWER = "person00"


def _people() -> list[str]:
    return [f"person{n:02d}" for n in range(PEOPLE)]


def _cycle_records(cycle: Cycle) -> list[Record]:
    records: list[Record] = [cycle]
    start = datetime.combine(cycle.start, datetime.min.time(), tzinfo=UTC)
    for person in _people():
        for o in range(OBJECTIVES):
            objective = Objective(
                cycle_id=cycle.id, title=f"{person}: objective {o}", owner=person, position=o
            )
            records.append(objective)
            for k in range(KRS):
                kr = KeyResult(
                    objective_id=objective.id, title=f"KR {k}", baseline=0, target=100, position=k
                )
                records.append(kr)
                records += [
                    CheckIn(
                        kr_id=kr.id,
                        at=start + timedelta(weeks=week),
                        value=week * 7.5,
                        confidence=6,
                        note="Steady progress, one blocker cleared this week.",
                    )
                    for week in range(WEEKS)
                ]
    return records


def organisation(today: date) -> list[list[Record]]:
    quarters = [Cycle.for_quarter(today)]
    while len(quarters) < CYCLES:
        quarters.insert(0, Cycle.for_quarter(quarters[0].start - timedelta(days=1)))
    return [_cycle_records(cycle) for cycle in quarters]


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def measure(store: Any, today: date, label: str) -> tuple[float, float]:
    cycle = store.current_cycle(today)
    dashboards = []
    for _ in range(DASHBOARDS):
        began = time.perf_counter()
        portfolio = load_portfolio(store, cycle, today)
        dashboards.append(time.perf_counter() - began)
    assert len(portfolio.rows) == PEOPLE * OBJECTIVES
    mine = next(o for o in store.objectives(cycle.id) if o.owner == VIEWER)
    kr = store.key_results(mine.id)[0]
    saves = []
    for n in range(SAVES):
        began = time.perf_counter()
        _, kr = record_checkin(store, kr, float(n), 7, note="Weekly check-in", today=today)
        saves.append(time.perf_counter() - began)
    dashboard, save = _median_ms(dashboards), _median_ms(saves)
    print(f"{label}: dashboard {dashboard:.1f} ms, check-in save {save:.2f} ms (medians)")
    return dashboard, save


def timed(what: str, work: Callable[[], Any]) -> Any:
    began = time.perf_counter()
    result = work()
    print(f"{what} in {time.perf_counter() - began:.1f} s")
    return result


def main() -> int:
    from okrcoach.store.team import open_team_store
    from okrcoach.store.team.admin import add_person, init_schema

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the throwaway server helper
    from tests.team.cluster import start_cluster

    today = date.today()
    data = organisation(today)
    count = sum(len(c) for c in data)
    print(f"{PEOPLE} people, {CYCLES} cycles, {count:,} records")
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths(data_dir=Path(tmp) / "data", config_dir=Path(tmp) / "config")

        def build_local() -> None:
            with open_store(paths) as store:
                for records in data:
                    store.save_many(records)

        timed("local workspace built", build_local)
        with open_store(paths) as local:
            local_dashboard, local_save = measure(local, today, "local")

    cluster = start_cluster(durable=True)  # flushes to disk, as the local store does
    try:
        init_schema(cluster.url())
        for person in _people():
            cluster.create_role(person, f"{person}-pw")
            add_person(cluster.url(), person, name=person.title(), team=f"Team {person[-1]}")

        def build_team() -> None:
            with open_team_store(cluster.url()) as owner:
                for records in data:
                    owner.save_many(records)

        timed("team store built", build_team)
        with open_team_store(cluster.url(VIEWER, f"{VIEWER}-pw")) as team:
            team_dashboard, team_save = measure(team, today, "team")
    finally:
        cluster.destroy()
    print(f"dashboard_ms_local={local_dashboard:.1f}")
    print(f"dashboard_ms_team={team_dashboard:.1f}")
    print(f"checkin_save_ms_local={local_save:.2f}")
    print(f"checkin_save_ms_team={team_save:.2f}")
    print(f"dashboard_ratio_team_vs_local={team_dashboard / local_dashboard:.2f}")
    print(f"checkin_save_ratio_team_vs_local={team_save / local_save:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
