"""SVG snapshots of stable screens at a fixed size, a fixed date and a temp data dir."""

from __future__ import annotations

from datetime import date

import pytest

from okrcoach.paths import AppPaths
from okrcoach.tui.app import make_app
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import checkin, mixed_cycle, write

SIZES = [(80, 24), (120, 40)]


def seed(paths: AppPaths) -> None:
    write(
        paths,
        *mixed_cycle(),
        checkin("perform-kr", date(2026, 11, 1), 18, 6),
        checkin("perform-kr", date(2026, 11, 8), 14, 7),
    )


def keys_then_settle(*keys: str):
    async def run(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run


def test_welcome_empty_80x24(snap_compare, paths: AppPaths) -> None:
    assert snap_compare(make_app(paths, today=TODAY), terminal_size=(80, 24), run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_dashboard_typical(snap_compare, paths: AppPaths, size) -> None:
    seed(paths)
    assert snap_compare(make_app(paths, today=TODAY), terminal_size=size, run_before=settle)


def test_dashboard_at_risk_filter_120x40(snap_compare, paths: AppPaths) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    run = keys_then_settle("f", "f", "f")
    assert snap_compare(app, terminal_size=(120, 40), run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_detail(snap_compare, paths: AppPaths, size) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    assert snap_compare(app, terminal_size=size, run_before=keys_then_settle("down", "enter"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_checkin(snap_compare, paths: AppPaths, size) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    assert snap_compare(app, terminal_size=size, run_before=keys_then_settle("c"))
