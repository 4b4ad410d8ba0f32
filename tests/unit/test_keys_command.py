"""``okrcoach keys``: every binding by id, key and screen; the user's keymap checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from okrcoach.cli import main


def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: str, *args: str) -> int:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.toml").write_text(settings, encoding="utf-8")
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(config))
    return main(["--data-dir", str(tmp_path / "data"), "keys", *args])


def test_every_binding_is_listed_with_its_key_and_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert keys(tmp_path, monkeypatch, "", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    by_id = {row["id"]: row for row in rows}
    assert by_id["app.quit"]["keys"] == ["q"] and by_id["app.quit"]["screen"] == "everywhere"
    assert by_id["dashboard.checkin"]["screen"] == "dashboard"
    assert by_id["checkin.save"]["keys"] == ["ctrl+s"]
    assert len(rows) == len(by_id)  # one row per binding id


def test_a_rebinding_shows_and_bad_entries_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = (
        '[keymap]\n"dashboard.checkin" = "C"\n"dashbord.new" = "x"\n"dashboard.filter" = "n"\n'
    )
    assert keys(tmp_path, monkeypatch, settings) == 1
    captured = capsys.readouterr()
    line = next(row for row in captured.out.splitlines() if "dashboard.checkin" in row)
    assert " C " in line and "from your keymap" in line
    assert "no binding 'dashbord.new' (did you mean 'dashboard.new'?)" in captured.err
    assert "'dashboard.filter' = 'n' is not applied" in captured.err
    assert "'dashboard.new'" in captured.err  # names the action that key belongs to
