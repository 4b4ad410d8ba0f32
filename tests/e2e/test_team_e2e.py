"""``okrcoach --store URL`` in a real terminal: the organisation's dashboard, live."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from okrcoach.domain.models import Cycle, KeyResult, Objective
from tests.e2e.tmux import Tmux, clean_env, okrcoach_command

pytestmark = pytest.mark.e2e


def test_the_team_dashboard_opens_and_follows_a_check_in_made_elsewhere(
    tmux: Tmux, dirs: tuple[Path, Path], team
) -> None:
    today = date.today()
    long_ago = datetime.now(UTC) - timedelta(days=30)
    alice, bob = team.open("alice"), team.open("bob")
    cycle = alice.save(
        Cycle(name="This cycle", start=today - timedelta(days=30), end=today + timedelta(days=60))
    )
    alice.save(Objective(id="a", cycle_id=cycle.id, title="Delight support customers"))
    bob.save(Objective(id="b", cycle_id=cycle.id, title="Win the northern region"))
    bob.save(
        KeyResult(
            id="bk",
            objective_id="b",
            title="Grow signed deals from 10 to 25",
            baseline=10,
            target=25,
            created_at=long_ago,
        )
    )
    data, config = dirs
    env = clean_env(data, config)
    tmux.start([okrcoach_command(), "--store", team.url("alice")], env=env)
    screen = tmux.wait_for("Win the northern region", "Delight support customers", "Bob", "Alice")
    assert "alice-pw" not in screen
    # Bob checks in from his own shell; alice's open dashboard shows it without a restart.
    command = [okrcoach_command(), "--store", team.url("bob"), "checkin", "signed deals"]
    done = subprocess.run(
        [*command, "14", "-c", "3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    tmux.wait_for("confidence 3/10")
    tmux.send("q")
    assert tmux.wait_exit() == 0
    assert not data.exists()  # the local folder was never touched
