"""One writer at a time: an OS lock held on the lock file for the writer's life.

POSIX uses ``flock``; Windows (no ``fcntl``) locks one byte with ``msvcrt.locking``,
far past the pid written at the start, so readers can still read the pid. The
backend is chosen once, at import. The OS drops the lock when the process dies,
so a lock left by a crashed writer is simply taken over; the pid inside the
file is only for messages.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Protocol

from okrcoach.store.errors import LockedError, WriteError, describe_os_error

# Windows locks a byte range; this one lies far beyond any pid, so reading the pid works.
_WINDOWS_LOCK_OFFSET = 1 << 30


class Locking(Protocol):
    """How one platform takes, probes and drops the writer's lock on an open fd."""

    def try_exclusive(self, fd: int) -> bool:
        """Take the lock without waiting; False if another process holds it."""
        ...

    def is_held_elsewhere(self, fd: int) -> bool:
        """Whether another process holds it (without keeping it)."""
        ...

    def release(self, fd: int) -> None: ...


class FlockLocking:
    """POSIX: ``flock`` on the whole file; readers probe with a shared lock."""

    def __init__(self, fcntl: ModuleType) -> None:
        self._fcntl = fcntl

    def try_exclusive(self, fd: int) -> bool:
        try:
            self._fcntl.flock(fd, self._fcntl.LOCK_EX | self._fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def is_held_elsewhere(self, fd: int) -> bool:
        try:
            self._fcntl.flock(fd, self._fcntl.LOCK_SH | self._fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False

    def release(self, fd: int) -> None:
        with contextlib.suppress(OSError):
            self._fcntl.flock(fd, self._fcntl.LOCK_UN)


class MsvcrtLocking:
    """Windows: ``msvcrt.locking`` of one byte at a fixed far offset (no shared locks)."""

    def __init__(self, msvcrt: ModuleType) -> None:
        self._msvcrt = msvcrt

    def _lock(self, fd: int, mode: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        self._msvcrt.locking(fd, mode, 1)

    def try_exclusive(self, fd: int) -> bool:
        try:
            self._lock(fd, self._msvcrt.LK_NBLCK)
        except OSError:
            return False
        return True

    def is_held_elsewhere(self, fd: int) -> bool:
        if not self.try_exclusive(fd):
            return True
        self.release(fd)
        return False

    def release(self, fd: int) -> None:
        with contextlib.suppress(OSError):
            self._lock(fd, self._msvcrt.LK_UNLCK)


def choose_locking(platform: str = sys.platform) -> Locking:
    """The lock backend for ``platform``: msvcrt on Windows, flock everywhere else."""
    if platform == "win32":
        import msvcrt

        return MsvcrtLocking(msvcrt)
    import fcntl

    return FlockLocking(fcntl)


LOCKING: Locking = choose_locking()


def read_pid(lock_file: Path) -> int | None:
    """The pid written by the current (or last) holder, if readable."""
    try:
        with open(lock_file, "rb") as handle:
            text = handle.read(32).decode("ascii", errors="replace").strip("\0 \r\n\t")
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def is_locked(lock_file: Path) -> int | None:
    """Without taking it: the holder's pid (0 if unknown) when locked, else None."""
    try:
        fd = os.open(lock_file, os.O_RDWR if sys.platform == "win32" else os.O_RDONLY)
    except OSError:
        return None
    try:
        held = LOCKING.is_held_elsewhere(fd)
    finally:
        os.close(fd)
    return (read_pid(lock_file) or 0) if held else None


def _write_pid(fd: int) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    data = str(os.getpid()).encode("ascii")
    while data:
        data = data[os.write(fd, data) :]


class WriterLock:
    """Held from ``acquire`` to ``release``; closing the fd releases the lock."""

    def __init__(self, lock_file: Path, fd: int) -> None:
        self.lock_file = lock_file
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, lock_file: Path, data_file: Path) -> WriterLock:
        """Take the lock; LockedError if another writer has it, WriteError if the disk says no."""
        try:
            fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise _cannot_lock(data_file, error) from error
        try:
            if not LOCKING.try_exclusive(fd):
                pid = read_pid(lock_file)
                who = f"another okrcoach process (pid {pid})" if pid else "another okrcoach process"
                raise LockedError(
                    f"The data in {data_file} is already open in {who}. "
                    "Close that one first, or open read-only to look without changing anything.",
                    pid=pid,
                )
            _write_pid(fd)
        except LockedError:
            os.close(fd)
            raise
        except OSError as error:
            LOCKING.release(fd)
            os.close(fd)
            raise _cannot_lock(data_file, error) from error
        except BaseException:
            os.close(fd)
            raise
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
        LOCKING.release(fd)
        os.close(fd)


def _cannot_lock(data_file: Path, error: OSError) -> WriteError:
    return WriteError(
        f"Could not open the data in {data_file} for changes: {describe_os_error(error)}. "
        "Nothing was changed. Open read-only to look at the data without changing it."
    )
