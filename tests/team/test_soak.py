"""Twenty people checking in and two editing one objective at once, for a minute.

Nothing is lost: every check-in a writer saved is in the store, every edit that
clashed was refused with a message, the objective's version counts exactly the
edits that went through, and no process printed a traceback.
``OKRCOACH_TEAM_SOAK_SECONDS`` shortens the minute for a quick local run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from okrcoach.domain.models import Cycle, Objective
from okrcoach.store.team.admin import add_person

WRITERS = 20
SECONDS = float(os.environ.get("OKRCOACH_TEAM_SOAK_SECONDS", "60"))
WORKER = Path(__file__).with_name("soak_worker.py")
ROOT = Path(__file__).resolve().parents[2]


def _spawn(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.slow
def test_twenty_writers_and_two_editors_lose_nothing(team) -> None:
    for n in range(WRITERS):
        role = f"writer{n:02d}"
        if not team.sql("owner", "SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)):
            team.cluster.create_role(role, f"{role}-pw")
        add_person(team.owner_url, role, name=f"Writer {n}", team="Soak")
    alice = team.open("alice")
    cycle = alice.save(Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31)))
    shared = alice.save(Objective(cycle_id=cycle.id, title="One objective, two editors"))
    writers = [
        _spawn("checkin", team.url(f"writer{n:02d}"), str(SECONDS), "0.1") for n in range(WRITERS)
    ]
    editors = [
        _spawn("edit", team.url(role), str(SECONDS), "0.05", shared.id)
        for role in ("alice", "carol")
    ]
    results, tracebacks = [], []
    for process in writers + editors:
        out, err = process.communicate(timeout=SECONDS + 240)
        if "Traceback" in err or process.returncode != 0:
            tracebacks.append(err[-3000:])
        else:
            results.append(json.loads(out.strip().splitlines()[-1]))
    assert tracebacks == []

    checkers = [r for r in results if "conflicts" not in r]
    edits = [r for r in results if "conflicts" in r]
    assert len(checkers) == WRITERS and len(edits) == 2
    reader = team.open("bob")
    lost = 0
    for result in checkers:
        assert result["refused"] == []
        for kr_id, count in result["saved"].items():
            assert count > 0
            stored = reader.checkins(kr_id)
            lost += count - len(stored)
            assert Counter(c.kr_id for c in stored) == {kr_id: count}
    assert lost == 0
    total = sum(sum(r["saved"].values()) for r in checkers)
    assert reader.counts()["checkins"] == total

    for result in edits:
        assert result["other"] == []
        for message in result["conflicts"]:
            assert "was changed by" in message and "your edit was not saved" in message
    conflicts = sum(len(r["conflicts"]) for r in edits)
    saved_edits = sum(r["saved"] for r in edits)
    assert conflicts > 0
    assert reader.get(Objective, shared.id).version == 1 + saved_edits
    print(
        f"\nsoak: {SECONDS:g}s, {total} check-ins saved by {WRITERS} writers, 0 lost; "
        f"{saved_edits} edits saved, {conflicts} conflicting edits refused; 0 tracebacks"
    )
