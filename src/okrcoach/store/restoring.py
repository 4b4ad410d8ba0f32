"""Restoring a backup as crash-safely as a save: a restore record makes every step resumable.

Order: check the backup; back up the current data ("before-restore", never
pruning the backup being restored); write the backup's bytes as a durable temp
file; write the restore record naming the temp and where the old files go;
move ``cycles/`` and the main file aside; rename the temp into place; drop the
record. A crash at any point leaves either the old workspace untouched (no
record yet) or a record that the next writer finishes before anything else
(``finish_pending``) and that readers follow meanwhile (``pending_sources``),
so the data is never hidden and never reported healthy while it sits aside.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from okrcoach.domain.models import Record
from okrcoach.paths import AppPaths
from okrcoach.store import backups
from okrcoach.store.aside import clear_asides
from okrcoach.store.errors import StoreError, describe_os_error
from okrcoach.store.layout import FileProblem, cycles_dir, decode, parse
from okrcoach.store.lock import WriterLock
from okrcoach.store.storage import TEMP_MARK, atomic_write, fsync_dir, recover, write_temp

RESTORE_FILE = "okrcoach.restore"


@dataclass
class RestoreResult:
    backup: Path  # the backup copied in
    previous: Path | None  # where the file it replaced was moved (never deleted)
    safety_backup: Path | None  # a backup of that file, when it was readable


@dataclass
class RestorePreview:
    """What a restore would roll back, so the user can decide before anything changes."""

    backup: Path
    taken: datetime | None
    healthy: bool  # the current workspace is readable (else it is what the restore repairs)
    current_records: int = 0
    backup_records: int = 0
    rolled_back: int = 0  # records written or changed after the backup
    newest: datetime | None = None  # the newest of those
    returning: int = 0  # records deleted since the backup, which come back
    problems: list[str] = field(default_factory=list)

    @property
    def loses_anything(self) -> bool:
        return self.healthy and (self.rolled_back > 0 or self.returning > 0)


def restore_record(paths: AppPaths) -> Path:
    return paths.data_dir / RESTORE_FILE


def _healthy(data: bytes) -> FileProblem | None:
    try:
        decode(parse(data))
    except FileProblem as problem:
        return problem
    return None


def _records(data: bytes) -> dict[tuple[str, str], Record]:
    decoded = decode(parse(data))
    return {(name, r.id): r for name, rows in decoded.records.items() for _, r in rows}


def current_bundle(paths: AppPaths) -> bytes | None:
    """Every current file as one bundle, if they are all readable and healthy."""
    try:
        data = backups.bundle(paths)
    except (FileProblem, OSError):
        return None
    return data if _healthy(data) is None else None


def read_backup(backup: Path) -> bytes:
    """The backup's bytes, checked; raises StoreError saying why it cannot be used."""
    try:
        data = backup.read_bytes()
    except OSError as error:
        words = describe_os_error(error)
        raise StoreError(f"Could not read the backup {backup}: {words}.") from error
    problem = _healthy(data)
    if problem is not None:
        raise StoreError(
            f"The backup {backup} cannot be used: {problem.reason}. "
            "Nothing was changed; pick another one from: okrcoach doctor --list-backups"
        )
    return data


def _choose(paths: AppPaths, backup: Path | None) -> Path:
    chosen = backup if backup is not None else backups.newest_backup(paths)
    if chosen is None:
        raise StoreError(f"There are no backups in {paths.backup_dir} to restore.")
    return chosen


def preview(paths: AppPaths, backup: Path | None = None) -> RestorePreview:
    """Read-only: what restoring ``backup`` (default the newest) would roll back."""
    chosen = _choose(paths, backup)
    data = read_backup(chosen)
    old = _records(data)
    found = RestorePreview(chosen, backups.backup_time(chosen), healthy=False)
    found.backup_records = len(old)
    current = current_bundle(paths) if paths.data_file.exists() else None
    if current is None:
        return found
    now = _records(current)
    found.healthy = True
    found.current_records = len(now)
    later = [r for key, r in now.items() if key not in old or old[key] != r]
    found.rolled_back = len(later)
    found.returning = sum(1 for key in old if key not in now)
    if later:
        found.newest = max(max(r.created_at, r.updated_at) for r in later)
    return found


def restore(paths: AppPaths, backup: Path | None = None) -> RestoreResult:
    """Put a backup in place as the writer; the old files are moved aside, never deleted."""
    try:
        paths.ensure_data_dir()
    except OSError as error:
        raise StoreError(
            f"Could not reach the data folder {paths.data_dir}: {describe_os_error(error)}."
        ) from error
    lock = WriterLock.acquire(paths.lock_file, paths.data_file)
    try:
        chosen = _choose(paths, backup)
        data = read_backup(chosen)
        result = RestoreResult(backup=chosen, previous=None, safety_backup=None)
        try:
            finish_pending(paths)
            recover(paths.data_dir, cycles_dir(paths), paths.backup_dir)
            current = current_bundle(paths) if paths.data_file.exists() else None
            if current is not None:
                result.safety_backup = backups.write_backup(
                    paths, current, "before-restore", protect=(chosen,)
                )
            temp = write_temp(paths.data_file, data)
            plan = {"backup": str(chosen), "temp": temp.name, "main": None, "cycles": None}
            stamp = backups.stamp()
            if paths.data_file.exists():
                plan["main"] = _free(paths.data_file, f"before-restore-{stamp}").name
            if cycles_dir(paths).exists():
                plan["cycles"] = _free(cycles_dir(paths), f"before-restore-{stamp}").name
            atomic_write(restore_record(paths), json.dumps(plan).encode("utf-8"))
            result.previous = _finish(paths, plan)
        except OSError as error:
            raise StoreError(
                f"Could not restore {chosen}: {describe_os_error(error)}. Nothing is lost: "
                "the next start finishes the restore or keeps the data as it was."
            ) from error
        return result
    finally:
        lock.release()


def _free(path: Path, label: str) -> Path:
    """A name beside ``path`` that nothing uses yet."""
    base = path.with_name(f"{path.name}-{label}" if path.is_dir() else f"{path.name}.{label}")
    target, n = base, 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    return target


def _plan(paths: AppPaths) -> dict[str, str | None] | None:
    """The restore record left by an interrupted restore, if there is a usable one."""
    try:
        plan = json.loads(restore_record(paths).read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"backup": None, "temp": None, "main": None, "cycles": None}
    if not isinstance(plan, dict):
        return {"backup": None, "temp": None, "main": None, "cycles": None}
    names = {}
    for key in ("backup", "temp", "main", "cycles"):
        value = plan.get(key)
        names[key] = value if isinstance(value, str) and value else None
    for key in ("temp", "main", "cycles"):
        value = names[key]
        if value is not None and ("/" in value or "\\" in value or value in (".", "..")):
            names[key] = None  # only plain names inside the data folder
    if names["temp"] is not None and TEMP_MARK not in names["temp"]:
        names["temp"] = None
    return names


def _finish(paths: AppPaths, plan: dict[str, str | None]) -> Path | None:
    """Do whatever steps of the plan are left (each one is done at most once)."""
    root = paths.data_dir
    temp = root / plan["temp"] if plan["temp"] else None
    main_aside = root / plan["main"] if plan["main"] else None
    if plan["cycles"] and cycles_dir(paths).exists() and not (root / plan["cycles"]).exists():
        os.rename(cycles_dir(paths), root / plan["cycles"])
        fsync_dir(root)
    fresh = temp is not None and temp.exists()
    if fresh and main_aside is not None and paths.data_file.exists() and not main_aside.exists():
        os.rename(paths.data_file, main_aside)
        fsync_dir(root)
    if fresh:
        assert temp is not None
        os.replace(temp, paths.data_file)
        fsync_dir(root)
    elif not paths.data_file.exists():
        if not plan["backup"]:
            raise StoreError(
                f"A restore was interrupted and its record {restore_record(paths)} is damaged. "
                "Run okrcoach doctor --restore again to finish it."
            )
        atomic_write(paths.data_file, read_backup(Path(plan["backup"])))
    clear_asides(paths)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(restore_record(paths))
    fsync_dir(root)
    return main_aside if main_aside is not None and main_aside.exists() else None


def finish_pending(paths: AppPaths) -> bool:
    """As the writer: finish a restore a crash interrupted; True if there was one."""
    plan = _plan(paths)
    if plan is None:
        return False
    _finish(paths, plan)
    return True


def pending_sources(paths: AppPaths) -> dict[Path, Path] | None:
    """For readers: the main file to read while a restore is unfinished (None if none is)."""
    plan = _plan(paths)
    if plan is None:
        return None
    if plan["temp"] and (paths.data_dir / plan["temp"]).exists():
        return {paths.data_file: paths.data_dir / plan["temp"]}
    if not paths.data_file.exists() and plan["backup"]:
        return {paths.data_file: Path(plan["backup"])}
    return {}


def start_empty(paths: AppPaths) -> Path | None:
    """The user chose to begin again after their data was moved aside; returns that file."""
    from okrcoach.store.aside import main_aside

    lock = WriterLock.acquire(paths.lock_file, paths.data_file)
    try:
        noted = main_aside(paths)
        if noted is None:
            return None
        try:
            if cycles_dir(paths).exists():  # they went with the damaged main file
                os.rename(
                    cycles_dir(paths), _free(cycles_dir(paths), f"set-aside-{backups.stamp()}")
                )
                fsync_dir(paths.data_dir)
            clear_asides(paths)
        except OSError as error:
            raise StoreError(f"Could not record the choice: {describe_os_error(error)}.") from error
        return noted.aside
    finally:
        lock.release()


def restore_backup(paths: AppPaths, backup: Path | None = None) -> Path:
    """Restore the newest (or the given) backup; returns the backup used."""
    return restore(paths, backup).backup
