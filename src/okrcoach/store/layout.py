"""The files' shape: which model lives in which table and file, and how bytes become records.

Layout (schema 2): the main file holds meta, cycles, retros, journal, drafts,
records whose parent is unknown, and an index (objective -> cycle, key result
-> objective). Each cycle's objectives, key results and check-ins live in
``cycles/<cycle id>.json`` beside it. A single file holding every table (schema
0 or 1, or a backup "bundle") is split into that layout by the writer.

Parsing judges a file but never acts on it: the store (or ``inspect_data``)
decides what a problem means (new file, stop and restore, move aside).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError

from okrcoach.domain.errors import describe
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
from okrcoach.store.migrations import META_TABLE, SCHEMA_VERSION, RawTables, migrate

TABLE_OF: dict[type[Record], str] = {
    Cycle: "cycles",
    Objective: "objectives",
    KeyResult: "key_results",
    CheckIn: "checkins",
    Retrospective: "retros",
    JournalEntry: "journal",
    Draft: "drafts",
}
MODEL_OF: dict[str, type[Record]] = {name: model for model, name in TABLE_OF.items()}
# Tables kept in the per-cycle files; the others always stay in the main file.
CYCLE_TABLES = ("objectives", "key_results", "checkins")
INDEX_TABLE = "index"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def cycles_dir(paths: AppPaths) -> Path:
    return paths.cycles_dir


def cycle_file(paths: AppPaths, cycle_id: str) -> Path:
    """``cycles/<id>.json``; ids that are not plain names get a hashed name (``=...``)."""
    if _SAFE_NAME.match(cycle_id):
        name = cycle_id
    else:
        name = "=" + hashlib.sha256(cycle_id.encode("utf-8")).hexdigest()[:32]
    return cycles_dir(paths) / f"{name}.json"


ProblemKind = Literal["empty", "null", "corrupt", "future", "missing"]


class FileProblem(Exception):
    """Why a file cannot be used as is; ``reason`` completes 'The data file ... : '."""

    def __init__(self, kind: ProblemKind, reason: str, version: int | None = None) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.version = version


@dataclass
class Parsed:
    """A readable file: its schema version, raw tables (meta excluded) and meta doc."""

    version: int
    tables: RawTables
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def single_file(self) -> bool:
        """Every table in one file (schema 0/1 or a backup bundle): to be split."""
        return self.version < 2 or bool(self.meta.get("bundle"))


@dataclass
class Decoded:
    """Validated records per table, keyed by their TinyDB doc id, plus unknown tables."""

    records: dict[str, list[tuple[str, Record]]]
    extra: RawTables = field(default_factory=dict)


def table_name(model: type[Record]) -> str:
    try:
        return TABLE_OF[model]
    except KeyError:
        raise TypeError(f"{model.__name__} is not a stored record type") from None


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a piece of text"
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


def parse(raw: bytes) -> Parsed:
    """Bytes -> version and raw tables; raises FileProblem saying what is wrong."""
    if not raw.strip():
        what = "empty (0 bytes)" if not raw else "blank (only spaces or line breaks)"
        raise FileProblem("empty", f"it is {what}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FileProblem(
            "corrupt", f"it holds binary data, not text (unreadable byte at position {error.start})"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileProblem(
            "corrupt",
            f"it is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); "
            "it may have been cut short",
        ) from None
    if data is None:
        raise FileProblem("null", "it holds no data (just the word null)")
    if not isinstance(data, dict):
        raise FileProblem("corrupt", f"its top level is {_kind_of(data)}, not a set of tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise FileProblem(
                "corrupt", f"table '{name}' is {_kind_of(table)}, not a set of records"
            )
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                raise FileProblem(
                    "corrupt",
                    f"record {doc_id} in table '{name}' is {_kind_of(doc)}, not a record",
                )
    meta = data.pop(META_TABLE, None)
    version = _version(meta)
    if version > SCHEMA_VERSION:
        raise FileProblem(
            "future",
            f"it uses schema version {version}, newer than this okrcoach understands "
            f"(up to {SCHEMA_VERSION})",
            version=version,
        )
    first: dict[str, Any] = next(iter(meta.values()), {}) if meta else {}
    return Parsed(version=version, tables=data, meta=dict(first))


def _version(meta: dict[str, Any] | None) -> int:
    if meta is None:
        return 0
    for doc in meta.values():
        value = doc.get("schema_version")
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    raise FileProblem("corrupt", "its meta table has no valid schema version")


@cache
def _adapter(model: type[Record]) -> TypeAdapter[list[Record]]:
    # A list of a model chosen at run time: mypy takes a variable for no type here.
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def decode(parsed: Parsed) -> Decoded:
    """Migrate (in memory) and validate every record; raises FileProblem on the first bad one."""
    tables = migrate(parsed.tables, parsed.version)
    decoded = Decoded(records={})
    for name, table in tables.items():
        model = MODEL_OF.get(name)
        if model is None:
            decoded.extra[name] = table
            continue
        doc_ids = list(table)
        if not doc_ids:  # nothing to check: a validator is built only for a table with records
            decoded.records[name] = []
            continue
        try:
            records = _adapter(model).validate_python(list(table.values()))
        except ValidationError as error:
            first = error.errors()[0]
            index = first["loc"][0] if first.get("loc") else 0
            doc_id = doc_ids[index] if isinstance(index, int) else "?"
            single = _single_error(model, table[doc_id]) if doc_id in table else str(error)
            raise FileProblem(
                "corrupt", f"record {doc_id} in table '{name}' is invalid: {single}"
            ) from None
        seen: set[str] = set()
        for record in records:
            if record.id in seen:
                raise FileProblem(
                    "corrupt", f"table '{name}' holds two records with id {record.id}"
                )
            seen.add(record.id)
        decoded.records[name] = list(zip(doc_ids, records, strict=True))
    for name in MODEL_OF:
        decoded.records.setdefault(name, [])
    return decoded


def _single_error(model: type[Record], doc: dict[str, Any]) -> str:
    try:
        model.model_validate(doc)
    except ValidationError as error:
        return describe(error)
    return "it does not match the expected fields"


Index = tuple[dict[str, str], dict[str, str]]


def take_index(decoded: Decoded) -> Index:
    """Pop and check the main file's index: (objective -> cycle, key result -> objective)."""
    table = decoded.extra.pop(INDEX_TABLE, None)
    if table is None:
        return {}, {}
    doc: object = next(iter(table.values()), {}) if len(table) == 1 else None
    if not isinstance(doc, dict):
        raise FileProblem("corrupt", f"its table '{INDEX_TABLE}' is not a single record")
    found: list[dict[str, str]] = []
    for name in ("objectives", "key_results"):
        mapping = doc.get(name, {})
        if not isinstance(mapping, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in mapping.items()
        ):
            raise FileProblem("corrupt", f"its index of {name.replace('_', ' ')} is damaged")
        found.append(dict(mapping))
    return found[0], found[1]


def check_cycle_file(decoded: Decoded, parsed: Parsed, cycle_id: str) -> None:
    """A cycle file holds only that cycle's tables; raises FileProblem otherwise."""
    if parsed.meta.get("cycle_id") != cycle_id:
        raise FileProblem("corrupt", f"it does not belong to cycle {cycle_id}")
    for name, rows in decoded.records.items():
        if rows and name not in CYCLE_TABLES:
            raise FileProblem("corrupt", f"table '{name}' does not belong in a cycle file")
    for record in (r for _, r in decoded.records["objectives"]):
        if isinstance(record, Objective) and record.cycle_id != cycle_id:
            raise FileProblem("corrupt", f"objective {record.id} belongs to another cycle")
