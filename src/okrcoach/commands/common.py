"""What every subcommand shares: exit codes, examples in help, and errors on stderr.

Kept to the standard library so building the parser stays light.
"""

from __future__ import annotations

import sys

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
