"""Crash-safe file writes and the TinyDB storage built on them.

A write goes to a temp file in the same folder, is flushed and fsynced, then
``os.replace``d over the target and the folder is fsynced. A crash at any
moment leaves either the old file or the new one, never a mix; the temp file
it may leave behind is removed at the next open.

A change spanning several files (``write_files``) is made all-or-nothing with
a commit record: every new file is written as a durable temp file, then the
commit record naming the temp -> final renames is written atomically, then
the renames are done and the record removed. At the next open a commit record
is rolled forward (``recover``); without one, the temps are just removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

FILE_MODE = 0o600
TEMP_MARK = ".tmp-"
COMMIT_FILE = "okrcoach.commit"


def temp_name(target: Path) -> Path:
    """A hidden sibling of ``target`` that ``clean_stale_temps`` recognises."""
    return target.with_name(f".{target.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def fsync_dir(folder: Path) -> None:
    """Make a rename durable: the folder entry must reach the disk too.

    Windows cannot open a folder as a file; its file systems journal renames themselves.
    """
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_temp(target: Path, data: bytes, mode: int = FILE_MODE) -> Path:
    """A durable (fsynced) temp sibling of ``target`` holding ``data``."""
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
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def atomic_write(target: Path, data: bytes, mode: int = FILE_MODE) -> None:
    """Replace ``target`` with ``data`` all at once; raises OSError, leaving it intact."""
    temp = write_temp(target, data, mode)
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_dir(target.parent)


class CommitIncomplete(OSError):
    """The commit record is durable but a rename failed: the next open finishes it."""


def commit_record(root: Path) -> Path:
    return root / COMMIT_FILE


def write_files(root: Path, files: dict[Path, bytes]) -> None:
    """Replace every file in ``files`` (all under ``root``) as one all-or-nothing change.

    Raises OSError with nothing changed, or ``CommitIncomplete`` once the change is
    durable but could not be finished (``recover`` completes it at the next open).
    """
    if len(files) == 1:
        ((target, data),) = files.items()
        atomic_write(target, data)
        return
    temps: list[tuple[Path, Path]] = []
    record = commit_record(root)
    entry: bytes | None = None
    try:
        for target, data in files.items():
            temps.append((write_temp(target, data, FILE_MODE), target))
        for folder in {t.parent for t, _ in temps}:
            fsync_dir(folder)
        plan = [[str(t.relative_to(root)), str(f.relative_to(root))] for t, f in temps]
        entry = json.dumps({"renames": plan}).encode("utf-8")
        atomic_write(record, entry)
    except BaseException:
        if entry is not None:
            _drop_record(record, entry)  # e.g. syncing the folder failed after the rename
        for temp, _ in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise
    try:
        _apply(root, temps, record)
    except OSError as error:
        raise CommitIncomplete(error.errno or 0, error.strerror or str(error)) from error


def _drop_record(record: Path, entry: bytes) -> None:
    """Remove the record this commit wrote, so that "nothing changed" stays true."""
    with contextlib.suppress(OSError):
        if record.read_bytes() == entry:
            os.unlink(record)
            fsync_dir(record.parent)


def _apply(root: Path, renames: list[tuple[Path, Path]], record: Path) -> None:
    folders = {root}
    for temp, final in renames:
        if temp.exists():
            os.replace(temp, final)
        folders.add(final.parent)
    for folder in folders:
        fsync_dir(folder)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(record)
    fsync_dir(root)


def _safe(root: Path, relative: object) -> Path | None:
    """A path named in a commit record, only if it stays inside ``root``."""
    if not isinstance(relative, str) or not relative or relative.startswith("/"):
        return None
    parts = Path(relative).parts
    if any(p in ("..", ".", "") for p in parts) or len(parts) > 2:
        return None
    return root / relative


def pending_renames(root: Path) -> list[tuple[Path, Path]] | None:
    """The renames of a commit record left by a crash; None if there is no usable one."""
    try:
        raw = commit_record(root).read_bytes()
        plan = json.loads(raw)["renames"]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    renames: list[tuple[Path, Path]] = []
    if not isinstance(plan, list):
        return None
    for item in plan:
        if not isinstance(item, list) or len(item) != 2:
            return None
        temp, final = _safe(root, item[0]), _safe(root, item[1])
        if temp is None or final is None or temp.parent != final.parent:
            return None
        if TEMP_MARK not in temp.name or not temp.name.startswith("."):
            return None
        renames.append((temp, final))
    return renames


def overlay(root: Path) -> dict[Path, Path]:
    """For read-only readers: final file -> the temp holding its committed new bytes."""
    return {final: temp for temp, final in pending_renames(root) or [] if temp.exists()}


def recover(root: Path, *folders: Path) -> None:
    """As the writer: finish (or drop) an interrupted change, then sweep stale temps."""
    renames = pending_renames(root)
    if renames is not None:
        _apply(root, renames, commit_record(root))
    elif commit_record(root).exists():
        os.unlink(commit_record(root))
        fsync_dir(root)
    clean_stale_temps(root)
    for folder in folders:
        clean_stale_temps(folder, prefix="")


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
        data: dict[str, dict[str, Any]] = json.loads(raw)
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        self.write_text(text)

    def write_text(self, text: str) -> None:
        """Write already-encoded JSON (the store builds it from cached pieces)."""
        if self.read_only:
            raise PermissionError("storage opened read-only")
        atomic_write(self.path, text.encode("utf-8"))
