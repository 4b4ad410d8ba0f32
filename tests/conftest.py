"""Fixtures every test folder shares: a workspace in a temp dir, and steady Pilot runs.

Cursor blink is off for every test (a blinking cursor makes SVG snapshots and
screen reads depend on the moment they are taken); ``settle`` waits for every
worker and for the screen to catch up instead of sleeping.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from okrcoach.paths import AppPaths


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    """An empty workspace (data and config) of its own for each test."""
    return AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


@pytest.fixture(autouse=True)
def _no_cursor_blink() -> Iterator[None]:
    """Fields are created with a steady cursor for the length of the test."""
    reactives = [Input.cursor_blink, TextArea.cursor_blink]
    before = [r._default for r in reactives]
    for reactive in reactives:
        reactive._default = False
    yield
    for reactive, default in zip(reactives, before, strict=True):
        reactive._default = default


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every worker (store open, screen loads) has finished and the UI caught up."""
    for _ in range(20):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            break
    await pilot.pause()


# Team mode: a throwaway PostgreSQL server per test process (started only when used).
pytest_plugins = ["tests.team.fixtures"]
