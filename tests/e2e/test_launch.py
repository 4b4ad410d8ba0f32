"""The installed command in a real terminal: welcome screen, quit, exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, clean_env, okrcoach_command

pytestmark = pytest.mark.e2e


def test_welcome_then_quit_exits_zero(tmux: Tmux, dirs: tuple[Path, Path]) -> None:
    data, config = dirs
    tmux.start([okrcoach_command()], env=clean_env(data, config))
    tmux.wait_for("Welcome to okrcoach")
    tmux.wait_for("No objectives in this cycle yet")
    tmux.wait_for("Quit", "? Help")
    tmux.send("q")
    assert tmux.wait_exit() == 0
    assert (data / "okrcoach.json").exists()


def test_help_opens_from_question_mark(tmux: Tmux, dirs: tuple[Path, Path]) -> None:
    data, config = dirs
    tmux.start([okrcoach_command()], env=clean_env(data, config))
    tmux.wait_for("No objectives in this cycle yet")
    tmux.send("?")
    tmux.wait_for("Keys on this screen")
    tmux.send("Escape")
    tmux.wait_gone("Keys on this screen")
    tmux.send("q")
    assert tmux.wait_exit() == 0
