"""The app opened on every kind of damaged file, main or cycle: the problem screen, no crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from okrcoach.domain.models import KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.store.layout import cycle_file
from tests.hardening.screen import all_widget_text
from tests.tui.conftest import TODAY, settle

DAMAGE: dict[str, bytes] = {
    "truncated": b'{"meta":{"1":{"schema_version":2}},"cycles":{"1":{"id":"c',
    "zero bytes": b"",
    "null": b"null",
    "random bytes": bytes(range(256)) * 4,
    "newer schema": json.dumps({"meta": {"1": {"schema_version": 99}}}).encode(),
}


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


WORDS = {
    "truncated": "not valid JSON",
    "zero bytes": "empty",
    "null": "null",
    "random bytes": "binary data",
    "newer schema": "newer okrcoach",
}


def workspace(paths: AppPaths) -> Path:
    """A workspace with one objective in the current cycle; returns its cycle file."""
    with open_store(paths) as store:
        cycle = store.current_cycle(TODAY)
        objective = store.save(Objective(cycle_id=cycle.id, title="Customers get answers fast"))
        store.save(KeyResult(objective_id=objective.id, title="Cut reply time", target=4))
        store.backup_now("manual")
    return cycle_file(paths, cycle.id)


@pytest.mark.parametrize("where", ["main file", "cycle file"])
@pytest.mark.parametrize("kind", list(DAMAGE))
async def test_the_app_opens_on_a_damaged_file_with_the_problem_screen(
    paths: AppPaths, kind: str, where: str
) -> None:
    from okrcoach.tui.app import make_app

    target = workspace(paths) if where == "cycle file" else paths.data_file
    if where == "main file":
        workspace(paths)
    target.write_bytes(DAMAGE[kind])
    os.chmod(target, 0o600)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert app.screen.__class__.__name__ == "StoreProblemModal"
        shown = all_widget_text(app)
        assert WORDS[kind] in shown
        assert "Traceback" not in shown
        assert ("data file" if where == "main file" else "cycle file") in shown
        await pilot.press("escape")
        await settle(pilot)
    assert app.return_code in (0, 1)
