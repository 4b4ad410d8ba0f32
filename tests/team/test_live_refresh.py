"""Other people's changes reach an open store within a second or so (LISTEN/NOTIFY)."""

from __future__ import annotations

import threading
import time
from datetime import date

from okrcoach.domain.models import CheckIn, Cycle, Draft, KeyResult, Objective


class Seen:
    def __init__(self) -> None:
        self.tables: list[str] = []
        self.lock = threading.Lock()
        self.event = threading.Event()
        self.waiting_for = ""

    def __call__(self, table: str) -> None:
        with self.lock:
            self.tables.append(table)
            if table == self.waiting_for:
                self.event.set()

    def wait_for(self, table: str, timeout: float = 10) -> bool:
        with self.lock:
            self.waiting_for = table
            if table in self.tables:
                return True
            self.event.clear()
        return self.event.wait(timeout)


def test_bobs_check_in_reaches_alices_open_store(team) -> None:
    alice, bob = team.open("alice"), team.open("bob")
    seen = Seen()
    alice.on_change(seen)
    cycle = bob.save(Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31)))
    objective = bob.save(Objective(cycle_id=cycle.id, title="Close more deals"))
    kr = bob.save(KeyResult(objective_id=objective.id, title="Deals closed", target=10))
    started = time.monotonic()
    bob.save(CheckIn(kr_id=kr.id, value=3, confidence=6))
    assert seen.wait_for("checkins")
    assert time.monotonic() - started < 2.5
    assert {"cycles", "objectives", "key_results"} <= set(seen.tables)


def test_own_changes_and_private_drafts_are_not_reported(team) -> None:
    alice, bob = team.open("alice"), team.open("bob")
    seen = Seen()
    alice.on_change(seen)
    alice.save(Cycle(name="Mine", start=date(2026, 1, 1), end=date(2026, 3, 31)))
    bob.save(Draft(kind="objective", data={"title": "private"}))
    bob.save(Objective(cycle_id="c", title="Bob's"))
    assert seen.wait_for("objectives")
    assert "cycles" not in seen.tables
    assert "drafts" not in seen.tables


def test_unsubscribe_and_close_stop_the_calls(team) -> None:
    alice, bob = team.open("alice"), team.open("bob")
    kept, dropped = Seen(), Seen()
    alice.on_change(kept)
    unsubscribe = alice.on_change(dropped)
    unsubscribe()
    bob.save(Objective(cycle_id="c", title="Bob's"))
    assert kept.wait_for("objectives")
    assert dropped.tables == []
    alice.close()
    listening = [t for t in threading.enumerate() if t.name == "okrcoach-team-changes"]
    assert listening == []


def test_a_dashboard_read_shows_bobs_check_in_once_it_is_heard_of(team) -> None:
    from okrcoach.store.team import readahead

    alice, bob = team.open("alice"), team.open("bob")
    cycle = bob.save(Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31)))
    objective = bob.save(Objective(cycle_id=cycle.id, title="Close more deals"))
    kr = bob.save(KeyResult(objective_id=objective.id, title="Deals closed", target=10))
    seen = Seen()
    alice.on_change(seen)
    alice.objectives(cycle.id)  # the dashboard's read-ahead of KRs and latest check-ins
    assert alice.latest_checkin(kr.id) is None
    bob.save(CheckIn(kr_id=kr.id, value=3, confidence=6))
    assert seen.wait_for("checkins")
    assert alice.latest_checkin(kr.id).value == 3
    # Without a listener, a read-ahead answer is at most the window old.
    carol = team.open("carol")
    carol.objectives(cycle.id)
    bob.save(CheckIn(kr_id=kr.id, value=4, confidence=6))
    deadline = time.monotonic() + readahead.WINDOW + 5
    while carol.latest_checkin(kr.id).value != 4 and time.monotonic() < deadline:
        threading.Event().wait(0.05)
    assert carol.latest_checkin(kr.id).value == 4


def test_a_stray_notification_is_not_passed_on(team) -> None:
    alice, bob = team.open("alice"), team.open("bob")
    seen = Seen()
    alice.on_change(seen)
    team.sql("bob", "NOTIFY okrcoach_changes, 'not-a-table'")
    bob.save(Objective(cycle_id="c", title="Bob's"))
    assert seen.wait_for("objectives")
    assert seen.tables == ["objectives"]
