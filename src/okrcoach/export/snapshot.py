"""One workspace (or one cycle of it) gathered into a single model.

Every writer works from a ``Snapshot`` rather than the store, so the formats
are pure functions that tests can feed directly, and the JSON export is just
this model dumped: what is re-imported is exactly what was gathered.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Literal, TypeVar

from pydantic import Field, PrivateAttr

from okrcoach import __version__
from okrcoach.domain.models import (
    CheckIn,
    Cycle,
    Draft,
    JournalEntry,
    KeyResult,
    Model,
    Objective,
    Record,
    Retrospective,
    UTCDateTime,
    utcnow,
)
from okrcoach.export.errors import UnknownCycleError
from okrcoach.export.text import strip_controls

FORMAT_NAME = "okrcoach-export"
FORMAT_VERSION = 1

R = TypeVar("R", bound=Record)


class Tables(Model):
    """Every stored table, in the order a reader (and an import) needs them."""

    cycles: list[Cycle] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    key_results: list[KeyResult] = Field(default_factory=list)
    checkins: list[CheckIn] = Field(default_factory=list)
    retros: list[Retrospective] = Field(default_factory=list)
    journal: list[JournalEntry] = Field(default_factory=list)
    drafts: list[Draft] = Field(default_factory=list)


TABLE_MODELS: dict[str, type[Record]] = {
    "cycles": Cycle,
    "objectives": Objective,
    "key_results": KeyResult,
    "checkins": CheckIn,
    "retros": Retrospective,
    "journal": JournalEntry,
    "drafts": Draft,
}


class Snapshot(Model):
    """The export document; its first two fields say what it is and which version."""

    format: Literal["okrcoach-export"] = FORMAT_NAME
    schema_version: int = FORMAT_VERSION
    app_version: str = Field(default=__version__, max_length=40)
    exported_at: UTCDateTime = Field(default_factory=utcnow)
    cycle: str | None = Field(default=None, max_length=80)  # the one cycle exported, if any
    tables: Tables = Field(default_factory=Tables)
    # Lookups grouped once per snapshot, so an export is linear in the records it holds.
    _groups: dict[str, dict[str, list[Any]]] = PrivateAttr(default_factory=dict)
    # A team store's people, role -> name: what the readable formats show as the owner.
    # Not part of the document (an owner stays the role there, so an import is lossless).
    _names: dict[str, str] = PrivateAttr(default_factory=dict)

    def with_owner_names(self, names: dict[str, str]) -> Snapshot:
        """This snapshot, showing owners (roles on a team store) by these names."""
        self._names = dict(names)
        return self

    @property
    def on_team_store(self) -> bool:
        return bool(self._names)

    def owner_name(self, owner: str) -> str:
        """The name people know an objective's owner by (the owner as written otherwise)."""
        return self._names.get(owner, owner)

    def _grouped(self, table: str, key: str) -> dict[str, list[Any]]:
        found = self._groups.get(table)
        if found is None:
            found = {}
            for record in getattr(self.tables, table):
                found.setdefault(getattr(record, key), []).append(record)
            self._groups[table] = found
        return found

    def objectives_of(self, cycle_id: str) -> list[Objective]:
        found = [
            o for o in self._grouped("objectives", "cycle_id").get(cycle_id, ()) if not o.deleted
        ]
        return sorted(found, key=lambda o: (o.position, o.created_at))

    def key_results_of(self, objective_id: str) -> list[KeyResult]:
        found = self._grouped("key_results", "objective_id").get(objective_id, [])
        return sorted(found, key=lambda k: (k.position, k.created_at))

    def checkins_of(self, kr_id: str) -> list[CheckIn]:
        found = self._grouped("checkins", "kr_id").get(kr_id, [])
        return sorted(found, key=lambda c: (c.at, c.created_at))

    def latest_checkin(self, kr_id: str) -> CheckIn | None:
        found = self.checkins_of(kr_id)
        return found[-1] if found else None

    def retros_of(self, cycle_id: str) -> list[Retrospective]:
        found = [r for r in self.tables.retros if r.cycle_id == cycle_id]
        return sorted(found, key=lambda r: r.created_at)

    def cycles_in_order(self) -> list[Cycle]:
        return sorted(self.tables.cycles, key=lambda c: (c.start, c.end, c.created_at))


def _ordered(records: Iterable[R]) -> list[R]:
    """Stable order so two exports of the same data are byte for byte equal (but the clock)."""
    return sorted(records, key=lambda r: (r.created_at, r.id))


def find_cycle(cycles: Iterable[Cycle], wanted: str) -> Cycle:
    """The cycle named ``wanted`` (case and spacing ignored) or with that id."""
    listed = list(cycles)
    key = " ".join(wanted.split()).casefold()
    for cycle in listed:
        if cycle.id == wanted or cycle.name.casefold() == key:
            return cycle
    names = ", ".join(c.name for c in listed) or "none yet"
    raise UnknownCycleError(f"There is no cycle called {wanted!r}. Cycles: {names}.")


def gather(store: object, cycle: str | None = None, *, now: datetime | None = None) -> Snapshot:
    """Read every table from ``store`` (a Store), or only what belongs to one cycle.

    A cycle's share is the cycle, its objectives (trash included, so nothing is
    lost), their key results and check-ins, its retros, drafts made in it, and
    journal notes about its objectives or written during it without one.
    """
    tables = {name: _ordered(store.all(model)) for name, model in TABLE_MODELS.items()}  # type: ignore[attr-defined]
    tables["drafts"] = [_clean_draft(d) for d in tables["drafts"]]  # type: ignore[arg-type]
    name = None
    if cycle is not None:
        chosen = find_cycle(tables["cycles"], cycle)
        name = chosen.name
        tables = _one_cycle(tables, chosen)
    from okrcoach.services.people import owner_names, people_of

    return Snapshot(
        exported_at=now or utcnow(),
        cycle=name,
        tables=Tables.model_construct(**tables),
    ).with_owner_names(owner_names(people_of(store)))


def _clean_draft(draft: Draft) -> Draft:
    """Drafts hold raw scratch data that no model cleans; exports never carry escape codes."""
    data = strip_controls(draft.data)
    return draft if data == draft.data else draft.model_copy(update={"data": data})


def _one_cycle(tables: dict[str, list[Record]], cycle: Cycle) -> dict[str, list[Record]]:
    objectives = [o for o in tables["objectives"] if o.cycle_id == cycle.id]  # type: ignore[attr-defined]
    objective_ids = {o.id for o in objectives}
    krs = [k for k in tables["key_results"] if k.objective_id in objective_ids]  # type: ignore[attr-defined]
    kr_ids = {k.id for k in krs}
    return {
        "cycles": [cycle],
        "objectives": objectives,
        "key_results": krs,
        "checkins": [c for c in tables["checkins"] if c.kr_id in kr_ids],  # type: ignore[attr-defined]
        "retros": [r for r in tables["retros"] if r.cycle_id == cycle.id],  # type: ignore[attr-defined]
        "journal": [
            j
            for j in tables["journal"]
            if j.objective_id in objective_ids  # type: ignore[attr-defined]
            or (j.objective_id is None and cycle.contains(j.at.date()))  # type: ignore[attr-defined]
        ],
        "drafts": [d for d in tables["drafts"] if d.cycle_id == cycle.id],  # type: ignore[attr-defined]
    }
