"""A consistent read of every file while another process may be saving: one whole commit.

A reader without the lock reads the commit and restore records, the main file
and every cycle file its index names (following a committed change's temp
files), then checks that nothing moved meanwhile: the records are the same and
every file it read is still the same file (device, inode, size, time). If
anything changed, or a temp vanished under it, it reads again. A writer's save
renames files only while its commit record exists, so a read that sees the
same records before and after and no replaced file holds one commit, never a
mix of two. Readers never take the lock and never write.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from okrcoach.paths import AppPaths
from okrcoach.store.errors import StoreError, describe_os_error
from okrcoach.store.layout import INDEX_TABLE, cycle_file
from okrcoach.store.restoring import pending_sources, restore_record
from okrcoach.store.storage import commit_record, overlay

ATTEMPTS = 200
_PAUSE = 0.002  # seconds between attempts, doubling up to _PAUSE_MAX
_PAUSE_MAX = 0.05


class _Moved(Exception):
    """A file changed or vanished while it was read: read everything again."""


Stamp = tuple[int, int, int, int]


@dataclass
class Snapshot:
    """The bytes of the main file and of each cycle file it names (None: missing)."""

    main: bytes | None
    cycles: dict[Path, bytes | None] = field(default_factory=dict)
    sources: dict[Path, Path] = field(default_factory=dict)  # final file -> temp read instead
    restoring: bool = False  # an interrupted restore: the main file is the backup's bundle


def _stamp(st: os.stat_result) -> Stamp:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _read(path: Path, *, temp: bool) -> tuple[bytes | None, Stamp | None]:
    try:
        with open(path, "rb") as handle:
            stamp = _stamp(os.fstat(handle.fileno()))
            return handle.read(), stamp
    except FileNotFoundError:
        if temp:
            raise _Moved from None  # the writer renamed it into place meanwhile
        return None, None


def _record(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _cycle_ids(raw: bytes | None) -> list[str]:
    """The cycles the main file's index names; [] when it cannot tell (the store will say why)."""
    if not raw:
        return []
    try:
        index = json.loads(raw).get(INDEX_TABLE) or {}
        doc: object = next(iter(index.values()), {}) if isinstance(index, dict) else {}
        mapping = doc.get("objectives", {}) if isinstance(doc, dict) else {}
        return sorted({v for v in mapping.values() if isinstance(v, str) and v})
    except (ValueError, AttributeError, TypeError):
        return []


def _attempt(paths: AppPaths) -> Snapshot:
    root = paths.data_dir
    records = (_record(commit_record(root)), _record(restore_record(paths)))
    restoring = pending_sources(paths)
    sources = restoring if restoring is not None else overlay(root)
    read: dict[Path, Stamp | None] = {}
    source = sources.get(paths.data_file, paths.data_file)
    main, read[source] = _read(source, temp=source != paths.data_file)
    snapshot = Snapshot(main=main, sources=sources, restoring=restoring is not None)
    if restoring is None:
        for cycle_id in _cycle_ids(main):
            path = cycle_file(paths, cycle_id)
            source = sources.get(path, path)
            snapshot.cycles[path], read[source] = _read(source, temp=source != path)
    if (_record(commit_record(root)), _record(restore_record(paths))) != records:
        raise _Moved
    for source, stamp in read.items():
        try:
            now: Stamp | None = _stamp(os.stat(source))
        except FileNotFoundError:
            now = None
        if now != stamp:
            raise _Moved
    return snapshot


def read_snapshot(paths: AppPaths) -> Snapshot:
    """Every file of one commit; StoreError if the data will not hold still or cannot be read."""
    pause = _PAUSE
    for _ in range(ATTEMPTS):
        try:
            return _attempt(paths)
        except _Moved:
            time.sleep(pause)
            pause = min(pause * 2, _PAUSE_MAX)
        except OSError as error:
            raise StoreError(
                f"Could not read the data in {paths.data_dir}: {describe_os_error(error)}."
            ) from error
    raise StoreError(
        f"The data in {paths.data_dir} kept changing while it was read (okrcoach is saving "
        "it right now); nothing is wrong with it. Try again in a moment."
    )
