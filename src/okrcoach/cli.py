"""Command-line entry point: the TUI by default, plus subcommands.

Kept thin and fast: Textual is imported only when the TUI is opened, so
``okrcoach --help``, ``lint`` and ``doctor`` start quickly. Each subcommand
lives in ``okrcoach.commands.<name>`` and exposes ``register(subparsers)``,
which adds its parser and sets ``func(args, paths) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from okrcoach import __version__
from okrcoach.paths import AppPaths

# Order is the order shown in --help.
COMMANDS = ("lint", "classify", "doctor", "demo", "due", "report", "export", "import_", "themes")
COMMAND_NAMES = frozenset(name.rstrip("_") for name in COMMANDS)


def wants_subcommand(argv: Sequence[str]) -> bool:
    """Whether parsing needs the subcommands (a command name, or help, is on the line).

    Opening the TUI skips importing them: the first frame should not pay for the
    store, the coach or rich.
    """
    return any(arg in COMMAND_NAMES or arg in ("-h", "--help") for arg in argv)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okrcoach",
        description="An offline, keyboard-first OKR coach. Run with no command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"okrcoach {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the data lives (default: $OKRCOACH_DATA_DIR or the user data folder)",
    )
    parser.add_argument("--theme", metavar="NAME", help="use this theme for one run")
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"okrcoach.commands.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"okrcoach.commands.{name}":
                continue  # that command is not part of this build
            raise
        module.register(subparsers)
    return parser


def run_tui(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.tui.app import make_app

    app = make_app(paths, theme=args.theme)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(with_commands=wants_subcommand(argv))
    args = parser.parse_args(argv)
    paths = AppPaths.resolve(args.data_dir)
    func = getattr(args, "func", None) or run_tui
    try:
        return int(func(args, paths) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
