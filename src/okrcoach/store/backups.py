"""Rolling backups: one per day of use, one before each migration or restore.

Names carry the UTC time and the reason, e.g.
``okrcoach-20261124T101500Z-daily.json``, so a listing is readable as is.
A backup is one JSON file holding every table of every file (a "bundle"), so
it can be checked, counted and restored as a whole.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from okrcoach.paths import AppPaths
from okrcoach.store.layout import INDEX_TABLE, cycle_file, parse
from okrcoach.store.migrations import META_TABLE
from okrcoach.store.storage import FILE_MODE, atomic_write, fsync_dir

KEEP = 10
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^okrcoach-(\d{8}T\d{6}Z)-([a-z0-9-]+?)(?:~(\d+))?\.json$")


def utcnow() -> datetime:
    """The clock backups are named by; tests replace it."""
    return datetime.now(UTC)


def stamp(moment: datetime | None = None) -> str:
    return (moment or utcnow()).astimezone(UTC).strftime(STAMP_FORMAT)


def backup_time(path: Path) -> datetime | None:
    """The UTC time in a backup's name, or None if it is not one of ours."""
    match = _NAME.match(path.name)
    if not match:
        return None
    return datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=UTC)


def _sort_key(path: Path) -> tuple[datetime, int, int]:
    """Name time first; within one second, the one written last is newer."""
    match = _NAME.match(path.name)
    sequence = int(match.group(3)) if match and match.group(3) else 0
    try:
        written = path.stat().st_mtime_ns
    except OSError:
        written = 0
    return backup_time(path) or datetime.min.replace(tzinfo=UTC), written, sequence


def list_backups(paths: AppPaths) -> list[Path]:
    """Every backup in the backup folder, newest first."""
    folder = paths.backup_dir
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and _NAME.match(p.name)]
    return sorted(found, key=_sort_key, reverse=True)


def newest_backup(paths: AppPaths) -> Path | None:
    backups = list_backups(paths)
    return backups[0] if backups else None


def clean_reason(reason: str) -> str:
    """Reasons become part of a file name: lower-case letters, digits and dashes."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return cleaned[:40] or "manual"


def write_backup(paths: AppPaths, data: bytes, reason: str, protect: tuple[Path, ...] = ()) -> Path:
    """Store ``data`` as a new backup (atomically, 0600), then prune to the last ``KEEP``.

    Backups in ``protect`` (the one being restored) are never pruned to make room.
    """
    folder = paths.backup_dir
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    base = f"okrcoach-{stamp()}-{clean_reason(reason)}"
    target = folder / f"{base}.json"
    sequence = 1
    while target.exists():
        sequence += 1
        target = folder / f"{base}~{sequence}.json"
    atomic_write(target, data, FILE_MODE)
    prune(paths, protect=protect)
    return target


def prune(paths: AppPaths, keep: int = KEEP, protect: tuple[Path, ...] = ()) -> list[Path]:
    removed = []
    kept = {p.resolve() for p in protect}
    for old in list_backups(paths)[keep:]:
        if old.resolve() in kept:
            continue
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    return removed


def backed_up_today(paths: AppPaths) -> bool:
    newest = newest_backup(paths)
    when = backup_time(newest) if newest else None
    return when is not None and when.date() == utcnow().date()


def bundle(paths: AppPaths, sources: dict[Path, Path] | None = None) -> bytes:
    """Every file of the workspace as one JSON file with all tables merged.

    Raises FileProblem (a file is damaged) or OSError (one cannot be read).
    ``sources`` maps a file to the one to read instead (a committed, unrenamed temp).
    """
    where = sources or {}
    raw = where.get(paths.data_file, paths.data_file).read_bytes()
    parsed = parse(raw)
    if parsed.single_file:
        return raw
    index_table = parsed.tables.pop(INDEX_TABLE, {})
    index = next(iter(index_table.values()), {}) if index_table else {}
    objectives = index.get("objectives", {}) if isinstance(index, dict) else {}
    merged: dict[str, dict[str, Any]] = {name: dict(t) for name, t in parsed.tables.items()}
    for cycle_id in sorted(set(objectives.values())):
        path = cycle_file(paths, cycle_id)
        part = parse(where.get(path, path).read_bytes())
        for name, table in part.tables.items():
            into = merged.setdefault(name, {})
            next_id = max((int(k) for k in into if k.isdigit()), default=0) + 1
            for doc in table.values():
                while str(next_id) in into:
                    next_id += 1
                into[str(next_id)] = doc
                next_id += 1
    out: dict[str, Any] = {META_TABLE: {"1": {"schema_version": parsed.version, "bundle": True}}}
    out.update(merged)
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def move_aside(path: Path, label: str) -> Path:
    """Rename ``path`` next to itself (same bytes), never deleting anything."""
    base = path.with_name(f"{path.name}.{label}-{stamp()}")
    target, n = base, 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    os.rename(path, target)
    fsync_dir(path.parent)
    return target
