"""At 80x24 every screen shows its primary action and its key figures without scrolling.

Each test reads the terminal as a user would (the rendered screen, as text) and
checks what must be there; what is further down is reached by keyboard.
"""

from __future__ import annotations

from datetime import date

from okrcoach.domain.models import Draft
from okrcoach.paths import AppPaths
from okrcoach.services import drafting as d
from okrcoach.store import open_store
from okrcoach.tui.app import make_app
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import checkin, kr, mixed_cycle, objective, write
from tests.tui.screen_text import screen_text
from tests.tui.test_retro import retro_records

SIZE = (80, 24)


def footer(text: str) -> str:
    return text.splitlines()[-1]


async def test_dashboard_shows_each_objective_its_progress_health_and_new(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        for title in ("Become fluent in async Python", "Customers get answers the same day"):
            assert title in text
        assert "50%" in text and "on track" in text and "off track" in text
        assert "n New objective" in footer(text) and "c Check in" in footer(text)


async def test_detail_reaches_its_last_key_result_by_keyboard(paths: AppPaths) -> None:
    krs = [
        kr(f"k{i}", "many", f"Key result number {i} grows", baseline=0, target=10) for i in range(5)
    ]
    write(paths, *mixed_cycle()[:1], objective("many", "Five ways to win"), *krs)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Five ways to win" in text and "c Check in" in footer(text)
        assert "Key result number 4 grows" not in text  # below the fold at first
        await pilot.press("end")
        await settle(pilot)
        assert "Key result number 4 grows" in screen_text(app)
        await pilot.press("home")
        await settle(pilot)
        assert "Five ways to win" in screen_text(app)


async def test_checkin_shows_its_fields_forecast_and_buttons(paths: AppPaths) -> None:
    write(paths, *mixed_cycle(), checkin("learn-kr", date(2026, 11, 1), 4, 7))
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        text = screen_text(app)
        assert "Key result 1 of 1" in text
        assert "New value" in text and "Confidence 0–10" in text
        assert "At this pace" in text
        assert "Save" in text and "Skip" in text and "Done" in text


async def test_wizard_first_step_shows_its_fields_next_and_save(paths: AppPaths) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        text = screen_text(app)
        assert "Step 1 of 5" in text
        for label in ("Where do you want to go?", "Why does it matter?", "Who owns it?"):
            assert label in text
        assert "Next →" in text and "Save" in text


async def test_wizard_footer_keeps_the_rewrite_and_idea_keys(paths: AppPaths) -> None:
    form = d.DraftForm(
        title="Learn to run user interviews",
        goal_type="learning",
        krs=[d.KRForm(text="Launch the help centre"), d.KRForm()],
    )
    with open_store(paths) as store:
        store.save(Draft(kind=d.DRAFT_KIND, step=d.Step.KEY_RESULTS, data=form.to_data()))
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        line = footer(screen_text(app))
        assert "^r Rewrite" in line and "^t Idea" in line, line


async def test_retro_reflect_shows_its_first_question(paths: AppPaths) -> None:
    write(paths, *retro_records())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_start_retro()
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        text = screen_text(app)
        assert "Step 3 of 6: Reflect" in text
        assert "1. Are we measuring the right things?" in text
        assert "Next →" in text


async def test_help_shows_the_keys_and_scrolls_as_one_page(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "New objective" in text and "Check in" in text and "Quit" in text
        await pilot.press("end")
        await settle(pilot)
        assert "learning" in screen_text(app).lower()  # the primer, below the keys


async def test_dialog_buttons_are_whole_at_60x20(paths: AppPaths) -> None:
    form = d.DraftForm(title="Faster answers")
    with open_store(paths) as store:
        store.save(Draft(kind=d.DRAFT_KIND, step=0, data=form.to_data()))
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Resume (r)" in text and "Discard (d)" in text and "Later (l)" in text


async def test_leave_dialog_buttons_are_whole_at_60x20(paths: AppPaths) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Faster answers", "escape")
        await settle(pilot)
        text = screen_text(app)
        assert "Keep for later (k)" in text and "Discard (d)" in text, text
