"""``okrcoach export``: the workspace (or one cycle) as Markdown, JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from okrcoach.commands.common import add_store_option, examples, fail, progress_bar
from okrcoach.paths import AppPaths

SCHEMAS = ("export", "report", "due", "doctor", "themes")

EPILOG = f"""\
formats:
  md    Markdown to read or paste into a wiki: each cycle, its objectives with
        goal type, commitment, owner, key results (baseline -> current ->
        target), progress and latest confidence, then its retrospectives.
  json  every table, for okrcoach import (format name and schema version first).
  csv   one file of key results and check-ins; the "record" column says which
        (key_result or checkin). Text that a spreadsheet would run as a formula
        gets a leading apostrophe. --excel adds a byte order mark and CRLF rows
        so Excel opens non-ASCII text right.

Without -o (or with -o -) the export is printed. With -o an existing file is
never replaced unless --force is given, and a symbolic link is never written
through. A long export shows its progress when run on a terminal.
The data is read without locking, so this works while the app is open.

--schema prints the JSON schema of the export, or of the --json output of
report, due, doctor or themes (--schema due).

{
    examples(
        "okrcoach export -f md -o okrs.md",
        "okrcoach export -f csv --excel --cycle 2026-Q1 -o q1.csv",
        "okrcoach export -f json -o - | gzip > backup.json.gz",
        "okrcoach export --schema due",
    )
}
exit status: 0 written, 2 nothing written (see the message).
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the workspace as Markdown, JSON or CSV",
        description="Export the workspace, or one cycle, for people (md) or machines (json, csv).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--format", "-f", choices=("md", "json", "csv"), default="md", help="default: md"
    )
    parser.add_argument("--cycle", metavar="NAME", help="only this cycle (its name, e.g. 2026-Q1)")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of printing (- prints)"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument(
        "--excel", action="store_true", help="CSV for spreadsheets: byte order mark, CRLF rows"
    )
    parser.add_argument(
        "--schema",
        nargs="?",
        const="export",
        choices=SCHEMAS,
        help="print a JSON schema (of the export, or of a command's --json output)",
    )
    add_store_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.commands.common import open_workspace_of
    from okrcoach.export import ExportError, export_to_file, render
    from okrcoach.export.snapshot import gather
    from okrcoach.location import LocationError
    from okrcoach.store import StoreError

    if args.schema:
        import json

        from okrcoach.export.machine import schema_of

        print(json.dumps(schema_of(args.schema), indent=2, ensure_ascii=False))
        return 0
    if args.excel and args.format != "csv":
        return fail("export", "--excel only applies to --format csv.", 2)
    bar: Any = progress_bar()
    task: list[Any] = []

    def report(done: int, total: int) -> None:
        if bar is None:
            return
        if not task:
            bar.start()
            task.append(bar.add_task("Exporting", total=total))
        bar.update(task[0], completed=done)

    try:
        if args.output and args.output != "-":
            with open_workspace_of(args, paths, read_only=True) as store:
                written = export_to_file(
                    store,
                    args.format,
                    args.output,
                    args.cycle,
                    args.force,
                    excel=args.excel,
                    progress=report,
                )
            if bar is not None:
                bar.stop()
            print(f"Exported to {written}.", file=sys.stderr)
            return 0
        with open_workspace_of(args, paths, read_only=True) as store:
            snapshot = gather(store, args.cycle)
        text = render(snapshot, args.format, excel=args.excel, progress=report)
        if bar is not None:
            bar.stop()
        sys.stdout.write(text)
        return 0
    except (ExportError, StoreError, LocationError) as error:
        if bar is not None:
            bar.stop()
        return fail("export", str(error), 2)
