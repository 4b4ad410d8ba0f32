"""Rolling backups: one per day of use, one before each migration or restore.

Names carry the UTC time and the reason, e.g.
``okrcoach-20261124T101500Z-daily.json``, so a listing is readable as is.
A backup is one JSON file holding every table of every file (a "bundle"), so
it can be checked, counted and restored as a whole.

The clock can be wrong (one run a year ahead), so order does not come from
the names: a small ledger (``ledger.json``) gives each backup a write sequence
number and its record count. "Newest" is the one written last; pruning keeps
the ten written last, plus the fullest older one while it holds more records
than the newest, so an emptier backup never silently replaces a good one.
Backups the ledger does not know (older versions, a lost ledger) come first
in name order.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from okrcoach.paths import AppPaths
from okrcoach.store.layout import INDEX_TABLE, cycle_file, parse
from okrcoach.store.migrations import META_TABLE
from okrcoach.store.storage import FILE_MODE, atomic_write, fsync_dir

KEEP = 10
LEDGER = "ledger.json"
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


Ledger = dict[str, dict[str, int]]  # backup name -> {"seq": n, "records": n}


def read_ledger(paths: AppPaths) -> Ledger:
    """Write order and record counts by backup name; {} when missing or unreadable."""
    try:
        data = json.loads((paths.backup_dir / LEDGER).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    ledger: Ledger = {}
    for name, entry in data.items():
        if isinstance(entry, dict) and all(
            isinstance(entry.get(k), int) and not isinstance(entry.get(k), bool)
            for k in ("seq", "records")
        ):
            ledger[str(name)] = {"seq": entry["seq"], "records": entry["records"]}
    return ledger


def _write_ledger(paths: AppPaths, ledger: Ledger) -> None:
    atomic_write(paths.backup_dir / LEDGER, json.dumps(ledger, sort_keys=True).encode("utf-8"))


def _sort_key(path: Path, ledger: Ledger) -> tuple[int, datetime, int]:
    """Write order from the ledger first; then name time; within a second, the ~n suffix."""
    match = _NAME.match(path.name)
    suffix = int(match.group(3)) if match and match.group(3) else 0
    entry = ledger.get(path.name)
    seq = entry["seq"] if entry else 0
    return seq, backup_time(path) or datetime.min.replace(tzinfo=UTC), suffix


def list_backups(paths: AppPaths) -> list[Path]:
    """Every backup in the backup folder, the one written last first."""
    folder = paths.backup_dir
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and _NAME.match(p.name)]
    ledger = read_ledger(paths)
    return sorted(found, key=lambda p: _sort_key(p, ledger), reverse=True)


def count_records(data: bytes) -> int:
    """How many records a backup holds (every table but meta and the index)."""
    try:
        tables = json.loads(data)
    except ValueError:
        return 0
    if not isinstance(tables, dict):
        return 0
    return sum(
        len(t)
        for name, t in tables.items()
        if name not in (META_TABLE, INDEX_TABLE) and isinstance(t, dict)
    )


def misdated(paths: AppPaths) -> list[Path]:
    """Backups whose names lie in the future: the clock was wrong then (or is now)."""
    now = utcnow()
    return [p for p in list_backups(paths) if (backup_time(p) or now) > now + timedelta(hours=1)]


def fuller_than_newest(paths: AppPaths) -> tuple[Path, int, int] | None:
    """An older backup holding more records than the newest: (it, its count, newest's)."""
    found = list_backups(paths)
    ledger = read_ledger(paths)
    if len(found) < 2 or found[0].name not in ledger:
        return None
    newest = ledger[found[0].name]["records"]
    older = [(ledger[p.name]["records"], p) for p in found[1:] if p.name in ledger]
    if not older:
        return None
    records, path = max(older, key=lambda item: item[0])
    return (path, records, newest) if records > newest else None


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
    ledger = read_ledger(paths)
    seq = max((e["seq"] for e in ledger.values()), default=0) + 1
    atomic_write(target, data, FILE_MODE)
    ledger[target.name] = {"seq": seq, "records": count_records(data)}
    with contextlib.suppress(OSError):
        _write_ledger(paths, ledger)  # without it, order falls back to the names
    prune(paths, protect=protect)
    return target


def prune(paths: AppPaths, keep: int = KEEP, protect: tuple[Path, ...] = ()) -> list[Path]:
    """Keep the ``keep`` written last, ``protect``, and the fullest older one if fuller."""
    removed = []
    kept = {p.resolve() for p in protect}
    found = list_backups(paths)
    ledger = read_ledger(paths)
    newest = ledger.get(found[0].name, {}).get("records", 0) if found else 0
    older = [(ledger.get(p.name, {}).get("records", 0), p) for p in found[keep:]]
    fullest = max(older, key=lambda item: item[0], default=(0, None))
    if fullest[1] is not None and fullest[0] > newest:
        kept.add(fullest[1].resolve())  # an emptier newest backup does not push it out
    for old in found[keep:]:
        if old.resolve() in kept:
            continue
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
            ledger.pop(old.name, None)
    if removed:
        with contextlib.suppress(OSError):
            _write_ledger(paths, ledger)
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
    index: object = next(iter(index_table.values()), {}) if index_table else {}
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
