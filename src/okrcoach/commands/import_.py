"""``okrcoach import FILE``: bring back a JSON export, or an OKR document (.md, .csv).

Both are checked first and written at once; a document is shown line by line
with the coach's view before anything is written (see ``import_document``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from okrcoach.commands.common import add_store_option
from okrcoach.paths import AppPaths

EPILOG = """\
FILE.json is a file made by `okrcoach export --format json`; with --store URL it
moves a personal workspace into a team store (owners become the people there:
a role, or a person's name; --mine takes the rest as yours). FILE.md or
FILE.csv is an OKR document as `okrcoach lint FILE` reads it (objectives as
headings or list items with their key results beneath; or one row per key
result with an objective column): it is added to the current cycle (or
--cycle NAME) after a dry run that shows what the coach thinks of each line.
On a terminal you are then asked; in a script add --yes.

The whole file is checked before anything is written: its format and version,
every record and field (types, lengths, list sizes), duplicate ids, and links
(a key result's objective, a check-in's key result...) which must be in the
file or already in the workspace. Records whose id already exists are updated.
Everything is saved in one step, or nothing is.

Text holding terminal control characters (escape codes) is refused; with
--clean-text they are removed instead and the fields are listed.

examples:
  okrcoach import backup.json --dry-run
  okrcoach import backup.json
  okrcoach import team-okrs.md --dry-run
  okrcoach import okrs.csv --cycle 2027-Q1 --yes
  okrcoach import backup.json --store postgresql://alice@db.example/okr --mine

exit status: 0 imported (or dry run), 1 the file was refused,
2 it could not be read or the workspace is busy (the app is open).
"""

_TABLE_WORDS = {
    "cycles": "cycles",
    "objectives": "objectives",
    "key_results": "key results",
    "checkins": "check-ins",
    "retros": "retrospectives",
    "journal": "journal entries",
    "drafts": "drafts",
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import a JSON export or an OKR document (.md, .csv), checked first",
        description="Import a file made by 'okrcoach export --format json', or an OKR "
        "document kept in Markdown or CSV.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", metavar="FILE", help="the JSON export, or the OKR document (.md, .csv)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would change; write nothing"
    )
    parser.add_argument(
        "--clean-text",
        action="store_true",
        help="remove terminal control characters from text instead of refusing the file",
    )
    parser.add_argument(
        "--cycle", metavar="NAME", help="documents: the cycle to add to (default: the current)"
    )
    parser.add_argument("--yes", action="store_true", help="documents: import without asking")
    parser.add_argument(
        "--mine",
        action="store_true",
        help="team store: objectives owned by someone who is not in it become yours",
    )
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    add_store_option(parser)
    parser.set_defaults(func=run)


def _table(plan: Any) -> list[str]:
    from okrcoach.export.cells import pad

    lines = ["  " + pad("", 16) + pad("new", 8, right=True) + pad("updated", 9, right=True)]
    lines[0] += pad("unchanged", 11, right=True)
    for name, change in plan.changes.items():
        cells = [pad(f"{n:,}", w, right=True) for n, w in zip(
            (change.new, change.updated, change.unchanged), (8, 9, 11), strict=True
        )]  # fmt: skip
        lines.append("  " + pad(_TABLE_WORDS[name], 16) + "".join(cells))
    return lines


def _report(plan: Any, dry_run: bool, source: str) -> list[str]:
    from okrcoach.domain.numbers import plural
    from okrcoach.domain.text import clean_line

    new, updated = plan.total("new"), plan.total("updated")
    unchanged = plan.total("unchanged")
    if dry_run:
        head = [f"Dry run: nothing was written. Importing {source} would change:"]
    elif new or updated:
        head = [f"Imported {source}:"]
    else:
        head = [f"Nothing to import from {source}: the workspace already holds all of it."]
    lines = head + _table(plan)
    if updated:
        verb = "would be" if dry_run else "were"
        lines.append(
            f"{updated} record{'s' if updated != 1 else ''} with ids already in the workspace "
            f"{verb} updated in place."
        )
    if unchanged and (new or updated):
        lines.append(
            f"{unchanged} identical record{'s' if unchanged != 1 else ''} left as they are."
        )
    owners = plan.owners
    for owner, role in sorted(owners.matched.items()):
        lines.append(f"Objectives of {clean_line(owner)} are owned by the role {clean_line(role)}.")
    if owners.adopted:
        verb = "would become" if dry_run else "became"
        lines.append(f"{plural(owners.adopted, 'objective')} owned by nobody here {verb} yours.")
    if plan.cleaned:
        fields = "text field" if len(plan.cleaned) == 1 else "text fields"
        lines.append(f"Control characters removed from {len(plan.cleaned):,} {fields}:")
        lines += [f"  - {where}" for where in plan.cleaned[:10]]
        if len(plan.cleaned) > 10:
            lines.append(f"  - and {len(plan.cleaned) - 10} more")
    return lines


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.commands.common import workspace_location
    from okrcoach.export.importer import apply, preview, read_import_file
    from okrcoach.export.validate import ImportRejected, safe_words
    from okrcoach.location import LocationError
    from okrcoach.store import LockedError, StoreError

    path = Path(args.file).expanduser()
    if path.suffix.casefold() in (".md", ".markdown", ".txt", ".csv"):
        from okrcoach.commands.import_document import run_document

        return run_document(args, paths, path)
    source = safe_words(path.name, 80)
    try:
        data = read_import_file(path)
    except ImportRejected as error:
        print(error.message(), file=sys.stderr)
        return 1
    except OSError as error:
        print(f"okrcoach import: cannot read {source}: {error.strerror or error}.", file=sys.stderr)
        return 2
    from okrcoach.commands.common import working

    try:
        location = workspace_location(args, paths)
    except LocationError as error:
        print(f"okrcoach import: {error} Nothing was imported.", file=sys.stderr)
        return 2
    try:
        with working(f"Checking {source}…" if args.dry_run else f"Importing {source}…"):  # type: ignore[attr-defined]
            if args.dry_run:
                plan = preview(
                    paths, data, clean_text=args.clean_text, location=location, mine=args.mine
                )
            else:
                plan = apply(
                    paths, data, clean_text=args.clean_text, location=location, mine=args.mine
                )
    except ImportRejected as error:
        print(error.message(), file=sys.stderr)
        return 1
    except LockedError as error:
        print(
            f"okrcoach import: okrcoach is open, so the import cannot write now. {error} "
            "Nothing was imported.",
            file=sys.stderr,
        )
        return 2
    except StoreError as error:
        print(f"okrcoach import: {error} Nothing was imported.", file=sys.stderr)
        return 2
    print("\n".join(_report(plan, args.dry_run, source)))
    return 0
