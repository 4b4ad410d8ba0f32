"""``okrcoach lint FILE.md`` / ``FILE.csv``: a whole OKR document reviewed, line by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from okrcoach.cli import main

DOCUMENT = """\
# Support OKRs

## Objective 1: Customers get answers the same day

- KR1: Cut first reply time from 24 h to 4 h
- Write the FAQ

## Learn to run customer interviews
- Run 10 interviews
"""


def lint(tmp_path: Path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path / "data"), "lint", *args])


def test_markdown_findings_print_as_file_line_severity_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "okrs.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    assert lint(tmp_path, str(document)) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert f"{document}:6: problem: " in captured.out  # "Write the FAQ" is a task
    assert any(line.startswith(f"{document}:8: warning: ") for line in lines)  # one KR only
    assert f"{document}:9: problem: " in captured.out  # activity count
    assert not any(f"{document}:5: problem" in line for line in lines)  # the good KR
    assert all(line.split(":")[2].strip() in ("problem", "warning", "info") for line in lines)
    assert "2 objectives and 3 key results reviewed" in captured.err


def test_the_set_is_reviewed_not_only_each_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "okrs.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    lint(tmp_path, "--format", "json", str(document))
    findings = json.loads(capsys.readouterr().out)
    by_rule = {(f["line"], f["rule_id"]) for f in findings}
    assert (8, "set.one-kr") in by_rule  # a set-level finding, on the objective's line
    assert {f["file"] for f in findings} == {str(document)}
    assert {"line", "severity", "rule_id", "message", "suggestion", "text"} <= set(findings[0])


def test_csv_with_an_objective_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "okrs.csv"
    document.write_text(
        "objective,key result\n"
        "Customers get answers the same day,Cut first reply time from 24 h to 4 h\n"
        "Customers get answers the same day,Raise CSAT from 80% to 90%\n",
        encoding="utf-8",
    )
    assert lint(tmp_path, str(document)) == 0
    assert "problem" not in capsys.readouterr().out


def test_a_document_that_cannot_be_used_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "notes.md"
    document.write_text("Just prose about the quarter.\n", encoding="utf-8")
    assert lint(tmp_path, str(document)) == 1
    assert f"{document}:1: problem: no objectives found" in capsys.readouterr().out
    assert lint(tmp_path, str(tmp_path / "typo.md")) == 2
    assert "cannot read typo.md" in capsys.readouterr().err
