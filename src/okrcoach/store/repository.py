"""The Store: pydantic records in, pydantic records out, one atomic change per call.

The main file (meta, cycles, retros, journal, drafts, an index) is read at
open; each cycle's file (its objectives, key results and check-ins) is read
the first time a query needs it and then kept in memory, indexed by id and
by parent id, so queries never scan. A change rewrites only the files whose
records changed (all-or-nothing across files) and each record's JSON is
cached, so a check-in save costs the same in year ten as on day one.
Callers never see the file layout or TinyDB doc ids.

Where a record lives follows from the data: an objective in its cycle's file,
a key result with its objective, a check-in with its key result; one whose
parent is unknown stays in the main file and moves when the parent appears.

This module holds the public API; reading files is in ``files``, the commit
path in ``writing`` and the in-memory tables in ``tables``.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

from okrcoach.domain.models import (
    CheckIn,
    Cycle,
    Draft,
    JournalEntry,
    KeyResult,
    Objective,
    Record,
    Retrospective,
)
from okrcoach.paths import AppPaths
from okrcoach.store import backups
from okrcoach.store.errors import StoreError, WriteError, describe_os_error
from okrcoach.store.files import RESTORE_HINT
from okrcoach.store.layout import MODEL_OF, FileProblem, table_name
from okrcoach.store.lock import WriterLock
from okrcoach.store.migrations import SCHEMA_VERSION
from okrcoach.store.tables import MAIN, Part, home_of, kr_home
from okrcoach.store.writing import StoreWriting

__all__ = ["RESTORE_HINT", "Store", "describe_os_error"]

R = TypeVar("R", bound=Record)
F = TypeVar("F", bound=Callable[..., Any])

# Records holding lists or dicts are deep-copied on the way out so callers cannot
# change the store's state behind its back.
_DEEP_COPY = (Retrospective, Draft)


def _locked(method: F) -> F:
    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            if self._closed:
                raise StoreError("The data store is closed; open it again to continue.")
            return method(self, *args, **kwargs)

    return cast(F, wrapper)


def _copy(record: R) -> R:
    return record.model_copy(deep=isinstance(record, _DEEP_COPY))


def _of(model: type[R], records: Iterable[Record]) -> list[R]:
    """A table's records typed as the one model that table holds."""
    return [r for r in records if isinstance(r, model)]


class Store(StoreWriting):
    """The workspace's records. Thread-safe: every public method holds one RLock."""

    def __init__(
        self,
        paths: AppPaths,
        *,
        read_only: bool,
        rows: dict[str, list[tuple[str, Record]]],
        extra: dict[str, dict[str, Any]] | None = None,
        index: tuple[dict[str, str], dict[str, str]] | None = None,
        single_file: bool = False,
        schema_version: int = SCHEMA_VERSION,
        lock: WriterLock | None = None,
        snapshot: dict[Path, bytes | None] | None = None,
    ) -> None:
        self.paths = paths
        self.read_only = read_only
        self.schema_version = schema_version
        self._lock = threading.RLock()
        self._writer_lock = lock
        self._closed = False
        self._stuck: str | None = None
        # A reader's cycle files, read with the main file as one commit (None: read lazily).
        self._snapshot = snapshot
        self._broken: dict[str, StoreError] = {}
        main = Part(MAIN, paths.data_file)
        self._parts: dict[str, Part] = {MAIN: main}
        self._index_json: str | None = None
        self._next_index: tuple[dict[str, str], dict[str, str]] = ({}, {})
        if not single_file:
            self._obj_cycle, self._kr_obj = index or ({}, {})
            self._complete = False
            main.load(rows, extra)
            return
        # Every table in one file: spread the records over the files they belong in.
        self._complete = True
        objectives = _of(Objective, (r for _, r in rows.get("objectives", [])))
        key_results = _of(KeyResult, (r for _, r in rows.get("key_results", [])))
        self._obj_cycle = {o.id: o.cycle_id for o in objectives}
        self._kr_obj = {k.id: k.objective_id for k in key_results}
        spread: dict[str, dict[str, list[tuple[str, Record]]]] = {}
        for name, table_rows in rows.items():
            for doc_id, record in table_rows:
                key = home_of(name, record, self._obj_cycle, self._kr_obj)
                spread.setdefault(key, {}).setdefault(name, []).append((doc_id, record))
        main.load(spread.pop(MAIN, {}), extra)
        for key, part_rows in spread.items():
            self._new_part(key).load(part_rows, None)

    # -- lifecycle -------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._writer_lock is not None:
                self._writer_lock.release()
                self._writer_lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @_locked
    def files_stamp(self) -> str:
        """The saved files' fingerprint, taken between saves (see ``AppPaths.files_stamp``)."""
        return self.paths.files_stamp()

    # -- saving ----------------------------------------------------------------

    @_locked
    def save(self, record: R) -> R:
        self._check_writable()
        stored = self._validated(record)
        self._commit([stored], [])
        return _copy(stored)

    @_locked
    def save_many(
        self, records: Iterable[Record], delete: Iterable[tuple[type[Record], str]] = ()
    ) -> list[Record]:
        """Save ``records`` and delete ``delete`` (model, id) in one all-or-nothing change.

        A record saved together with the removal of its draft can never be offered twice.
        Returns the records as stored, in the order given.
        """
        self._check_writable()
        stored = [self._validated(r) for r in records]
        removes = self._stored_keys(delete)
        if stored or removes:
            self._commit(stored, removes)
        return [_copy(r) for r in stored]

    @_locked
    def delete(self, model: type[Record], record_id: str) -> bool:
        return self.delete_many([(model, record_id)]) == 1

    @_locked
    def delete_many(self, items: Iterable[tuple[type[Record], str]]) -> int:
        self._check_writable()
        removes = self._stored_keys(items)
        if removes:
            self._commit([], removes)
        return len(removes)

    # -- generic reads ---------------------------------------------------------

    @_locked
    def get(self, model: type[R], record_id: str) -> R | None:
        record = self._find(table_name(model), record_id)
        return _copy(record) if isinstance(record, model) else None

    @_locked
    def all(self, model: type[R]) -> list[R]:
        name = table_name(model)
        found = (r for p in self._parts_with(name) for r in p.tables[name].records.values())
        return [_copy(r) for r in _of(model, found)]

    @_locked
    def counts(self) -> dict[str, int]:
        self._load_all()
        return {
            name: sum(len(p.tables[name].records) for p in self._parts_with(name))
            for name in MODEL_OF
        }

    # -- queries ---------------------------------------------------------------

    @_locked
    def cycles(self) -> list[Cycle]:
        found = _of(Cycle, self._main("cycles").records.values())
        return [_copy(c) for c in sorted(found, key=lambda c: (c.start, c.end, c.created_at))]

    @_locked
    def current_cycle(self, today: date | None = None, length: str = "quarter") -> Cycle:
        """The cycle holding ``today``, preferring the calendar period of ``length``; made if none.

        A new cycle is that calendar period (a quarter unless ``length`` says otherwise).
        Read-only stores return it without saving it.
        """
        today = today or date.today()
        _, p_start, p_end = Cycle.period_of(today, length)
        holding = [c for c in self.cycles() if c.contains(today)]
        if holding:
            holding.sort(key=lambda c: (not (c.start == p_start and c.end == p_end), c.start))
            return holding[0]
        cycle = Cycle.for_period(today, length)
        if self.read_only:
            return cycle
        return self.save(cycle)

    @_locked
    def objectives(
        self, cycle_id: str | None = None, *, include_archived: bool = False
    ) -> list[Objective]:
        if cycle_id is None:
            parts = self._parts_with("objectives")
            found = [r for p in parts for r in p.tables["objectives"].records.values()]
        else:
            found = self._part(cycle_id).tables["objectives"].by_key(cycle_id)
        chosen = [o for o in _of(Objective, found) if include_archived or not o.archived]
        chosen.sort(key=lambda o: (o.position, o.created_at))
        return [_copy(o) for o in chosen]

    @_locked
    def key_results(self, objective_id: str) -> list[KeyResult]:
        part = self._part(self._obj_cycle.get(objective_id, MAIN))
        found = _of(KeyResult, part.tables["key_results"].by_key(objective_id))
        found.sort(key=lambda k: (k.position, k.created_at))
        return [_copy(k) for k in found]

    def _checkins_of(self, kr_id: str) -> list[CheckIn]:
        part = self._part(kr_home(kr_id, self._obj_cycle, self._kr_obj))
        return _of(CheckIn, part.tables["checkins"].by_key(kr_id))

    @_locked
    def checkins(self, kr_id: str) -> list[CheckIn]:
        found = self._checkins_of(kr_id)
        found.sort(key=lambda c: (c.at, c.created_at))
        return [_copy(c) for c in found]

    @_locked
    def latest_checkin(self, kr_id: str) -> CheckIn | None:
        found = self._checkins_of(kr_id)
        if not found:
            return None
        return _copy(max(found, key=lambda c: (c.at, c.created_at)))

    @_locked
    def journal(self, objective_id: str | None = None) -> list[JournalEntry]:
        table = self._main("journal")
        rows = table.records.values() if objective_id is None else table.by_key(objective_id)
        found = _of(JournalEntry, rows)
        found.sort(key=lambda j: (j.at, j.created_at))
        return [_copy(j) for j in found]

    @_locked
    def retros(self, cycle_id: str | None = None) -> list[Retrospective]:
        table = self._main("retros")
        rows = table.records.values() if cycle_id is None else table.by_key(cycle_id)
        found = _of(Retrospective, rows)
        found.sort(key=lambda r: r.created_at)
        return [_copy(r) for r in found]

    @_locked
    def drafts(self, kind: str | None = None) -> list[Draft]:
        table = self._main("drafts")
        rows = table.records.values() if kind is None else table.by_key(kind)
        found = _of(Draft, rows)
        found.sort(key=lambda d: (d.updated_at, d.created_at), reverse=True)
        return [_copy(d) for d in found]

    # -- backups ---------------------------------------------------------------

    @_locked
    def last_backup(self) -> Path | None:
        return backups.newest_backup(self.paths)

    @_locked
    def backup_now(self, reason: str) -> Path:
        """Bundle the files as they are on disk now (they always match memory after a save)."""
        self._check_writable()
        if not self.paths.data_file.exists():
            self._flush_all()
        try:
            data = backups.bundle(self.paths)
        except FileProblem as problem:
            raise StoreError(
                f"Could not take a backup: a file of the workspace is damaged ({problem.reason})."
            ) from None
        except OSError as error:
            raise WriteError(
                f"Could not read the data to back it up: {describe_os_error(error)}."
            ) from error
        try:
            return backups.write_backup(self.paths, data, reason)
        except OSError as error:
            raise WriteError(
                f"Could not write a backup in {self.paths.backup_dir}: {describe_os_error(error)}."
            ) from error
