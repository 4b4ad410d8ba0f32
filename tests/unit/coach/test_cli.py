"""``okrcoach lint`` and ``okrcoach classify`` run in-process: exit codes and output."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from okrcoach.cli import main


def _run(tmp_path: Path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path), *args])


def test_lint_outcome_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path, "lint", "Cut median first-reply time from 24 h to 4 h") == 0
    assert "outcome" in capsys.readouterr().out


def test_lint_task_exits_one_and_suggests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(tmp_path, "lint", "Launch the help centre") == 1
    out = capsys.readouterr().out
    assert "kr.task" in out and "What changes once the help centre is live?" in out


def test_lint_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path, "lint", "--json", "Write 12 blog posts") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["type"] == "key_result"
    assert {"kind", "measurable", "has_baseline", "vanity", "score", "findings", "rewrite"} <= set(
        data
    )
    assert data["findings"][0] == {
        "rule_id": "kr.activity-count",
        "severity": "problem",
        "message": data["findings"][0]["message"],
        "suggestion": data["findings"][0]["suggestion"],
    }


def test_lint_objective(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A number in an objective is a problem (it belongs in a key result): exit 1.
    assert _run(tmp_path, "lint", "--objective", "--json", "Increase revenue by 20%") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["type"] == "objective"
    assert "obj.has-number" in [f["rule_id"] for f in data["findings"]]


def test_lint_stdin_prints_one_json_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Raise NPS from 32 to 45\n\nMake 50 sales calls\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert _run(tmp_path, "lint", "-", "--json") == 1
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["outcome", "task"]


def test_lint_stdin_all_good_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Raise NPS from 32 to 45\n"))
    assert _run(tmp_path, "lint", "-", "--json") == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_lint_stdin_without_json_prints_findings_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Raise NPS from 32 to 45\n\nMake 50 sales calls\n")
    )
    assert _run(tmp_path, "lint", "-") == 1
    out = capsys.readouterr().out
    assert "{" not in out  # text, not JSON
    assert "<stdin>:3: problem: " in out and "<stdin>:1:" not in out


def test_lint_escapes_markup_and_strips_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(tmp_path, "lint", "Launch the [red]help[/red] centre\x1b[2J")
    out = capsys.readouterr().out
    assert "[red]help[/red]" in out  # shown literally, not interpreted as a style
    assert "\x1b[2J" not in out and "[2J" not in out


def test_lint_empty_text_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path, "lint", "  ") == 2
    assert "empty" in capsys.readouterr().err


def test_classify_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = _run(tmp_path, "classify", "--json", "--maturity", "improving", "Learn SQL")
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["goal_type"], data["light_tracking"]) == ("learning", True)
    assert 0 < data["confidence"] <= 1 and data["reasons"]


def test_classify_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path, "classify", "Increase revenue by [b]20%[/b]") == 0
    out = capsys.readouterr().out
    assert "performance goal" in out and "[b]20%[/b]" in out
