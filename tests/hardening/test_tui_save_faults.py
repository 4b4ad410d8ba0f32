"""A full disk while the TUI saves: a notification in words, the old data intact, and what the
user typed still on screen so the save can be tried again."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from okrcoach.domain.models import CheckIn, KeyResult
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.store import writing as repository_module
from okrcoach.tui.app import make_app
from okrcoach.tui.screens.checkin import CheckInScreen
from okrcoach.tui.screens.retro import RetroScreen
from tests.hardening.screen import notifications
from tests.hardening.test_faults import snapshot
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import mixed_cycle, write
from tests.tui.test_retro import retro_records, step_title


class DiskFull:
    """While ``on``, every data write the store makes fails as a full disk would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.on = False
        self.hits = 0
        real = repository_module.write_files

        def write_files(root: Path, files: dict[Path, bytes]) -> None:
            if self.on:
                self.hits += 1
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real(root, files)

        monkeypatch.setattr(repository_module, "write_files", write_files)


def disk_full_said(app: Any) -> list[str]:
    return [m for m, _ in notifications(app) if "disk is full" in m.lower()]


async def test_a_check_in_saved_on_a_full_disk_keeps_the_form_and_the_data(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(paths, *mixed_cycle())
    disk = DiskFull(monkeypatch)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # the performance goal: no "learned" field
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        screen.query_one("#value", Input).value = ""
        await pilot.press(*"12", "enter", "ctrl+u", *"7", "enter", *"rota [b]helps[/b]")
        await pilot.pause()
        before = snapshot(paths.data_dir)
        disk.on = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert disk.hits == 1
        assert disk_full_said(app), notifications(app)
        assert all("Traceback" not in m for m, _ in notifications(app))
        assert app.screen is screen and screen.step == 0 and screen.saved == 0
        assert screen.query_one("#value", Input).value == "12"
        assert screen.query_one("#confidence", Input).value == "7"
        assert screen.query_one("#note").text == "rota [b]helps[/b]"
        assert snapshot(paths.data_dir) == before
        # The disk has room again: the same form saves.
        disk.on = False
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.saved == 1
    with open_store(paths, read_only=True) as store:
        kr = store.get(KeyResult, "perform-kr")
        assert kr is not None and kr.current == 12 and kr.confidence == 7
        notes = [c.note for c in store.all(CheckIn) if c.kr_id == "perform-kr"]
        assert sorted(notes) == ["", "rota [b]helps[/b]"]


async def test_the_form_is_usable_again_after_a_failed_save_without_waiting(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed save reports and then the next ctrl+s must try again (no frozen form)."""
    write(paths, *mixed_cycle())
    disk = DiskFull(monkeypatch)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        disk.on = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        disk.on = False
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert disk.hits == 1
        assert screen.saved == 1, "the second ctrl+s was swallowed after a failed save"


async def test_finishing_a_retro_on_a_full_disk_keeps_every_answer(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(paths, *retro_records())
    disk = DiskFull(monkeypatch)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_start_retro()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RetroScreen)
        await pilot.press(*"Ana and Ben", "ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "Reflect" in step_title(screen)
        screen.query_one("#q-1", TextArea).focus()
        await pilot.pause()
        await pilot.press(*"We learned [@click=app.quit]x[/]")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "Decide" in step_title(screen)
        before = snapshot(paths.data_dir)
        disk.on = True
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert disk.hits >= 1 and disk_full_said(app), notifications(app)
        assert app.is_running and app.screen is screen
        assert not screen.finished and "Decide" in step_title(screen)
        assert snapshot(paths.data_dir) == before
        for _ in range(2):
            await pilot.press("ctrl+b")
            await settle(pilot)
        assert "Reflect" in step_title(screen)
        assert screen.query_one("#q-1", TextArea).text == "We learned [@click=app.quit]x[/]"
        disk.on = False
        for _ in range(3):
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert screen.finished and "Summary" in step_title(screen)
    with open_store(paths, read_only=True) as store:
        [retro] = [r for r in store.retros() if r.cycle_id == "cycle-q4"]
        assert retro.finished and retro.participants == "Ana and Ben"
        assert "We learned [@click=app.quit]x[/]" in retro.answers.values()
