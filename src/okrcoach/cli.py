"""Command-line entry point: the TUI by default, plus subcommands.

Kept thin and fast: Textual is imported only when the TUI is opened, so
``okrcoach --help``, ``lint`` and ``doctor`` start quickly. Each subcommand
lives in ``okrcoach.commands.<name>`` and exposes ``register(subparsers)``,
which adds its parser and sets ``func(args, paths) -> int``.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sys
from collections.abc import Sequence

from okrcoach import __version__
from okrcoach.commands.common import EXIT_CODES, EXIT_USAGE, examples
from okrcoach.paths import AppPaths

# Order is the order shown in --help.
COMMANDS = (
    "checkin",
    "due",
    "report",
    "lint",
    "classify",
    "export",
    "import_",
    "doctor",
    "team",
    "demo",
    "themes",
    "keys",
    "completion",
    "man",
    "help",
)
COMMAND_NAMES = frozenset(name.rstrip("_") for name in COMMANDS)
# Global options that take a value: their value is never a command name.
VALUE_OPTIONS = frozenset({"--data-dir", "--theme", "--store"})
USAGE = "okrcoach [-h] [-V] [--data-dir DIR] [--store URL] [--theme NAME] [COMMAND ...]"

EPILOG = f"""\
{
    examples(
        "okrcoach                              open the app",
        'okrcoach checkin "reply time" 9.5 -c 7 -n "new macros"',
        "okrcoach due --quiet || notify-send 'check-ins due'",
        "okrcoach report --cycle 2026-Q1",
        "okrcoach lint okrs.md",
        "okrcoach help export",
    )
}
{EXIT_CODES}

Run `okrcoach help COMMAND` (or COMMAND --help) for a command's options and examples.
"""


def first_command(argv: Sequence[str]) -> str | None:
    """The first word on the line that is not an option or an option's value."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--":
            continue
        if arg in VALUE_OPTIONS:
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None


def wants_subcommand(argv: Sequence[str]) -> bool:
    """Whether parsing needs the subcommands (a command name, or help, is on the line).

    Opening the TUI skips importing them: the first frame should not pay for the
    store, the coach or rich.
    """
    return first_command(argv) is not None or any(arg in ("-h", "--help") for arg in argv)


def nearest_command(word: str) -> str | None:
    found = difflib.get_close_matches(word, sorted(COMMAND_NAMES), n=1, cutoff=0.6)
    if found:
        return found[0]
    prefixed = [name for name in sorted(COMMAND_NAMES) if name.startswith(word[:3])]
    return prefixed[0] if word[:3] and prefixed else None


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okrcoach",
        usage=USAGE,
        description="An offline, keyboard-first OKR coach. Run with no command to open the app.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"okrcoach {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the data lives (default: $OKRCOACH_DATA_DIR or the user data folder)",
    )
    parser.add_argument(
        "--store",
        metavar="URL",
        help="a team store (postgresql://ROLE@HOST/DATABASE) or 'local' (default: "
        "$OKRCOACH_STORE, the store setting, else the local data folder)",
    )
    parser.add_argument("--theme", metavar="NAME", help="use this theme for one run")
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", prog="okrcoach")
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
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "okrcoach needs a terminal; try `okrcoach report` (or `okrcoach --help`).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from okrcoach.tui.app import make_app

    app = make_app(paths, theme=args.theme, store=args.given_store)
    app.run()
    return app.return_code or 0


def _unknown_command(word: str) -> int:
    from okrcoach.domain.text import printable

    near = nearest_command(word)
    hint = f" Did you mean `okrcoach {near}`?" if near else ""
    print(f"usage: {USAGE}", file=sys.stderr)
    print(
        f"okrcoach: unknown command '{printable(word)}'.{hint} See `okrcoach help` for the list.",
        file=sys.stderr,
    )
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # okrcoach uses no pydantic plugins; looking for them scans every installed package's
    # metadata on the first model (~0.1 s before the dashboard can fill). An explicit
    # setting in the environment still wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    word = first_command(argv)
    if word is not None and word not in COMMAND_NAMES:
        return _unknown_command(word)
    parser = build_parser(with_commands=wants_subcommand(argv))
    args = parser.parse_args(argv)
    from okrcoach.location import LocationError, given_location

    func = getattr(args, "func", None) or run_tui
    try:
        # --store or OKRCOACH_STORE, checked before anything opens; the settings come later.
        args.given_store = given_location(args.store)
    except LocationError as error:
        if func is run_tui:
            print(f"okrcoach: {error}", file=sys.stderr)
            return EXIT_USAGE
        args.given_store = error  # said by the commands that open the store, ignored by the rest
    paths = AppPaths.resolve(args.data_dir)
    try:
        return int(func(args, paths) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
