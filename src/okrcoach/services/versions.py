"""Versions of records on a team store: a save names the version it was made from.

A team store refuses to save a copy older than the one it holds (someone else
changed it since), so a change built on a record must carry that record's
version. The local store keeps versions too; these helpers work for both.
"""

from __future__ import annotations

from typing import Any, TypeVar

R = TypeVar("R")


def version_of(record: Any) -> int | None:
    """The record's version, or None for records that carry none."""
    version = getattr(record, "version", None)
    return version if isinstance(version, int) else None


def at_version(record: R, version: int | None) -> R:
    """``record`` claiming to be made from ``version`` (unchanged when there is none)."""
    if version is None or version_of(record) is None:
        return record
    return record.model_copy(update={"version": version})  # type: ignore[attr-defined,no-any-return]
