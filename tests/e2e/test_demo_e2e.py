"""`okrcoach demo` in a real terminal: sample data shown, the user's own data untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, clean_env, okrcoach_command

pytestmark = pytest.mark.e2e


def test_demo_opens_sample_workspace_and_leaves_user_data_alone(
    tmux: Tmux, dirs: tuple[Path, Path]
) -> None:
    data, config = dirs
    tmux.start([okrcoach_command(), "demo"], env=clean_env(data, config))
    tmux.wait_for("Customers get answers the same day")
    tmux.send("q")
    assert tmux.wait_exit() == 0
    assert not data.exists()
