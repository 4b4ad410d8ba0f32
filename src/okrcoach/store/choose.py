"""Open the workspace wherever it lives: the local data folder, or a team store URL."""

from __future__ import annotations

from typing import Any

from okrcoach.paths import AppPaths


def open_workspace(location: str | None, paths: AppPaths, *, read_only: bool = False) -> Any:
    """A team URL opens the team store; None opens the local store as ``open_store`` does."""
    if location is not None and location.strip().lower().startswith(
        ("postgresql://", "postgres://")
    ):
        from okrcoach.store.team import open_team_store  # type: ignore[import-not-found]

        return open_team_store(location, read_only=read_only)
    from okrcoach.store.opening import open_store

    return open_store(paths, read_only=read_only)
