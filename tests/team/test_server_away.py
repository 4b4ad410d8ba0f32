"""The server going away mid-session: a clear message, never a traceback, and back to work after."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from okrcoach.domain.models import Cycle, Objective
from okrcoach.store import ServerUnavailableError, WriteError
from okrcoach.store.team import open_team_store


def test_a_stopped_server_is_reported_then_the_same_store_works_again(team) -> None:
    alice = team.open("alice")
    cycle = alice.save(Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31)))
    typed = Objective(cycle_id=cycle.id, title="Typed while the server was away")
    team.cluster.stop()
    try:
        with pytest.raises(ServerUnavailableError) as away:
            alice.save(typed)
        message = str(away.value)
        assert "cannot be reached" in message or "went away" in message
        assert "alice-pw" not in message
        assert isinstance(away.value, WriteError)
        with pytest.raises(ServerUnavailableError):
            alice.objectives(cycle.id)
    finally:
        team.cluster.start()
    saved = alice.save(typed)
    assert [o.title for o in alice.objectives(cycle.id)] == [saved.title]


def test_opening_while_the_server_is_down_says_so(team) -> None:
    team.cluster.stop()
    try:
        with pytest.raises(ServerUnavailableError, match="cannot be reached") as away:
            open_team_store(team.url("alice"))
        assert "alice-pw" not in str(away.value)
    finally:
        team.cluster.start()


def test_the_listener_says_anything_may_have_changed_after_an_outage(team) -> None:
    alice = team.open("alice")
    seen: list[str] = []
    back = threading.Event()

    def changed(table: str) -> None:
        seen.append(table)
        if table == "*":
            back.set()

    alice.on_change(changed)
    team.cluster.stop()
    team.cluster.start()
    assert back.wait(timeout=30), seen
