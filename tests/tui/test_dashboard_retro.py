"""From the dashboard: r retros the selected objective, R the cycle, h lists past retros."""

from __future__ import annotations

from okrcoach.domain.models import KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.tui.app import make_app
from okrcoach.tui.screens.retro import RetroScreen
from okrcoach.tui.screens.retro_history import RetroHistoryScreen
from tests.tui.conftest import TODAY, settle


def seed(paths: AppPaths) -> tuple[str, str]:
    with open_store(paths) as store:
        cycle = store.current_cycle(TODAY)
        objective = Objective(cycle_id=cycle.id, title="Customers get answers the same day")
        kr = KeyResult(
            objective_id=objective.id,
            title="Cut median first-reply time from 24 h to 4 h",
            baseline=24,
            target=4,
            direction="decrease",
        )
        store.save_many([objective, kr])
        return cycle.id, objective.id


async def test_r_starts_a_retro_of_the_selected_objective(paths: AppPaths) -> None:
    cycle_id, objective_id = seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, RetroScreen)
        assert app.screen.objective_id == objective_id
        assert app.screen.cycle_id == cycle_id


async def test_shift_r_starts_a_retro_of_the_whole_cycle(paths: AppPaths) -> None:
    cycle_id, _ = seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, RetroScreen)
        assert app.screen.objective_id is None
        assert app.screen.cycle_id == cycle_id


async def test_h_lists_past_retros(paths: AppPaths) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, RetroHistoryScreen)
