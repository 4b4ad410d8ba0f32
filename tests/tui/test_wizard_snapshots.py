"""SVG snapshots of each wizard step at 80×24 (fixed date, temp data dir)."""

from __future__ import annotations

from okrcoach.paths import AppPaths
from okrcoach.tui.app import make_app
from tests.tui.conftest import TODAY, settle

SIZE = (80, 24)


async def _title(pilot) -> None:
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    await pilot.press(*"Customers rave about our support")
    await settle(pilot)


async def _kind(pilot) -> None:
    await _title(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    await pilot.press("down", "down", "enter")
    await settle(pilot)


async def _krs(pilot) -> None:
    await _kind(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    await pilot.press(*"Launch the help centre")
    await pilot.press("pagedown", *"Cut reply time from 24 h to 4 h")
    await settle(pilot)


async def _ambition(pilot) -> None:
    await _krs(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    await pilot.press("down", "enter", "tab", "1", "0", "tab", "5")
    await settle(pilot)


async def _review(pilot) -> None:
    await _ambition(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)


def test_wizard_step1_objective(snap_compare, paths: AppPaths) -> None:
    assert snap_compare(make_app(paths, today=TODAY), terminal_size=SIZE, run_before=_title)


def test_wizard_step2_kind(snap_compare, paths: AppPaths) -> None:
    assert snap_compare(make_app(paths, today=TODAY), terminal_size=SIZE, run_before=_kind)


def test_wizard_step3_key_results(snap_compare, paths: AppPaths) -> None:
    assert snap_compare(make_app(paths, today=TODAY), terminal_size=SIZE, run_before=_krs)


def test_wizard_step4_ambition(snap_compare, paths: AppPaths) -> None:
    assert snap_compare(make_app(paths, today=TODAY), terminal_size=SIZE, run_before=_ambition)


def test_wizard_step5_review(snap_compare, paths: AppPaths) -> None:
    assert snap_compare(make_app(paths, today=TODAY), terminal_size=SIZE, run_before=_review)
