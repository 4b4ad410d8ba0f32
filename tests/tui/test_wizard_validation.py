"""The wizard refuses what it cannot save, says why in words, and keeps what was typed."""

from __future__ import annotations

from textual.widgets import Input, Static

from okrcoach.domain.models import ObjectiveStatus
from okrcoach.store import WriteError, open_store
from okrcoach.tui.app import OkrApp, make_app
from okrcoach.tui.screens.dashboard import DashboardScreen
from okrcoach.tui.screens.wizard import WizardScreen
from tests.tui.conftest import TODAY, settle
from tests.tui.wizard_keys import open_wizard, store_after, type_text


def shown(app: OkrApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def step_of(app: OkrApp) -> int:
    assert isinstance(app.screen, WizardScreen)
    return app.screen.step


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_each_step_rejects_invalid_input_in_words(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        # Step 1: the title is required.
        await press(pilot, "ctrl+n")
        assert step_of(app) == 0
        assert "Give the objective a title" in shown(app, "#title-error")
        assert app.screen.query_one("#title", Input).has_class("-bad")
        await type_text(pilot, "Faster answers")
        await settle(pilot)
        assert shown(app, "#title-error") == ""  # the message goes once it is fixed
        await press(pilot, "ctrl+n", "ctrl+n")
        assert step_of(app) == 2
        # Step 3: numbers where numbers belong, and a target that differs from the baseline.
        await press(pilot, "ctrl+n")
        assert "Add at least one key result" in shown(app, "#kr-error")
        await type_text(pilot, "Cut reply time")
        await press(pilot, "tab", "tab", "tab", "tab", *"abc")
        await press(pilot, "ctrl+n")
        assert step_of(app) == 2
        assert "Key result 1: the baseline must be a number" in shown(app, "#kr-error")
        assert app.screen.focused is app.screen.query_one("#kr-baseline", Input)
        await press(pilot, "ctrl+u", "5", "tab", "5")
        await press(pilot, "ctrl+n")
        assert "must differ from the baseline" in shown(app, "#kr-error")
        await press(pilot, "backspace", "2")
        await press(pilot, "ctrl+n")
        assert step_of(app) == 3
        # Step 4: confidence is a whole number 0-10.
        await press(pilot, "tab", "1", "1", "ctrl+n")
        assert step_of(app) == 3
        assert "confidence is a whole number from 0 to 10" in shown(app, "#conf-error")
        await press(pilot, "backspace", "ctrl+n")
        assert step_of(app) == 4
        # Review: one KR is not enough to be active, but fine as a draft.
        await press(pilot, "ctrl+s")
        assert step_of(app) == 2
        assert "needs 2 to 5 key results; it has 1" in shown(app, "#kr-error")
        await press(pilot, "ctrl+n", "ctrl+n", "ctrl+g")
        assert isinstance(app.screen, DashboardScreen)
    with open_store(app.paths) as store:
        [objective] = store.objectives()
        assert objective.status.value == "draft"
        [kr] = store.key_results(objective.id)
        assert (kr.baseline, kr.target, kr.confidence) == (5, 2, 1)


async def test_read_only_store_refuses_to_open_the_wizard(paths) -> None:
    def read_only(p, read_only: bool = False):
        return open_store(p, read_only=True)

    with open_store(paths) as store:
        store.current_cycle(TODAY)
    app = make_app(paths, today=TODAY, opener=read_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_new_objective()
        await settle(pilot)
        assert not isinstance(app.screen, WizardScreen)
        assert any("read-only" in str(n.message) for n in app._notifications)


async def test_a_failed_write_keeps_the_text_on_screen(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        store = app.store

        def broken(records, delete=()) -> None:
            raise WriteError("Could not save to okrcoach.json: the disk is full.")

        store.save_many = broken  # type: ignore[method-assign]
        await type_text(pilot, "Faster answers")
        await press(pilot, "ctrl+n", "ctrl+n")
        await type_text(pilot, "Cut reply time from 24 h to 4 h")
        await press(pilot, "ctrl+n", "ctrl+n", "ctrl+g")
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.query_one("#title", Input).value == "Faster answers"
        messages = [str(n.message) for n in app._notifications]
        assert any("the disk is full" in m and "still here" in m for m in messages)


async def test_ctrl_g_saves_a_draft_from_the_first_step(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await type_text(pilot, "Faster answers")
        await settle(pilot)
        await press(pilot, "ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    with store_after(app) as store:
        [objective] = store.objectives()
        assert objective.title == "Faster answers"
        assert objective.status is ObjectiveStatus.DRAFT
