"""The installed command in a real terminal: draft an objective, save it, doctor counts it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, clean_env, okrcoach_command

pytestmark = pytest.mark.e2e


def test_draft_and_save_an_objective(tmux: Tmux, dirs: tuple[Path, Path]) -> None:
    data, config = dirs
    env = clean_env(data, config)
    tmux.start([okrcoach_command()], env=env)
    tmux.wait_for("No objectives in this cycle yet")
    tmux.wait_for("days left")  # the workspace is open
    tmux.send("n")
    tmux.wait_for("Step 1 of 5")
    tmux.type("Customers rave about our support")
    tmux.wait_for("The objective  quality")
    tmux.send("C-n")
    tmux.wait_for("Step 2 of 5")
    tmux.send("C-n")  # accept the coach's reading
    tmux.wait_for("Step 3 of 5")
    tmux.type("Cut median first-reply time from 24 h to 4 h")
    # The field's placeholder already reads "… from 24 h to 4 h": wait for the KR list,
    # which shows the text only once the form holds all of it.
    tmux.wait_for(
        "1. Cut median first-reply time from 24 h to 4 h",
        "Direction decrease",
        "Baseline 24",
        "Target 4",
    )
    tmux.send("PageDown")
    tmux.wait_for("Key result 2 of 2")
    tmux.type("Raise CSAT from 78% to 90%")
    tmux.wait_for("Target 90")
    tmux.send("C-n")
    tmux.wait_for("Step 4 of 5")
    tmux.send("C-n")
    tmux.wait_for("Step 5 of 5", "24 → 4 h")
    tmux.send("C-s")
    tmux.wait_gone("Step 5 of 5")
    tmux.wait_for("Customers rave about our support")
    tmux.send("q")
    assert tmux.wait_exit() == 0
    doctor = subprocess.run(
        [okrcoach_command(), "--data-dir", str(data), "doctor"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    assert "objectives 1, key results 2" in doctor.stdout
    assert "drafts 0" in doctor.stdout
