"""Which store a location names: a PostgreSQL URL opens the team store, anything else the local.

The team store's module (and its driver) is imported only for a URL, so the
local path starts exactly as fast as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from okrcoach.paths import AppPaths
from okrcoach.store.opening import open_store
from okrcoach.store.repository import Store
from okrcoach.store.team.urls import is_team_url

if TYPE_CHECKING:
    from okrcoach.store.team.repository import TeamStore


def open_workspace(
    location: str | None, paths: AppPaths, *, read_only: bool = False
) -> Store | TeamStore:
    """The team store at ``location`` if it is a server URL, else the local store at ``paths``."""
    if location is not None and is_team_url(location):
        from okrcoach.store.team import open_team_store

        return open_team_store(location.strip(), read_only=read_only)
    return open_store(paths, read_only=read_only)
