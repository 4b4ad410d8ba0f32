"""Hostile text in the TUI: shown literally, never obeyed, never breaking the layout."""

from __future__ import annotations

from pathlib import Path

from textual.markup import to_content

from okrcoach.domain.models import KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.tui.app import OkrApp, make_app
from tests.hardening.hostile import CLICK_QUIT, HOSTILE, shown_as
from tests.hardening.screen import all_widget_text, notifications, screen_lines, screen_text
from tests.tui.conftest import TODAY, settle

TITLES = [text for _, text in HOSTILE]


def seed(paths: AppPaths, titles: list[str]) -> list[Objective]:
    """One objective (with a KR of the same hostile title) per title, in today's cycle."""
    saved = []
    with open_store(paths) as store:
        cycle = store.current_cycle(TODAY)
        for position, title in enumerate(titles):
            objective = store.save(
                Objective(
                    cycle_id=cycle.id, title=title, why=title, owner=title[:80], position=position
                )
            )
            store.save(KeyResult(objective_id=objective.id, title=title, baseline=1, target=2))
            saved.append(objective)
    return saved


def _still_running(app: OkrApp) -> bool:
    return app.is_running and app.return_code is None


async def test_hostile_titles_are_rendered_literally(paths: AppPaths) -> None:
    seed(paths, TITLES)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        rendered = all_widget_text(app)
        for title in TITLES:
            assert shown_as(title) in rendered, f"{title!r} not shown literally"
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
        assert _still_running(app)


async def test_each_hostile_title_is_painted_on_one_row(paths: AppPaths) -> None:
    """Painted on screen as typed (minus control codes), and no row overflows the terminal."""
    from rich.cells import cell_len

    short = [t for t in TITLES if len(shown_as(t)) <= 60]
    seed(paths, short)
    app = make_app(paths, today=TODAY)
    # Tall enough for every card at once: scrolling is tested in test_small_terminals.
    async with app.run_test(size=(100, 8 * len(short) + 20)) as pilot:
        await settle(pilot)
        cards = app.screen.cards()
        assert sorted(c.row.objective.title for c in cards) == sorted(map(shown_as, short))
        lines = screen_lines(app)
        for title in short:
            assert any(shown_as(title) in line for line in lines), (title, lines)
        assert all(cell_len(line) <= 100 for line in lines)
        assert _still_running(app)


async def test_clicking_an_injected_click_action_does_not_quit(paths: AppPaths) -> None:
    seed(paths, [f"{CLICK_QUIT} Win the market"])
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        lines = screen_lines(app)
        row = next(i for i, line in enumerate(lines) if "Win the market" in line)
        end = lines[row].index("Win the market")
        for column in range(0, end + 1, 2):  # every other cell of the tag
            await pilot.click(offset=(column, row))
            await pilot.pause()
            assert _still_running(app), f"clicking column {column} quit the app"
        assert app.screen.__class__.__name__ == "DashboardScreen"


async def test_a_data_folder_named_with_markup_is_shown_literally(tmp_path: Path) -> None:
    """Store problem messages quote paths; a path full of markup must not be parsed."""
    folder = tmp_path / "[@click=app.quit]x [bold red]data"
    paths = AppPaths(data_dir=folder, config_dir=tmp_path / "config")
    folder.mkdir()
    paths.data_file.write_bytes(b"{not json")
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.__class__.__name__ == "StoreProblemModal"
        shown = all_widget_text(app)
        assert "[@click=app.quit]x [bold red]data" in shown
        aside = list(folder.glob("okrcoach.json.corrupt-*"))
        assert [p.read_bytes() for p in aside] == [b"{not json"]
        problem = app.screen.query_one("#problem-text")
        await pilot.click(problem)
        await pilot.pause()
        assert _still_running(app)


async def test_hostile_settings_are_reported_literally(paths: AppPaths) -> None:
    from okrcoach.settings import toml_string

    paths.config_dir.mkdir(parents=True)
    hostile = [text for _, text in HOSTILE[:12]]
    lines = [
        f"owner = {toml_string(''.join(hostile) * 5)}",
        f"week_start = {toml_string(CLICK_QUIT)}",
    ]
    lines += [f"theme = {toml_string(hostile[2])}", "[keymap]"]
    lines += [f"{toml_string(text)} = {toml_string(text)}" for text in hostile]
    paths.settings_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        found = [(m, markup) for m, markup in notifications(app) if "settings.toml" in m]
        assert len(found) >= 3, notifications(app)
        for message, markup in found:
            shown = to_content(message).plain if markup else message
            assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
        assert any(CLICK_QUIT in (m if not mk else to_content(m).plain) for m, mk in found)
        assert _still_running(app)


async def test_an_unknown_theme_with_markup_is_named_literally(paths: AppPaths) -> None:
    app = make_app(paths, today=TODAY, theme="[@click=app.quit]x")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        found = [(m, markup) for m, markup in notifications(app) if "No theme named" in m]
        assert found
        message, markup = found[0]
        shown = to_content(message).plain if markup else message
        assert "[@click=app.quit]x" in shown
        assert app.theme == "okrcoach-dark"
        assert _still_running(app)
