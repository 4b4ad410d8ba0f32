"""Multi-line text survives: pasted lines kept, the model's one limit enforced and said."""

from __future__ import annotations

from textual import events

from okrcoach.domain.models import Draft, Objective, limit_of
from okrcoach.paths import AppPaths
from okrcoach.services import drafting as d
from okrcoach.store import open_store
from okrcoach.tui.app import OkrApp, make_app
from okrcoach.tui.widgets.text_block import TextBlock
from tests.tui.conftest import TODAY, settle
from tests.tui.wizard_keys import open_wizard

WHY = "Slow replies cost us renewals.\nThree churned accounts named it.\n\nAnd the team is tired."


async def test_a_pasted_multi_line_why_keeps_every_line(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await pilot.press(*"Support that customers rave about", "tab")
        await settle(pilot)
        why = app.screen.query_one("#why", TextBlock)
        assert why.has_focus
        app.post_message(events.Paste(WHY))
        await settle(pilot)
        assert app.screen.form.why == WHY


async def test_the_why_stops_at_the_models_limit_and_says_so(app: OkrApp) -> None:
    limit = limit_of(Objective, "why")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await pilot.press("tab")
        why = app.screen.query_one("#why", TextBlock)
        assert why.has_focus
        app.post_message(events.Paste("x" * (limit + 50)))
        await settle(pilot)
        assert len(app.screen.form.why) == limit
        messages = [n.message for n in app._notifications]
        assert any(f"{limit:,} characters" in m for m in messages)


async def test_a_graduated_multi_line_why_is_shown_whole(paths: AppPaths) -> None:
    form = d.DraftForm(title="Ship async pipelines", why=WHY, goal_type="performance")
    with open_store(paths) as store:
        store.save(Draft(kind=d.DRAFT_KIND, step=0, data=form.to_data()))
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen.query_one("#why", TextBlock).text == WHY
