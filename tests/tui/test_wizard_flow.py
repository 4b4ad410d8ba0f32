"""The drafting wizard driven by keys, end to end: what is saved and what the screen says."""

from __future__ import annotations

from textual.widgets import Input, Static

from okrcoach.domain.models import Direction, GoalType, Maturity, ObjectiveStatus
from okrcoach.services import drafting as d
from okrcoach.store import open_store
from okrcoach.tui.app import OkrApp, make_app
from okrcoach.tui.screens.dashboard import DashboardScreen
from okrcoach.tui.screens.resume import ResumeModal
from okrcoach.tui.screens.wizard import WizardScreen
from okrcoach.tui.screens.wizard.modals import LearnFirstModal, LeaveModal
from okrcoach.tui.widgets.coach_panel import CoachPanel
from okrcoach.tui.widgets.objective_card import ObjectiveCard
from tests.tui.conftest import TODAY, settle
from tests.tui.wizard_keys import open_wizard, type_text


def shown(app: OkrApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def coach(app: OkrApp) -> CoachPanel:
    return app.screen.query_one(CoachPanel)


async def next_step(pilot) -> None:
    await pilot.press("ctrl+n")
    await settle(pilot)


async def write_kr(pilot, text: str) -> None:
    await pilot.press("ctrl+u")
    await type_text(pilot, text)
    await settle(pilot)


async def test_performance_objective_with_three_metric_krs(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        assert isinstance(app.screen, WizardScreen)
        assert "Step 1 of 5" in shown(app, "#step-title")
        await type_text(pilot, "Customers rave about our support")
        await pilot.press("tab")
        await type_text(pilot, "Slow replies cost us renewals")
        await settle(pilot)
        assert "Nothing to add" in str(coach(app).render())
        await next_step(pilot)
        # Step 2: "Yes, many times" is the third answer.
        assert "Step 2 of 5" in shown(app, "#step-title")
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert "reads this as a performance goal" in str(coach(app).render())
        await next_step(pilot)
        assert "Step 3 of 5" in shown(app, "#step-title")
        await write_kr(pilot, "Cut median first-reply time from 24 h to 4 h")
        screen = app.screen
        assert screen.query_one("#kr-baseline", Input).value == "24"
        assert screen.query_one("#kr-target", Input).value == "4"
        assert screen.query_one("#kr-unit", Input).value == "h"
        await pilot.press("pagedown")
        await write_kr(pilot, "Raise CSAT from 78% to 90%")
        await pilot.press("ctrl+o")
        await write_kr(pilot, "Cut weekly billing tickets from 120 to 40")
        assert "Key result 3 of 3" in shown(app, "#kr-heading")
        await next_step(pilot)
        assert "Step 4 of 5" in shown(app, "#step-title")
        await pilot.press("tab", "7", "tab", "6", "tab", "8")
        await next_step(pilot)
        assert "Step 5 of 5" in shown(app, "#step-title")
        card = shown(app, "#card")
        assert "Customers rave about our support" in card and "24 → 4 h" in card
        assert "quality" in str(coach(app).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        cards = [card.row.objective.title for card in app.screen.query(ObjectiveCard)]
        assert cards == ["Customers rave about our support"]
    with open_store(app.paths) as store:
        [objective] = store.objectives()
        assert objective.status is ObjectiveStatus.ACTIVE
        assert objective.goal_type is GoalType.PERFORMANCE
        assert objective.maturity is Maturity.MASTERED
        assert objective.why == "Slow replies cost us renewals"
        krs = store.key_results(objective.id)
        assert [(k.baseline, k.target, k.confidence) for k in krs] == [
            (24, 4, 7),
            (78, 90, 6),
            (120, 40, 8),
        ]
        assert krs[0].direction is Direction.DECREASE and krs[0].unit == "h"
        assert store.drafts() == []


async def test_learning_objective_on_a_new_skill(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await type_text(pilot, "Learn to run user interviews")
        await next_step(pilot)
        await pilot.press("enter")  # "No, this is new to me"
        await settle(pilot)
        text = str(coach(app).render())
        assert "learning goal" in text and "the skill is new to you" in text
        await next_step(pilot)
        assert "Learning-shaped key results" in str(coach(app).render())
        await pilot.press("ctrl+t")
        await pilot.press("pagedown", "ctrl+t", "ctrl+t")
        await settle(pilot)
        await next_step(pilot)
        await next_step(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    with open_store(app.paths) as store:
        [objective] = store.objectives()
        assert objective.goal_type is GoalType.LEARNING and objective.maturity is Maturity.NEW
        titles = [k.title for k in store.key_results(objective.id)]
        assert titles[0].startswith("Practise run user interviews 6 times with feedback")
        assert titles[1].startswith("Raise my self-assessment of run user interviews from 3 to 7")


async def test_perform_before_learning_is_split(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await type_text(pilot, "Close enterprise deals")
        await next_step(pilot)
        await pilot.press("enter")  # new skill
        await pilot.press("tab", "down", "enter")  # ...but performance, please
        await settle(pilot)
        assert coach(app).rule_ids == ["wizard.learn-first"]
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, LearnFirstModal)
        await pilot.press("s")
        await settle(pilot)
        assert "Step 3 of 5" in shown(app, "#step-title")
        await write_kr(pilot, "Practise discovery calls 10 times with feedback")
        await pilot.press("pagedown")
        await write_kr(pilot, "Raise my self-assessment of negotiation from 3 to 7")
        await next_step(pilot)
        await next_step(pilot)
        assert "a performance objective waits as a draft in 2027-Q1" in shown(app, "#card")
        await pilot.press("ctrl+s")
        await settle(pilot)
    with open_store(app.paths) as store:
        names = {c.id: c.name for c in store.cycles()}
        made = {names[o.cycle_id]: o for o in store.objectives()}
        assert made["2026-Q4"].goal_type is GoalType.LEARNING
        assert made["2026-Q4"].status is ObjectiveStatus.ACTIVE
        assert made["2027-Q1"].goal_type is GoalType.PERFORMANCE
        assert made["2027-Q1"].status is ObjectiveStatus.DRAFT
        assert made["2027-Q1"].title == "Close enterprise deals"


async def test_a_result_on_a_new_skill_is_read_as_performance_and_offered_the_split(
    app: OkrApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await type_text(pilot, "Close 10 enterprise deals")
        await next_step(pilot)
        await pilot.press("enter")  # new skill; the coach's reading is accepted as it is
        await settle(pilot)
        assert "reads this as a performance goal" in str(coach(app).render())
        assert coach(app).rule_ids == ["wizard.learn-first"]
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, LearnFirstModal)


async def test_editing_keeps_kept_krs_and_deletes_removed_ones(app: OkrApp) -> None:
    form = d.DraftForm(
        title="Support that customers love",
        why="Renewals",
        maturity="mastered",
        goal_type="performance",
        krs=[
            d.prefill(d.KRForm(text="Cut median first-reply time from 24 h to 4 h")),
            d.prefill(d.KRForm(text="Raise CSAT from 78% to 90%")),
            d.prefill(d.KRForm(text="Cut weekly billing tickets from 120 to 40")),
        ],
    )
    with open_store(app.paths) as store:
        saved = d.save_objective(store, form, status=ObjectiveStatus.ACTIVE, today=TODAY)
        before = [k.id for k in store.key_results(saved.objective_id)]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(WizardScreen(objective_id=saved.objective_id), app._after_edit)
        await settle(pilot)
        title = app.screen.query_one("#title", Input)
        assert title.value == "Support that customers love"
        await pilot.press("end", *" dearly")
        await next_step(pilot)
        await next_step(pilot)
        await pilot.press("pagedown", "pagedown", "ctrl+l")
        await settle(pilot)
        assert "Key result 2 of 2" in shown(app, "#kr-heading")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    with open_store(app.paths) as store:
        [objective] = store.objectives()
        assert objective.id == saved.objective_id
        assert objective.title == "Support that customers love dearly"
        assert [k.id for k in store.key_results(objective.id)] == before[:2]


async def test_a_draft_survives_a_restart_and_resumes(paths) -> None:
    first = make_app(paths, today=TODAY)
    async with first.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await type_text(pilot, "Customers solve problems on their own")
        await next_step(pilot)
        await pilot.press("ctrl+q")  # quit mid-wizard, no goodbye
        await pilot.pause()
    second = make_app(paths, today=TODAY)
    async with second.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(second.screen, ResumeModal)
        assert "Customers solve problems on their own" in str(
            second.screen.query_one("#resume-text", Static).render()
        )
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(second.screen, WizardScreen)
        assert "Step 2 of 5" in shown(second, "#step-title")
        assert second.screen.query_one("#title", Input).value.startswith("Customers solve")
        await pilot.press("enter")
        await next_step(pilot)
        await write_kr(pilot, "Cut support tickets from 300 to 200 a week")
        await pilot.press("pagedown")
        await write_kr(pilot, "Raise self-service answers from 20% to 45%")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(second.screen, DashboardScreen)
    with open_store(paths) as store:
        assert [o.title for o in store.objectives()] == ["Customers solve problems on their own"]
        assert store.drafts() == []


async def test_esc_asks_then_keeps_or_discards_the_draft(paths) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await type_text(pilot, "Grow the community")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LeaveModal)
        await pilot.press("escape")  # keep drafting
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("escape", "k")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    again = make_app(paths, today=TODAY)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ResumeModal)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(again.screen, DashboardScreen)
    with open_store(paths) as store:
        assert store.drafts() == [] and store.objectives() == []


async def test_esc_on_an_untouched_wizard_leaves_at_once(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    with open_store(app.paths) as store:
        assert store.drafts() == []


async def test_task_kr_rewrite_is_one_key_away(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await type_text(pilot, "Customers help themselves")
        await next_step(pilot)
        await next_step(pilot)
        await write_kr(pilot, "Launch the help centre")
        text = str(coach(app).render())
        assert "help centre is live" in text and "ctrl+r applies" in text
        await pilot.press("ctrl+r")
        await settle(pilot)
        value = app.screen.query_one("#kr-text", Input).value
        assert value == "Raise the self-serve resolution rate from 40% to 60%"
        assert "kr.task" not in coach(app).rule_ids


async def test_wizard_offers_its_actions_to_the_palette(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        titles = [title for title, _, _ in app.screen.palette_commands()]
        assert "Wizard: save as draft" in titles and "Wizard: next step" in titles
        ids = {b.id for b in WizardScreen.BINDINGS}
        assert {"wizard.next", "wizard.back", "wizard.save", "wizard.cancel"} <= ids


async def test_q_types_in_fields_and_asks_before_leaving_elsewhere(app: OkrApp) -> None:
    from textual.widgets import Button, Input

    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await type_text(pilot, "Quietly quick quotes")
        await settle(pilot)
        assert app.screen.query_one("#title", Input).value == "Quietly quick quotes"
        assert isinstance(app.screen, WizardScreen)
        app.screen.query_one("#next", Button).focus()
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, LeaveModal)
        assert app.is_running
