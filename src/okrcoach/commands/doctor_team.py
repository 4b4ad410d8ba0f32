"""``okrcoach doctor`` on a team store: who you are there, what it holds, whether it answers.

Backups and restores of a team store are the database owner's job, so those
options say so instead of touching local files.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from okrcoach.commands.common import fail
from okrcoach.domain.text import clean_line
from okrcoach.paths import AppPaths

OWNER_JOB = "backups of a team store are the database owner's job; restore through the database."


def _me_line(store: Any) -> str:
    me = clean_line(store.me)
    person = next((p for p in store.people() if p.role == store.me), None)
    if person is None:
        return me
    team = f", {clean_line(person.team)}" if person.team else ""
    admin = ", admin" if store.is_admin else ""
    return f"{me} ({clean_line(person.name)}{team}{admin})"


def run_team(args: argparse.Namespace, paths: AppPaths, location: str) -> int:
    from okrcoach.store import StoreError
    from okrcoach.store.team import open_team_store, redact

    shown = redact(location)
    if args.list_backups or args.restore is not None or args.start_empty:
        return fail("doctor", OWNER_JOB)
    problems: list[str] = []
    counts: dict[str, int] = {}
    lines = [f"Store:        {shown} (team)"]
    try:
        with open_team_store(location, read_only=True) as store:
            lines.append(f"You:          {_me_line(store)}")
            lines.append(f"People:       {len(store.people()):,}")
            counts = store.counts()
    except StoreError as error:
        problems.append(str(error))
    words = {"checkins": "check-ins", "key_results": "key results"}
    if counts:
        lines.append(
            "Records:      " + ", ".join(f"{words.get(k, k)} {n:,}" for k, n in counts.items())
        )
    lines.append("Backups:      the database owner's job")
    settings = paths.settings_file
    lines.append(f"Config:       {paths.config_dir}")
    lines.append(f"Settings:     {settings}" + ("" if settings.is_file() else " (none yet)"))
    lines.append(f"Integrity:    {'OK' if not problems else 'PROBLEMS FOUND'}")
    lines += [f"Problem: {problem}" for problem in problems]
    if args.json:
        from okrcoach.export.machine import DoctorOutput

        print(
            DoctorOutput(
                data_dir="",
                data_file=shown,
                backup_dir="",
                config_dir=str(paths.config_dir),
                settings_file=str(settings),
                themes_dir=str(paths.user_themes_dir),
                exists=not problems,
                schema_version=None,
                counts=counts,
                last_backup=None,
                healthy=not problems,
                notes=["a team store: backups are the database owner's job"],
                problems=problems,
            ).to_json()
        )
    else:
        from okrcoach.domain.text import printable

        for line in lines:
            print(printable(line))
    sys.stdout.flush()
    return 0 if not problems else 1
