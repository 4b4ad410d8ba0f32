"""Health checks for ``okrcoach doctor``: inspect without writing (restores: ``restoring``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from okrcoach.paths import AppPaths
from okrcoach.store import backups
from okrcoach.store.aside import main_aside
from okrcoach.store.errors import StoreError
from okrcoach.store.layout import (
    MODEL_OF,
    FileProblem,
    check_cycle_file,
    cycle_file,
    cycles_dir,
    decode,
    parse,
    take_index,
)
from okrcoach.store.lock import is_locked
from okrcoach.store.migrations import SCHEMA_VERSION
from okrcoach.store.opening import RESTORE_HINT, cycle_file_count, set_aside_message
from okrcoach.store.restoring import (
    RestoreResult,
    pending_sources,
    restore,
    restore_backup,
    start_empty,
)
from okrcoach.store.snapshot import Snapshot, read_snapshot
from okrcoach.store.storage import TEMP_MARK

__all__ = [
    "DataReport",
    "RestoreResult",
    "inspect_data",
    "restore",
    "restore_backup",
    "start_empty",
]


@dataclass
class DataReport:
    """What ``inspect_data`` found; ``problems`` empty means healthy."""

    data_file: Path
    backup_dir: Path
    exists: bool
    schema_version: int | None
    counts: dict[str, int]
    last_backup: Path | None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    locked_by: int | None = None  # pid of the running writer (0 if unknown), None if free

    @property
    def healthy(self) -> bool:
        return not self.problems


def inspect_data(paths: AppPaths) -> DataReport:
    """Read-only health check: never writes, works while another process holds the lock."""
    report = DataReport(
        data_file=paths.data_file,
        backup_dir=paths.backup_dir,
        exists=paths.data_file.exists(),
        schema_version=None,
        counts={name: 0 for name in MODEL_OF},
        last_backup=backups.newest_backup(paths),
        locked_by=is_locked(paths.lock_file),
    )
    _backup_notes(paths, report)
    restoring = pending_sources(paths)  # the snapshot below reads the same way
    noted = main_aside(paths)
    if noted is not None and not report.exists:
        report.problems.append(set_aside_message(paths, noted.aside, noted.at))
        return report
    if not report.exists and not restoring:
        if cycle_file_count(paths):
            report.problems.append(
                f"The data file is missing, yet {cycles_dir(paths)} holds "
                f"{cycle_file_count(paths)} cycle file(s)."
                + (
                    f" Restore the newest backup with: {RESTORE_HINT}"
                    if report.last_backup is not None
                    else " There is no backup to restore."
                )
            )
            return report
        report.notes.append("There is no data file yet; it is created on first use.")
        return report
    try:
        snapshot = read_snapshot(paths)  # one whole commit, even while okrcoach saves
    except StoreError as error:
        report.problems.append(str(error))
        return report
    sources = snapshot.sources
    if snapshot.restoring:
        report.exists = True
        report.notes.append(
            "A restore was interrupted; it will be finished the next time okrcoach opens "
            "the data (the counts below are those of the backup being restored)."
        )
    raw = snapshot.main
    if raw is None:
        report.notes.append("There is no data file yet; it is created on first use.")
        return report
    try:
        parsed = parse(raw)
        report.schema_version = parsed.version
        decoded = decode(parsed)
        obj_cycle, kr_obj = ({}, {}) if parsed.single_file else take_index(decoded)
    except FileProblem as problem:
        report.problems.append(_problem_words(problem, report.last_backup))
        return report
    report.counts = {name: len(rows) for name, rows in decoded.records.items()}
    if report.schema_version is not None and parsed.single_file:
        report.notes.append(
            f"The data is one file (schema version {report.schema_version}); it will be split "
            f"into the schema {SCHEMA_VERSION} layout (after a backup) the next time okrcoach "
            "opens it for writing."
        )
    for cycle_id in sorted(set(obj_cycle.values())):
        _inspect_cycle(paths, snapshot, cycle_id, obj_cycle, kr_obj, report)
    folders = [paths.data_dir, cycles_dir(paths)]
    leftovers = [
        p.name
        for folder in folders
        if folder.is_dir()
        for p in folder.iterdir()
        if p.name.startswith(".") and TEMP_MARK in p.name and p not in sources.values()
    ]
    if sources and report.locked_by is None:
        report.notes.append(
            "A save was interrupted after it was complete; it will be finished the next time "
            "okrcoach opens the data."
        )
    if leftovers and report.locked_by is None:
        report.notes.append(
            f"{len(leftovers)} unfinished temporary file(s) from an interrupted save will be "
            "removed the next time okrcoach opens the data."
        )
    return report


def _backup_notes(paths: AppPaths, report: DataReport) -> None:
    """Say when the backups' names or sizes would mislead someone about to restore."""
    for path in backups.misdated(paths):
        report.notes.append(
            f"The backup {path.name} is dated in the future: the clock was wrong when it was "
            "taken (or is wrong now). Backups are ordered by when they were written, not by "
            "their names."
        )
    fuller = backups.fuller_than_newest(paths)
    if fuller is not None:
        path, records, newest = fuller
        report.notes.append(
            f"The newest backup holds {newest} records, fewer than {path.name} ({records}); "
            f"that one is kept. To restore it: {RESTORE_HINT} {path.name}"
        )


def _inspect_cycle(
    paths: AppPaths,
    snapshot: Snapshot,
    cycle_id: str,
    obj_cycle: dict[str, str],
    kr_obj: dict[str, str],
    report: DataReport,
) -> None:
    """Count one cycle file's records, or say what is wrong with it."""
    path = cycle_file(paths, cycle_id)
    hint = (
        f" Restore the newest backup with: {RESTORE_HINT}"
        if report.last_backup is not None
        else " There is no backup to restore."
    )
    raw = snapshot.cycles.get(path)
    if raw is None:
        report.problems.append(f"The cycle file {path} is missing.{hint}")
        return
    try:
        parsed = parse(raw)
        decoded = decode(parsed)
        check_cycle_file(decoded, parsed, cycle_id)
    except FileProblem as problem:
        if problem.kind == "future":
            report.problems.append(
                f"The cycle file {path} was written by a newer okrcoach: {problem.reason}. "
                "It is not damaged and was left untouched; update okrcoach to open it."
            )
        else:
            report.problems.append(f"The cycle file {path} is damaged: {problem.reason}.{hint}")
        return
    for name, rows in decoded.records.items():
        report.counts[name] += len(rows)
    held = {r.id for _, r in decoded.records["objectives"]}
    listed = {o for o, c in obj_cycle.items() if c == cycle_id}
    krs = {r.id for _, r in decoded.records["key_results"]}
    listed_krs = {k for k, o in kr_obj.items() if obj_cycle.get(o) == cycle_id}
    if held != listed or krs != listed_krs:
        report.problems.append(
            f"The cycle file {path} does not match the index in {paths.data_file} "
            f"({len(held)} objectives and {len(krs)} key results found, "
            f"{len(listed)} and {len(listed_krs)} expected).{hint}"
        )


def _problem_words(problem: FileProblem, newest: Path | None) -> str:
    if problem.kind == "future":
        return f"The data file was written by a newer okrcoach: {problem.reason}."
    hint = (
        f" Restore the newest backup with: {RESTORE_HINT}"
        if newest is not None
        else " There is no backup to restore."
    )
    if problem.kind in ("empty", "null"):
        return f"The data file looks cut short: {problem.reason}.{hint}"
    return f"The data file is damaged: {problem.reason}.{hint}"
