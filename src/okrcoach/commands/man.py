"""``okrcoach man``: the manual page, generated from the parser (print it or --install it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from okrcoach.commands.common import examples
from okrcoach.paths import AppPaths

EPILOG = f"""\
{
    examples(
        "okrcoach man | man -l -",
        "okrcoach man --install && man okrcoach",
    )
}"""


def install_path(home: Path | None = None) -> Path:
    return (home or Path.home()) / ".local/share/man/man1/okrcoach.1"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "man",
        help="print (or --install) the manual page",
        description="Print the manual page in roff, or install it for this user "
        "(~/.local/share/man/man1/okrcoach.1).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--install", action="store_true", help="install it for `man okrcoach`")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach import __version__
    from okrcoach.cli import build_parser
    from okrcoach.shell.manpage import man_page
    from okrcoach.shell.spec import describe

    text = man_page(describe(build_parser()), __version__)
    if not args.install:
        sys.stdout.write(text)
        return 0
    target = install_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"okrcoach man: cannot write {target}: {error.strerror}.", file=sys.stderr)
        return 2
    print(f"Installed the manual page in {target}.", file=sys.stderr)
    return 0
