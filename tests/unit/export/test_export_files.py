"""okrcoach export -o: never clobbers, never follows links, creates shareable files."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest

from okrcoach.export import TargetExistsError, export_to_file
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from tests.unit.export.conftest import Cli


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "okrs.md"
    out.write_text("my notes\n")
    assert cli(seeded, "export", "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert out.read_text() == "my notes\n"


def test_force_replaces_a_regular_file(tmp_path: Path, seeded: AppPaths, cli: Cli) -> None:
    out = tmp_path / "okrs.md"
    out.write_text("old\n")
    out.chmod(0o600)
    assert cli(seeded, "export", "-o", str(out), "--force") == 0
    assert "Customers get answers fast" in out.read_text()
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["okrs.md", "ws"]  # no temp left


@pytest.mark.parametrize("force", [False, True])
def test_never_writes_through_a_symlink(
    tmp_path: Path, seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str], force: bool
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    link = tmp_path / "okrs.md"
    link.symlink_to(victim)
    args = ["export", "-o", str(link)] + (["--force"] if force else [])
    assert cli(seeded, *args) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert victim.read_text() == "precious\n"
    assert link.is_symlink()


def test_dangling_symlink_is_not_followed(tmp_path: Path, seeded: AppPaths, cli: Cli) -> None:
    link = tmp_path / "okrs.md"
    link.symlink_to(tmp_path / "created-elsewhere.md")
    assert cli(seeded, "export", "-o", str(link)) == 2
    assert not (tmp_path / "created-elsewhere.md").exists()


def test_new_file_is_0644_and_complete(tmp_path: Path, seeded: AppPaths, cli: Cli) -> None:
    old = os.umask(0o077)
    try:
        assert cli(seeded, "export", "-f", "json", "-o", str(tmp_path / "all.json")) == 0
    finally:
        os.umask(old)
    written = tmp_path / "all.json"
    assert stat.S_IMODE(written.stat().st_mode) == 0o644
    data = json.loads(written.read_text())
    assert list(data)[:2] == ["format", "schema_version"]
    assert data["format"] == "okrcoach-export" and data["schema_version"] == 1
    assert set(data["tables"]) == {
        "cycles", "objectives", "key_results", "checkins", "retros", "journal", "drafts",
    }  # fmt: skip


def test_missing_folder_is_reported(
    tmp_path: Path, seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(seeded, "export", "-o", str(tmp_path / "nowhere" / "x.md")) == 2
    assert "does not exist" in capsys.readouterr().err


def test_stdout_export_when_no_file_given(
    seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(seeded, "export", "--format", "csv") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("record,cycle,")


def test_unknown_cycle_is_named(
    seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(seeded, "export", "--cycle", "1999-Q1") == 2
    err = capsys.readouterr().err
    assert "no cycle called '1999-Q1'" in err and "2026-Q1" in err


def test_export_works_while_the_app_holds_the_lock(
    tmp_path: Path, seeded: AppPaths, cli: Cli
) -> None:
    with open_store(seeded):
        assert cli(seeded, "export", "-o", str(tmp_path / "live.md")) == 0
    assert "Cut first reply time" in (tmp_path / "live.md").read_text()


def test_export_to_file_for_the_app(tmp_path: Path, seeded: AppPaths) -> None:
    """The palette's entry point: with the app's own open store, and refusing to clobber."""
    with open_store(seeded) as store:
        written = export_to_file(store, "md", tmp_path / "from-app.md", cycle="2026-Q1")
        assert written == tmp_path / "from-app.md"
        with pytest.raises(TargetExistsError):
            export_to_file(store, "md", written)
    assert "Learn to run interviews" in written.read_text()
    again = export_to_file(seeded, "csv", tmp_path / "from-app.md", force=True)
    assert again.read_text().startswith("record,")


def test_export_of_a_missing_workspace_creates_nothing(
    tmp_path: Path, paths: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(paths, "export") == 0
    assert "no cycles" in capsys.readouterr().out
    assert not paths.data_dir.exists()


def test_dash_output_prints_instead_of_writing_a_file_named_dash(
    tmp_path: Path,
    seeded: AppPaths,
    cli: Cli,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli(seeded, "export", "-f", "csv", "-o", "-") == 0
    assert capsys.readouterr().out.startswith("record,cycle,")
    assert not (tmp_path / "-").exists()


def test_excel_applies_to_csv_only(seeded: AppPaths, cli: Cli, capsys) -> None:
    assert cli(seeded, "export", "-f", "md", "--excel") == 2
    captured = capsys.readouterr()
    assert "--excel only applies to --format csv" in captured.err and not captured.out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_export_shows_progress_on_a_terminal_and_is_quiet_when_piped(
    tmp_path: Path,
    seeded: AppPaths,
    cli: Cli,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert cli(seeded, "export", "-f", "csv", "-o", str(tmp_path / "piped.csv")) == 0
    assert capsys.readouterr().err.strip() == f"Exported to {tmp_path / 'piped.csv'}."
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert cli(seeded, "export", "-f", "csv", "-o", str(tmp_path / "shown.csv")) == 0
    shown = terminal.getvalue()
    assert "Exporting" in shown and "100%" in shown
