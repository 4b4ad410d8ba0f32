"""``okrcoach report``: the current (or a named) cycle, summarised in the terminal."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from okrcoach.paths import AppPaths


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="print a summary of the current cycle (or --cycle NAME)",
        description="Print the cycle's objectives and key results with progress, health and "
        "latest confidence. Plain text when piped; NO_COLOR is honoured.",
    )
    parser.add_argument("--cycle", metavar="NAME", help="the cycle to show (default: the current)")
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from rich.console import Console

    from okrcoach.export.errors import UnknownCycleError
    from okrcoach.export.report import build_report
    from okrcoach.export.snapshot import find_cycle
    from okrcoach.services.cycles import current_cycle
    from okrcoach.settings import load_settings
    from okrcoach.store import StoreError, open_store

    today = args.today or date.today()
    settings, _ = load_settings(paths)
    try:
        with open_store(paths, read_only=True) as store:
            if args.cycle:
                cycle = find_cycle(store.cycles(), args.cycle)
            else:
                cycle = current_cycle(store, today, settings.cycle_length)
            report = build_report(store, cycle, today, settings.checkin_cadence_days)
    except (StoreError, UnknownCycleError) as error:
        print(f"okrcoach report: {error}", file=sys.stderr)
        return 2
    console = Console(file=sys.stdout, highlight=False, emoji=False, markup=False)
    console.print(report)
    return 0
