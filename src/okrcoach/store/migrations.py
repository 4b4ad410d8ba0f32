"""Schema versions and the steps between them, applied to the raw tables.

A migration takes the raw tables (table name -> TinyDB doc id -> document)
of version ``n`` and returns those of version ``n + 1``. It runs before the
records are validated against today's models, so it may reshape anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

RawTables = dict[str, dict[str, Any]]
Migration = Callable[[RawTables], RawTables]

SCHEMA_VERSION = 2
META_TABLE = "meta"
DATA_TABLES = (
    "cycles",
    "objectives",
    "key_results",
    "checkins",
    "retros",
    "journal",
    "drafts",
)


def _v0_to_v1(tables: RawTables) -> RawTables:
    """Version 0 files had no meta table and possibly missing tables: add them."""
    migrated = dict(tables)
    for name in DATA_TABLES:
        migrated.setdefault(name, {})
    return migrated


def _v1_to_v2(tables: RawTables) -> RawTables:
    """Version 2 splits the workspace into a main file and one file per cycle.

    The tables themselves are unchanged: the store writes them out in the new
    layout (main file plus ``cycles/<id>.json``) right after a backup.
    """
    return dict(tables)


MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1, 1: _v1_to_v2}


def migrate(tables: RawTables, version: int) -> RawTables:
    """Apply every step from ``version`` up to ``SCHEMA_VERSION``."""
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise LookupError(f"no migration from schema version {version}")
        tables = step(tables)
        version += 1
    return tables
