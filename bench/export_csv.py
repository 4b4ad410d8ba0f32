"""CSV and Markdown export time on a large workspace held in memory (no disk).

1,280 key results (40 cycles x 8 objectives x 4) with 60,000 check-ins between
them. The last line is ``csv_export_seconds=<s> markdown_export_seconds=<s>``.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from okrcoach.domain.models import CheckIn, Cycle, KeyResult, Objective
from okrcoach.export.csvio import render_csv
from okrcoach.export.markdown import render_markdown
from okrcoach.export.snapshot import Snapshot, Tables

CYCLES, OBJECTIVES, KRS, CHECKINS = 40, 8, 4, 60_000


def build() -> Snapshot:
    cycles, objectives, krs, checkins = [], [], [], []
    day = Cycle.for_quarter(datetime(2016, 1, 1, tzinfo=UTC).date())
    for _ in range(CYCLES):
        cycles.append(day)
        for o in range(OBJECTIVES):
            objective = Objective(cycle_id=day.id, title=f"Objective {o} of {day.name}", position=o)
            objectives.append(objective)
            for k in range(KRS):
                krs.append(
                    KeyResult(
                        objective_id=objective.id,
                        title=f"KR {k}",
                        baseline=0,
                        target=100,
                        position=k,
                    )
                )
        day = Cycle.for_quarter(day.end + timedelta(days=1))
    start = datetime(2016, 1, 1, 12, tzinfo=UTC)
    for n in range(CHECKINS):
        kr = krs[n % len(krs)]
        moment = start + timedelta(hours=n)
        checkins.append(CheckIn(kr_id=kr.id, at=moment, value=n % 100, confidence=n % 11))
    tables = Tables.model_construct(
        cycles=cycles,
        objectives=objectives,
        key_results=krs,
        checkins=checkins,
        retros=[],
        journal=[],
        drafts=[],
    )
    return Snapshot(tables=tables)


def timed(render, snapshot: Snapshot) -> float:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    render(snapshot)
    return time.perf_counter() - began


def main() -> None:
    snapshot = build()
    csv_seconds = timed(render_csv, snapshot)
    md_seconds = timed(render_markdown, snapshot)
    print(f"key results: {len(snapshot.tables.key_results):,}, check-ins: {CHECKINS:,}")
    print(f"csv_export_seconds={csv_seconds:.2f} markdown_export_seconds={md_seconds:.2f}")


if __name__ == "__main__":
    main()
