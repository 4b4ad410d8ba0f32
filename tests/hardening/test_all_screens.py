"""Every screen at 80×24, 60×20 and 40×12, resized while open, with hostile text in every
field it shows: no exception, nothing obeyed, no escape code painted, and below 40×10 the
"terminal too small" screen (then back to the same screen). Each screen is opened at one size
and then resized through all of them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.markup import to_content
from textual.widgets import OptionList, Tree

from okrcoach.domain.models import Draft, JournalEntry, KRScore, Objective, Retrospective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.tui.app import OkrApp, make_app
from tests.hardening.hostile import CLICK_QUIT, shown_as
from tests.hardening.screen import all_widget_text, screen_text
from tests.hardening.test_small_terminals import flat, scroll_to_end
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import Q3, kr, mixed_cycle, objective, write

SIZES = [(80, 24), (60, 20), (40, 12)]
EVIL = f"{CLICK_QUIT} Win \x1b[2J[bold red]big[/] \u202eok"
SHOWN = shown_as(EVIL)


def seed(paths: AppPaths) -> None:
    records = mixed_cycle()
    records += [
        objective("evil", EVIL, owner=EVIL[:60], why=EVIL, position=3),
        kr("evil-kr", "evil", EVIL, baseline=1, target=5),
        objective("gone", EVIL + " trashed", position=4, deleted=True, archived=True),
        Q3,
        objective("old", EVIL + " old", cycle=Q3),
        kr("old-kr", "old", "Pick up within 3 rings", baseline=0, target=1, current=1),
        Retrospective(
            cycle_id=Q3.id,
            participants=EVIL,
            scores=[KRScore(kr_id="old-kr", score=0.9, justification=EVIL)],
            answers={"Are we measuring the right things?": EVIL},
            finished=True,
        ),
        JournalEntry(text=EVIL, objective_id="learn", at=datetime(2026, 11, 23, 9, tzinfo=UTC)),
        Draft(kind="objective", step=1, data={"title": EVIL, "why": EVIL}),
    ]
    write(paths, *records)


def shown_text(app: OkrApp) -> str:
    """Every widget's text, tree nodes, list options and the painted screen."""
    labels = [
        str(getattr(node.label, "plain", node.label))
        for tree in app.screen.query(Tree)
        for node in tree._tree_nodes.values()
    ]
    labels += [
        to_content(option.prompt).plain if isinstance(option.prompt, str) else str(option.prompt)
        for options in app.screen.query(OptionList)
        for option in options.options
    ]
    return "\n".join([all_widget_text(app), screen_text(app), *labels])


def clean(app: OkrApp) -> None:
    """Still running, and nothing the data said reached the terminal as a control code."""
    assert app.is_running and app.return_code is None
    text = screen_text(app)
    assert not any(c in text for c in "\x1b\x07\x9b\u202e"), text


async def resized(app: OkrApp, pilot, size: tuple[int, int]) -> None:
    """Through every size, below the minimum and back: the same screen returns, unbroken."""
    screen = app.screen
    for other in SIZES:
        await pilot.resize_terminal(*other)
        await pilot.pause()
        assert app.screen is screen
        clean(app)
    await pilot.resize_terminal(39, 9)
    await settle(pilot)
    assert "too small" in flat(app)
    await pilot.resize_terminal(*size)
    await settle(pilot)
    assert app.screen is screen
    clean(app)


async def visit(app: OkrApp, pilot, size, key: str, name: str, *shows: str) -> None:
    """Open a screen from the dashboard, check it at this size and resized, then leave."""
    if key.startswith("app."):
        getattr(app, key[4:])()
    else:
        await pilot.press(key)
    await settle(pilot)
    assert app.screen.__class__.__name__ == name, (key, app.screen)
    clean(app)
    text = shown_text(app)
    for wanted in shows:
        assert wanted in text, (name, wanted)
    await scroll_to_end(app, pilot)
    clean(app)
    await resized(app, pilot, size)
    await pilot.press("escape")
    await settle(pilot)
    assert app.screen.__class__.__name__ == "DashboardScreen", (name, app.screen)


async def select(app: OkrApp, pilot, objective_id: str) -> None:
    for _ in range(6):
        if app.screen.selected().id == objective_id:
            return
        await pilot.press("down")
        await pilot.pause()
    raise AssertionError(f"{objective_id} never got focus")


@pytest.mark.parametrize("size", [(40, 12)], ids=["40x12"])
async def test_every_screen_at_every_size_with_hostile_text(
    paths: AppPaths, size: tuple[int, int]
) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.screen.__class__.__name__ == "ResumeModal"
        assert SHOWN in all_widget_text(app)
        clean(app)
        await resized(app, pilot, size)
        await pilot.press("l")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "DashboardScreen"
        assert SHOWN in all_widget_text(app)
        await resized(app, pilot, size)
        await select(app, pilot, "evil")
        await visit(app, pilot, size, "enter", "DetailScreen", SHOWN)
        await visit(app, pilot, size, "c", "CheckInScreen", SHOWN)
        await visit(app, pilot, size, "t", "AlignmentScreen", SHOWN)
        await visit(app, pilot, size, "l", "LearningLogScreen", SHOWN)
        await visit(app, pilot, size, "p", "CyclesModal", "2026-Q3")
        await visit(app, pilot, size, "T", "TrashScreen", SHOWN + " trashed")
        await visit(app, pilot, size, "h", "RetroHistoryScreen")
        await visit(app, pilot, size, "question_mark", "HelpScreen", "Quit")
        await visit(app, pilot, size, "app.action_export", "ExportModal")
        # The finished retro of the past cycle, read from its history: answers shown literally.
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "RetroScreen"
        clean(app)
        await scroll_to_end(app, pilot)
        await resized(app, pilot, size)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.is_running
    assert app.return_code is None


@pytest.mark.parametrize("size", [(40, 12)], ids=["40x12"])
async def test_each_wizard_and_retro_step_at_every_size(
    paths: AppPaths, size: tuple[int, int]
) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*CLICK_QUIT, *" Win")
        await settle(pilot)
        for step in range(1, 6):
            assert app.screen.__class__.__name__ == "WizardScreen"
            assert f"Step {step} of 5" in all_widget_text(app)
            clean(app)
            await resized(app, pilot, size)
            await pilot.press("ctrl+n")
            await settle(pilot)
            if step == 3:  # the KR step wants key results before moving on
                await pilot.press(*"Cut reply time from 24 h to 4 h", "pagedown")
                await pilot.press(*"Raise CSAT from 78 to 90")
                await pilot.press("ctrl+n")
                await settle(pilot)
        assert CLICK_QUIT + " Win" in all_widget_text(app)  # the review card, literally
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "LeaveModal"
        clean(app)
        await pilot.press("d")
        await settle(pilot)
        app.action_start_retro()
        await settle(pilot)
        for step in range(1, 7):
            assert app.screen.__class__.__name__ == "RetroScreen"
            assert f"Step {step} of 6" in flat(app) or f"Step {step} of 6" in all_widget_text(app)
            clean(app)
            await resized(app, pilot, size)
            if step == 1:
                await pilot.press(*CLICK_QUIT)
            if step == 2:
                for why in app.screen.query("Input"):
                    if (why.id or "").startswith("why-"):
                        why.value = CLICK_QUIT
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert app.is_running
    with open_store(paths, read_only=True) as store:
        assert store.drafts("objective") == []
        assert all(o.title != CLICK_QUIT + " Win" for o in store.all(Objective))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_store_problem_modal_at_every_size(tmp_path: Path, size: tuple[int, int]) -> None:
    folder = tmp_path / "[@click=app.quit]x [b]data"
    paths = AppPaths(data_dir=folder, config_dir=tmp_path / "config")
    folder.mkdir()
    paths.data_file.write_bytes(b"{broken")
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.screen.__class__.__name__ == "StoreProblemModal"
        assert "[@click=app.quit]x [b]data" in all_widget_text(app)
        clean(app)
        await scroll_to_end(app, pilot)
        await resized(app, pilot, size)
