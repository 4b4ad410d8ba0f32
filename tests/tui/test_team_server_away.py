"""The team store's server going away while a draft or a retro is on screen.

What was typed stays on screen, the user is told once, and it is saved (and said
so) as soon as the server answers again. A real PostgreSQL server is stopped and
started under the app.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

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
