"""Records as rows: which table holds each model, its columns, and the statements used.

Columns are the model's fields (the same names); lists and dicts go to ``jsonb``
columns. Statements are composed with ``psycopg.sql`` identifiers from these
fixed names and always take values as parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

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
from okrcoach.store.team.schema import SCHEMA

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
# Parents before children, so a save of an objective with its KRs passes the owner checks.
SAVE_ORDER = ("cycles", "objectives", "key_results", "checkins", "retros", "journal", "drafts")
JSON_FIELDS = {"retros": ("answers", "scores", "decisions"), "drafts": ("data",)}
VERSIONED = ("objectives", "key_results")
SERVER_SET = ("version",)  # the triggers set these; a save never writes them


def table_of(model: type[Record]) -> str:
    try:
        return TABLE_OF[model]
    except KeyError:
        raise TypeError(f"{model.__name__} is not a stored record") from None


def fields_of(name: str) -> list[str]:
    return list(MODEL_OF[name].model_fields)


def without_nul(value: Any) -> Any:
    """``value`` with NUL characters taken out of every string: jsonb cannot hold them.

    Text fields never hold them (the models clean control characters); only the
    free-form JSON of drafts and retros can, from pasted text.
    """
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    return value


def to_row(record: Record) -> dict[str, Any]:
    """The record's values for its table's columns (JSON-shaped, the server casts them)."""
    from psycopg.types.json import Jsonb

    name = table_of(type(record))
    row = record.model_dump(mode="json")
    for field in JSON_FIELDS.get(name, ()):
        row[field] = Jsonb(without_nul(row[field]))
    return row


def from_row(name: str, row: dict[str, Any]) -> Record:
    return MODEL_OF[name].model_validate(row)


@dataclass(frozen=True)
class Statements:
    """The fixed statements of one table."""

    select: Any  # SELECT <fields> FROM <table>
    get: Any  # SELECT <fields> FROM <table> WHERE id = %(id)s
    insert: Any  # INSERT ... RETURNING <fields>
    upsert: Any  # INSERT ... ON CONFLICT (id) DO UPDATE ... RETURNING <fields>
    # INSERT ... ON CONFLICT (id) DO UPDATE ... only WHERE the stored version is the one read
    upsert_version: Any
    insert_new: Any  # INSERT ... ON CONFLICT (id) DO NOTHING RETURNING <fields>
    delete: Any  # DELETE ... WHERE id = %(id)s RETURNING id
    table: Any  # the qualified table name


@cache
def statements(name: str) -> Statements:
    from psycopg import sql

    fields = fields_of(name)
    written = [f for f in fields if f not in SERVER_SET]
    table = sql.Identifier(SCHEMA, name)
    columns = sql.SQL(", ").join(sql.Identifier(f) for f in fields)
    written_cols = sql.SQL(", ").join(sql.Identifier(f) for f in written)
    values = sql.SQL(", ").join(sql.Placeholder(f) for f in written)
    changed = [f for f in written if f != "id"]
    assignments = sql.SQL(", ").join(
        sql.SQL("{} = EXCLUDED.{}").format(sql.Identifier(f), sql.Identifier(f)) for f in changed
    )
    insert = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(table, written_cols, values)
    returning = sql.SQL(" RETURNING {}").format(columns)
    return Statements(
        select=sql.SQL("SELECT {} FROM {}").format(columns, table),
        get=sql.SQL("SELECT {} FROM {} WHERE id = %(id)s").format(columns, table),
        insert=insert + returning,
        upsert=insert
        + sql.SQL(" ON CONFLICT (id) DO UPDATE SET {}").format(assignments)
        + returning,
        upsert_version=sql.SQL("INSERT INTO {} AS stored ({}) VALUES ({})").format(
            table, written_cols, values
        )
        + sql.SQL(" ON CONFLICT (id) DO UPDATE SET {}").format(assignments)
        + sql.SQL(" WHERE stored.version = %(version)s")
        + returning,
        insert_new=insert + sql.SQL(" ON CONFLICT (id) DO NOTHING") + returning,
        delete=sql.SQL("DELETE FROM {} WHERE id = %(id)s RETURNING id").format(table),
        table=table,
    )


@cache
def select(name: str, where: str = "", order: str = "") -> Any:
    """``SELECT <fields> FROM <table>`` plus fixed WHERE / ORDER BY text written in this package."""
    from psycopg import sql

    query = statements(name).select
    if where:
        query = query + sql.SQL(" WHERE " + where)
    if order:
        query = query + sql.SQL(" ORDER BY " + order)
    return query
