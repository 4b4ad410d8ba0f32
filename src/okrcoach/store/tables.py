"""The store's memory: one table's records with cached JSON and a parent index, per file.

A ``Part`` is one file's tables (the main file, key ``MAIN``, or one cycle's
file, keyed by its cycle id); ``home_of`` says which file a record belongs in,
given the index (objective -> cycle, key result -> objective).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from okrcoach.domain.models import CheckIn, KeyResult, Objective, Record
from okrcoach.store.layout import CYCLE_TABLES, MODEL_OF

# Which field each table is indexed by, for the parent-child queries.
INDEXED: dict[str, str] = {
    "objectives": "cycle_id",
    "key_results": "objective_id",
    "checkins": "kr_id",
    "journal": "objective_id",
    "retros": "cycle_id",
    "drafts": "kind",
}
MAIN = ""  # the main file's key; cycle files are keyed by their cycle id (never empty)


class Table:
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

    def load(self, rows: list[tuple[str, Record]] | Iterable[tuple[str, Record]]) -> None:
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


class Part:
    """One file's records in memory: the main file or one cycle's file."""

    def __init__(self, key: str, path: Path) -> None:
        self.key = key
        self.path = path
        names = MODEL_OF if key == MAIN else CYCLE_TABLES
        self.tables: dict[str, Table] = {name: Table(name) for name in names}
        self.extra_json: dict[str, str] = {}

    def load(self, rows: dict[str, list[tuple[str, Record]]], extra: dict[str, Any] | None) -> None:
        for name, table_rows in rows.items():
            if table_rows or name in self.tables:
                self.tables[name].load(table_rows)
        self.extra_json = {
            name: json.dumps(table, ensure_ascii=False, separators=(",", ":"))
            for name, table in (extra or {}).items()
        }


def kr_home(kr_id: str, obj_cycle: dict[str, str], kr_obj: dict[str, str]) -> str:
    objective_id = kr_obj.get(kr_id)
    return obj_cycle.get(objective_id, MAIN) if objective_id is not None else MAIN


def home_of(name: str, record: Record, obj_cycle: dict[str, str], kr_obj: dict[str, str]) -> str:
    """The file a record belongs in, given the index."""
    if name == "objectives" and isinstance(record, Objective):
        return record.cycle_id
    if name == "key_results" and isinstance(record, KeyResult):
        return obj_cycle.get(record.objective_id, MAIN)
    if name == "checkins" and isinstance(record, CheckIn):
        return kr_home(record.kr_id, obj_cycle, kr_obj)
    return MAIN


Move = tuple[str | None, str | None, Record | None]  # from file, to file, new record
