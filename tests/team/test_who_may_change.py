"""Everyone reads; only the owner (or an admin) changes: enforced by the database itself."""

from __future__ import annotations

from datetime import date

import psycopg
import pytest

from okrcoach.domain.models import CheckIn, Cycle, Draft, JournalEntry, KeyResult, Objective
from okrcoach.services.checkins import record_checkin
from okrcoach.store import NotAllowedError


@pytest.fixture
def alices(team):
    """Alice's objective with a key result and a check-in, her draft and a journal entry."""
    alice = team.open("alice")
    cycle = alice.save(Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31)))
    objective = alice.save(Objective(cycle_id=cycle.id, title="Support answers fast"))
    kr = alice.save(KeyResult(objective_id=objective.id, title="First reply", target=4))
    checkin = alice.save(CheckIn(kr_id=kr.id, value=3, confidence=6))
    draft = alice.save(Draft(kind="objective", data={"title": "secret plan"}))
    entry = alice.save(JournalEntry(text="I learned to say no", objective_id=objective.id))
    return {"objective": objective, "kr": kr, "checkin": checkin, "draft": draft, "entry": entry}


def test_a_new_objective_is_owned_by_whoever_saved_it(team, alices) -> None:
    assert alices["objective"].owner == "alice"
    assert alices["objective"].version == 1


def test_bob_reads_alices_objective_kr_and_checkins(team, alices) -> None:
    bob = team.open("bob")
    assert bob.get(Objective, alices["objective"].id) == alices["objective"]
    assert bob.key_results(alices["objective"].id) == [alices["kr"]]
    assert bob.checkins(alices["kr"].id) == [alices["checkin"]]


def test_bob_cannot_change_alices_objective_through_the_store(team, alices) -> None:
    bob = team.open("bob")
    theirs = bob.get(Objective, alices["objective"].id)
    with pytest.raises(NotAllowedError) as refused:
        bob.save(theirs.touched(title="Bob was here"))
    assert str(refused.value) == (
        "Only Alice (the owner) or an admin can change «Support answers fast»."
    )
    with pytest.raises(NotAllowedError, match="Only Alice"):
        bob.save(theirs.touched(owner="bob"))
    with pytest.raises(NotAllowedError, match="Only Alice"):
        bob.delete(Objective, theirs.id)
    with pytest.raises(NotAllowedError, match="Only Alice"):
        bob.save(alices["kr"].touched(target=99))
    with pytest.raises(NotAllowedError, match="Only Alice"):
        bob.save(KeyResult(objective_id=theirs.id, title="Sneaky extra KR", target=1))
    with pytest.raises(NotAllowedError, match="Only Alice"):
        record_checkin(bob, alices["kr"], 1, 1, note="not mine")
    with pytest.raises(NotAllowedError, match="names Alice as its owner") as refused:
        bob.save(Objective(cycle_id=theirs.cycle_id, title="In her name", owner="alice"))
    assert "Leave the owner empty to make it yours" in str(refused.value)
    assert team.open("alice").get(Objective, theirs.id) == alices["objective"]
    assert team.open("alice").checkins(alices["kr"].id) == [alices["checkin"]]


def test_bob_cannot_change_alices_rows_with_raw_sql(team, alices) -> None:
    objective_id, kr_id = alices["objective"].id, alices["kr"].id
    changed = team.sql(
        "bob", "UPDATE okrcoach.objectives SET title = 'pwned' WHERE id = %s", (objective_id,)
    )
    assert changed == 0
    assert team.sql("bob", "DELETE FROM okrcoach.objectives WHERE id = %s", (objective_id,)) == 0
    assert team.sql("bob", "DELETE FROM okrcoach.checkins WHERE kr_id = %s", (kr_id,)) == 0
    assert team.sql("bob", "UPDATE okrcoach.key_results SET target = 0 WHERE true") == 0
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team.sql(
            "bob",
            "INSERT INTO okrcoach.checkins (id, kr_id, at, value, confidence, note, learned, "
            "created_at, updated_at) VALUES ('x', %s, now(), 1, 1, '', '', now(), now())",
            (kr_id,),
        )
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team.sql("bob", "UPDATE okrcoach.checkins SET value = 0")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team.sql("bob", "INSERT INTO okrcoach.people (role, name) VALUES ('bob', 'Boss')")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team.sql("bob", "ALTER TABLE okrcoach.objectives DISABLE ROW LEVEL SECURITY")
    [row] = team.sql("bob", "SELECT title FROM okrcoach.objectives WHERE id = %s", (objective_id,))
    assert row == ("Support answers fast",)
    alice = team.open("alice")
    assert alice.get(Objective, objective_id) == alices["objective"]
    assert alice.checkins(kr_id) == [alices["checkin"]]


def test_check_ins_are_append_only_even_for_their_owner(team, alices) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team.sql("alice", "UPDATE okrcoach.checkins SET value = 0")
    alice = team.open("alice")
    with pytest.raises(Exception, match="never changed once it is saved"):
        alice.save(alices["checkin"].touched(value=100))
    assert alice.checkins(alices["kr"].id) == [alices["checkin"]]


def test_drafts_and_journal_are_private_to_their_author(team, alices) -> None:
    bob = team.open("bob")
    assert bob.get(Draft, alices["draft"].id) is None
    assert bob.drafts() == []
    assert bob.journal() == []
    assert bob.counts()["drafts"] == 0
    assert team.sql("bob", "SELECT * FROM okrcoach.drafts") == []
    assert team.sql("bob", "SELECT * FROM okrcoach.journal") == []
    assert team.sql("bob", "DELETE FROM okrcoach.drafts") == 0
    with pytest.raises(NotAllowedError):
        bob.save(alices["draft"].touched(data={"title": "overwritten"}))
    assert bob.delete(JournalEntry, alices["entry"].id) is False
    carol = team.open("carol")
    assert carol.drafts() == []  # an admin changes objectives, not other people's notes
    alice = team.open("alice")
    assert alice.get(Draft, alices["draft"].id) == alices["draft"]
    assert alice.journal() == [alices["entry"]]


def test_carol_the_admin_can_change_alices_objective(team, alices) -> None:
    carol = team.open("carol")
    theirs = carol.get(Objective, alices["objective"].id)
    changed = carol.save(theirs.touched(title="Support answers within the hour"))
    assert changed.owner == "alice"
    assert changed.version == 2
    kr = carol.save(alices["kr"].touched(target=2))
    assert kr.target == 2
    carol.save(CheckIn(kr_id=kr.id, value=2, confidence=9, note="checked in for Alice"))
    alice = team.open("alice")
    assert alice.get(Objective, theirs.id).title == "Support answers within the hour"
    assert len(alice.checkins(kr.id)) == 2
    # Carol hands the objective to Bob; from then on it is his to change.
    handed = carol.save(changed.touched(owner="bob"))
    assert handed.owner == "bob"
    bob = team.open("bob")
    assert bob.save(bob.get(Objective, theirs.id).touched(why="Mine now")).why == "Mine now"
    with pytest.raises(NotAllowedError, match="Only Bob"):
        alice.save(alice.get(Objective, theirs.id).touched(why="Still mine?"))


def test_only_an_admin_hands_an_objective_to_someone_else(team, alices) -> None:
    alice = team.open("alice")
    with pytest.raises(NotAllowedError, match="Only an admin can hand «Support answers fast»"):
        alice.save(alices["objective"].touched(owner="bob"))
    assert alice.get(Objective, alices["objective"].id).owner == "alice"


def test_a_key_result_without_its_objective_is_refused_in_words(team) -> None:
    alice = team.open("alice")
    with pytest.raises(NotAllowedError, match="save the objective first"):
        alice.save(KeyResult(objective_id="not-saved", title="Orphan", target=1))
