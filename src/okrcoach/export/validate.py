"""Checking an import file before anything is written: shape, sizes, text and links.

The file is treated as hostile until proven otherwise. Checks run in order
(bytes, JSON, header, every record, duplicate ids, references) and every
problem is named by its record and field so the user can find it. Terminal
control characters are refused unless the caller asks for them to be removed;
markup-like text (``[bold]``, ``<b>``) is ordinary text: it is stored as typed
and escaped wherever it is shown.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from okrcoach.domain.errors import describe
from okrcoach.domain.text import clean_line
from okrcoach.export.snapshot import FORMAT_NAME, FORMAT_VERSION, TABLE_MODELS, Snapshot, Tables
from okrcoach.export.text import CONTROL, strip_controls

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_STRING = 10_000  # longer than any field allows; caps free-form draft data too
MAX_LIST = 1_000  # items in any list or mapping inside one record
MAX_RECORDS = 200_000  # records in one table
MAX_DEPTH = 16
MAX_PROBLEMS = 20  # collected before giving up; fewer are shown
TOO_LARGE = (
    f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; an export is far smaller"
)

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_HEADER = ("format", "schema_version", "app_version", "exported_at", "cycle", "tables")
_SINGULAR = {
    "cycles": "cycle",
    "objectives": "objective",
    "key_results": "key result",
    "checkins": "check-in",
    "retros": "retrospective",
    "journal": "journal entry",
    "drafts": "draft",
}
# (table, field) -> table the id must exist in, in the file or the workspace.
REQUIRED_LINKS = {
    ("objectives", "cycle_id"): "cycles",
    ("key_results", "objective_id"): "objectives",
    ("checkins", "kr_id"): "key_results",
    ("retros", "cycle_id"): "cycles",
}
# Optional links may point at records that are gone (a deleted key result scored
# in an old retro) but must still look like ids.
OPTIONAL_LINKS = {
    "objectives": ("parent_id",),
    "retros": ("objective_id", "scores[].kr_id", "decisions[].objective_id"),
    "journal": ("objective_id",),
    "drafts": ("cycle_id", "target_id"),
}


class ImportRejected(Exception):
    """The file cannot be imported; ``problems`` name the first things wrong."""

    def __init__(self, problems: list[str], more: bool = False) -> None:
        self.problems = problems
        self.more = more
        super().__init__(self.message(5))

    def message(self, limit: int = 5) -> str:
        shown = self.problems[:limit]
        extra = len(self.problems) - len(shown)
        lines = [f"  - {p}" for p in shown]
        if extra > 0 or self.more:
            lines.append("  - and more")
        head = "The file was not imported (nothing was written):"
        return "\n".join([head, *lines])


@dataclass
class Checked:
    """A file that passed every check that does not need the workspace."""

    snapshot: Snapshot
    cleaned: list[str] = field(default_factory=list)  # fields whose control characters were removed


def safe_words(value: object, limit: int = 60) -> str:
    """User-supplied text quoted in a message: printable, at most ``limit`` screen cells."""
    from okrcoach.export.cells import clip

    return clip(clean_line(str(value)), limit)


def _record_name(table: str, index: int, row: object) -> str:
    name = f"{_SINGULAR.get(table, table)} #{index + 1}"
    record_id = row.get("id") if isinstance(row, dict) else None
    if isinstance(record_id, str) and ID_PATTERN.match(record_id):
        name += f" (id {record_id})"
    return name


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(safe_words(text, 400))

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_PROBLEMS

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportRejected(self.items, more=self.full)


class _Walker:
    """Bounds every value in a record and finds (or removes) control characters."""

    def __init__(self, problems: _Problems, cleaned: list[str], clean_text: bool) -> None:
        self.problems = problems
        self.cleaned = cleaned
        self.clean_text = clean_text
        self.bad = False
        self.record = ""

    def start(self, record: str) -> None:
        """Begin checking one record (named in every message)."""
        self.record = record
        self.bad = False

    def where(self, path: str) -> str:
        return f"{self.record}: {path}" if path else self.record

    def fail(self, text: str) -> None:
        self.bad = True
        self.problems.add(text)

    def text(self, value: str, path: str) -> str:
        where = self.where(path)
        if len(value) > MAX_STRING:
            self.fail(
                f"{where}: text of {len(value):,} characters is too long (at most {MAX_STRING:,})"
            )
            return value
        if CONTROL.search(value) is None:
            return value
        if not self.clean_text:
            self.fail(
                f"{where}: contains terminal control characters (escape codes), which an "
                "okrcoach export never holds; use --clean-text to import it with them removed"
            )
            return value
        self.cleaned.append(where)
        return strip_controls(value)

    def walk(self, value: Any, path: str = "", depth: int = 0) -> Any:
        where = self.where(path)
        if depth > MAX_DEPTH:
            self.fail(f"{where}: nested more than {MAX_DEPTH} levels deep")
            return value
        if isinstance(value, str):
            return self.text(value, path)
        if isinstance(value, list):
            if len(value) > MAX_LIST:
                self.fail(
                    f"{where}: a list of {len(value):,} items is too long (at most {MAX_LIST:,})"
                )
                return value
            return [self.walk(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]
        if isinstance(value, dict):
            if len(value) > MAX_LIST:
                self.fail(f"{where}: {len(value):,} entries are too many (at most {MAX_LIST:,})")
                return value
            out = {}
            for key, item in value.items():
                name = self.text(key, f"{path}: a field name" if path else "a field name")
                shown = safe_words(name, 30)
                out[name] = self.walk(item, f"{path}.{shown}" if path else shown, depth + 1)
            return out
        return value


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number okrcoach accepts")


def load_json(data: bytes) -> Any:
    """Bytes to JSON values, refusing oversize, non-UTF-8, NaN/Infinity and deep nesting."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected([TOO_LARGE])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRejected([f"the file is not UTF-8 text (byte {error.start:,})"]) from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ImportRejected(
            [f"the file is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"]
        ) from None
    except RecursionError:
        raise ImportRejected(["the file is nested too deeply to be an okrcoach export"]) from None
    except ValueError as error:
        raise ImportRejected([f"the file is not valid JSON: {error}"]) from None


def _check_header(top: Any, problems: _Problems) -> dict[str, Any]:
    if not isinstance(top, dict):
        raise ImportRejected(["the file does not hold an okrcoach export (expected a JSON object)"])
    fmt = top.get("format")
    if fmt != FORMAT_NAME:
        shown = "missing" if fmt is None else repr(safe_words(fmt, 40))
        raise ImportRejected(
            [f"this is not an okrcoach export: format is {shown}, expected {FORMAT_NAME!r}"]
        )
    version = top.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRejected(["schema_version: is missing or not a whole number"])
    if version > FORMAT_VERSION:
        raise ImportRejected(
            [
                f"schema_version {version} was written by a newer okrcoach "
                f"(this one reads version {FORMAT_VERSION}); update okrcoach to import it"
            ]
        )
    if version != FORMAT_VERSION:
        raise ImportRejected([f"schema_version {version} is unknown (expected {FORMAT_VERSION})"])
    for key in top:
        if key not in _HEADER:
            problems.add(f"unknown top-level field {safe_words(key, 40)!r}")
    tables = top.get("tables")
    if not isinstance(tables, dict):
        raise ImportRejected(["tables: is missing or not an object of tables"])
    for name, rows in tables.items():
        if name not in TABLE_MODELS:
            problems.add(f"tables: unknown table {safe_words(name, 40)!r}")
        elif not isinstance(rows, list):
            problems.add(f"tables.{name}: must be a list of records")
        elif len(rows) > MAX_RECORDS:
            problems.add(
                f"tables.{name}: {len(rows):,} records are too many (at most {MAX_RECORDS:,})"
            )
    return tables


def _check_rows(name: str, rows: list[Any], problems: _Problems, walker: _Walker) -> list[Any]:
    model = TABLE_MODELS[name]
    valid: list[Any] = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows):
        if problems.full:
            break
        where = _record_name(name, index, row)
        if not isinstance(row, dict):
            problems.add(f"{where}: must be an object with fields, not {type(row).__name__}")
            continue
        walker.start(where)
        row = walker.walk(row)
        if walker.bad:
            continue
        try:
            record = model.model_validate(row)
        except ValidationError as error:
            problems.add(f"{where}: {describe(error)}")
            continue
        if record.id in seen:
            problems.add(
                f"{where}: the id is used twice in {name} (also by #{seen[record.id] + 1})"
            )
            continue
        seen[record.id] = index
        valid.append(record)
    return valid


def check_document(data: bytes, *, clean_text: bool = False) -> Checked:
    """Everything about the file that needs no workspace; ``ImportRejected`` if anything fails."""
    top = load_json(data)
    problems = _Problems()
    tables = _check_header(top, problems)
    header = {k: v for k, v in top.items() if k in _HEADER and k != "tables"}
    cleaned: list[str] = []
    walker = _Walker(problems, cleaned, clean_text)
    walker.start("header")
    header = walker.walk(header)
    try:
        base = Snapshot.model_validate({**header, "tables": {}})
    except ValidationError as error:
        problems.add(f"header: {describe(error)}")
        base = Snapshot()
    records: dict[str, list[Any]] = {}
    for name in TABLE_MODELS:
        rows = tables.get(name, [])
        if isinstance(rows, list) and len(rows) <= MAX_RECORDS:
            records[name] = _check_rows(name, rows, problems, walker)
    problems.raise_if_any()
    snapshot = base.model_copy(update={"tables": Tables.model_construct(**records)})
    return Checked(snapshot=snapshot, cleaned=cleaned)


def _optional_ids(name: str, record: Any) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for spec in OPTIONAL_LINKS.get(name, ()):
        if "[]." in spec:
            list_name, field_name = spec.split("[].")
            for i, item in enumerate(getattr(record, list_name)):
                found.append((f"{list_name}[{i}].{field_name}", getattr(item, field_name)))
        else:
            found.append((spec, getattr(record, spec)))
    return found


def check_references(snapshot: Snapshot, known: Mapping[str, set[str]]) -> None:
    """Every required link resolves in the file or the workspace (``known`` ids by table)."""
    problems = _Problems()
    ids = {
        name: {r.id for r in getattr(snapshot.tables, name)} | set(known.get(name, ()))
        for name in TABLE_MODELS
    }
    for name in TABLE_MODELS:
        for index, record in enumerate(getattr(snapshot.tables, name)):
            where = _record_name(name, index, {"id": record.id})
            for (table, field_name), target in REQUIRED_LINKS.items():
                if table != name:
                    continue
                value = getattr(record, field_name)
                if value not in ids[target]:
                    problems.add(
                        f"{where}: {field_name} points to {_SINGULAR[target]} "
                        f"{safe_words(value, 40)!r}, which is in neither the file nor the workspace"
                    )
            for field_name, value in _optional_ids(name, record):
                if value is not None and not ID_PATTERN.match(value):
                    problems.add(f"{where}: {field_name} is not a valid id")
            if problems.full:
                problems.raise_if_any()
    problems.raise_if_any()
