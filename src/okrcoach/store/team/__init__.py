"""Team mode: the store's interface on a PostgreSQL server a team already runs.

Importing this package is cheap: psycopg is imported only when a team store is
opened, so the local path and ``okrcoach lint`` never load it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from okrcoach.store.team.urls import is_team_url, redact

if TYPE_CHECKING:
    from okrcoach.store.team.repository import TeamStore

__all__ = ["TeamStore", "is_team_url", "open_team_store", "redact"]


def open_team_store(url: str, *, read_only: bool = False) -> TeamStore:
    """Open the team store at ``url``; StoreError subclasses say what is wrong, in words."""
    from okrcoach.store.team.opening import open_team_store as opening

    return opening(url, read_only=read_only)


def __getattr__(name: str) -> object:
    if name == "TeamStore":
        from okrcoach.store.team.repository import TeamStore

        return TeamStore
    raise AttributeError(name)
