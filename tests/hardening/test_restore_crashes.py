"""A restore killed at every file operation: never hidden, never lost, never healthy while aside.

Each case forks a child that runs ``restore`` and dies (``os._exit``, no clean-up, like a
SIGKILL) just before its n-th file operation; then a reader looks, and the next writer
opens as ``okrcoach doctor`` would.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from okrcoach.domain.models import Cycle, JournalEntry, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import inspect_data, list_backups, open_store
from okrcoach.store.restoring import restore

OPERATIONS = ("open", "write", "fsync", "replace", "rename", "unlink", "mkdir", "ftruncate")
KILLED = 77


def _kill_before(n: int) -> None:
    """In the child: die before the n-th file operation okrcoach itself makes."""
    count = [0]

    def wrap(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if sys._getframe(1).f_globals.get("__name__", "").startswith("okrcoach."):
                count[0] += 1
                if count[0] == n:
                    os._exit(KILLED)
            return real(*args, **kwargs)

        return call

    for name in OPERATIONS:
        setattr(os, name, wrap(getattr(os, name)))


def _run_killed(paths: AppPaths, n: int) -> bool:
    """Restore the newest backup in a child killed before operation n; True if it was."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            _kill_before(n)
            restore(paths)
        except BaseException:
            os._exit(3)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in (0, KILLED), f"restore failed at step {n} with {code}"
    return code == KILLED


def _titles(paths: AppPaths, read_only: bool) -> set[str]:
    with open_store(paths, read_only=read_only) as store:
        return {o.title for o in store.all(Objective)} | {j.text for j in store.journal()}


def _workspace(paths: AppPaths) -> tuple[set[str], set[str]]:
    """A backup with two records, then a current workspace of five across two cycle files."""
    with open_store(paths) as store:
        q1 = store.save(Cycle(name="Q1", start="2026-01-01", end="2026-03-31"))
        store.save(Objective(cycle_id=q1.id, title="backed up"))
        store.save(JournalEntry(text="backed up note"))
        store.backup_now("manual")
        old = _titles_of(store)
        q2 = store.save(Cycle(name="Q2", start="2026-04-01", end="2026-06-30"))
        store.save_many(
            [Objective(cycle_id=q2.id, title="after 1"), Objective(cycle_id=q1.id, title="after 2")]
        )
        store.save(JournalEntry(text="after note"))
        new = _titles_of(store)
    return old, new


def _titles_of(store: Any) -> set[str]:
    return {o.title for o in store.all(Objective)} | {j.text for j in store.journal()}


def test_a_restore_killed_at_any_step_is_finished_or_undone(tmp_path: Path) -> None:
    step, cases = 1, 0
    while True:
        paths = AppPaths(data_dir=tmp_path / f"run-{step}", config_dir=tmp_path / "config")
        backup_titles, current_titles = _workspace(paths)
        killed = _run_killed(paths, step)
        # a reader before anyone repairs anything: the old data or the backup, never empty
        report = inspect_data(paths)
        seen = _titles(paths, read_only=True)
        assert seen in (backup_titles, current_titles), f"step {step}: reader saw {seen}"
        total = sum(report.counts.values())
        assert report.healthy and total > 0, f"step {step}: {report.problems} {report.counts}"
        # the next writer (okrcoach doctor, the app) finishes or ignores it
        after = _titles(paths, read_only=False)
        assert after in (backup_titles, current_titles), f"step {step}: writer saw {after}"
        assert inspect_data(paths).healthy
        if after == backup_titles:  # restored: the replaced data is still in a backup
            safety = [p for p in list_backups(paths) if "before-restore" in p.name]
            assert safety, f"step {step}: the replaced data has no backup"
            assert current_titles <= set(safety[0].read_text().split('"')), f"step {step}"
        cases += 1
        if not killed:
            break
        step += 1
    assert cases > 20
