"""``okrcoach report``: the current (or a named) cycle, summarised in the terminal."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from datetime import date
from typing import Any

from okrcoach.commands.common import add_store_option, examples, fail, open_workspace_of
from okrcoach.paths import AppPaths

NARROW = 60  # below this many columns the report is plain text, wrapped

EPILOG = f"""\
On a terminal at least {NARROW} columns wide the report is drawn as tables.
Piped or redirected (unless FORCE_COLOR is set), with --plain, or on a
narrower terminal it is plain text: one fact per line, wrapped to $COLUMNS
(80 when unset), nothing cut.
NO_COLOR is honoured. --json prints the same content for scripts (its schema:
okrcoach export --schema report).

{
    examples(
        "okrcoach report",
        "okrcoach report --cycle 2026-Q1 > q1.txt",
        "okrcoach report --json | jq '.objectives[].progress'",
    )
}
exit status: 0 printed, 2 the data could not be read or the cycle is unknown.
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="print a summary of the current cycle (or --cycle NAME)",
        description="Print the cycle's objectives and key results with progress, health and "
        "latest confidence.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--cycle", metavar="NAME", help="the cycle to show (default: the current)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--plain", action="store_true", help="plain text even on a terminal")
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    add_store_option(parser)
    parser.set_defaults(func=run)


def _width() -> int:
    """$COLUMNS when set, the terminal's width on a terminal, else 80."""
    raw = os.environ.get("COLUMNS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    return 80


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.export.errors import UnknownCycleError
    from okrcoach.export.snapshot import find_cycle
    from okrcoach.location import LocationError
    from okrcoach.services.cycles import current_cycle
    from okrcoach.settings import load_settings
    from okrcoach.store import StoreError

    today = args.today or date.today()
    settings, _ = load_settings(paths)
    cadence = settings.checkin_cadence_days
    width = _width()
    terminal = sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))
    plain = args.plain or not terminal or width < NARROW
    try:
        with open_workspace_of(args, paths, read_only=True) as store:
            if args.cycle:
                cycle = find_cycle(store.cycles(), args.cycle)
            else:
                cycle = current_cycle(store, today, settings.cycle_length)
            if args.json:
                from okrcoach.export.machine import report_output

                print(report_output(store, cycle, today, cadence).to_json())
                return 0
            if plain:
                from okrcoach.export.report_text import plain_report

                sys.stdout.write(plain_report(store, cycle, today, cadence, width))
                return 0
            from okrcoach.export.report import build_report

            report = build_report(store, cycle, today, cadence)
    except (StoreError, UnknownCycleError, LocationError) as error:
        return fail("report", str(error))
    from rich.console import Console

    console = Console(file=sys.stdout, highlight=False, emoji=False, markup=False, width=width)
    console.print(report)
    return 0
