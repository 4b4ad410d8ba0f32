"""Real processes: SIGKILL mid-write loses nothing acknowledged; a second writer is refused."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from okrcoach.domain.models import CheckIn, JournalEntry, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import LockedError, inspect_data, open_store
from okrcoach.store.storage import COMMIT_FILE, TEMP_MARK

SCRIPT = Path(__file__).with_name("writer_script.py")


def _start(paths: AppPaths, mode: str) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(paths.data_dir), str(paths.config_dir), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if not first.startswith("ready "):
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"writer did not start: {first!r} {err}")
    return proc, int(first.split()[1])


def test_sigkill_at_random_moments_never_loses_an_acknowledged_write(paths: AppPaths) -> None:
    rng = random.Random(20261124)
    acknowledged: set[str] = set()
    for _ in range(30):
        proc, _pid = _start(paths, "loop")
        assert proc.stdout is not None
        for _ in range(rng.randint(1, 12)):
            acknowledged.update(proc.stdout.readline().split())
        time.sleep(rng.uniform(0, 0.004))  # land the kill at an arbitrary point of a save
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        acknowledged.update(rest.split())
        assert proc.returncode == -signal.SIGKILL
        report = inspect_data(paths)
        assert report.problems == []
        with open_store(paths, read_only=True) as store:
            stored = {c.id: c for c in store.all(CheckIn)}
            # each check-in's key result and objective came through with it
            orphans = [c for c in stored.values() if store.get(KeyResult, c.kr_id) is None]
            assert orphans == []
            assert all(store.checkins(c.kr_id) for c in stored.values())
        missing = acknowledged - set(stored)
        assert not missing, f"{len(missing)} acknowledged writes were lost"
    # the next writer takes over the dead one's lock, finishes or drops a cut-off save
    with open_store(paths) as store:
        assert store.counts()["checkins"] >= len(acknowledged)
        assert {k.objective_id for k in store.all(KeyResult)} <= {
            o.id for o in store.all(Objective)
        }
    assert not [p for p in paths.data_dir.rglob("*") if TEMP_MARK in p.name]
    assert not (paths.data_dir / COMMIT_FILE).exists()
    assert len(list((paths.data_dir / "cycles").glob("*.json"))) == 2


def test_a_second_writer_is_refused_with_the_first_ones_pid(paths: AppPaths) -> None:
    proc, pid = _start(paths, "wait")
    assert proc.stdin is not None and proc.stdout is not None
    try:
        ids = {proc.stdout.readline().strip() for _ in range(5)}
        with pytest.raises(LockedError) as caught:
            open_store(paths)
        assert caught.value.pid == pid
        assert f"pid {pid}" in str(caught.value) and "read-only" in str(caught.value)
        with open_store(paths, read_only=True) as reader:
            assert {j.id for j in reader.journal()} == ids
        assert inspect_data(paths).locked_by == pid
        proc.stdin.write("after the refusal\n")
        proc.stdin.flush()
        ids.add(proc.stdout.readline().strip())
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)
    assert proc.returncode == 0
    with open_store(paths) as store:
        assert {j.id for j in store.journal()} == ids
        store.save(JournalEntry(text="the new writer works"))
    assert inspect_data(paths).locked_by is None


def test_a_lock_file_left_by_a_dead_process_is_taken_over(paths: AppPaths) -> None:
    paths.ensure_data_dir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    paths.lock_file.write_text(dead.stdout.strip())
    with open_store(paths) as store:
        store.save(JournalEntry(text="after a crash"))
        assert paths.lock_file.read_text() == str(os.getpid())


def test_two_opens_in_one_process_are_also_refused(paths: AppPaths) -> None:
    with open_store(paths), pytest.raises(LockedError, match=f"pid {os.getpid()}"):
        open_store(paths)
    with open_store(paths):
        pass
