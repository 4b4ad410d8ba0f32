"""Edits made on a stale copy are refused, naming who changed it and when; check-ins never clash."""

from __future__ import annotations

from datetime import date

import pytest

from okrcoach.domain.models import CheckIn, Cycle, KeyResult, Objective
from okrcoach.services.checkins import record_checkin
from okrcoach.store import ConflictError


@pytest.fixture
def shared(team):
    """Alice's objective and KR, opened by Alice in two windows and by Carol (an admin)."""
    alice = team.open("alice")
    cycle = alice.save(Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31)))
    objective = alice.save(Objective(cycle_id=cycle.id, title="Onboarding in a day"))
    kr = alice.save(KeyResult(objective_id=objective.id, title="Days to first commit", target=1))
    return objective, kr


def test_a_stale_save_names_who_changed_it_and_when(team, shared) -> None:
    objective, _ = shared
    mine = team.open("alice").get(Objective, objective.id)
    carols = team.open("carol")
    theirs = carols.save(carols.get(Objective, objective.id).touched(why="Carol's reason"))
    with pytest.raises(ConflictError) as conflict:
        team.open("alice").save(mine.touched(why="Alice's reason"))
    error = conflict.value
    assert error.who == "Carol"
    assert error.when == theirs.updated_at
    assert str(error).startswith("«Onboarding in a day» was changed by Carol at ")
    assert str(error).endswith(
        "after you opened it; your edit was not saved. Reload to see theirs."
    )
    assert team.open("bob").get(Objective, objective.id).why == "Carol's reason"


def test_the_same_person_in_two_windows_is_told_too(team, shared) -> None:
    _, kr = shared
    first, second = team.open("alice"), team.open("alice")
    a = first.get(KeyResult, kr.id)
    b = second.get(KeyResult, kr.id)
    first.save(a.touched(target=2))
    with pytest.raises(ConflictError, match="changed by Alice"):
        second.save(b.touched(target=3))
    again = second.save(second.get(KeyResult, kr.id).touched(target=3))  # after a reload
    assert again.target == 3 and again.version == 3


def test_a_refused_save_many_saves_nothing(team, shared) -> None:
    objective, kr = shared
    alice = team.open("alice")
    stale = alice.get(Objective, objective.id)
    alice.save(stale.touched(title="Onboarding in two days"))
    checkin = CheckIn(kr_id=kr.id, value=2, confidence=5)
    with pytest.raises(ConflictError):
        alice.save_many([checkin, stale.touched(why="lost?")])
    assert alice.checkins(kr.id) == []


def test_check_ins_from_two_windows_never_conflict(team, shared) -> None:
    _, kr = shared
    first, second = team.open("alice"), team.open("alice")
    stale = first.get(KeyResult, kr.id)
    record_checkin(second, second.get(KeyResult, kr.id), 3, 6, note="from the laptop")
    record_checkin(first, stale, 2, 7, note="from the desktop")  # re-reads the KR
    notes = [c.note for c in first.checkins(kr.id)]
    assert sorted(notes) == ["from the desktop", "from the laptop"]
    assert first.get(KeyResult, kr.id).current == 2


def test_a_copy_saved_under_a_new_id_is_a_new_record(team, shared) -> None:
    objective, kr = shared
    alice = team.open("alice")
    copy = kr.model_copy(update={"id": "copied-kr", "title": "A copy"})
    saved = alice.save(copy)
    assert saved.version == 1
    assert [k.title for k in alice.key_results(objective.id)] == ["Days to first commit", "A copy"]


def test_undo_of_an_archive_works_and_is_refused_after_someone_elses_edit(team, shared) -> None:
    from okrcoach.services import objectives as actions

    objective, _ = shared
    alice = team.open("alice")
    change = actions.archive(alice, objective.id)
    actions.undo(alice, change)
    assert alice.get(Objective, objective.id).archived is False
    change = actions.archive(alice, objective.id)
    carol = team.open("carol")
    carol.save(carol.get(Objective, objective.id).touched(why="Carol kept it archived"))
    with pytest.raises(ConflictError, match="changed by Carol"):
        actions.undo(alice, change)
    assert alice.get(Objective, objective.id).why == "Carol kept it archived"
