"""The second start paints the last dashboard at once, and nothing typed meanwhile is lost.

Opening the store is held back in these tests (``open_store`` is recorded, then run by
hand), so what the first frame shows can be read before any record is loaded.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from okrcoach.domain.models import KeyResult
from okrcoach.paths import AppPaths
from okrcoach.services.checkins import record_checkin
from okrcoach.store import open_store
from okrcoach.tui.app import OkrApp, make_app
from okrcoach.tui.screens.dashboard import DashboardScreen
from okrcoach.tui.screens.dashboard.preview import (
    PREVIEW_FILE,
    Preview,
    read_preview,
    write_preview,
)
from okrcoach.tui.screens.detail import DetailScreen
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import checkin, kr, mixed_cycle, objective, write
from tests.tui.screen_text import screen_text

REAL_OPEN = OkrApp.open_store


@pytest.fixture
def held_open(monkeypatch: pytest.MonkeyPatch) -> list[OkrApp]:
    """Apps whose store has not been opened yet: the test opens it with ``REAL_OPEN``."""
    waiting: list[OkrApp] = []
    monkeypatch.setattr(OkrApp, "open_store", lambda self, read_only=False: waiting.append(self))
    return waiting


async def first_start(paths: AppPaths) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query(".objective-card")
        await pilot.press("q")
    assert (paths.data_dir / PREVIEW_FILE).exists()


async def second_start(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> tuple[OkrApp, list[OkrApp]]:
    """A workspace shown once; then an app whose store waits to be opened by hand."""
    write(paths, *mixed_cycle())
    await first_start(paths)
    waiting: list[OkrApp] = []
    monkeypatch.setattr(OkrApp, "open_store", lambda self, read_only=False: waiting.append(self))
    return make_app(paths, today=TODAY), waiting


async def test_the_last_dashboard_shows_before_the_store_opens(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, waiting = await second_start(paths, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert app.store is None and waiting == [app]  # asked for once the preview was out
        assert "Become fluent in async Python" in shown
        assert "Current cycle: 2026-Q4" in shown
        assert "▶" in shown  # the first card is marked as selected, as it will be
        assert not app.screen.query(".objective-card")  # text only: nothing to act on yet
        # Keys typed now wait for the real cards: down, then Enter opens the second objective.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        monkeypatch.setattr(OkrApp, "open_store", REAL_OPEN)
        app.open_store()
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.objective_id == "perform"


async def test_a_save_since_then_means_no_preview(paths: AppPaths, held_open) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        REAL_OPEN(app)
        await settle(pilot)
        assert app.screen.query(".objective-card")
    with open_store(paths) as store:  # the command line checks in meanwhile
        record_checkin(store, store.get(KeyResult, "learn-kr"), 6, 8, "", today=TODAY)
    again = make_app(paths, today=TODAY)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = screen_text(again)
        assert "Opening your workspace" in shown
        assert "Become fluent in async Python" not in shown
        REAL_OPEN(again)
        await settle(pilot)
        shown = screen_text(again)
        assert "3 → 6 → 7" in shown  # the new value, never the kept one


async def test_a_damaged_preview_starts_as_if_there_were_none(paths: AppPaths, held_open) -> None:
    write(paths, *mixed_cycle())
    broken = Preview("Current cycle: [/oops]", "Showing all", (("[b]Forged card[/x]", False),))
    write_preview(paths, paths.files_stamp(), (80, 24), {TODAY: broken})
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Forged card" not in screen_text(app)
        assert held_open == [app]  # the store opens at once, as without a preview
        REAL_OPEN(app)
        await settle(pilot)
        assert "Become fluent in async Python" in screen_text(app)


async def test_another_window_size_is_not_shown_a_preview_laid_out_for_80(
    paths: AppPaths, held_open
) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        REAL_OPEN(app)
        await settle(pilot)
    wide = make_app(paths, today=TODAY)
    async with wide.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Become fluent in async Python" not in screen_text(wide)


async def test_keys_typed_for_the_preview_never_answer_a_store_problem(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okrcoach.tui.screens.notice import StoreProblemModal

    app, _ = await second_start(paths, monkeypatch)
    with open_store(paths):  # another window holds the workspace
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "Become fluent in async Python" in screen_text(app)
            await pilot.press("r")  # meant for the dashboard (a retro), not for the question
            monkeypatch.setattr(OkrApp, "open_store", REAL_OPEN)
            app.open_store()
            await settle(pilot)
            assert isinstance(app.screen, StoreProblemModal)
            app.release_keys()  # what the hold's time limit does, if anything is still held
            await settle(pilot)
            assert isinstance(app.screen, StoreProblemModal)
            assert app.store is None  # "r" did not open it read-only behind the user's back


async def test_a_later_day_of_the_week_paints_that_days_dashboard(
    paths: AppPaths, held_open
) -> None:
    # A check-in 19 days old is fine today and stale (at risk) in four days.
    old = [
        objective("quiet", "Suppliers are paid on time", position=3),
        kr(
            "quiet-kr",
            "quiet",
            "On-time payments from 80% to 95%",
            baseline=80,
            target=95,
            current=94,
            confidence=9,
        ),
        checkin("quiet-kr", date(2026, 11, 5), 94, 9),
    ]
    write(paths, *mixed_cycle(), *old)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        REAL_OPEN(app)
        await settle(pilot)
    later = TODAY + timedelta(days=4)  # a check-in has gone stale and the pace moved on
    kept_today = read_preview(paths, TODAY, (80, 24))
    kept = read_preview(paths, later, (80, 24))
    assert kept is not None and kept_today is not None
    assert "33 days left" in kept.cycle_line
    assert kept.cards != kept_today.cards  # the date changes what the cards say
    again = make_app(paths, today=later)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "33 days left" in screen_text(again)
        REAL_OPEN(again)
        await settle(pilot)
        cards = again.screen.cards()
        # What the real cards say that day is exactly what was painted before they came.
        assert cards[0].has_focus
        painted = [(c.markup(c.size.width), c.row.objective.archived) for c in cards]
        assert painted == list(kept.cards)
