"""`okrcoach checkin` on a real terminal asks for what is missing, then saves once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from tests.e2e.tmux import Tmux, clean_env, okrcoach_command
from tests.tui.dashboard_seed import kr, objective, write

pytestmark = pytest.mark.e2e


def test_checkin_asks_one_question_at_a_time_on_a_terminal(
    tmux: Tmux, dirs: tuple[Path, Path]
) -> None:
    from okrcoach.domain.models import Cycle

    data, config = dirs
    cycle = Cycle.for_quarter(date.today())
    paths = AppPaths(data_dir=data, config_dir=config)
    write(
        paths,
        cycle,
        objective("o", "Grow the newsletter", cycle=cycle),
        kr("k", "o", "Reach 100 paying readers", baseline=0, target=100, current=20),
        kr("k2", "o", "Reach 50 reviews", baseline=0, target=50, current=5),
    )
    tmux.start([okrcoach_command(), "checkin", "reach"], env=clean_env(data, config))
    tmux.wait_for("Number (1-2)")
    tmux.type("1")
    tmux.send("Enter")
    tmux.wait_for("Value (last 20, target 100)")
    tmux.type("lots")
    tmux.send("Enter")
    tmux.wait_for("'lots' is not a number")
    tmux.type("57")
    tmux.send("Enter")
    tmux.wait_for("Confidence 0-10")
    tmux.type("8")
    tmux.send("Enter")
    tmux.wait_for("Note (optional)")
    tmux.type("Launched the referral offer")
    tmux.send("Enter")
    tmux.wait_for("+37 from the current value (20 → 57).", "Saved: 57, confidence 8/10.")
    assert tmux.wait_exit() == 0
    with open_store(paths, read_only=True) as store:
        [saved] = store.checkins("k")
        assert (saved.value, saved.confidence, saved.note) == (57, 8, "Launched the referral offer")
