"""Rolling backups: one per day of use, one before each migration or restore.

Names carry the UTC time and the reason, e.g.
``okrcoach-20261124T101500Z-daily.json``, so a listing is readable as is.
"""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime
from pathlib import Path

from okrcoach.paths import AppPaths
from okrcoach.store.storage import FILE_MODE, atomic_write

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


def write_backup(paths: AppPaths, data: bytes, reason: str) -> Path:
    """Store ``data`` as a new backup (atomically, 0600), then prune to the last ``KEEP``."""
    folder = paths.backup_dir
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    base = f"okrcoach-{stamp()}-{clean_reason(reason)}"
    target = folder / f"{base}.json"
    sequence = 1
    while target.exists():
        sequence += 1
        target = folder / f"{base}~{sequence}.json"
    atomic_write(target, data, FILE_MODE)
    prune(paths)
    return target


def prune(paths: AppPaths, keep: int = KEEP) -> list[Path]:
    removed = []
    for old in list_backups(paths)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    return removed


def backed_up_today(paths: AppPaths) -> bool:
    newest = newest_backup(paths)
    when = backup_time(newest) if newest else None
    return when is not None and when.date() == utcnow().date()
