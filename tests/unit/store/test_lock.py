"""The writer lock: flock on POSIX, msvcrt byte locking on Windows, chosen at import."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

import pytest

from okrcoach.store import lock


class FakeMsvcrt(types.ModuleType):
    """Stands in for Windows' msvcrt: one process-wide table of locked (fd-file, offset)."""

    LK_NBLCK = 2
    LK_UNLCK = 0

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int], int] = {}
        self.calls: list[tuple[int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        where = (os.fstat(fd).st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        self.calls.append((mode, nbytes))
        if mode == self.LK_NBLCK:
            if where in self.held and self.held[where] != fd:
                raise OSError(36, "Resource deadlock avoided")
            self.held[where] = fd
        elif self.held.get(where) == fd:
            del self.held[where]


def test_windows_gets_msvcrt_and_everything_else_gets_flock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    assert isinstance(lock.choose_locking("win32"), lock.MsvcrtLocking)
    assert isinstance(lock.choose_locking("linux"), lock.FlockLocking)
    assert isinstance(lock.choose_locking("darwin"), lock.FlockLocking)
    assert isinstance(lock.LOCKING, lock.FlockLocking if os.name == "posix" else lock.MsvcrtLocking)


def test_the_msvcrt_backend_locks_one_far_byte_and_refuses_a_second_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(lock, "LOCKING", lock.choose_locking("win32"))
    lock_file, data_file = tmp_path / "okrcoach.lock", tmp_path / "okrcoach.json"
    first = lock.WriterLock.acquire(lock_file, data_file)
    assert fake.calls[0] == (fake.LK_NBLCK, 1)
    assert lock.read_pid(lock_file) == os.getpid()  # the pid stays readable
    assert lock.is_locked(lock_file) == os.getpid()
    with pytest.raises(lock.LockedError, match=f"pid {os.getpid()}"):
        lock.WriterLock.acquire(lock_file, data_file)
    first.release()
    assert lock.is_locked(lock_file) is None
    lock.WriterLock.acquire(lock_file, data_file).release()
