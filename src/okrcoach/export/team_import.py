"""Moving records into a team store: owners named as its people, versions as it holds them.

A personal workspace names owners in free text ("Ana", "Support team"); a team
store's owner is a person's database role. An owner that is a role, or a
person's name there, is written as that role. Any other owner refuses the
import (naming them), unless the importer takes those objectives as their own.
Records already in the store are updated on the version it holds, so importing
the same file twice changes nothing and never conflicts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from okrcoach.domain.models import Objective, Record
from okrcoach.domain.text import clean_line


@dataclass
class Owners:
    """How the file's owners were matched to the team store's people."""

    matched: dict[str, str] = field(default_factory=dict)  # owner in the file -> role
    unknown: set[str] = field(default_factory=set)  # owners who are nobody in the store
    adopted: int = 0  # objectives made the importer's own (--mine)


def unknown_owners_problem(owners: Owners, me: str) -> str:
    names = ", ".join(sorted(clean_line(o) for o in owners.unknown)[:8])
    return (
        f"objectives are owned by {names}: nobody by that role or name is in the team store. "
        "Ask the database's owner to add them (okrcoach team add ROLE --name NAME), or "
        f"import these objectives as yours ({clean_line(me)}) with --mine."
    )


def same_record(stored: Record, record: Record) -> bool:
    """Equal apart from the store's own bookkeeping (the version)."""
    version = getattr(stored, "version", None)
    if version is None:
        return stored == record
    return stored == record.model_copy(update={"version": version})


def team_adjuster(
    store: Any, *, mine: bool, owners: Owners
) -> Callable[[Record, Record | None], Record]:
    """A function fitting each record of the file to ``store`` (unchanged for a local store)."""
    people = getattr(store, "people", None)
    if not callable(people):
        return lambda record, _stored: record
    me = str(getattr(store, "me", ""))
    found = list(people())
    roles = {p.role for p in found}
    by_name = {p.name.casefold(): p.role for p in found}

    def adjust(record: Record, stored: Record | None) -> Record:
        if isinstance(record, Objective) and record.owner and record.owner not in roles:
            role = by_name.get(record.owner.casefold())
            if role is not None:
                owners.matched[record.owner] = role
                record = record.model_copy(update={"owner": role})
            elif mine:
                owners.adopted += 1
                record = record.model_copy(update={"owner": me})
            else:
                owners.unknown.add(record.owner)
        version = getattr(stored, "version", None)
        if version is not None and getattr(record, "version", None) is not None:
            record = record.model_copy(update={"version": version})
        elif stored is None and (getattr(record, "version", None) or 0) > 0:
            record = record.model_copy(update={"version": 0})  # new here: no version yet
        return record

    return adjust
