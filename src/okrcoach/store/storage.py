"""Crash-safe file writes and the TinyDB storage built on them.

A write goes to a temp file in the same folder, is flushed and fsynced, then
``os.replace``d over the target and the folder is fsynced. A crash at any
moment leaves either the old file or the new one, never a mix; the temp file
it may leave behind is removed at the next open.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

FILE_MODE = 0o600
TEMP_MARK = ".tmp-"


def temp_name(target: Path) -> Path:
    """A hidden sibling of ``target`` that ``clean_stale_temps`` recognises."""
    return target.with_name(f".{target.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def fsync_dir(folder: Path) -> None:
    """Make a rename durable: the folder entry must reach the disk too."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(target: Path, data: bytes, mode: int = FILE_MODE) -> None:
    """Replace ``target`` with ``data`` all at once; raises OSError, leaving it intact."""
    temp = temp_name(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_dir(target.parent)


def clean_stale_temps(folder: Path, prefix: str = "okrcoach") -> list[Path]:
    """Remove temp files a crashed writer left behind; only call while holding the lock."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for entry in folder.iterdir():
        name = entry.name
        if name.startswith(f".{prefix}") and TEMP_MARK in name and entry.is_file():
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed


class AtomicJSONStorage(Storage):
    """TinyDB storage: compact JSON, atomic replace, mode 0600.

    ``read`` returns None for a missing file; it does not judge the content
    (the store decides whether an empty file is new or suspicious).
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only

    def read_bytes(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def read(self) -> dict[str, dict[str, Any]] | None:
        raw = self.read_bytes()
        if raw is None or not raw.strip():
            return None
        return json.loads(raw)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        self.write_text(text)

    def write_text(self, text: str) -> None:
        """Write already-encoded JSON (the store builds it from cached pieces)."""
        if self.read_only:
            raise PermissionError("storage opened read-only")
        atomic_write(self.path, text.encode("utf-8"))
