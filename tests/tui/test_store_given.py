"""Screens learn that the workspace is open from one message and keep the store they were given.

No screen asks the app whether it happens to have a store (``getattr(app, "store",
None)``): a screen that loads from the store gets ``StoreOpened`` (sent on mount
when the store is open already, else when it opens) and keeps that store; the
rest ask the app's typed ``workspace``. What the user sees is unchanged: a
read-only window still says so, and a screen opened later still fills.
"""

from __future__ import annotations

import re
from pathlib import Path

from okrcoach.domain.models import Cycle, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.tui.app import make_app
from okrcoach.tui.screens.dashboard import DashboardScreen
from okrcoach.tui.screens.retro_history import RetroHistoryScreen
from tests.tui.conftest import TODAY, settle

TUI = Path(__file__).resolve().parents[2] / "src" / "okrcoach" / "tui"
GUARD = re.compile(r"getattr\([^()]*(\([^()]*\))?[^()]*[\"']store[\"']")


def seed(paths: AppPaths) -> None:
    with open_store(paths) as store:
        cycle = store.save(Cycle.for_quarter(TODAY))
        objective = store.save(Objective(cycle_id=cycle.id, title="Customers get answers sooner"))
        store.save(KeyResult(objective_id=objective.id, title="Reach 100", target=100))


def test_no_screen_guards_on_the_apps_store() -> None:
    found = [
        f"{path.relative_to(TUI)}:{number}: {line.strip()}"
        for path in sorted(TUI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if GUARD.search(line)
    ]
    assert found == []


async def test_screens_keep_the_store_they_were_given(paths: AppPaths) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert dashboard.store is app.store is not None
        assert dashboard.cards()  # it loaded from the store it was given
        app.action_retro_history()  # opened after the store: told on mount
        await settle(pilot)
        assert isinstance(app.screen, RetroHistoryScreen)
        assert app.screen.store is app.store


async def test_a_read_only_window_still_says_so(paths: AppPaths) -> None:
    seed(paths)

    def read_only(p: AppPaths, read_only: bool = False):  # type: ignore[no-untyped-def]
        return open_store(p, read_only=True)

    app = make_app(paths, today=TODAY, opener=read_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.store is app.store
        await pilot.press("a")  # archive: refused in words, nothing changes
        await pilot.press("O")  # reopen the cycle: refused the same way
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert messages.count("This window is read-only: changes cannot be saved.") == 2
    with open_store(paths) as store:
        assert not store.objectives()[0].archived


async def test_a_load_that_finishes_as_the_app_closes_paints_nothing_and_raises_nothing(
    paths: AppPaths,
) -> None:
    """A refresh (another window's change, a reload) can land while the app shuts down and
    its widgets are already gone: quitting then must not end in a traceback."""
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen) and dashboard.data is not None
        data = dashboard.data
        await dashboard.query_one("#objectives").remove()  # torn down, as on the way out
        await dashboard._show(data)
        await dashboard.remove_children()
        await dashboard._show(data)
        app.exit()
        await dashboard._show(data)
    assert app.return_code in (0, None)
