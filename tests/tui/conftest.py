from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrcoach.paths import AppPaths
from okrcoach.tui.app import OkrApp, make_app

TODAY = date(2026, 11, 24)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


@pytest.fixture
def app(paths: AppPaths) -> OkrApp:
    return make_app(paths, today=TODAY)


async def settle(pilot) -> None:
    """Wait until every worker (store open, screen loads) has finished and the UI caught up."""
    for _ in range(20):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            break
    await pilot.pause()
