"""The thin CLI: version, help, the global data-dir option."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from okrcoach import __version__
from okrcoach.cli import build_parser, main
from okrcoach.paths import AppPaths


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"okrcoach {__version__}"


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--data-dir" in out and "doctor" in out


def test_data_dir_option_beats_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("OKRCOACH_DATA_DIR", str(tmp_path / "env"))
    args = build_parser().parse_args(["--data-dir", str(tmp_path / "flag")])
    assert AppPaths.resolve(args.data_dir).data_dir == tmp_path / "flag"
    assert AppPaths.resolve(None).data_dir == tmp_path / "env"


def test_resolving_paths_creates_nothing(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("OKRCOACH_DATA_DIR", str(tmp_path / "later"))
    AppPaths.resolve()
    assert not (tmp_path / "later").exists()


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "okrcoach", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_cli_help_does_not_import_textual() -> None:
    code = (
        "import sys; from okrcoach.cli import build_parser; build_parser();"
        "import okrcoach.domain, okrcoach.coach, okrcoach.store, okrcoach.services.cycles;"
        "assert 'textual' not in sys.modules, 'textual was imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_building_the_parser_loads_no_heavy_library() -> None:
    """Every command module registers cheaply; its work is imported when it runs."""
    code = (
        "import sys; from okrcoach.cli import build_parser; build_parser();"
        "heavy = [m for m in ('textual', 'rich', 'pydantic', 'tinydb') if m in sys.modules];"
        "assert not heavy, heavy"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _env_seen_by_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str | None:
    import os

    from okrcoach import cli

    seen: dict[str, str | None] = {}

    def fake_tui(args: object, paths: AppPaths) -> int:
        seen["value"] = os.environ.get("PYDANTIC_DISABLE_PLUGINS")
        return 0

    monkeypatch.setattr(cli, "run_tui", fake_tui)
    assert main(["--data-dir", str(tmp_path)]) == 0
    return seen["value"]


def test_start_skips_the_scan_for_pydantic_plugins(monkeypatch, tmp_path) -> None:
    """The scan reads every installed package's metadata before the dashboard can fill."""
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "placeholder")
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS")
    assert _env_seen_by_the_app(monkeypatch, tmp_path) == "__all__"


def test_an_explicit_pydantic_plugin_setting_is_kept(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "some-plugin")
    assert _env_seen_by_the_app(monkeypatch, tmp_path) == "some-plugin"
