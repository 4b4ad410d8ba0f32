"""One ``store`` fixture, two backends: the local folder and the team server (as alice).

Every test in this folder runs against both, so the two implementations of the
store's interface cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from okrcoach.paths import AppPaths
from okrcoach.store import open_store


@pytest.fixture(params=["local", "team"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def reopen(backend: str, request: pytest.FixtureRequest) -> Callable[..., Any]:
    """Open (again) the same workspace: ``reopen(read_only=True)`` for a reader."""
    if backend == "local":
        paths: AppPaths = request.getfixturevalue("paths")
        opened: list[Any] = []

        def local(read_only: bool = False) -> Any:
            store = open_store(paths, read_only=read_only)
            opened.append(store)
            return store

        request.addfinalizer(lambda: [s.close() for s in opened])
        return local
    team = request.getfixturevalue("team")
    return lambda read_only=False: team.open("alice", read_only=read_only)


@pytest.fixture
def store(reopen: Callable[..., Any]) -> Iterator[Any]:
    opened = reopen()
    yield opened
    opened.close()
