"""One writer at a time: an ``flock`` held on the lock file for the writer's life.

The kernel drops the lock when the process dies, so a lock left by a crashed
writer is simply taken over; the pid inside the file is only for messages.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from okrcoach.store.errors import LockedError


def read_pid(lock_file: Path) -> int | None:
    """The pid written by the current (or last) holder, if readable."""
    try:
        text = lock_file.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def is_locked(lock_file: Path) -> int | None:
    """Without taking it: the holder's pid (0 if unknown) when locked, else None."""
    try:
        fd = os.open(lock_file, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return read_pid(lock_file) or 0
    finally:
        os.close(fd)
    return None


class WriterLock:
    """Held from ``acquire`` to ``release``; closing the fd releases the flock."""

    def __init__(self, lock_file: Path, fd: int) -> None:
        self.lock_file = lock_file
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, lock_file: Path, data_file: Path) -> WriterLock:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            pid = read_pid(lock_file)
            who = f"another okrcoach process (pid {pid})" if pid else "another okrcoach process"
            raise LockedError(
                f"The data in {data_file} is already open in {who}. "
                "Close that one first, or open read-only to look without changing anything.",
                pid=pid,
            ) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        return cls(lock_file, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)
