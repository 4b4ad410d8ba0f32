"""Pytest fixtures for team mode: one throwaway server per test process, a clean team per test.

The server is started once per pytest process (each xdist worker has its own),
the schema created with ``init_schema``, and three people let in: alice and bob
(members) and carol (admin), each logging in as their own role with a password.
Every test starts from empty tables. No server binaries: the tests fail, saying
how to install them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.team.cluster import Cluster, ServerMissing, start_cluster

PEOPLE = {
    "alice": ("Alice", "Support", False),
    "bob": ("Bob", "Sales", False),
    "carol": ("Carol", "", True),
}
DATA_TABLES = ("cycles", "objectives", "key_results", "checkins", "retros", "journal", "drafts")


@dataclass
class Team:
    cluster: Cluster
    opened: list[Any] = field(default_factory=list)

    @property
    def owner_url(self) -> str:
        return self.cluster.url()

    def url(self, role: str) -> str:
        """``role``'s login URL ("owner": the database owner, who runs ``team init``)."""
        if role == "owner":
            return self.owner_url
        return self.cluster.url(role, f"{role}-pw")

    def open(self, role: str, **kwargs: Any) -> Any:
        from okrcoach.store.team import open_team_store

        store = open_team_store(self.url(role), **kwargs)
        self.opened.append(store)
        return store

    def sql(self, role: str, query: Any, params: Any = None) -> Any:
        """Run ``query`` as ``role`` on a connection of its own, like someone using psql."""
        import psycopg

        with psycopg.connect(self.url(role), autocommit=True) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else cursor.rowcount

    def empty(self) -> None:
        import psycopg

        with psycopg.connect(self.owner_url, autocommit=True) as conn:
            tables = ", ".join(f"okrcoach.{t}" for t in DATA_TABLES)
            conn.execute(f"TRUNCATE {tables}")


@pytest.fixture(scope="session")
def team_server() -> Iterator[Cluster]:
    try:
        cluster = start_cluster()
    except ServerMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    try:
        from okrcoach.store.team.admin import add_person, init_schema

        init_schema(cluster.url())
        for role, (name, team, admin) in PEOPLE.items():
            cluster.create_role(role, f"{role}-pw")
            add_person(cluster.url(), role, name=name, team=team, admin=admin)
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def team(team_server: Cluster) -> Iterator[Team]:
    """The team's server with empty tables; stores opened through it are closed afterwards."""
    if not team_server.started:
        team_server.start()
    made = Team(team_server)
    made.empty()
    yield made
    for store in made.opened:
        store.close()


@pytest.fixture
def open_as(team: Team) -> Callable[[str], Any]:
    return team.open
