"""The command line never passes markup or terminal escape codes from user data to the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from okrcoach.cli import main
from okrcoach.paths import AppPaths
from tests.hardening.hostile import HOSTILE, shown_as

CONTROL = ("\x1b", "\x07", "\x00", "\x9b", "\u202e")


def _no_control(text: str) -> None:
    for char in CONTROL:
        assert char not in text, f"{char!r} reached the terminal: {text[:200]!r}"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(("label", "text"), HOSTILE, ids=[label for label, _ in HOSTILE])
def test_lint_and_classify_print_hostile_text_literally(
    capsys: pytest.CaptureFixture[str], label: str, text: str
) -> None:
    for argv in (["lint", text], ["lint", "--objective", text], ["classify", text]):
        status, out, err = _run(capsys, *argv)
        assert status in (0, 1)
        _no_control(out + err)
        assert shown_as(text)[:60] in out.replace("\n", " ") or len(shown_as(text)) > 60
        assert "Traceback" not in err


@pytest.mark.parametrize(("label", "text"), HOSTILE, ids=[label for label, _ in HOSTILE])
def test_json_output_holds_the_cleaned_text_exactly(
    capsys: pytest.CaptureFixture[str], label: str, text: str
) -> None:
    for argv in (["lint", "--json", text], ["classify", "--json", text]):
        _, out, _ = _run(capsys, *argv)
        data = json.loads(out)
        assert data["text"] == shown_as(text)
        _no_control(json.dumps(data, ensure_ascii=False))


def test_lint_from_stdin_answers_every_hostile_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    lines = [text for _, text in HOSTILE if "\n" not in text and "\r" not in text]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    _, out, _ = _run(capsys, "lint", "-", "--json")
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["text"] for a in answers] == [shown_as(t) for t in lines if shown_as(t)]
    _no_control(out)


def test_lint_refuses_text_that_is_only_control_codes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "lint", "\x1b[2J\x07\u202e")
    assert status == 2 and "empty" in err and out == ""


def test_doctor_does_not_echo_escape_codes_from_a_crafted_data_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A table name is user-controlled bytes; an OSC 52 in it would write the clipboard."""
    data = tmp_path / "data"
    data.mkdir()
    original = b'{"\\u001b]52;c;aGk=\\u0007evil":{"\\u001b[2J1":5}}'
    (data / "okrcoach.json").write_bytes(original)
    status, out, err = _run(capsys, "--data-dir", str(data), "doctor")
    assert status == 1
    assert "PROBLEMS FOUND" in out
    _no_control(out + err)
    assert (data / "okrcoach.json").read_bytes() == original


def test_doctor_does_not_echo_escape_codes_from_the_data_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "evil\x1b]52;c;aGk=\x07\x1b[2Jdir"
    status, out, err = _run(capsys, "--data-dir", str(data), "doctor")
    assert status == 0
    _no_control(out + err)
    assert "evil" in out


def test_doctor_reports_markup_in_paths_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "[bold red]data[/]"
    status, out, _ = _run(capsys, "--data-dir", str(data), "doctor")
    assert status == 0
    assert str(AppPaths(data_dir=data, config_dir=tmp_path).data_file) in out
