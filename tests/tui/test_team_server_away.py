"""The team store's server going away while a draft or a retro is on screen.

What was typed stays on screen, the user is told once, and it is saved (and said
so) as soon as the server answers again. A real PostgreSQL server is stopped and
started under the app.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static

from okrcoach.domain.models import Draft
from okrcoach.paths import AppPaths
from okrcoach.tui.screens.wizard import WizardScreen
from tests.tui.conftest import settle
from tests.tui.test_team_dashboard import app_as, messages, seed, until


def warnings_about(app: Any, words: str) -> list[str]:
    return [n.message for n in app._notifications if words in n.message]


async def test_draft_autosave_warns_once_while_away_and_says_when_kept_again(
    team, paths: AppPaths
) -> None:
    seed(team)
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        tries: list[int] = []
        write = wizard.keeper.write

        def counted(store: Any, snapshot: Any) -> Any:
            tries.append(1)
            return write(store, snapshot)

        wizard.keeper.write = counted
        title = wizard.query_one("#title", Input)
        title.focus()
        team.cluster.stop()
        try:
            for typed in ("Grow", " repeat", " revenue"):
                before = len(tries)
                await pilot.press(*typed)
                await until(pilot, lambda b=before: len(tries) > b, "an autosave try")
            await until(pilot, lambda: bool(warnings_about(app, "Could not keep")), "a warning")
            assert len(warnings_about(app, "Could not keep the draft")) == 1, messages(app)
            assert "as soon as the team store answers again" in messages(app)
            assert title.value == "Grow repeat revenue"  # kept on screen
        finally:
            team.cluster.start()
        await until(pilot, lambda: "The draft is kept again." in messages(app), "kept again")
        assert len(warnings_about(app, "Could not keep the draft")) == 1
    drafts = team.open("alice").drafts("objective")
    assert [d.data.get("title") for d in drafts if isinstance(d, Draft)] == ["Grow repeat revenue"]


async def test_finishing_a_retro_waits_for_the_server_and_saves_once_it_is_back(
    team, paths: AppPaths
) -> None:
    from okrcoach.tui.screens.retro import RetroScreen

    seed(team)
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_start_retro("alice-o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RetroScreen)
        await pilot.press("ctrl+n")
        await settle(pilot)
        for why in screen.query("Input").results(Input):
            if (why.id or "").startswith("why-"):
                why.value = "Holidays"  # committed KRs short of 1.0 need a word
        await pilot.pause()
        for _ in range(3):
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert "Decide" in str(screen.query_one("#step-title", Static).render())
        team.cluster.stop()
        try:
            await pilot.press("ctrl+n")  # finish
            await until(
                pilot, lambda: "Not finished yet" in messages(app), f"waiting: {messages(app)}"
            )
            assert app.screen is screen and not screen.finished  # the answers stay on screen
        finally:
            team.cluster.start()
        await until(pilot, lambda: "Retrospective saved" in messages(app), "the finish")
        assert app.is_running and screen.finished
    retros = team.open("alice").retros()
    assert [(r.objective_id, r.finished) for r in retros] == [("alice-o", True)]
