"""A check-in typed in a real terminal survives quitting and relaunching."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrcoach.paths import AppPaths
from tests.e2e.tmux import Tmux, clean_env, okrcoach_command
from tests.tui.dashboard_seed import kr, objective, write

pytestmark = pytest.mark.e2e


def seed(data: Path, config: Path) -> None:
    from okrcoach.domain.models import Cycle

    cycle = Cycle.for_quarter(date.today())
    write(
        AppPaths(data_dir=data, config_dir=config),
        cycle,
        objective("o", "Grow the newsletter", cycle=cycle),
        kr("k", "o", "Reach 100 paying readers", baseline=0, target=100, current=20),
    )


def test_checkin_by_keys_then_relaunch_shows_the_new_value(
    tmux: Tmux, dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    data, config = dirs
    seed(data, config)
    tmux.start([okrcoach_command()], env=clean_env(data, config))
    tmux.wait_for("0 → 20 → 100")
    tmux.send("c")
    tmux.wait_for("Key result 1 of 1")
    tmux.type("57")  # typing replaces the pre-filled value
    tmux.send("Enter")
    tmux.type("8")
    tmux.send("Enter")
    tmux.type("Launched the referral offer")
    tmux.send("Enter")
    tmux.wait_for("Saved 1 check-in")
    tmux.wait_for("0 → 57 → 100")
    tmux.send("q")
    assert tmux.wait_exit() == 0

    again = Tmux(tmp_path / "again" if (tmp_path / "again").mkdir() is None else tmp_path)
    try:
        again.start([okrcoach_command()], env=clean_env(data, config))
        again.wait_for("0 → 57 → 100", "confidence 8/10")
        again.send("q")
        assert again.wait_exit() == 0
    finally:
        again.kill()
