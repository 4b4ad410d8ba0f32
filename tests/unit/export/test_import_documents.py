"""``okrcoach import FILE.md|FILE.csv``: an OKR document into a cycle, after a dry run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrcoach.cli import main
from okrcoach.domain.models import Cycle, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store

DOCUMENT = """\
# Support OKRs

## Customers get answers the same day

- Cut first reply time from 24 h to 4 h
- Write the FAQ

## Learn to run customer interviews
- Run 10 interviews
"""


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    return AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


def run(paths: AppPaths, *args: str) -> int:
    return main(["--data-dir", str(paths.data_dir), "import", *args, "--today", "2026-11-24"])


def test_the_dry_run_shows_the_coach_on_each_line_and_writes_nothing(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "okrs.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    assert run(paths, str(document), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Importing okrs.md into 2026-Q4 (a new cycle): 2 objectives, 3 key results." in out
    assert 'okrs.md:3: objective "Customers get answers the same day"' in out
    assert 'okrs.md:5:   key result "Cut first reply time from 24 h to 4 h" · 24 h → 4 h' in out
    assert "problem: This reads as a task" in out  # what the coach thinks of line 6
    assert "Dry run: nothing was written." in out
    assert not paths.data_file.exists()


def test_a_script_must_say_yes_then_everything_is_saved_at_once(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "okrs.csv"
    document.write_text(
        "objective,key result\n"
        "Customers get answers the same day,Cut first reply time from 24 h to 4 h\n"
        "Customers get answers the same day,Raise CSAT from 80% to 90%\n",
        encoding="utf-8",
    )
    with open_store(paths) as store:
        cycle = Cycle.for_quarter(date(2026, 11, 24))
        store.save_many([cycle, Objective(cycle_id=cycle.id, title="Already here")])
    assert run(paths, str(document)) == 2
    assert "add --yes" in capsys.readouterr().err
    assert run(paths, str(document), "--yes") == 0
    assert "Imported 1 objective into 2026-Q4." in capsys.readouterr().out
    with open_store(paths, read_only=True) as store:
        objectives = store.objectives(cycle.id)
        assert [o.title for o in objectives] == [
            "Already here",
            "Customers get answers the same day",
        ]
        krs = store.key_results(objectives[1].id)
        assert [(k.title, k.baseline, k.target, k.unit) for k in krs] == [
            ("Cut first reply time from 24 h to 4 h", 24, 4, "h"),
            ("Raise CSAT from 80% to 90%", 80, 90, "%"),
        ]


def test_a_document_with_orphan_key_results_is_refused(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "loose.md"
    document.write_text("- Cut reply time from 24 h to 4 h\n", encoding="utf-8")
    assert run(paths, str(document), "--yes") == 1
    assert "line 1 have no objective above them" in capsys.readouterr().err
    with open_store(paths, read_only=True) as store:
        assert store.all(KeyResult) == []


def test_import_waits_while_the_app_holds_the_data(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "okrs.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    with open_store(paths):
        assert run(paths, str(document), "--yes") == 2
    assert "okrcoach is open" in capsys.readouterr().err
    with open_store(paths, read_only=True) as store:
        assert store.all(Objective) == []
