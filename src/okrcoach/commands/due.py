"""``okrcoach due``: overdue check-ins, one line each; exit 1 when any is due."""

from __future__ import annotations

import argparse
from datetime import date

from okrcoach.paths import AppPaths


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "due",
        help="list key results overdue for a check-in (exit 1 when any)",
        description="List key results whose last check-in is older than the cadence "
        "(7 days unless settings say otherwise). Exits 1 when any is due.",
    )
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def _cadence(paths: AppPaths) -> int:
    try:
        from okrcoach.settings import load_settings
    except ImportError:
        return 7
    settings, _ = load_settings(paths)
    return settings.checkin_cadence_days


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.domain.text import clean_line
    from okrcoach.services.due import due_checkins
    from okrcoach.store import StoreError, open_store

    if not paths.data_file.exists():
        print("No workspace yet: nothing is due.")
        return 0
    try:
        store = open_store(paths, read_only=True)
    except StoreError as error:
        print(clean_line(f"okrcoach due: {error}"))
        return 2
    with store:
        found = due_checkins(store, args.today or date.today(), _cadence(paths))
    for item in found:
        print(clean_line(item.line()))
    if not found:
        print("All check-ins are up to date.")
    return 1 if found else 0
