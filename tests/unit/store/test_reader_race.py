"""Readers racing a writer: a read-only open, an export and doctor while saves run non-stop.

The writer (another process) saves single check-ins, pairs across two cycle files and
carry-overs touching the main file and a cycle file. Every reader must see one whole
commit: never an empty workspace, never a record whose parent is missing, and doctor
must never report damage (or advise a restore) because of the race.
"""

from __future__ import annotations

import json
from pathlib import Path

from okrcoach.domain.models import CheckIn, KeyResult, Objective
from okrcoach.export import export_to_file
from okrcoach.paths import AppPaths
from okrcoach.store import StoreError, inspect_data, open_store

from .test_processes import _start

READS = 510


def test_readers_racing_a_writer_see_whole_commits(paths: AppPaths, tmp_path: Path) -> None:
    writer, _ = _start(paths, "loop")
    assert writer.stdout is not None
    for _ in range(6):
        writer.stdout.readline()  # a few saves in: both cycles and a carried objective exist
    empty: list[str] = []
    problems: list[str] = []
    try:
        for n in range(READS):
            try:
                _read(paths, tmp_path, n, empty, problems)
            except StoreError as error:
                problems.append(f"read {n}: {str(error)[:200]}")
    finally:
        writer.kill()
        writer.communicate()
    assert problems == [], f"{len(problems)} false problems in {READS} reads: {problems[:3]}"
    assert empty == [], f"{len(empty)} empty views in {READS} reads: {empty[:3]}"


def _read(paths: AppPaths, tmp_path: Path, n: int, empty: list[str], problems: list[str]) -> None:
    kind = n % 3
    if kind == 0:
        with open_store(paths, read_only=True) as store:
            objectives = store.all(Objective)
            krs = {k.id for k in store.all(KeyResult)}
            checkins = store.all(CheckIn)
            if len(objectives) < 2 or not checkins:
                empty.append(f"read {n}: {len(objectives)} objectives")
            orphans = [c.id for c in checkins if c.kr_id not in krs]
            if orphans:
                problems.append(f"read {n}: {len(orphans)} check-ins without their KR")
    elif kind == 1:
        out = export_to_file(paths, "json", tmp_path / "out.json", force=True)
        data = json.loads(out.read_text())["tables"]
        if len(data.get("objectives", [])) < 2:
            empty.append(f"export {n}: {len(data.get('objectives', []))} objectives")
    else:
        report = inspect_data(paths)
        if report.problems:
            problems.append(f"doctor {n}: {report.problems[0][:200]}")
        if report.counts["objectives"] < 2:
            empty.append(f"doctor {n}: {report.counts['objectives']} objectives")
