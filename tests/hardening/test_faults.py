"""Disk full, permission denied, read-only folders and killed writers: words, never lost data."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from okrcoach.domain.models import CheckIn, Cycle, JournalEntry, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import LockedError, Store, StoreError, WriteError, open_store
from okrcoach.store.storage import TEMP_MARK
from tests.hardening.screen import notifications
from tests.tui.conftest import TODAY, settle

Q1 = (date(2026, 1, 1), date(2026, 3, 31))
Q2 = (date(2026, 4, 1), date(2026, 6, 30))
SYSCALLS = ("open", "write", "fsync", "replace", "rename", "unlink", "mkdir")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every data file by relative path: backups, temps, the lock and a commit record aside.

    A commit record whose temps are gone is inert (the next open drops it); reopening
    checks that.
    """
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and "backups" not in p.parts
        and TEMP_MARK not in p.name
        and p.name not in ("okrcoach.lock", "okrcoach.commit")
    }


def workspace(store: Store) -> tuple[Cycle, Cycle, Objective, KeyResult]:
    first = store.save(Cycle(name="2026-Q1", start=Q1[0], end=Q1[1]))
    second = store.save(Cycle(name="2026-Q2", start=Q2[0], end=Q2[1]))
    objective = store.save(Objective(cycle_id=first.id, title="Customers get answers fast"))
    kr = store.save(
        KeyResult(objective_id=objective.id, title="Cut reply time", baseline=24, target=4)
    )
    store.save(CheckIn(kr_id=kr.id, value=20, confidence=6, note="rota helps"))
    return first, second, objective, kr


class Faults:
    """Make the n-th call okrcoach makes to the chosen os functions fail with ``code``."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        fail_at: int,
        code: int,
        names: tuple[str, ...] = SYSCALLS,
    ) -> None:
        self.calls = 0
        self.fail_at = fail_at
        self.code = code
        for name in names:
            monkeypatch.setattr(os, name, self._wrap(getattr(os, name)))

    def _wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            caller = sys._getframe(1).f_globals.get("__name__", "")
            if not caller.startswith("okrcoach."):
                return real(*args, **kwargs)
            self.calls += 1
            if self.calls == self.fail_at:
                raise OSError(self.code, os.strerror(self.code))
            return real(*args, **kwargs)

        return call


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EIO])
def test_a_fault_at_any_step_of_a_multi_file_save_keeps_old_or_new(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """Moving an objective to another cycle rewrites three files; fail each step in turn."""
    words = {errno.ENOSPC: "disk is full", errno.EACCES: "permission", errno.EIO: "input/output"}
    step = 1
    while True:
        folder = paths.data_dir.parent / f"run-{code}-{step}"
        run = AppPaths(data_dir=folder, config_dir=paths.config_dir)
        with open_store(run) as store:
            _, second, objective, kr = workspace(store)
            before = snapshot(folder)
            faults = Faults(monkeypatch, step, code)
            moved = objective.touched(cycle_id=second.id)
            try:
                store.save(moved)
            except WriteError as error:
                failed = True
                message = str(error)
                assert words[code] in message and "Traceback" not in message
                assert "nothing was lost" in message.lower()
            else:
                failed = False
            monkeypatch.undo()
            if failed and "could not be finished" not in message:
                assert snapshot(folder) == before, f"step {step} changed the files"
                assert store.get(Objective, objective.id) == objective  # memory rolled back too
                store.save(moved)  # the fault cleared: the same change now works
        with open_store(run) as reopened:
            assert reopened.get(Objective, objective.id).cycle_id == second.id or failed
            assert [c.note for c in reopened.checkins(kr.id)] == ["rota helps"]
            assert reopened.key_results(objective.id)[0].title == "Cut reply time"
        if faults.calls < step:
            break  # this step was past the last call: every step has been tried
        step += 1
    assert step > 5


def test_a_fault_while_opening_says_so_and_changes_nothing(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(paths) as store:
        store.save(JournalEntry(text="kept"))
    for backup in paths.backup_dir.glob("*"):
        backup.unlink()  # the next open takes the daily backup: make that fail
    before = snapshot(paths.data_dir)
    Faults(monkeypatch, 1, errno.ENOSPC, names=("write",))
    with pytest.raises(StoreError) as caught:
        open_store(paths)
    monkeypatch.undo()
    assert "disk is full" in str(caught.value)
    assert snapshot(paths.data_dir) == before
    with open_store(paths) as store:
        assert [j.text for j in store.journal()] == ["kept"]


def test_a_backup_that_cannot_be_written_is_a_write_error(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(paths) as store:
        store.save(JournalEntry(text="kept"))
        Faults(monkeypatch, 1, errno.ENOSPC)
        with pytest.raises(WriteError, match="disk is full"):
            store.backup_now("manual")
        monkeypatch.undo()
        assert store.backup_now("manual").exists()
        store.save(JournalEntry(text="after"))
    with open_store(paths) as store:
        assert sorted(j.text for j in store.journal()) == ["after", "kept"]


# --- a data folder that cannot be written ------------------------------------------------
def make_unwritable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 0500; as root that does not stop writes, so the check is simulated as well."""
    folder.chmod(0o500)
    if os.geteuid() == 0 or os.access(folder, os.W_OK):
        real = os.access

        def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
            if Path(path) == folder and mode & os.W_OK:
                return False
            return real(path, mode, *args, **kwargs)

        monkeypatch.setattr("okrcoach.store.opening.os.access", access)


async def test_an_unwritable_data_folder_opens_read_only_and_says_so(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okrcoach.tui.app import make_app

    with open_store(paths) as store:
        cycle = store.current_cycle(TODAY)
        store.save(Objective(cycle_id=cycle.id, title="Still visible when read-only"))
    before = snapshot(paths.data_dir)
    make_unwritable(paths.data_dir, monkeypatch)
    try:
        app = make_app(paths, today=TODAY)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert app.screen.__class__.__name__ == "StoreProblemModal"
            assert "not writable" in app.store_problem
            await pilot.press("r")
            await settle(pilot)
            assert app.store is not None and app.store.read_only
            assert app.sub_title == "read-only"
            assert any("read-only" in m.lower() for m, _ in notifications(app))
            from tests.hardening.screen import all_widget_text

            assert "Still visible when read-only" in all_widget_text(app)
            await pilot.press("n")  # trying to change something must not crash or write
            await settle(pilot)
            assert app.is_running
    finally:
        paths.data_dir.chmod(0o700)
    assert snapshot(paths.data_dir) == before


# --- a writer that was killed ------------------------------------------------------------
HOLDER = """
import sys, time
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.domain.models import JournalEntry
from pathlib import Path
paths = AppPaths(data_dir=Path(sys.argv[1]), config_dir=Path(sys.argv[2]))
store = open_store(paths)
store.save(JournalEntry(text="written before the kill"))
print("ready", flush=True)
sys.stdin.read()
"""


def _start_holder(paths: AppPaths) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.data_dir), str(paths.config_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def test_a_lock_left_by_a_killed_writer_is_recovered(paths: AppPaths) -> None:
    holder = _start_holder(paths)
    try:
        with pytest.raises(LockedError) as caught:
            open_store(paths)
        assert str(holder.pid) in str(caught.value)
        with open_store(paths, read_only=True) as reader:
            assert [j.text for j in reader.journal()] == ["written before the kill"]
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    assert paths.lock_file.exists()  # stale: still on disk, naming a dead pid
    with open_store(paths) as store:
        assert [j.text for j in store.journal()] == ["written before the kill"]
        store.save(JournalEntry(text="after recovery"))
    with open_store(paths) as store:
        assert len(store.journal()) == 2


def test_a_lock_file_full_of_garbage_is_taken_over(paths: AppPaths) -> None:
    paths.ensure_data_dir()
    paths.lock_file.write_bytes(b"\x1b[2J not a pid \xff" * 100)
    with open_store(paths) as store:
        store.save(JournalEntry(text="fine"))
    assert paths.lock_file.read_bytes() == b""  # released: emptied, not left with our pid
