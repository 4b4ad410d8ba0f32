"""The Store: pydantic records in, pydantic records out, one atomic write per change.

Everything lives in memory, indexed by id and by parent id, so queries never
scan; the file is only read at open and rewritten (atomically) on each change.
Each record's JSON is cached, so a save re-encodes only what changed.
Callers never see the file layout or TinyDB doc ids.
"""

from __future__ import annotations

import errno
import functools
import json
import threading
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

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
from okrcoach.store.errors import ReadOnlyError, StoreError, WriteError
from okrcoach.store.layout import MODEL_OF, table_name
from okrcoach.store.lock import WriterLock
from okrcoach.store.migrations import META_TABLE, SCHEMA_VERSION
from okrcoach.store.storage import AtomicJSONStorage

R = TypeVar("R", bound=Record)
F = TypeVar("F", bound=Callable[..., Any])

# Which field each table is indexed by, for the parent-child queries.
INDEXED: dict[str, str] = {
    "objectives": "cycle_id",
    "key_results": "objective_id",
    "checkins": "kr_id",
    "journal": "objective_id",
    "retros": "cycle_id",
    "drafts": "kind",
}
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

    return wrapper  # type: ignore[return-value]


def _copy(record: R) -> R:
    return record.model_copy(deep=isinstance(record, _DEEP_COPY))


def describe_os_error(error: OSError) -> str:
    """Plain words for the usual reasons a write fails."""
    words = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "permission was denied",
        errno.EPERM: "the operation is not permitted",
        errno.EROFS: "the file system is read-only",
        errno.EIO: "the disk reported an input/output error",
    }
    return words.get(error.errno or 0, error.strerror or str(error))


class _Table:
    """One table in memory: records by id, their doc ids, cached JSON and an index."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.model = MODEL_OF[name]
        self.records: dict[str, Record] = {}
        self.doc_ids: dict[str, str] = {}
        self.encoded: dict[str, str] = {}
        self.next_doc_id = 1
        self.index_field = INDEXED.get(name)
        self.index: dict[Any, set[str]] = {}

    def load(self, rows: list[tuple[str, Record]]) -> None:
        for doc_id, record in rows:
            self._put(record, doc_id)
            if doc_id.isdigit():
                self.next_doc_id = max(self.next_doc_id, int(doc_id) + 1)

    def _key(self, record: Record) -> Any:
        return getattr(record, self.index_field) if self.index_field else None

    def _put(self, record: Record, doc_id: str) -> None:
        old = self.records.get(record.id)
        if old is not None and self.index_field:
            self.index.get(self._key(old), set()).discard(record.id)
        self.records[record.id] = record
        self.doc_ids[record.id] = doc_id
        self.encoded.pop(record.id, None)
        if self.index_field:
            self.index.setdefault(self._key(record), set()).add(record.id)

    def put(self, record: Record) -> None:
        doc_id = self.doc_ids.get(record.id)
        if doc_id is None:
            doc_id = str(self.next_doc_id)
            self.next_doc_id += 1
        self._put(record, doc_id)

    def remove(self, record_id: str) -> None:
        old = self.records.pop(record_id)
        del self.doc_ids[record_id]
        self.encoded.pop(record_id, None)
        if self.index_field:
            self.index.get(self._key(old), set()).discard(record_id)

    def snapshot(self, record_id: str) -> tuple[Record | None, str | None, str | None]:
        return (
            self.records.get(record_id),
            self.doc_ids.get(record_id),
            self.encoded.get(record_id),
        )

    def restore(self, record_id: str, saved: tuple[Record | None, str | None, str | None]) -> None:
        record, doc_id, encoded = saved
        if record_id in self.records:
            self.remove(record_id)
        if record is not None and doc_id is not None:
            self._put(record, doc_id)
            if encoded is not None:
                self.encoded[record_id] = encoded

    def by_key(self, value: Any) -> list[Record]:
        return [self.records[i] for i in self.index.get(value, ())]

    def to_json(self) -> str:
        """The table as JSON; unchanged records reuse their cached '"doc_id":{...}' piece."""
        encoded = self.encoded
        if len(encoded) != len(self.records):
            for record_id, record in self.records.items():
                if record_id not in encoded:
                    doc_id = self.doc_ids[record_id]
                    encoded[record_id] = f'"{doc_id}":{record.model_dump_json()}'
        return "{" + ",".join(encoded.values()) + "}"


class Store:
    """The workspace's records. Thread-safe: every public method holds one RLock."""

    def __init__(
        self,
        paths: AppPaths,
        *,
        read_only: bool,
        rows: dict[str, list[tuple[str, Record]]],
        extra: dict[str, dict[str, Any]] | None = None,
        schema_version: int = SCHEMA_VERSION,
        lock: WriterLock | None = None,
    ) -> None:
        self.paths = paths
        self.read_only = read_only
        self.schema_version = schema_version
        self._lock = threading.RLock()
        self._writer_lock = lock
        self._closed = False
        self._storage = AtomicJSONStorage(paths.data_file, read_only=read_only)
        self._extra_json = {
            name: json.dumps(table, ensure_ascii=False, separators=(",", ":"))
            for name, table in (extra or {}).items()
        }
        self._tables: dict[str, _Table] = {name: _Table(name) for name in MODEL_OF}
        for name, table_rows in rows.items():
            self._tables[name].load(table_rows)

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

    # -- writing ---------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(
                "The data is open read-only (another okrcoach may be using it), "
                "so this change was not saved."
            )

    def _encode(self) -> str:
        meta = json.dumps({"1": {"schema_version": self.schema_version}}, separators=(",", ":"))
        parts = [f'"{META_TABLE}":{meta}']
        parts += [f"{json.dumps(name)}:{table.to_json()}" for name, table in self._tables.items()]
        parts += [f"{json.dumps(name)}:{text}" for name, text in self._extra_json.items()]
        return "{" + ",".join(parts) + "}"

    def _flush(self) -> None:
        """Write the whole state; raises WriteError with the file untouched on failure."""
        try:
            self._storage.write_text(self._encode())
        except OSError as error:
            raise WriteError(
                f"Could not save to {self.paths.data_file}: {describe_os_error(error)}. "
                "The previous version of the file is unchanged; nothing was lost."
            ) from error

    def _commit(self, puts: list[Record], removes: list[tuple[str, str]]) -> None:
        """Apply puts and removes in memory, write once, undo everything if the write fails."""
        self._check_writable()
        undo: list[tuple[_Table, str, tuple[Record | None, str | None, str | None]]] = []
        saved_next = {name: t.next_doc_id for name, t in self._tables.items()}
        try:
            for record in puts:
                table = self._tables[table_name(type(record))]
                undo.append((table, record.id, table.snapshot(record.id)))
                table.put(record)
            for name, record_id in removes:
                table = self._tables[name]
                undo.append((table, record_id, table.snapshot(record_id)))
                table.remove(record_id)
            self._flush()
        except BaseException:
            for table, record_id, saved in reversed(undo):
                table.restore(record_id, saved)
            for name, value in saved_next.items():
                self._tables[name].next_doc_id = value
            raise

    @staticmethod
    def _validated(record: R) -> R:
        """A private, re-validated copy: what is stored always reloads cleanly."""
        table_name(type(record))
        return type(record).model_validate(record.model_dump())

    @_locked
    def save(self, record: R) -> R:
        self._check_writable()
        stored = self._validated(record)
        self._commit([stored], [])
        return _copy(stored)

    @_locked
    def save_many(self, records: Iterable[Record]) -> None:
        self._check_writable()
        stored = [self._validated(r) for r in records]
        if stored:
            self._commit(stored, [])

    @_locked
    def delete(self, model: type[Record], record_id: str) -> bool:
        return self.delete_many([(model, record_id)]) == 1

    @_locked
    def delete_many(self, items: Iterable[tuple[type[Record], str]]) -> int:
        self._check_writable()
        removes: list[tuple[str, str]] = []
        for model, record_id in items:
            name = table_name(model)
            if record_id in self._tables[name].records and (name, record_id) not in removes:
                removes.append((name, record_id))
        if removes:
            self._commit([], removes)
        return len(removes)

    # -- generic reads ---------------------------------------------------------

    @_locked
    def get(self, model: type[R], record_id: str) -> R | None:
        record = self._tables[table_name(model)].records.get(record_id)
        return _copy(record) if record is not None else None  # type: ignore[return-value]

    @_locked
    def all(self, model: type[R]) -> list[R]:
        return [_copy(r) for r in self._tables[table_name(model)].records.values()]  # type: ignore[misc]

    @_locked
    def counts(self) -> dict[str, int]:
        return {name: len(table.records) for name, table in self._tables.items()}

    # -- queries ---------------------------------------------------------------

    @_locked
    def cycles(self) -> list[Cycle]:
        found = self._tables["cycles"].records.values()
        return [_copy(c) for c in sorted(found, key=lambda c: (c.start, c.end, c.created_at))]  # type: ignore[attr-defined]

    @_locked
    def current_cycle(self, today: date | None = None) -> Cycle:
        """The cycle holding ``today``, preferring the calendar quarter; made if none.

        Read-only stores return the new quarter without saving it.
        """
        today = today or date.today()
        _, q_start, q_end = Cycle.quarter_of(today)
        holding = [c for c in self.cycles() if c.contains(today)]
        if holding:
            holding.sort(key=lambda c: (not (c.start == q_start and c.end == q_end), c.start))
            return holding[0]
        cycle = Cycle.for_quarter(today)
        if self.read_only:
            return cycle
        return self.save(cycle)

    @_locked
    def objectives(
        self, cycle_id: str | None = None, *, include_archived: bool = False
    ) -> list[Objective]:
        table = self._tables["objectives"]
        found = table.records.values() if cycle_id is None else table.by_key(cycle_id)
        chosen = [o for o in found if include_archived or not o.archived]  # type: ignore[attr-defined]
        chosen.sort(key=lambda o: (o.position, o.created_at))  # type: ignore[attr-defined]
        return [_copy(o) for o in chosen]  # type: ignore[misc]

    @_locked
    def key_results(self, objective_id: str) -> list[KeyResult]:
        found = self._tables["key_results"].by_key(objective_id)
        found.sort(key=lambda k: (k.position, k.created_at))  # type: ignore[attr-defined]
        return [_copy(k) for k in found]  # type: ignore[misc]

    @_locked
    def checkins(self, kr_id: str) -> list[CheckIn]:
        found = self._tables["checkins"].by_key(kr_id)
        found.sort(key=lambda c: (c.at, c.created_at))  # type: ignore[attr-defined]
        return [_copy(c) for c in found]  # type: ignore[misc]

    @_locked
    def latest_checkin(self, kr_id: str) -> CheckIn | None:
        found = self._tables["checkins"].by_key(kr_id)
        if not found:
            return None
        return _copy(max(found, key=lambda c: (c.at, c.created_at)))  # type: ignore[attr-defined,return-value]

    @_locked
    def journal(self, objective_id: str | None = None) -> list[JournalEntry]:
        table = self._tables["journal"]
        found = list(table.records.values()) if objective_id is None else table.by_key(objective_id)
        found.sort(key=lambda j: (j.at, j.created_at))  # type: ignore[attr-defined]
        return [_copy(j) for j in found]  # type: ignore[misc]

    @_locked
    def retros(self, cycle_id: str | None = None) -> list[Retrospective]:
        table = self._tables["retros"]
        found = list(table.records.values()) if cycle_id is None else table.by_key(cycle_id)
        found.sort(key=lambda r: r.created_at)
        return [_copy(r) for r in found]  # type: ignore[misc]

    @_locked
    def drafts(self, kind: str | None = None) -> list[Draft]:
        table = self._tables["drafts"]
        found = list(table.records.values()) if kind is None else table.by_key(kind)
        found.sort(key=lambda d: (d.updated_at, d.created_at), reverse=True)
        return [_copy(d) for d in found]  # type: ignore[misc]

    # -- backups ---------------------------------------------------------------

    @_locked
    def last_backup(self) -> Path | None:
        return backups.newest_backup(self.paths)

    @_locked
    def backup_now(self, reason: str) -> Path:
        """Copy the file as it is on disk now (it always matches memory after a save)."""
        self._check_writable()
        data = self._storage.read_bytes()
        if data is None:
            self._flush()
            data = self._storage.read_bytes() or b""
        try:
            return backups.write_backup(self.paths, data, reason)
        except OSError as error:
            raise WriteError(
                f"Could not write a backup in {self.paths.backup_dir}: {describe_os_error(error)}."
            ) from error
