"""Export from the command palette: the cycle on screen, a named file, no silent overwrite."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from okrcoach.domain.models import KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.tui.app import make_app
from okrcoach.tui.screens.confirm import ConfirmModal
from okrcoach.tui.screens.export_dialog import ExportModal
from tests.tui.conftest import TODAY, settle


def seed(paths: AppPaths) -> None:
    with open_store(paths) as store:
        cycle = store.current_cycle(TODAY)
        objective = Objective(cycle_id=cycle.id, title="Customers [b]love[/b] onboarding")
        kr = KeyResult(
            objective_id=objective.id,
            title="Raise activation from 20% to 40%",
            metric_kind="percent",
            baseline=20,
            target=40,
        )
        store.save_many([objective, kr])


async def open_export(pilot) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Export")
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


async def test_export_markdown_of_the_cycle_then_refuse_silent_overwrite(
    paths: AppPaths, tmp_path: Path
) -> None:
    seed(paths)
    target = tmp_path / "out" / "q4.md"
    target.parent.mkdir()
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_export(pilot)
        assert isinstance(app.screen, ExportModal)
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-go")
        await settle(pilot)
        text = target.read_text()
        assert "2026-Q4" in text and "Raise activation" in text
        assert target.stat().st_mode & 0o777 == 0o644

        target.write_text("my notes")
        await open_export(pilot)
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-go")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text() == "my notes"

        await open_export(pilot)
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-go")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert "Raise activation" in target.read_text()


async def test_export_to_an_unwritable_place_says_why(paths: AppPaths, tmp_path: Path) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_export(pilot)
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "missing" / "x.md")
        await pilot.click("#export-go")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("missing" in m for m in messages), messages
