"""The settings screen: edit, save off the UI thread, keep across runs, ask before losing edits."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from okrcoach.domain.models import Objective
from okrcoach.paths import AppPaths
from okrcoach.settings import Settings, load_settings, save_settings
from okrcoach.store import open_store
from okrcoach.tui.app import OkrApp, make_app
from okrcoach.tui.screens.confirm import ConfirmModal
from okrcoach.tui.screens.dashboard import DashboardScreen
from okrcoach.tui.screens.settings import SettingsScreen
from okrcoach.tui.screens.wizard import WizardScreen
from tests.tui.conftest import TODAY, settle
from tests.tui.wizard_keys import open_wizard, type_text


async def open_settings(pilot) -> SettingsScreen:
    await settle(pilot)
    await pilot.press("comma")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def replace_text(pilot, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    await pilot.press("end", *["backspace"] * len(field.value))
    await type_text(pilot, text)


async def test_owner_and_cadence_are_saved_and_kept_across_runs(paths: AppPaths) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_settings(pilot)
        assert screen.query_one("#cadence", Input).value == "7"
        shown = str(screen.query_one("#settings-file", Static).render())
        assert str(paths.settings_file.name) in shown
        keymap = str(screen.query_one("#settings-keymap", Static).render())
        assert "[keymap]" in keymap and "app.quit" in keymap
        await replace_text(pilot, "#owner", "Sam [b]Lee")
        await replace_text(pilot, "#cadence", "14")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.settings.owner == "Sam [b]Lee"
        assert app.settings.checkin_cadence_days == 14
    saved, problems = load_settings(paths)
    assert problems == []
    assert (saved.owner, saved.checkin_cadence_days) == ("Sam [b]Lee", 14)
    again = make_app(paths, today=TODAY)
    async with again.run_test(size=(100, 40)) as pilot:
        screen = await open_settings(pilot)
        assert again.settings.checkin_cadence_days == 14
        assert screen.query_one("#owner", Input).value == "Sam [b]Lee"
        assert screen.query_one("#cadence", Input).value == "14"


async def test_a_bad_cadence_is_refused_in_words_and_nothing_is_written(app: OkrApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_settings(pilot)
        await replace_text(pilot, "#cadence", "0")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        error = str(screen.query_one("#cadence-error", Static).render())
        assert "whole number of days from 1 to 31" in error
        assert screen.query_one("#cadence", Input).has_class("-bad")
    assert not app.paths.settings_file.exists()


async def test_changing_the_theme_previews_it_and_save_remembers_it(paths: AppPaths) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#theme", Select).value = "okrcoach-ember"
        await settle(pilot)
        assert app.theme == "okrcoach-ember"
        assert not paths.settings_file.exists()  # a preview is not a choice yet
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert load_settings(paths)[0].theme == "okrcoach-ember"
    again = make_app(paths, today=TODAY)
    async with again.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "okrcoach-ember"


async def test_leaving_with_changes_asks_and_puts_the_theme_back(app: OkrApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#theme", Select).value = "okrcoach-light"
        await replace_text(pilot, "#owner", "Kim")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen and app.theme == "okrcoach-light"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.theme == "okrcoach-dark"
        assert app.settings.owner == ""
    assert not app.paths.settings_file.exists()


async def test_leaving_without_changes_does_not_ask(app: OkrApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await open_settings(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_a_failed_save_says_so_and_keeps_the_input(paths: AppPaths) -> None:
    paths.config_dir.parent.mkdir(parents=True, exist_ok=True)
    paths.config_dir.write_text("not a folder")
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_settings(pilot)
        await replace_text(pilot, "#owner", "Sam")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#owner", Input).value == "Sam"
        titles = [n.title for n in app._notifications]
        assert "Settings not saved" in titles
        assert app.settings.owner == ""


async def test_settings_is_in_the_command_palette_and_the_help(app: OkrApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Settings" in commands
        commands["Settings"].callback()
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await settle(pilot)
        bindings = {b.binding.id for b in app.screen.active_bindings.values()}
        assert "app.settings" in bindings


async def test_a_new_objective_is_owned_by_the_settings_owner(paths: AppPaths) -> None:
    save_settings(paths, Settings(owner="Sam", cycle_length="month"))
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_wizard(pilot)
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.query_one("#owner", Input).value == "Sam"
        await type_text(pilot, "Customers rave about our support")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("down", "down", "enter", "ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+u")
        await type_text(pilot, "Cut median first-reply time from 24 h to 4 h")
        await pilot.press("pagedown", "ctrl+u")
        await type_text(pilot, "Raise CSAT from 78% to 90%")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    with open_store(paths) as store:
        [objective] = store.objectives()
        assert isinstance(objective, Objective) and objective.owner == "Sam"
        [cycle] = store.cycles()
        assert cycle.name == "2026-11"
