"""SVG snapshots of stable screens at a fixed size, a fixed date and a temp data dir."""

from __future__ import annotations

from okrcoach.paths import AppPaths
from okrcoach.tui.app import make_app
from tests.tui.conftest import TODAY, settle


def test_welcome_empty_80x24(snap_compare, paths: AppPaths) -> None:
    assert snap_compare(make_app(paths, today=TODAY), terminal_size=(80, 24), run_before=settle)
