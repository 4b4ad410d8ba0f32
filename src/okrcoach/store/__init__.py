"""Crash-safe storage of the workspace: the only layer that touches files and TinyDB.

Callers get and give pydantic records; the file layout, locking, backups and
migrations stay in here. Never imports Textual.

``doctor`` (inspecting and restoring) loads when first asked for: opening the
app does not need it.
"""

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from okrcoach.store.backups import list_backups
    from okrcoach.store.doctor import DataReport, inspect_data, restore_backup

_LATER = {
    "DataReport": "okrcoach.store.doctor",
    "inspect_data": "okrcoach.store.doctor",
    "restore_backup": "okrcoach.store.doctor",
    "list_backups": "okrcoach.store.backups",
}


def __getattr__(name: str) -> Any:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


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
