"""Below 40x10 the app says the terminal is too small, and recovers when it grows."""

from __future__ import annotations

from okrcoach.tui.app import OkrApp
from okrcoach.tui.screens.too_small import TooSmallScreen
from tests.tui.conftest import settle


async def test_tiny_terminal_shows_a_message_and_recovers(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = app.screen
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = str(app.screen.query_one("#too-small-text").render())
        assert "Terminal too small: 30×8" in text
        await pilot.resize_terminal(35, 8)
        await pilot.pause()
        assert "35×8" in str(app.screen.query_one("#too-small-text").render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is before


async def test_forty_by_twelve_is_usable(app: OkrApp) -> None:
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, TooSmallScreen)


async def test_starting_in_a_tiny_terminal_says_so(app: OkrApp) -> None:
    async with app.run_test(size=(30, 8)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        assert app.store is not None
