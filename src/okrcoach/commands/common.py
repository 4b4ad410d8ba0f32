"""What every subcommand shares: exit codes, examples in help, and errors on stderr.

Kept to the standard library so building the parser stays light.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_OK = 0
EXIT_FOUND = 1  # a problem found, something due, a file refused
EXIT_USAGE = 2  # bad usage, or nothing could be done (see the message)
EXIT_INTERRUPTED = 130

EXIT_CODES = """\
exit status:
  0    done, nothing to report
  1    the command found something: a problem (lint, doctor, themes), a check-in
       due (due), a file refused (import)
  2    bad usage, or nothing could be done: unreadable data, the app holds the
       lock, no terminal (see the message on stderr)
  130  interrupted (ctrl+c)"""


def on_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def progress_bar() -> object | None:
    """A rich progress bar on stderr when stderr is a terminal; None when piped (stay quiet)."""
    if not on_terminal(sys.stderr):
        return None
    from rich.console import Console
    from rich.progress import Progress

    return Progress(console=Console(file=sys.stderr), transient=True)


def working(message: str) -> object:
    """A spinner with ``message`` on a terminal's stderr while a long step runs; silent when
    piped. Use as a context manager."""
    import contextlib

    if not on_terminal(sys.stderr):
        return contextlib.nullcontext()
    from rich.console import Console

    return Console(file=sys.stderr).status(message)


def examples(*lines: str) -> str:
    """An ``examples:`` block for a command's epilog."""
    return "examples:\n" + "\n".join(f"  {line}" for line in lines) + "\n"


def say_error(message: str) -> None:
    """An error for the user, on stderr, never able to act on the terminal."""
    from okrcoach.domain.text import printable

    print("\n".join(printable(line) for line in message.split("\n")), file=sys.stderr)


def fail(command: str, message: str, code: int = EXIT_USAGE) -> int:
    """Print ``okrcoach COMMAND: message`` on stderr and return ``code``."""
    say_error(f"okrcoach {command}: {message}")
    return code


def workspace_location(args: object, paths: object) -> str | None:
    """Where the command's workspace is: ``--store``, then ``$OKRCOACH_STORE``, then the
    ``store`` setting; None is the local data folder. Raises ``LocationError``."""
    from okrcoach.location import settings_location

    given = getattr(args, "given_store", None)
    if isinstance(given, Exception):
        raise given  # a bad --store or OKRCOACH_STORE
    if given is not None:
        return given.location  # type: ignore[no-any-return]
    return settings_location(paths)  # type: ignore[arg-type]


def open_workspace_of(args: object, paths: object, *, read_only: bool = False) -> Any:
    """The command's workspace, opened: the local store or the team store.

    Raises ``LocationError`` (a bad store setting) or a ``StoreError``."""
    from okrcoach.store.choose import open_workspace

    return open_workspace(workspace_location(args, paths), paths, read_only=read_only)  # type: ignore[arg-type]


def add_store_option(parser: Any) -> None:
    """``--store URL`` after the command, as well as before it."""
    parser.add_argument(
        "--store",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="the team store (default: $OKRCOACH_STORE or the store setting)",
    )
