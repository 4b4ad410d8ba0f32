"""Importing a JSON export: check everything, compare with the workspace, write once.

The flow never writes before it knows the whole file is good: the file is
checked on its own, then against a read-only view of the workspace (links,
what is new, changed or the same), and only then is the writer opened and
every new or changed record saved in a single ``save_many`` (all or nothing).
Ids already in the workspace are updated in place. Nothing in the file is
ever used as a path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from okrcoach.domain.models import Record
from okrcoach.export.snapshot import TABLE_MODELS, Snapshot
from okrcoach.export.team_import import Owners, same_record, team_adjuster, unknown_owners_problem
from okrcoach.export.validate import (
    MAX_FILE_BYTES,
    TOO_LARGE,
    Checked,
    ImportRejected,
    check_document,
    check_references,
)
from okrcoach.paths import AppPaths


@dataclass
class TableChange:
    new: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportPlan:
    """What an import would do, table by table, and the records it would save."""

    snapshot: Snapshot
    changes: dict[str, TableChange]
    to_save: list[Record] = field(default_factory=list)
    cleaned: list[str] = field(default_factory=list)
    owners: Owners = field(default_factory=Owners)  # a team store's matching of owners

    def total(self, kind: str) -> int:
        return sum(getattr(c, kind) for c in self.changes.values())


def read_import_file(path: Path) -> bytes:
    """The file's bytes, never more than the cap plus one (so a huge file is refused fast)."""
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
            raise ImportRejected([TOO_LARGE])
        return handle.read(MAX_FILE_BYTES + 1)


def plan_import(checked: Checked, store: object, *, mine: bool = False) -> ImportPlan:
    """Compare a checked file with what ``store`` holds; ``ImportRejected`` on broken links.

    On a team store owners become its people's roles (``mine``: objectives owned by
    nobody there become the importer's); an owner who is nobody there is refused."""
    existing = {
        name: {r.id: r for r in store.all(model)}  # type: ignore[attr-defined]
        for name, model in TABLE_MODELS.items()
    }
    check_references(checked.snapshot, {name: set(found) for name, found in existing.items()})
    changes: dict[str, TableChange] = {}
    to_save: list[Record] = []
    owners = Owners()
    adjust = team_adjuster(store, mine=mine, owners=owners)
    for name in TABLE_MODELS:
        change = TableChange()
        for original in getattr(checked.snapshot.tables, name):
            stored = existing[name].get(original.id)
            record = adjust(original, stored)
            if stored is None:
                change.new += 1
                to_save.append(record)
            elif same_record(stored, record):
                change.unchanged += 1
            else:
                change.updated += 1
                to_save.append(record)
        changes[name] = change
    if owners.unknown:
        raise ImportRejected([unknown_owners_problem(owners, str(getattr(store, "me", "")))])
    return ImportPlan(checked.snapshot, changes, to_save, list(checked.cleaned), owners)


def preview(
    paths: AppPaths,
    data: bytes,
    *,
    clean_text: bool = False,
    location: str | None = None,
    mine: bool = False,
) -> ImportPlan:
    """The plan against a read-only view: works while the app runs, creates no file.

    ``location`` is a team store URL; None is the local data folder in ``paths``."""
    from okrcoach.store.choose import open_workspace

    checked = check_document(data, clean_text=clean_text)
    with open_workspace(location, paths, read_only=True) as store:
        return plan_import(checked, store, mine=mine)


def apply(
    paths: AppPaths,
    data: bytes,
    *,
    clean_text: bool = False,
    location: str | None = None,
    mine: bool = False,
) -> ImportPlan:
    """Check, then save every new or changed record at once. Raises LockedError if the app runs."""
    from okrcoach.store.choose import open_workspace

    plan = preview(paths, data, clean_text=clean_text, location=location, mine=mine)
    if not plan.to_save:
        return plan
    checked = Checked(plan.snapshot, plan.cleaned)
    with open_workspace(location, paths) as store:
        plan = plan_import(checked, store, mine=mine)  # the workspace may have changed since
        if plan.to_save:
            store.save_many(plan.to_save)
    return plan
