"""Finding your way around the CLI: help, examples, typos, completion, the man page."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from okrcoach import __version__
from okrcoach.cli import build_parser, main
from okrcoach.shell.spec import describe


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_short_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["-V"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"okrcoach {__version__}"


def test_main_help_has_examples_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "okrcoach checkin" in out
    assert "exit status:" in out and "130" in out


@pytest.mark.parametrize("name", sorted(_subparsers(build_parser())))
def test_every_command_help_has_examples(name: str) -> None:
    if name == "help":
        return  # `help` explains other commands; its own help is one line
    text = _subparsers(build_parser())[name].format_help()
    assert "examples:" in text, f"okrcoach {name} --help has no examples"
    assert f"usage: okrcoach {name}" in text


def test_help_command_shows_a_command_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["help", "export"]) == 0
    assert "usage: okrcoach export" in capsys.readouterr().out
    assert main(["help"]) == 0
    assert "COMMAND" in capsys.readouterr().out
    assert main(["help", "exprot"]) == 2
    assert "Did you mean `okrcoach help export`?" in capsys.readouterr().err


def test_a_typo_names_the_nearest_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exprot"]) == 2
    captured = capsys.readouterr()
    assert "unknown command 'exprot'" in captured.err
    assert "Did you mean `okrcoach export`?" in captured.err
    assert "COMMAND" in captured.err  # the usage line names COMMAND
    assert not captured.out
    assert main(["--data-dir", "/tmp/x", "chekin"]) == 2
    assert "okrcoach checkin" in capsys.readouterr().err


def test_no_terminal_says_so_and_exits_2(tmp_path: Path) -> None:
    env = {**os.environ, "OKRCOACH_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "okrcoach"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "okrcoach needs a terminal; try `okrcoach report`" in result.stderr
    assert result.stdout == ""  # no escape codes
    assert not (tmp_path / "data").exists()  # no lock taken, nothing created


def _bash_complete(script: str, line: str) -> list[str]:
    words = line.split(" ")
    quoted = " ".join(shlex.quote(w) for w in words)
    program = (
        f"{script}\n"
        f"COMP_WORDS=({quoted})\n"
        f"COMP_CWORD={len(words) - 1}\n"
        "_okrcoach\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_bash_completion_knows_commands_options_and_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert "export" in _bash_complete(script, "okrcoach exp")
    assert _bash_complete(script, "okrcoach export --f") == ["--format", "--force"]
    assert _bash_complete(script, "okrcoach export --format ") == ["md", "json", "csv"]
    assert _bash_complete(script, "okrcoach --data-dir x completion ") == ["bash", "zsh", "fish"]
    assert "--quiet" in _bash_complete(script, "okrcoach due --")


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_completion_cover_every_command_and_option(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    root = describe(build_parser())
    for command in root.commands:
        assert command.name in script
        for option in command.options:
            for flag in option.flags:
                long_or_short = flag.lstrip("-")
                assert long_or_short in script, f"{shell}: {command.name} {flag}"
    if shell == "zsh":
        assert script.startswith("#compdef okrcoach")
        assert "'--format[default: md]:format:(md json csv)'" in script
    else:
        assert "complete -c okrcoach -n '__fish_seen_subcommand_from export' -l format -s f" in (
            script
        )


def test_the_man_page_renders_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["man"]) == 0
    page = tmp_path / "okrcoach.1"
    page.write_text(capsys.readouterr().out)
    result = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-P-cbou", str(page)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "warning" not in result.stderr.lower(), result.stderr
    text = result.stdout.replace("\u2010", "-")
    for name in ("checkin", "export", "completion", "doctor"):
        assert f"okrcoach {name}" in text
    assert "exit status" in text


def test_completion_install_writes_where_the_shell_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(["completion", "fish", "--install"]) == 0
    installed = tmp_path / ".config/fish/completions/okrcoach.fish"
    assert "complete -c okrcoach" in installed.read_text()


def test_lint_from_stdin_stays_light_in_scripts() -> None:
    code = (
        "import sys; from okrcoach.cli import main; code = main(['lint', '-']);"
        "heavy = [m for m in ('textual', 'rich', 'tinydb') if m in sys.modules];"
        "assert not heavy, heavy"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        input="Raise NPS from 30 to 45\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
