"""A record of data files moved aside because they were damaged, kept until the user acts.

When the writer moves a damaged file aside it notes that here (``okrcoach.aside``
in the data folder). While the note names the main file, no open starts an
empty workspace over it: every open says where the data went and what to do
(restore a backup, or choose to start empty). A restore or ``doctor
--start-empty`` removes the note; the aside files themselves are never deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from okrcoach.paths import AppPaths
from okrcoach.store.storage import atomic_write, fsync_dir

ASIDE_FILE = "okrcoach.aside"
START_EMPTY_HINT = "okrcoach doctor --start-empty"


@dataclass(frozen=True)
class Aside:
    """One file moved aside: where it was, where its bytes are now, why and when."""

    original: Path
    aside: Path
    reason: str
    at: str


def aside_file(paths: AppPaths) -> Path:
    return paths.data_dir / ASIDE_FILE


def read_asides(paths: AppPaths) -> list[Aside]:
    """The files noted as moved aside; an unreadable note still counts as one (the main file)."""
    try:
        raw = aside_file(paths).read_bytes()
    except FileNotFoundError:
        return []
    except OSError:
        return [Aside(paths.data_file, paths.data_file, "unknown", "")]
    try:
        items = json.loads(raw)["moved"]
        found = [
            Aside(
                paths.data_dir / str(item["original"]),
                paths.data_dir / str(item["aside"]),
                str(item.get("reason", "")),
                str(item.get("at", "")),
            )
            for item in items
        ]
    except (ValueError, KeyError, TypeError):
        return [Aside(paths.data_file, paths.data_file, "unknown", "")]
    return found


def note_aside(paths: AppPaths, original: Path, aside: Path, reason: str, at: str) -> None:
    """Add a moved-aside file to the note (atomically)."""
    entries = [a for a in read_asides(paths) if a.original != original]
    entries.append(Aside(original, aside, reason, at))
    doc = {
        "moved": [
            {
                "original": str(a.original.relative_to(paths.data_dir)),
                "aside": str(a.aside.relative_to(paths.data_dir)),
                "reason": a.reason,
                "at": a.at,
            }
            for a in entries
            if a.original.is_relative_to(paths.data_dir) and a.aside.is_relative_to(paths.data_dir)
        ]
    }
    atomic_write(aside_file(paths), json.dumps(doc, ensure_ascii=False).encode("utf-8"))


def main_aside(paths: AppPaths) -> Aside | None:
    """The note about the main file, if its data was moved aside and nobody acted yet."""
    return next((a for a in read_asides(paths) if a.original == paths.data_file), None)


def aside_of(paths: AppPaths, original: Path) -> Aside | None:
    return next((a for a in read_asides(paths) if a.original == original), None)


def clear_asides(paths: AppPaths) -> bool:
    """The user acted (restored, or chose to start empty): drop the note, keep the files."""
    try:
        os.unlink(aside_file(paths))
    except FileNotFoundError:
        return False
    with contextlib.suppress(OSError):
        fsync_dir(paths.data_dir)
    return True
