"""The command line as data, read from the argparse parser itself.

Completion scripts and the man page are generated from this, so they can
never list a command or an option the parser does not have (or miss one).
Standard library only: ``okrcoach completion`` stays fast.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

# How a value is completed: a fixed set of words, a file, a folder, or anything.
FILE_METAVARS = ("FILE", "FILE.json", "FILE.md", "FILE.csv", "BACKUP", "DOCUMENT")
DIR_METAVARS = ("DIR",)


@dataclass(frozen=True)
class Option:
    flags: tuple[str, ...]  # e.g. ("-f", "--format")
    help: str
    takes_value: bool
    metavar: str = ""
    choices: tuple[str, ...] = ()

    @property
    def value_kind(self) -> str:
        """``choices``, ``file``, ``dir`` or ``any``."""
        if self.choices:
            return "choices"
        if self.metavar in DIR_METAVARS:
            return "dir"
        if self.metavar in FILE_METAVARS or self.metavar.startswith("FILE"):
            return "file"
        return "any"


@dataclass(frozen=True)
class Positional:
    name: str
    help: str
    choices: tuple[str, ...] = ()
    optional: bool = False


@dataclass
class Command:
    name: str
    help: str
    description: str = ""
    epilog: str = ""
    usage: str = ""
    options: list[Option] = field(default_factory=list)
    positionals: list[Positional] = field(default_factory=list)
    commands: list[Command] = field(default_factory=list)

    def option_words(self) -> list[str]:
        return [flag for option in self.options for flag in option.flags]


def _text(value: object) -> str:
    if value is None or value == argparse.SUPPRESS:
        return ""
    return " ".join(str(value).split())


def _metavar(action: argparse.Action) -> str:
    if isinstance(action.metavar, str):
        return action.metavar
    return action.dest.upper()


def describe(parser: argparse.ArgumentParser, name: str | None = None, help: str = "") -> Command:
    """``parser`` (and its subcommands) as a ``Command`` tree; hidden options left out."""
    command = Command(
        name=name or parser.prog,
        help=help,
        description=_text(parser.description),
        epilog=parser.epilog or "",
        usage=" ".join(parser.format_usage().split()[1:]),
    )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: _text(a.help) for a in action._choices_actions}
            for sub_name, sub in action.choices.items():
                if sub_name in helps:  # aliases have no help entry of their own
                    command.commands.append(describe(sub, sub_name, helps[sub_name]))
            continue
        if action.help == argparse.SUPPRESS:
            continue
        choices = tuple(str(c) for c in action.choices) if action.choices else ()
        if action.option_strings:
            command.options.append(
                Option(
                    flags=tuple(action.option_strings),
                    help=_text(action.help),
                    takes_value=action.nargs != 0,
                    metavar=_metavar(action) if action.nargs != 0 else "",
                    choices=choices,
                )
            )
        else:
            command.positionals.append(
                Positional(
                    name=_metavar(action),
                    help=_text(action.help),
                    choices=choices,
                    optional=action.nargs in ("?", "*"),
                )
            )
    return command


def flattened(command: Command) -> Command:
    """``command`` with its own subcommands (``team init``, ``add``, ``list``) offered as its
    first word and their options as its own, for completion scripts of one level."""
    if not command.commands:
        return command
    options = list(command.options)
    seen = {flag for option in options for flag in option.flags}
    for sub in command.commands:
        for option in sub.options:
            if not seen.intersection(option.flags):
                options.append(option)
                seen.update(option.flags)
    action = Positional(
        name="ACTION",
        help=", ".join(sub.name for sub in command.commands),
        choices=tuple(sub.name for sub in command.commands),
    )
    return Command(
        name=command.name,
        help=command.help,
        description=command.description,
        epilog=command.epilog,
        usage=command.usage,
        options=options,
        positionals=[action, *command.positionals],
    )
