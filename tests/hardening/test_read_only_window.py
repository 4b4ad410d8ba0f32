"""A read-only window never offers to reopen a cycle it cannot save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from okrcoach.domain.models import Objective
from okrcoach.paths import AppPaths
from okrcoach.store import Store, open_store
from tests.hardening.screen import notifications, screen_text
from tests.tui.conftest import TODAY, settle


async def test_a_read_only_window_does_not_say_o_reopens(tmp_path: Path) -> None:
    from okrcoach.tui.app import make_app

    paths = AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    with open_store(paths) as store:
        cycle = store.current_cycle(TODAY)
        store.save(Objective(cycle_id=cycle.id, title="Seen, not changed"))

    def read_only(p: AppPaths, **_: Any) -> Store:
        return open_store(p, read_only=True)

    app = make_app(paths, today=TODAY, opener=read_only)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.store is not None and app.store.read_only
        assert "O reopens" not in screen_text(app)
        await pilot.press("O")
        await settle(pilot)
        said = [m for m, _ in notifications(app)]
        assert any("window is read-only" in m for m in said)
        assert not any("Not saved" in m for m in said)
