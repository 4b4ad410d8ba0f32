"""Small and changing terminals: no crash, and everything important can still be scrolled to."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from okrcoach.domain.models import KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.tui.app import OkrApp, make_app
from tests.hardening.screen import screen_text
from tests.tui.conftest import TODAY, settle

SIZES = [(80, 24), (60, 20), (40, 12)]
TOO_SMALL = [(39, 12), (40, 9), (20, 5), (1, 1)]


def flat(app: OkrApp) -> str:
    """Screen text with line breaks and padding folded, so wrapped sentences can be found."""
    text = screen_text(app)
    for frame in "│╭╮╰╯─▏▕▌▐▂▁▃▄▅▆▇█":
        text = text.replace(frame, " ")
    return " ".join(text.split())


async def scroll_to_end(app: OkrApp, pilot) -> None:
    for scroller in app.screen.query(VerticalScroll):
        scroller.scroll_end(animate=False, immediate=True)
    await pilot.pause()


def seed(paths: AppPaths, count: int) -> list[str]:
    titles = [f"Objective number {n} delights customers" for n in range(1, count + 1)]
    with open_store(paths) as store:
        cycle = store.current_cycle(TODAY)
        for position, title in enumerate(titles):
            objective = store.save(Objective(cycle_id=cycle.id, title=title, position=position))
            store.save(
                KeyResult(objective_id=objective.id, title="Raise NPS", baseline=1, target=9)
            )
    return titles


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_welcome_and_help_fit_or_scroll(paths: AppPaths, size: tuple[int, int]) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert "okrcoach" in flat(app)
        await scroll_to_end(app, pilot)
        assert "q to quit" in flat(app), flat(app)
        await pilot.press("question_mark")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "HelpScreen"
        assert "Quit" in flat(app)
        await scroll_to_end(app, pilot)
        assert "from learning to performance" in flat(app), flat(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
async def test_every_objective_can_be_reached_with_the_keyboard(
    paths: AppPaths, size: tuple[int, int]
) -> None:
    """Moving down through the cards brings each one on screen, the last one included."""
    titles = seed(paths, 8)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        seen = []
        for _ in titles:
            card = app.focused
            assert card is not None and card.__class__.__name__ == "ObjectiveCard"
            title = card.row.objective.title
            seen.append(title)
            assert title in flat(app), f"{title!r} is focused but not on screen"
            await pilot.press("down")
            await pilot.pause()
        assert seen == titles


async def test_resizing_through_every_size_never_crashes(paths: AppPaths) -> None:
    seed(paths, 3)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for size in [*SIZES, *TOO_SMALL, (200, 60), (40, 12)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.is_running
            small = size in TOO_SMALL
            assert (app.screen.__class__.__name__ == "TooSmallScreen") == small, size
            if small and size >= (20, 5):
                assert "Terminal too small" in flat(app)
        await pilot.press("question_mark")
        await pilot.resize_terminal(30, 8)
        await settle(pilot)
        assert "Terminal too small" in flat(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert "Objective number 1" in flat(app)


@pytest.mark.parametrize("size", [(39, 12), (20, 5)], ids=["39x12", "20x5"])
async def test_starting_in_a_tiny_terminal_says_so(paths: AppPaths, size: tuple[int, int]) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.is_running
        if size[0] >= 20 and size[1] >= 3:
            assert "too small" in flat(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "okrcoach" in flat(app) and "too small" not in flat(app)
