"""``okrcoach help [COMMAND]``: the main help, or one command's help with its examples."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from okrcoach.paths import AppPaths


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "help",
        help="show the help of okrcoach or of one command",
        description="Show the main help, or the help of COMMAND (the same as COMMAND --help).",
    )
    parser.add_argument("topic", nargs="?", metavar="COMMAND", help="the command to explain")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.cli import build_parser, nearest_command

    parser = build_parser()
    if not args.topic:
        parser.print_help()
        return 0
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    chosen = subparsers.choices.get(args.topic)
    if chosen is None:
        near = nearest_command(args.topic)
        hint = f" Did you mean `okrcoach help {near}`?" if near else ""
        print(f"okrcoach help: there is no command '{args.topic}'.{hint}", file=sys.stderr)
        return 2
    chosen.print_help()
    return 0
