"""``okrcoach team``: set up a team store on PostgreSQL and let people in.

``team init`` creates (or migrates) the schema; ``team add`` lets a database role
in as a person, ``team list`` shows who is in. The store's admin functions do the
work; this module only reads the line and says what happened.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from okrcoach.commands.common import EXIT_FOUND, EXIT_USAGE, add_store_option, examples, fail
from okrcoach.paths import AppPaths

EPILOG = f"""\
A team store keeps one organisation's OKRs in a PostgreSQL database the team
already runs: everyone reads every objective, only its owner (or an admin)
changes it, and the database itself enforces that.

The database's owner runs `team init` once (and again after an upgrade: it
migrates, and never touches a schema newer than this okrcoach). Each person
connects as their own database role: the owner creates the role with a
password they choose (CREATE ROLE alice LOGIN PASSWORD '...'), then lets it in
with `team add`. People then open okrcoach with --store URL, OKRCOACH_STORE, or
store = "URL" in the settings file. Passwords are never printed.

{
    examples(
        "okrcoach team init postgresql://owner@db.example/okr",
        'okrcoach --store postgresql://owner@db.example/okr team add alice --name "Alice"',
        'okrcoach team add bob --name "Bob" --team Support --store postgresql://owner@db/okr',
        "okrcoach team list --store postgresql://alice@db.example/okr",
    )
}
exit status: 0 done, 1 nothing to list, 2 nothing could be done (no store given,
the server is unreachable, the role is missing or not allowed: see the message).
"""

_ROLE_MAX = 63  # PostgreSQL's limit on a role name, in bytes


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "team",
        help="set up a team store on PostgreSQL: init, add people, list them",
        description="Share one organisation's OKRs through a PostgreSQL database.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(func=_no_action, team_parser=parser)
    actions = parser.add_subparsers(dest="team_action", metavar="ACTION", prog="okrcoach team")

    init = actions.add_parser(
        "init",
        help="create the team store's tables, or migrate them (safe to run again)",
        description="Create or migrate the schema of a team store. Run it as the database's "
        "owner; it changes nothing when the schema is already current.",
        epilog=examples("okrcoach team init postgresql://owner@db.example/okr")
        + "exit status: 0 done, 2 nothing could be done (see the message).\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    init.add_argument("url", nargs="?", metavar="URL", help="the database (default: --store)")
    add_store_option(init)
    init.set_defaults(func=run_init)

    add = actions.add_parser(
        "add",
        help="let a database role in as a person (grants what the role needs)",
        description="Let the database role ROLE use the team store as a person. The role "
        "must exist already (the database's owner creates it with its password).",
        epilog=examples(
            'okrcoach team add alice --name "Alice"',
            'okrcoach team add bob --name "Bob" --team Support --admin',
        )
        + "exit status: 0 added (or updated), 2 nothing could be done (see the message).\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("role", metavar="ROLE", help="the person's database role")
    add.add_argument("--name", required=True, metavar="NAME", help="the name shown to everyone")
    add.add_argument("--team", default="", metavar="TEAM", help="the team they belong to")
    add.add_argument(
        "--admin", action="store_true", help="may change everyone's objectives (okr_admin)"
    )
    add_store_option(add)
    add.set_defaults(func=run_add)

    listing = actions.add_parser(
        "list",
        help="show who is in the team store",
        description="List the people of the team store: role, name, team and admins.",
        epilog=examples("okrcoach team list", "okrcoach team list --json | jq -r '.[].name'")
        + "exit status: 0 listed, 1 nobody is in yet, 2 the store could not be read.\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_store_option(listing)
    listing.set_defaults(func=run_list)


def _no_action(args: argparse.Namespace, _paths: AppPaths) -> int:
    args.team_parser.print_usage(sys.stderr)
    return fail("team", "say what to do: init, add or list (see `okrcoach team --help`).")


def _team_url(args: argparse.Namespace, paths: AppPaths, action: str) -> str | None:
    """The team store's URL: the argument, --store, $OKRCOACH_STORE or the store setting."""
    from okrcoach.commands.common import workspace_location
    from okrcoach.location import LocationError, check_location

    try:
        if getattr(args, "url", None):
            location = check_location(args.url, "URL")
        else:
            location = workspace_location(args, paths)
    except LocationError as error:
        fail(f"team {action}", str(error))
        return None
    if location is None:
        fail(
            f"team {action}",
            "no team store given: add the URL (postgresql://ROLE@HOST/DATABASE) with --store, "
            'OKRCOACH_STORE or store = "URL" in the settings.',
        )
    return location


def _check_text(action: str, label: str, value: str, limit: int) -> str | None:
    """``value`` cleaned, or None after saying why it cannot be used."""
    from okrcoach.domain.text import clean_line, printable

    cleaned = clean_line(value)
    if cleaned != value.strip():
        fail(f"team {action}", f"the {label} {printable(value)!r} holds control characters.")
        return None
    if len(cleaned.encode("utf-8")) > limit:
        fail(f"team {action}", f"the {label} is too long (at most {limit} bytes).")
        return None
    return cleaned


def run_init(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.store import StoreError
    from okrcoach.store.team.admin import init_schema

    url = _team_url(args, paths, "init")
    if url is None:
        return EXIT_USAGE
    try:
        done = init_schema(url)
    except StoreError as error:
        return fail("team init", f"{error} Nothing was changed.")
    print(done)
    return 0


def run_add(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.domain.text import clean_line
    from okrcoach.store import StoreError
    from okrcoach.store.team.admin import add_person
    from okrcoach.store.team.urls import for_role

    url = _team_url(args, paths, "add")
    if url is None:
        return EXIT_USAGE
    role = _check_text("add", "role", args.role, _ROLE_MAX)
    name = _check_text("add", "name", args.name, 400)
    team = _check_text("add", "team", args.team, 400)
    if role is None or name is None or team is None:
        return EXIT_USAGE
    if not role or not name:
        return fail("team add", "the role and the --name must not be empty.")
    try:
        person = add_person(url, role, name=name, team=team, admin=args.admin)
    except StoreError as error:
        return fail("team add", f"{error} Nobody was added.")
    where = f" ({clean_line(person.team)})" if person.team else ""
    admin = ", an admin" if person.admin else ""
    print(
        f"{clean_line(person.name)}{where}{admin} is in, as the role "
        f"{clean_line(person.role)}: okrcoach --store '{for_role(url, person.role)}'"
    )
    return 0


def run_list(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.domain.text import clean_line
    from okrcoach.store import StoreError
    from okrcoach.store.team.admin import list_people

    url = _team_url(args, paths, "list")
    if url is None:
        return EXIT_USAGE
    try:
        people = list_people(url)
    except StoreError as error:
        return fail("team list", str(error))
    if args.json:
        import json

        rows = [
            {
                "role": clean_line(p.role),
                "name": clean_line(p.name),
                "team": clean_line(p.team),
                "admin": bool(p.admin),
            }
            for p in people
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0 if people else EXIT_FOUND
    if not people:
        print("Nobody is in yet: the database's owner lets people in with `okrcoach team add`.")
        return EXIT_FOUND
    print("\n".join(people_table(people)))
    return 0


def people_table(people: list[Any]) -> list[str]:
    """One line per person: role, name, team, and whether they are an admin."""
    from okrcoach.domain.text import clean_line
    from okrcoach.export.cells import pad

    rows = [(clean_line(p.role), clean_line(p.name), clean_line(p.team) or "-") for p in people]
    widths = [max(len(head), *(len(r[i]) for r in rows)) for i, head in enumerate(_HEADS)]
    lines = ["  ".join(pad(h, w) for h, w in zip(_HEADS, widths, strict=True)).rstrip()]
    for person, row in zip(people, rows, strict=True):
        cells = "  ".join(pad(c, w) for c, w in zip(row, widths, strict=True))
        lines.append((cells + ("  admin" if person.admin else "")).rstrip())
    return lines


_HEADS = ("role", "name", "team")
