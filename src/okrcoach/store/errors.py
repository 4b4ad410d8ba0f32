"""Store errors: each carries a message a user can act on, in plain words."""

from __future__ import annotations

import errno
from datetime import datetime
from pathlib import Path


def describe_os_error(error: OSError) -> str:
    """Plain words for the usual reasons a write fails."""
    words = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "permission was denied",
        errno.EPERM: "the operation is not permitted",
        errno.EROFS: "the file system is read-only",
        errno.EIO: "the disk reported an input/output error",
    }
    return words.get(error.errno or 0, error.strerror or str(error))


class StoreError(Exception):
    """Base for every problem opening, reading or writing the data."""


class LockedError(StoreError):
    """Another process is the writer; this one may still open read-only."""

    def __init__(self, message: str, pid: int | None = None) -> None:
        super().__init__(message)
        self.pid = pid


class CorruptFileError(StoreError):
    """The file could not be understood; its bytes were kept, never overwritten."""

    def __init__(self, message: str, aside: Path | None = None) -> None:
        super().__init__(message)
        self.aside = aside


class SuspiciousFileError(StoreError):
    """The file is empty or ``null`` while a backup exists: likely data loss, so stop."""

    def __init__(self, message: str, backup: Path | None = None) -> None:
        super().__init__(message)
        self.backup = backup


class FutureSchemaError(StoreError):
    """The file was written by a newer okrcoach; it is left untouched."""

    def __init__(self, message: str, version: int | None = None) -> None:
        super().__init__(message)
        self.version = version


class ReadOnlyError(StoreError):
    """A save was attempted on a store opened read-only."""


class WriteError(StoreError):
    """Saving failed (disk full, permission...); the previous file is intact."""


class ConflictError(StoreError):
    """Someone else changed the record after it was read; this edit was not saved."""

    def __init__(self, message: str, who: str = "", when: datetime | None = None) -> None:
        super().__init__(message)
        self.who = who
        self.when = when


class NotAllowedError(StoreError):
    """The change touches someone else's record; the database refused it."""


class ServerUnavailableError(WriteError):
    """The team's database server cannot be reached; nothing was saved, retry later."""
