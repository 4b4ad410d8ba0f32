"""``okrcoach export``: the workspace (or one cycle) as Markdown, JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from okrcoach.paths import AppPaths

EPILOG = """\
formats:
  md    Markdown to read or paste into a wiki: objectives, goal type, commitment,
        owner, key results (baseline -> current -> target), progress, latest
        confidence and the cycle's retrospectives.
  json  every table, for okrcoach import (format name and schema version first).
  csv   one file of key results and check-ins; the "record" column says which
        (key_result or checkin). Text that a spreadsheet would run as a formula
        gets a leading apostrophe.

Without -o the export is printed. With -o an existing file is never replaced
unless --force is given, and a symbolic link is never written through.
The data is read without locking, so this works while the app is open.
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
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.export import ExportError, export_to_file, render
    from okrcoach.export.snapshot import gather
    from okrcoach.store import StoreError, open_store

    try:
        if args.output:
            written = export_to_file(paths, args.format, args.output, args.cycle, args.force)
            print(f"Exported to {written}.", file=sys.stderr)
            return 0
        with open_store(paths, read_only=True) as store:
            snapshot = gather(store, args.cycle)
        sys.stdout.write(render(snapshot, args.format))
        return 0
    except (ExportError, StoreError) as error:
        print(f"okrcoach export: {error}", file=sys.stderr)
        return 2
