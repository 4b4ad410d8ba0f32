"""The team's people are read once while the store listens, and again once they change."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from uuid import uuid4

import pytest

from okrcoach.store.team.admin import add_person
from tests.team.test_live_refresh import Seen


@pytest.fixture(autouse=True)
def _people_as_they_were(team) -> Iterator[None]:
    """The people these tests let in leave again, so other tests see the usual team."""
    yield
    team.sql("owner", "DELETE FROM okrcoach.people WHERE role LIKE 'cache%%'")


def new_role(team: Any) -> str:
    """A database role no other test (nor a second run on this server) has made."""
    role = f"cache_{uuid4().hex[:10]}"
    team.cluster.create_role(role, f"{role}-pw")
    return role


def count_people_reads(store: Any) -> list[str]:
    """Every "reading the people" round trip ``store`` makes from now on."""
    reads: list[str] = []
    run = store._session.run

    def counted(doing: str, call: Any) -> Any:
        if doing == "reading the people":
            reads.append(doing)
        return run(doing, call)

    store._session.run = counted
    return reads


def test_people_are_read_once_while_listening_and_again_after_a_change(team) -> None:
    alice = team.open("alice")
    seen = Seen()
    alice.on_change(seen)
    reads = count_people_reads(alice)
    for _ in range(5):  # five dashboard loads
        assert [p.role for p in alice.people()][:2] == ["alice", "bob"]
    assert len(reads) == 1
    add_person(team.owner_url, new_role(team), name="Erin", team="Support")
    assert seen.wait_for("people")
    assert "Erin" in [p.name for p in alice.people()]  # the change is seen at once
    assert len(reads) == 2
    alice.people()
    assert len(reads) == 2


def test_without_a_listener_people_are_read_every_time(team) -> None:
    alice = team.open("alice")
    assert "Frank" not in [p.name for p in alice.people()]
    add_person(team.owner_url, new_role(team), name="Frank")
    assert "Frank" in [p.name for p in alice.people()]
