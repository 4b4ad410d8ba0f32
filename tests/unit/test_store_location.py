"""Where the workspace is: --store, then OKRCOACH_STORE, then the store setting; else local."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from okrcoach.cli import main
from okrcoach.location import LocationError, check_location, given_location, resolve_location
from okrcoach.paths import AppPaths
from okrcoach.settings import load_settings

URL = "postgresql://alice@db.example/okr"
OTHER = "postgres://bob@db2.example/okr?sslmode=require"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


def _settings(paths: AppPaths, text: str) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(text, encoding="utf-8")


def test_nothing_given_is_the_local_folder(paths: AppPaths) -> None:
    assert resolve_location(None, paths, environ={}) is None


def test_flag_beats_environment_beats_settings(paths: AppPaths) -> None:
    _settings(paths, f'store = "{URL}"\n')
    assert resolve_location(None, paths, environ={}) == URL
    assert resolve_location(None, paths, environ={"OKRCOACH_STORE": OTHER}) == OTHER
    flag = "postgresql://carol@db3/okr"
    assert resolve_location(flag, paths, environ={"OKRCOACH_STORE": OTHER}) == flag


def test_local_overrides_a_team_store_in_the_settings(paths: AppPaths) -> None:
    _settings(paths, f'store = "{URL}"\n')
    assert resolve_location("local", paths, environ={}) is None
    assert resolve_location(None, paths, environ={"OKRCOACH_STORE": "local"}) is None


def test_an_empty_environment_value_is_not_given(paths: AppPaths) -> None:
    assert given_location(None, {"OKRCOACH_STORE": "  "}) is None


@pytest.mark.parametrize(
    "bad",
    ["mysql://alice@db/okr", "db.example/okr", "postgresq://alice:hunter2@db/okr", "~/okr"],
)
def test_a_bad_value_is_named_and_never_opened(bad: str) -> None:
    with pytest.raises(LocationError) as error:
        check_location(bad, "--store")
    message = str(error.value)
    assert message.startswith("--store should be a PostgreSQL URL")
    assert "hunter2" not in message


def test_a_bad_store_setting_is_reported_without_its_password(paths: AppPaths) -> None:
    _settings(paths, 'store = "mysql://alice:hunter2@db/okr"\ntheme = "okrcoach-light"\n')
    settings, problems = load_settings(paths)
    assert settings.theme == "okrcoach-light"  # the other settings still apply
    assert settings.store == ""
    assert any("store should be a PostgreSQL URL" in p for p in problems)
    assert all("hunter2" not in p for p in problems)
    # ...and a refused store setting never falls back to the local folder quietly.
    with pytest.raises(LocationError, match="store should be"):
        resolve_location(None, paths, environ={})


def test_bad_flag_fails_before_anything_opens(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OKRCOACH_DATA_DIR", str(paths.data_dir))
    code = main(["--store", "sqlite:///x:secret@y", "report"])
    err = capsys.readouterr().err
    assert code == 2
    assert "--store should be" in err and "secret" not in err
    assert not paths.data_dir.exists()


def test_store_option_is_accepted_after_the_command(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OKRCOACH_DATA_DIR", str(paths.data_dir))
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(paths.config_dir))
    code = main(["due", "--store", "oracle://x"])
    assert code == 2
    assert "--store should be" in capsys.readouterr().err


def test_a_bad_store_setting_stops_commands(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OKRCOACH_DATA_DIR", str(paths.data_dir))
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(paths.config_dir))
    monkeypatch.delenv("OKRCOACH_STORE", raising=False)
    _settings(paths, 'store = "http://intranet/okr"\n')
    for command in (["report"], ["due"], ["doctor"], ["export", "--format", "json"]):
        assert main(command) == 2, command
        assert "store should be" in capsys.readouterr().err


def test_local_commands_never_import_the_database_driver(tmp_path: Path) -> None:
    """The local path and lint start as fast as before: no PostgreSQL driver is loaded."""
    code = (
        "import sys; from okrcoach.cli import main;"
        "main(['lint', 'Raise NPS from 30 to 45']); main(['due']); main(['report', '--plain']);"
        "assert 'psycopg' not in sys.modules, 'psycopg was imported'"
    )
    env = {
        "OKRCOACH_DATA_DIR": str(tmp_path / "data"),
        "OKRCOACH_CONFIG_DIR": str(tmp_path / "config"),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_building_the_parser_does_not_import_the_team_store() -> None:
    code = (
        "import sys; from okrcoach.cli import build_parser; build_parser();"
        "heavy = [m for m in sys.modules if m.startswith(('psycopg', 'okrcoach.store'))];"
        "assert not heavy, heavy"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_bad_environment_store_does_not_stop_commands_that_never_open_it(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OKRCOACH_STORE", "mysql://x@y/z")
    assert main(["lint", "Raise NPS from 30 to 45"]) in (0, 1)
    assert main(["classify", "Learn Rust"]) == 0
    assert "OKRCOACH_STORE should be" not in capsys.readouterr().err
    monkeypatch.setenv("OKRCOACH_DATA_DIR", str(paths.data_dir))
    assert main(["report"]) == 2
    assert "OKRCOACH_STORE should be" in capsys.readouterr().err
