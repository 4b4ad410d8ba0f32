"""A short retrospective through the installed command in a real terminal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrcoach.domain.models import (
    Commitment,
    Cycle,
    Direction,
    GoalType,
    KeyResult,
    Objective,
    ObjectiveStatus,
)
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from tests.e2e.tmux import Tmux, clean_env, okrcoach_command

pytestmark = pytest.mark.e2e


def seed(data: Path, config: Path) -> Cycle:
    cycle = Cycle.for_quarter(date.today())
    with open_store(AppPaths(data_dir=data, config_dir=config)) as store:
        store.save_many(
            [
                cycle,
                Objective(
                    id="learn",
                    cycle_id=cycle.id,
                    title="Become fluent in async Python",
                    goal_type=GoalType.LEARNING,
                    commitment=Commitment.ASPIRATIONAL,
                ),
                KeyResult(
                    objective_id="learn", title="Rate my skill", baseline=3, target=7, current=6
                ),
                Objective(id="ship", cycle_id=cycle.id, title="Replies the same day", position=1),
                KeyResult(
                    objective_id="ship",
                    title="Cut reply time from 24 h to 4 h",
                    baseline=24,
                    target=4,
                    current=4,
                    direction=Direction.DECREASE,
                ),
            ]
        )
    return cycle


def test_short_retro_from_the_palette_then_export(tmux: Tmux, dirs: tuple[Path, Path]) -> None:
    data, config = dirs
    cycle = seed(data, config)
    tmux.start([okrcoach_command()], env=clean_env(data, config))
    tmux.wait_for("Replies the same day")
    tmux.send("C-p")
    tmux.wait_for("Search for commands")
    tmux.type("Start a retrospective")
    tmux.wait_for("Score, reflect and decide")
    tmux.send("Enter")
    tmux.wait_for("Step 1 of 6: Set the stage")
    tmux.type("Ana and Ben")
    tmux.send("C-n")
    tmux.wait_for("Step 2 of 6: Score", "Rate my skill")
    tmux.send("C-n")
    tmux.wait_for("Step 3 of 6: Reflect")
    tmux.type("Mostly, yes")
    tmux.send("C-n")
    tmux.wait_for("Average score by cycle", "0.90")  # (0.8 + 1.0) / 2
    tmux.send("C-n")
    tmux.wait_for("Step 5 of 6: Decide")
    tmux.send("C-n")
    tmux.wait_for("Step 6 of 6: Summary")
    tmux.wait_for("graduated")
    tmux.send("x")
    tmux.wait_for("Export the retrospective to Markdown")
    tmux.send("Enter")
    tmux.wait_for("Exported to")
    tmux.send("Escape")
    tmux.wait_gone("Step 6 of 6")
    tmux.send("q")
    assert tmux.wait_exit() == 0
    [exported] = list((data / "exports").glob("retro-*.md"))
    text = exported.read_text()
    assert "Taking part: Ana and Ben" in text and "Mostly, yes" in text
    with open_store(AppPaths(data_dir=data, config_dir=config), read_only=True) as store:
        [retro] = store.retros(cycle.id)
        assert retro.finished
        # The learning goal graduated into next cycle's draft; the met one closed as achieved.
        later = [o for o in store.objectives() if o.cycle_id != cycle.id]
        assert [(o.title, o.goal_type, o.status) for o in later] == [
            ("Become fluent in async Python", GoalType.PERFORMANCE, ObjectiveStatus.DRAFT)
        ]
        assert store.get(Objective, "ship").status is ObjectiveStatus.DONE  # type: ignore[union-attr]
