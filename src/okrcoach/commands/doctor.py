"""``okrcoach doctor``: where the data lives, whether it is healthy, and restores.

It only looks: a fresh folder stays empty (no data file is created), and a
folder that could not be created is a problem, not "Integrity: OK".
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrcoach.commands.common import add_store_option, examples, say_error
from okrcoach.domain.text import printable
from okrcoach.paths import AppPaths

if TYPE_CHECKING:
    from okrcoach.store.doctor import DataReport

# The store (pydantic, TinyDB) is imported inside the functions that use it, so that
# building the CLI parser stays light for every other command.

EPILOG = f"""\
Shows the data file, backups, schema, record counts and integrity, and where
settings and your own themes are read from. Nothing is written, and it works
while the app is open. --json prints the same for scripts (schema:
okrcoach export --schema doctor).

{
    examples(
        "okrcoach doctor",
        "okrcoach doctor --list-backups",
        "okrcoach doctor --restore okrcoach-2026-11-24-daily.json",
    )
}
exit status: 0 healthy (or restored), 1 problems found or nothing restored.
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check the data file, list backups or restore one",
        description="Show where the data lives and whether it is healthy (exit 1 if not).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--restore",
        nargs="?",
        const="",
        metavar="BACKUP",
        help="restore the newest backup, or the named one (file name or path)",
    )
    group.add_argument("--list-backups", action="store_true", help="list backups, newest first")
    group.add_argument(
        "--start-empty",
        action="store_true",
        help="after damaged data was moved aside: begin again with an empty workspace",
    )
    parser.add_argument(
        "--yes", action="store_true", help="restore without asking, even if it rolls data back"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_store_option(parser)
    parser.set_defaults(func=run)


def _say(line: str) -> None:
    """Print one line; paths, table names and messages come from data, so nothing in them
    may act on the terminal (control characters are shown as escapes)."""
    print(printable(line))


def _when(path: Path) -> str:
    from okrcoach.store.backups import backup_time

    moment = backup_time(path)
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC" if moment else "unknown time"


def _resolve_backup(paths: AppPaths, name: str) -> Path:
    given = Path(name).expanduser()
    if given.is_file():
        return given
    return paths.backup_dir / name


def _list(paths: AppPaths) -> int:
    from okrcoach.store import list_backups

    found = list_backups(paths)
    if not found:
        _say(f"No backups yet in {paths.backup_dir}.")
        return 0
    _say(f"Backups in {paths.backup_dir}, newest first:")
    for path in found:
        _say(f"  {path.name}  ({_when(path)}, {path.stat().st_size:,} bytes)")
    return 0


def _confirm(paths: AppPaths, backup: Path | None) -> bool | str:
    """Say what the restore rolls back and ask; True to go on, a message to stop with."""
    from okrcoach.store.restoring import preview

    found = preview(paths, backup)
    if not found.loses_anything:
        return True
    _say(f"Restoring {found.backup.name} ({_when(found.backup)}) replaces the current data:")
    if found.rolled_back:
        newest = f", the newest from {found.newest:%Y-%m-%d %H:%M} UTC" if found.newest else ""
        plural = "s" if found.rolled_back != 1 else ""
        _say(
            f"  {found.rolled_back} record{plural} written or changed after the backup would "
            f"be rolled back{newest}."
        )
    if found.returning:
        plural = "s" if found.returning != 1 else ""
        _say(f"  {found.returning} record{plural} deleted since then would come back.")
    _say("A backup of the current data is taken first (before-restore), so this can be undone.")
    if not sys.stdin.isatty():
        return "Not restored: run again with --yes to confirm."
    try:
        answer = input("Restore it? [y/N] ")
    except EOFError:
        answer = ""
    return True if answer.strip().lower() in ("y", "yes") else "Not restored; nothing changed."


def _restore(paths: AppPaths, name: str, yes: bool = False) -> int:
    from okrcoach.store import StoreError
    from okrcoach.store.doctor import restore

    backup = _resolve_backup(paths, name) if name else None
    if backup is not None and not backup.is_file():
        say_error(
            f"okrcoach doctor: there is no backup called {name}. "
            "See: okrcoach doctor --list-backups"
        )
        return 1
    try:
        if not yes:
            answer = _confirm(paths, backup)
            if answer is not True:
                if "--yes" in str(answer):  # refused without a terminal: an error, on stderr
                    say_error(f"okrcoach doctor: {answer}")
                else:  # the user said no
                    _say(str(answer))
                return 1
        result = restore(paths, backup)
    except StoreError as error:
        say_error(f"okrcoach doctor: not restored. {error}")
        return 1
    _say(f"Restored {result.backup} ({_when(result.backup)}) into {paths.data_file}.")
    if result.previous is not None:
        _say(f"The file it replaced was kept as {result.previous}.")
    if result.safety_backup is not None:
        _say(f"A backup of that file was also taken: {result.safety_backup}.")
    return 0


def _start_empty(paths: AppPaths) -> int:
    from okrcoach.store import StoreError
    from okrcoach.store.doctor import start_empty

    try:
        aside = start_empty(paths)
    except StoreError as error:
        say_error(f"okrcoach doctor: nothing changed. {error}")
        return 1
    if aside is None:
        _say("Nothing to do: no data was moved aside.")
        return 0
    _say(f"The next start begins with an empty workspace. The damaged file stays at {aside}.")
    return 0


def folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot hold the data (it cannot be created or written), or None.

    A missing folder is probed by creating and removing an empty temporary folder
    in its nearest existing parent: nothing is left behind.
    """
    if folder.is_dir():
        if not os.access(folder, os.W_OK | os.X_OK):
            return f"The data folder {folder} cannot be written to (permission denied)."
        return None
    parent = folder
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if folder.exists() or not parent.is_dir():
        blocker = folder if folder.exists() else parent
        return f"The data folder {folder} cannot be created: {blocker} is not a folder."
    try:
        probe = tempfile.mkdtemp(prefix=".okrcoach-probe-", dir=parent)
    except OSError as error:
        reason = error.strerror or str(error)
        return f"The data folder {folder} cannot be created in {parent}: {reason}."
    with contextlib.suppress(OSError):
        os.rmdir(probe)
    return None


def writer_note(paths: AppPaths) -> str | None:
    """Whether the app could open the data for changes, found by taking the writer's lock
    for a moment (only the lock file is touched: no data file, no backup); None if it can."""
    from okrcoach.store import LockedError, StoreError
    from okrcoach.store.lock import WriterLock

    try:
        WriterLock.acquire(paths.lock_file, paths.data_file).release()
    except LockedError as error:
        who = f"pid {error.pid}" if error.pid else "another process"
        return f"The data is open in another okrcoach ({who}); read-only look."
    except StoreError as error:
        return str(error)
    return None


def _config_lines(paths: AppPaths) -> list[str]:
    settings = paths.settings_file
    themes = paths.user_themes_dir
    count = len(list(themes.glob("*.toml"))) if themes.is_dir() else 0
    return [
        f"Config:       {paths.config_dir}",
        f"Settings:     {settings}" + ("" if settings.is_file() else " (none yet: defaults)"),
        f"Your themes:  {themes} ({count} theme file{'s' if count != 1 else ''})",
    ]


def _print_report(report: DataReport, paths: AppPaths) -> None:
    _say(f"Data file:    {report.data_file}")
    _say(f"Backups:      {report.backup_dir}")
    version = (
        str(report.schema_version)
        if report.schema_version is not None
        else ("unknown" if report.exists else "none yet")
    )
    _say(f"Schema:       {version}")
    words = {"checkins": "check-ins", "key_results": "key results"}
    counts = ", ".join(f"{words.get(name, name)} {n:,}" for name, n in report.counts.items())
    _say(f"Records:      {counts}")
    if report.last_backup is not None:
        _say(f"Last backup:  {report.last_backup} ({_when(report.last_backup)})")
    else:
        _say("Last backup:  none yet")
    for line in _config_lines(paths):
        _say(line)
    _say(f"Integrity:    {'OK' if report.healthy else 'PROBLEMS FOUND'}")
    for note in report.notes:
        _say(f"Note: {note}")
    for problem in report.problems:
        _say(f"Problem: {problem}")


def _json(report: DataReport, paths: AppPaths) -> str:
    from okrcoach.export.machine import DoctorOutput

    return DoctorOutput(
        data_dir=str(paths.data_dir),
        data_file=str(report.data_file),
        backup_dir=str(report.backup_dir),
        config_dir=str(paths.config_dir),
        settings_file=str(paths.settings_file),
        themes_dir=str(paths.user_themes_dir),
        exists=report.exists,
        schema_version=report.schema_version,
        counts=report.counts,
        last_backup=str(report.last_backup) if report.last_backup else None,
        healthy=report.healthy,
        notes=report.notes,
        problems=report.problems,
    ).to_json()


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.commands.common import fail, workspace_location
    from okrcoach.location import LocationError
    from okrcoach.store import inspect_data

    try:
        location = workspace_location(args, paths)
    except LocationError as error:
        return fail("doctor", str(error))
    if location is not None:
        from okrcoach.commands.doctor_team import run_team

        return run_team(args, paths, location)
    if args.list_backups:
        return _list(paths)
    if args.restore is not None:
        return _restore(paths, args.restore, args.yes)
    if args.start_empty:
        return _start_empty(paths)
    report = inspect_data(paths)
    problem = folder_problem(paths.data_dir)
    if problem:
        report.problems.insert(0, problem)
        report.notes = [n for n in report.notes if "created on first use" not in n]
    if report.locked_by is not None:
        who = f"pid {report.locked_by}" if report.locked_by else "another process"
        report.notes.insert(0, f"The data is open in another okrcoach ({who}); read-only look.")
    elif report.exists and not problem:
        note = writer_note(paths)
        if note:
            report.notes.insert(0, note)
    if args.json:
        print(_json(report, paths))
    else:
        _print_report(report, paths)
    sys.stdout.flush()
    return 0 if report.healthy else 1
