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


def build_parser() -> argparse.ArgumentParser:
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
    parser = build_parser()
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
