"""SVG snapshots of each retro step at 80x24, on a fixed workspace and date."""

from __future__ import annotations

from typing import Any

import pytest

from okrcoach.paths import AppPaths
from okrcoach.tui.app import make_app
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import write
from tests.tui.test_retro import retro_records


@pytest.mark.parametrize("step", range(6))
def test_retro_step_80x24(snap_compare: Any, paths: AppPaths, step: int) -> None:
    write(paths, *retro_records())

    async def reach(pilot: Any) -> None:
        await settle(pilot)
        pilot.app.action_start_retro()
        await settle(pilot)
        await pilot.press(*"Ana and Ben")
        for _ in range(step):
            await pilot.press("ctrl+n")
            await settle(pilot)
        # A toast lives for seconds of wall-clock time: whether it is still up depends on
        # how busy the machine is, so the picture is taken without it (the summary's own
        # "Saved." line is what the step shows for good).
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(make_app(paths, today=TODAY), terminal_size=(80, 24), run_before=reach)
