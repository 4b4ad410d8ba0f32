"""Opening the data: lock, recover, judge the main file, migrate, back up, or refuse in words.

A file that cannot be understood is never overwritten. Empty or ``null``
files while a backup exists stop everything (probably lost data); garbage is
moved aside with its bytes intact; a newer schema is left alone. Only the
main file is read here; cycle files are read when first needed.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from okrcoach.paths import AppPaths
from okrcoach.store import backups
from okrcoach.store.aside import START_EMPTY_HINT, main_aside, note_aside
from okrcoach.store.errors import (
    CorruptFileError,
    FutureSchemaError,
    StoreError,
    SuspiciousFileError,
    WriteError,
    describe_os_error,
)
from okrcoach.store.layout import (
    MODEL_OF,
    Decoded,
    FileProblem,
    Index,
    Parsed,
    cycles_dir,
    decode,
    parse,
    take_index,
)
from okrcoach.store.lock import WriterLock
from okrcoach.store.migrations import SCHEMA_VERSION
from okrcoach.store.repository import RESTORE_HINT, Store
from okrcoach.store.restoring import finish_pending, pending_sources
from okrcoach.store.snapshot import read_snapshot
from okrcoach.store.storage import recover

__all__ = ["RESTORE_HINT", "move_aside", "open_store"]


def _empty() -> Decoded:
    return Decoded(records={name: [] for name in MODEL_OF})


def _backup_words(backup: Path) -> str:
    when = backups.backup_time(backup)
    at = f", taken {when:%Y-%m-%d %H:%M} UTC" if when else ""
    return f"{backup}{at}"


def suspicious_message(paths: AppPaths, reason: str, backup: Path) -> str:
    return (
        f"The data file {paths.data_file} looks wrong: {reason}. That usually means it was "
        "cut short, so okrcoach left it untouched instead of starting over. "
        f"The newest backup is {_backup_words(backup)}. To restore it, run: {RESTORE_HINT}"
    )


def corrupt_message(paths: AppPaths, reason: str, aside: Path | None, moved: bool) -> str:
    head = f"The data file {paths.data_file} could not be read: {reason}."
    if moved and aside is not None:
        kept = f" Nothing was overwritten: the original bytes were moved to {aside}."
    else:
        kept = " It was left exactly as it is."
    newest = backups.newest_backup(paths)
    if newest is not None:
        tail = f" To restore the newest backup ({_backup_words(newest)}), run: {RESTORE_HINT}"
    elif moved:
        tail = (
            " There is no backup to restore. To start again with an empty workspace "
            f"(the moved file is kept), run: {START_EMPTY_HINT}"
        )
    else:
        tail = " There is no backup to restore."
    return head + kept + tail


def future_message(paths: AppPaths, problem: FileProblem) -> str:
    return (
        f"The data file {paths.data_file} was written by a newer okrcoach: {problem.reason}. "
        "It was left untouched; update okrcoach to open it."
    )


def move_aside(paths: AppPaths, label: str) -> Path:
    """Rename the data file next to itself (same bytes), never deleting anything."""
    return backups.move_aside(paths.data_file, label)


def cycle_file_count(paths: AppPaths) -> int:
    """How many cycle files sit in ``cycles/``: data that a main file should go with."""
    folder = cycles_dir(paths)
    try:
        return sum(1 for p in folder.iterdir() if p.suffix == ".json" and p.is_file())
    except OSError:
        return 0


def set_aside_message(paths: AppPaths, aside: Path, at: str) -> str:
    when = f" ({at})" if at else ""
    newest = backups.newest_backup(paths)
    restore = (
        f" To restore the newest backup ({_backup_words(newest)}), run: {RESTORE_HINT}."
        if newest is not None
        else " There is no backup to restore."
    )
    return (
        f"The data file {paths.data_file} was damaged, so its bytes were moved to {aside}{when}; "
        "okrcoach does not start an empty workspace over it." + restore + " To start again "
        f"with an empty workspace instead (the moved file is kept), run: {START_EMPTY_HINT}"
    )


def _check_not_set_aside(paths: AppPaths) -> None:
    """The main file was moved aside and the user has not acted yet: say so, every time."""
    noted = main_aside(paths)
    if noted is not None and not paths.data_file.exists():
        raise CorruptFileError(set_aside_message(paths, noted.aside, noted.at), noted.aside)


def _judge(paths: AppPaths, problem: FileProblem, *, read_only: bool) -> Decoded:
    """Turn a file problem into an error, or an empty workspace when that is safe."""
    newest = backups.newest_backup(paths)
    if problem.kind == "future":
        raise FutureSchemaError(future_message(paths, problem), version=problem.version)
    if problem.kind in ("empty", "null") and newest is not None:
        raise SuspiciousFileError(suspicious_message(paths, problem.reason, newest), newest)
    if problem.kind == "empty" and cycle_file_count(paths):
        raise SuspiciousFileError(
            f"The data file {paths.data_file} looks wrong: {problem.reason}, yet "
            f"{cycles_dir(paths)} holds {cycle_file_count(paths)} cycle file(s). That usually "
            "means it was cut short, so okrcoach left everything untouched instead of starting "
            "over. "
            "There is no backup to restore."
        )
    if problem.kind == "empty":
        return _empty()
    if read_only:
        raise CorruptFileError(corrupt_message(paths, problem.reason, None, moved=False))
    try:
        aside = move_aside(paths, "corrupt")
    except OSError:
        raise CorruptFileError(corrupt_message(paths, problem.reason, None, moved=False)) from None
    with contextlib.suppress(OSError):
        note_aside(paths, paths.data_file, aside, problem.reason, backups.stamp())
    raise CorruptFileError(corrupt_message(paths, problem.reason, aside, moved=True), aside)


def _missing_main(paths: AppPaths) -> None:
    """No main file, yet cycle files exist: their index is gone, which is damage."""
    count = cycle_file_count(paths)
    if count:
        newest = backups.newest_backup(paths)
        tail = (
            f" To restore the newest backup ({_backup_words(newest)}), run: {RESTORE_HINT}"
            if newest is not None
            else " There is no backup to restore."
        )
        raise CorruptFileError(
            f"The data file {paths.data_file} is missing, yet {cycles_dir(paths)} holds "
            f"{count} cycle file(s); okrcoach left them untouched instead of starting over." + tail
        )


def _load(
    paths: AppPaths, raw: bytes | None, *, read_only: bool
) -> tuple[Decoded, Index, Parsed | None]:
    """The decoded main file, its index and how it was parsed (None: no usable file yet)."""
    if raw is None:
        _missing_main(paths)
        return _empty(), ({}, {}), None
    try:
        parsed = parse(raw)
        decoded = decode(parsed)
        index = ({}, {}) if parsed.single_file else take_index(decoded)
        return decoded, index, parsed
    except FileProblem as problem:
        return _judge(paths, problem, read_only=read_only), ({}, {}), None


def _store(
    paths: AppPaths,
    raw: bytes | None,
    *,
    read_only: bool,
    lock: WriterLock | None = None,
    snapshot: dict[Path, bytes | None] | None = None,
) -> tuple[Store, Parsed | None]:
    decoded, index, parsed = _load(paths, raw, read_only=read_only)
    store = Store(
        paths,
        read_only=read_only,
        rows=decoded.records,
        extra=decoded.extra,
        index=index,
        single_file=parsed is None or parsed.single_file,
        lock=lock,
        snapshot=snapshot,
    )
    return store, parsed


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"Could not read {path}: {describe_os_error(error)}.") from error


def open_store(paths: AppPaths, *, read_only: bool = False) -> Store:
    """Open the workspace, as its only writer unless ``read_only``."""
    if read_only:
        if not paths.data_dir.is_dir():
            return _store(paths, None, read_only=True)[0]
        if pending_sources(paths) is None:
            _check_not_set_aside(paths)
        snapshot = read_snapshot(paths)  # one whole commit, even while the writer saves
        return _store(paths, snapshot.main, read_only=True, snapshot=snapshot.cycles)[0]
    try:
        paths.ensure_data_dir()
    except OSError as error:
        raise StoreError(
            f"Could not create the data folder {paths.data_dir}: {describe_os_error(error)}. "
            "Open read-only to look at existing data."
        ) from error
    if not os.access(paths.data_dir, os.W_OK | os.X_OK):
        raise StoreError(
            f"The data folder {paths.data_dir} is not writable, so okrcoach cannot save there. "
            "Open read-only to look at the data without changing it."
        )
    lock = WriterLock.acquire(paths.lock_file, paths.data_file)
    try:
        return _open_writer(paths, lock)
    except BaseException:
        lock.release()
        raise


def _open_writer(paths: AppPaths, lock: WriterLock) -> Store:
    try:
        finish_pending(paths)  # a restore a crash interrupted comes first
        recover(paths.data_dir, cycles_dir(paths), paths.backup_dir)
    except OSError as error:
        raise WriteError(
            f"Could not finish an interrupted save in {paths.data_dir}: "
            f"{describe_os_error(error)}. Nothing was changed."
        ) from error
    _check_not_set_aside(paths)
    raw = _read(paths.data_file)
    store, parsed = _store(paths, raw, read_only=False, lock=lock)
    try:
        if parsed is None:
            store._flush_all()  # a new workspace: create the file with its meta table
        elif parsed.single_file:
            assert raw is not None
            if parsed.version < SCHEMA_VERSION:
                backups.write_backup(paths, raw, f"before-migrating-v{parsed.version}")
            store._flush_all()  # split into the main file and one file per cycle
        elif not backups.backed_up_today(paths):
            _daily_backup(paths)
    except WriteError:
        raise
    except OSError as error:
        raise WriteError(
            f"Could not write a backup in {paths.backup_dir}: {describe_os_error(error)}. "
            "The data file was not changed."
        ) from error
    return store


def _daily_backup(paths: AppPaths) -> None:
    """Bundle every file; a damaged cycle file is reported when it is read, not here."""
    try:
        data = backups.bundle(paths)
    except (FileProblem, FileNotFoundError):
        return
    backups.write_backup(paths, data, "daily")
