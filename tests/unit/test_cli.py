"""The thin CLI: version, help, the global data-dir option."""

from __future__ import annotations

import subprocess
import sys

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
