"""Crash-safe storage of the workspace: the only layer that touches files and TinyDB.

Callers get and give pydantic records; the file layout, locking, backups and
migrations stay in here. Never imports Textual.
"""

from okrcoach.store.backups import list_backups
from okrcoach.store.doctor import DataReport, inspect_data, restore_backup
from okrcoach.store.errors import (
    ConflictError,
    CorruptFileError,
    FutureSchemaError,
    LockedError,
    NotAllowedError,
    ReadOnlyError,
    ServerUnavailableError,
    StoreError,
    SuspiciousFileError,
    WriteError,
)
from okrcoach.store.limits import LimitError
from okrcoach.store.migrations import SCHEMA_VERSION
from okrcoach.store.opening import open_store
from okrcoach.store.repository import Store

__all__ = [
    "SCHEMA_VERSION",
    "ConflictError",
    "CorruptFileError",
    "DataReport",
    "FutureSchemaError",
    "LimitError",
    "LockedError",
    "NotAllowedError",
    "ReadOnlyError",
    "ServerUnavailableError",
    "Store",
    "StoreError",
    "SuspiciousFileError",
    "WriteError",
    "inspect_data",
    "list_backups",
    "open_store",
    "restore_backup",
]
