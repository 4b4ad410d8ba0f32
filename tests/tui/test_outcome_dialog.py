"""A task in the KR step becomes a complete key result through three questions, by keys."""

from __future__ import annotations

from okrcoach.domain.models import Draft
from okrcoach.paths import AppPaths
from okrcoach.services import drafting as d
from okrcoach.store import open_store
from okrcoach.tui.app import make_app
from okrcoach.tui.screens.wizard import WizardScreen
from okrcoach.tui.screens.wizard.outcome_dialog import OutcomeDialog
from tests.tui.conftest import TODAY, settle
from tests.tui.screen_text import screen_text


def seed_task(paths: AppPaths) -> None:
    form = d.DraftForm(
        title="Customers help themselves",
        krs=[d.KRForm(text="Launch the help centre"), d.KRForm()],
    )
    with open_store(paths) as store:
        store.save(Draft(kind=d.DRAFT_KIND, step=d.Step.KEY_RESULTS, data=form.to_data()))


async def test_a_task_becomes_a_complete_kr_in_three_answers(paths: AppPaths) -> None:
    seed_task(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert "^y Outcome" in screen_text(app).splitlines()[-1]  # offered in the footer
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert isinstance(app.screen, OutcomeDialog)
        text = screen_text(app)
        assert "What should change once 'Launch the help centre' is done?" in text
        choices = d.outcome.outcome_choices("Launch the help centre")
        assert choices[0] in text
        await pilot.press("enter")  # the coach's first outcome metric
        await settle(pilot)
        assert "Where is it today?" in screen_text(app)
        await pilot.press(*"lots", "enter")
        await settle(pilot)
        assert "Give a number" in screen_text(app)
        await pilot.press("ctrl+a", *"10%", "enter")
        await settle(pilot)
        assert "Where should it be by the end of the cycle?" in screen_text(app)
        await pilot.press(*"30%", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        kr = app.screen.form.krs[0]
        assert (kr.baseline, kr.target, kr.unit) == ("10", "30", "%")
        assert kr.direction == "increase" and kr.metric_kind == "percent"
        assert kr.text == f"Raise {choices[0]} from 10% to 30%"
        assert app.screen.query_one("#kr-text").value == kr.text


async def test_own_words_and_a_cut_make_a_decreasing_kr(paths: AppPaths) -> None:
    seed_task(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+y")
        await settle(pilot)
        await pilot.press("end", "enter")  # "Something else: type it below"
        await settle(pilot)
        await pilot.press(*"tickets about setup", "enter")
        await settle(pilot)
        await pilot.press(*"120", "enter")
        await settle(pilot)
        await pilot.press(*"40", "enter")
        await settle(pilot)
        kr = app.screen.form.krs[0]
        assert kr.text == "Cut tickets about setup from 120 to 40"
        assert (kr.baseline, kr.target, kr.direction) == ("120", "40", "decrease")
