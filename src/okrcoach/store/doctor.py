"""Health checks and restores for ``okrcoach doctor``: inspect without writing, restore safely."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from okrcoach.paths import AppPaths
from okrcoach.store import backups
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
from okrcoach.store.lock import WriterLock, is_locked
from okrcoach.store.migrations import SCHEMA_VERSION
from okrcoach.store.opening import RESTORE_HINT, move_aside
from okrcoach.store.repository import describe_os_error
from okrcoach.store.storage import TEMP_MARK, atomic_write, fsync_dir, overlay, recover


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


@dataclass
class RestoreResult:
    backup: Path  # the backup copied in
    previous: Path | None  # where the file it replaced was moved (never deleted)
    safety_backup: Path | None  # a backup of that file, when it was readable


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
    if not report.exists:
        report.notes.append("There is no data file yet; it is created on first use.")
        return report
    sources = overlay(paths.data_dir)
    try:
        raw = sources.get(paths.data_file, paths.data_file).read_bytes()
    except OSError as error:
        report.problems.append(f"The data file cannot be read: {describe_os_error(error)}.")
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
        _inspect_cycle(paths, sources, cycle_id, obj_cycle, kr_obj, report)
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


def _inspect_cycle(
    paths: AppPaths,
    sources: dict[Path, Path],
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
    try:
        raw = sources.get(path, path).read_bytes()
    except FileNotFoundError:
        report.problems.append(f"The cycle file {path} is missing.{hint}")
        return
    except OSError as error:
        report.problems.append(f"The cycle file {path} cannot be read: {describe_os_error(error)}.")
        return
    try:
        parsed = parse(raw)
        decoded = decode(parsed)
        check_cycle_file(decoded, parsed, cycle_id)
    except FileProblem as problem:
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


def _current_bundle(paths: AppPaths) -> bytes | None:
    """Every current file as one bundle, if they are all readable and healthy."""
    try:
        data = backups.bundle(paths)
    except (FileProblem, OSError):
        return None
    return data if _healthy(data) is None else None


def _healthy(data: bytes) -> FileProblem | None:
    try:
        decode(parse(data))
    except FileProblem as problem:
        return problem
    return None


def restore(paths: AppPaths, backup: Path | None = None) -> RestoreResult:
    """Copy a backup over the data file, as the writer; the old file is moved aside."""
    try:
        paths.ensure_data_dir()
    except OSError as error:
        raise StoreError(
            f"Could not reach the data folder {paths.data_dir}: {describe_os_error(error)}."
        ) from error
    lock = WriterLock.acquire(paths.lock_file, paths.data_file)
    try:
        chosen = backup if backup is not None else backups.newest_backup(paths)
        if chosen is None:
            raise StoreError(f"There are no backups in {paths.backup_dir} to restore.")
        try:
            data = chosen.read_bytes()
        except OSError as error:
            raise StoreError(
                f"Could not read the backup {chosen}: {describe_os_error(error)}."
            ) from error
        problem = _healthy(data)
        if problem is not None:
            raise StoreError(
                f"The backup {chosen} cannot be used: {problem.reason}. "
                "Nothing was changed; pick another one from: okrcoach doctor --list-backups"
            )
        result = RestoreResult(backup=chosen, previous=None, safety_backup=None)
        try:
            recover(paths.data_dir, cycles_dir(paths), paths.backup_dir)
            current = _current_bundle(paths) if paths.data_file.exists() else None
            if current is not None:
                result.safety_backup = backups.write_backup(paths, current, "before-restore")
            if cycles_dir(paths).exists():
                folder = cycles_dir(paths)
                aside = folder.with_name(f"{folder.name}-before-restore-{backups.stamp()}")
                os.rename(folder, aside)
                fsync_dir(paths.data_dir)
            if paths.data_file.exists():
                result.previous = move_aside(paths, "before-restore")
            atomic_write(paths.data_file, data)  # a bundle: the next open splits it
        except OSError as error:
            raise StoreError(
                f"Could not restore {chosen}: {describe_os_error(error)}."
                + (f" The previous file is kept at {result.previous}." if result.previous else "")
            ) from error
        return result
    finally:
        lock.release()


def restore_backup(paths: AppPaths, backup: Path | None = None) -> Path:
    """Restore the newest (or the given) backup; returns the backup used."""
    return restore(paths, backup).backup
