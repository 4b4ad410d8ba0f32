"""The dashboard's welcome: what a first-time user sees, help, and quitting."""

from __future__ import annotations

from textual.widgets import Static

from okrcoach.tui.app import OkrApp
from okrcoach.tui.screens.help import HelpScreen
from tests.tui.conftest import settle


def text_of(app: OkrApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def card_text(app: OkrApp) -> str:
    """What the dashboard's objective cards show, as plain text."""
    from textual.content import Content

    from okrcoach.tui.widgets.objective_card import ObjectiveCard

    return "\n".join(
        Content.from_markup(card.render()).plain for card in app.screen.query(ObjectiveCard)
    )


async def test_welcome_shows_cycle_and_empty_state(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Welcome to okrcoach" in text_of(app, "#welcome-title")
        assert "2026-Q4" in text_of(app, "#cycle")
        assert "37 days left" in text_of(app, "#cycle")
        assert app.screen.query_one("#empty").display
        assert "Press n to draft your first objective" in text_of(app, "#empty")
        assert app.paths.data_file.exists()


async def test_first_frame_does_not_wait_for_the_store(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        # Before any worker ran the welcome text is already there.
        assert "Welcome to okrcoach" in text_of(app, "#welcome-title")
        await settle(pilot)
        assert app.store is not None


async def test_question_mark_opens_help_listing_the_keys(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#keys")
        rows = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert "Quit" in rows and "New objective" in rows
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits_with_exit_code_zero(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert app.store is None  # closed, lock released


async def test_objectives_of_the_cycle_are_listed_escaped(app: OkrApp) -> None:
    from okrcoach.domain.models import Objective
    from okrcoach.store import open_store

    with open_store(app.paths) as store:
        cycle = store.current_cycle(app.today)
        store.save(Objective(cycle_id=cycle.id, title="[bold red]Delight[/] new users"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#empty").display
        assert not app.screen.query_one("#welcome-title").display
        listing = card_text(app)
        assert "[bold red]Delight[/] new users" in listing


async def test_locked_store_offers_read_only(paths, tmp_path) -> None:
    from okrcoach.store import open_store
    from okrcoach.tui.app import make_app
    from okrcoach.tui.screens.notice import StoreProblemModal
    from tests.tui.conftest import TODAY

    with open_store(paths):
        app = make_app(paths, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, StoreProblemModal)
            await pilot.press("r")
            await settle(pilot)
            assert app.store is not None and app.store.read_only
            assert "2026-Q4" in text_of(app, "#cycle")
