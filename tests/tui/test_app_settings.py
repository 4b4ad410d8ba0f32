"""Theme choice is remembered across runs; --theme is for one run; bad settings are reported."""

from __future__ import annotations

from okrcoach.paths import AppPaths
from okrcoach.settings import load_settings
from okrcoach.tui.app import make_app
from tests.tui.conftest import TODAY, settle


async def test_theme_choice_is_remembered(paths: AppPaths) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "okrcoach-dark"
        app.theme = "okrcoach-ember"
        await settle(pilot)
    assert load_settings(paths)[0].theme == "okrcoach-ember"
    again = make_app(paths, today=TODAY)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "okrcoach-ember"


async def test_theme_option_is_for_one_run_only(paths: AppPaths) -> None:
    app = make_app(paths, today=TODAY, theme="okrcoach-light")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "okrcoach-light"
    assert not paths.settings_file.exists()


async def test_unknown_theme_falls_back_with_a_message(paths: AppPaths) -> None:
    app = make_app(paths, today=TODAY, theme="[bold]nope")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "okrcoach-dark"
        messages = [n.message for n in app._notifications]
        assert any("No theme named '[bold]nope'" in m for m in messages)


async def test_bad_setting_is_reported_and_default_used(paths: AppPaths) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text('theme = "okrcoach-light"\ncheckin_cadence_days = "[b]x"\n')
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "okrcoach-light"
        messages = " ".join(n.message for n in app._notifications)
        assert "checkin_cadence_days" in messages


async def test_keymap_in_settings_rebinds_by_id(paths: AppPaths) -> None:
    from okrcoach.domain.models import KeyResult, Objective
    from okrcoach.store import open_store
    from okrcoach.tui.screens.checkin import CheckInScreen

    with open_store(paths) as store:
        cycle = store.current_cycle(TODAY)
        objective = Objective(cycle_id=cycle.id, title="Customers get answers the same day")
        kr = KeyResult(objective_id=objective.id, title="Cut reply time", baseline=24, target=4)
        store.save_many([objective, kr])
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text('[keymap]\n"dashboard.checkin" = "C"\n')
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert not isinstance(app.screen, CheckInScreen)
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)


async def test_unknown_theme_option_keeps_the_saved_theme(paths: AppPaths) -> None:
    from okrcoach.settings import Settings, save_settings

    save_settings(paths, Settings(theme="okrcoach-ember"))
    app = make_app(paths, today=TODAY, theme="nosuch")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "okrcoach-ember"
        messages = [n.message for n in app._notifications]
        assert any("No theme named 'nosuch'; using okrcoach-ember." in m for m in messages)
    assert load_settings(paths)[0].theme == "okrcoach-ember"


async def test_keymap_typos_and_clashes_are_named_and_nothing_is_hidden(paths: AppPaths) -> None:
    from okrcoach.domain.models import KeyResult, Objective
    from okrcoach.store import open_store
    from okrcoach.tui.screens.wizard import WizardScreen

    with open_store(paths) as store:
        cycle = store.current_cycle(TODAY)
        objective = Objective(cycle_id=cycle.id, title="Customers get answers the same day")
        kr = KeyResult(objective_id=objective.id, title="Cut reply time", baseline=24, target=4)
        store.save_many([objective, kr])
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text('[keymap]\n"dashbord.checkin" = "C"\n"dashboard.filter" = "n"\n')
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        messages = " ".join(n.message for n in app._notifications)
        assert "no binding 'dashbord.checkin'" in messages
        assert "did you mean 'dashboard.checkin'" in messages
        assert "'dashboard.filter' = 'n' is not applied" in messages
        await pilot.press("n")  # still opens the wizard: the clashing entry was left out
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)


async def test_a_bad_store_setting_is_shown_and_the_local_folder_is_not_opened(
    paths: AppPaths,
) -> None:
    from okrcoach.tui.screens.notice import StoreProblemModal

    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text('store = "mysql://sam:hunter2@db/okr"\n', encoding="utf-8")
    app = make_app(paths)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StoreProblemModal)
        assert "store should be a PostgreSQL URL" in app.screen.problem
        assert "hunter2" not in app.screen.problem
    assert not paths.data_file.exists()
