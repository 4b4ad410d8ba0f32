"""``okrcoach due``: overdue check-ins, one line each; exit 1 when any is due."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from okrcoach.commands.common import add_store_option, examples, fail, workspace_location
from okrcoach.paths import AppPaths

EPILOG = f"""\
Each line names the objective and the key result, and how long ago its last
check-in was; `okrcoach checkin "a few words of the title"` records the next.
--quiet prints nothing when nothing is due (for cron and shell prompts).
--json prints the list for scripts (schema: okrcoach export --schema due).

{
    examples(
        "okrcoach due",
        "okrcoach due --quiet || notify-send 'OKR check-ins are due'",
        "okrcoach due --json | jq -r '.due[].key_result'",
    )
}
exit status: 0 nothing is due, 1 something is due, 2 the data could not be read.
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "due",
        help="list key results overdue for a check-in (exit 1 when any)",
        description="List key results whose last check-in is older than the cadence "
        "(7 days unless settings say otherwise).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing when nothing is due"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    add_store_option(parser)
    parser.set_defaults(func=run)


def _cadence(paths: AppPaths) -> int:
    from okrcoach.settings import load_settings

    settings, _ = load_settings(paths)
    return settings.checkin_cadence_days


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.domain.text import clean_line
    from okrcoach.location import LocationError
    from okrcoach.services.due import due_checkins
    from okrcoach.store import StoreError
    from okrcoach.store.choose import open_workspace

    today = args.today or date.today()
    cadence = _cadence(paths)
    found = []
    try:
        location = workspace_location(args, paths)
    except LocationError as error:
        return fail("due", str(error))
    exists = location is not None or paths.data_file.exists()
    if exists:
        try:
            store = open_workspace(location, paths, read_only=True)
        except StoreError as error:
            return fail("due", str(error))
        with store:
            found = due_checkins(store, today, cadence)
    if args.json:
        from okrcoach.export.machine import DueItem, DueOutput

        items = [
            DueItem(
                objective_id=item.objective.id,
                objective=clean_line(item.objective.title),
                kr_id=item.kr.id,
                key_result=clean_line(item.kr.title),
                days=item.days,
                never=item.never,
                line=clean_line(item.line()),
            )
            for item in found
        ]
        print(DueOutput(today=today, cadence_days=cadence, due=items).to_json())
        return 1 if found else 0
    for item in found:
        print(clean_line(item.line()))
    if not found and not args.quiet:
        if exists:
            print("All check-ins are up to date.")
        else:
            print("No workspace yet: nothing is due.")
    return 1 if found else 0
