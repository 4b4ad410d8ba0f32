"""The man page (roff, section 1), written from the parser's ``Command`` tree."""

from __future__ import annotations

from datetime import date

from okrcoach.shell.spec import Command, Option


def _roff(text: str) -> str:
    """Text safe in roff: backslashes and hyphens escaped, no line starting with . or '."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines)


def _option(option: Option) -> list[str]:
    flags = ", ".join(f"\\fB{_roff(flag)}\\fR" for flag in option.flags)
    if option.takes_value:
        value = "{" + ",".join(option.choices) + "}" if option.choices else option.metavar
        flags += f" \\fI{_roff(value)}\\fR"
    return [".TP", flags, _roff(option.help or "")]


def _block(text: str) -> list[str]:
    """An epilog kept as written (examples, exit codes): no filling."""
    if not text.strip():
        return []
    return [".PP", ".nf", _roff(text.rstrip("\n")), ".fi"]


def _command(prog: str, command: Command) -> list[str]:
    """A command's section; its own subcommands (``team init``...) follow it."""
    lines = [".SS", f"\\fB{prog} {_roff(command.usage.removeprefix(prog).strip())}\\fR"]
    lines += [".PP", _roff(command.description or command.help)]
    for positional in command.positionals:
        lines += [".TP", f"\\fI{_roff(positional.name)}\\fR", _roff(positional.help)]
    for option in command.options:
        lines += _option(option)
    lines += _block(command.epilog)
    for sub in command.commands:
        lines += _command(prog, sub)
    return lines


def man_page(root: Command, version: str, today: date | None = None) -> str:
    prog = root.name
    day = (today or date.today()).isoformat()
    lines = [
        f'.TH {prog.upper()} 1 "{day}" "{prog} {_roff(version)}" "User Commands"',
        ".SH NAME",
        f"{prog} \\- {_roff(root.description)}",
        ".SH SYNOPSIS",
        f".B {prog}",
        _roff(root.usage.removeprefix(prog).strip()),
        ".SH DESCRIPTION",
        _roff(root.description),
        ".SH OPTIONS",
    ]
    for option in root.options:
        lines += _option(option)
    lines.append(".SH COMMANDS")
    for command in root.commands:
        lines += _command(prog, command)
    lines += [".SH NOTES", *_block(root.epilog)]
    lines += [".SH SEE ALSO", f"{prog} help COMMAND, {prog} completion bash|zsh|fish", ""]
    return "\n".join(lines)
