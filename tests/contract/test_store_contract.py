"""The store's public API, the same on the local folder and on the team server."""

from __future__ import annotations

from datetime import date

import pytest

from okrcoach.domain.models import (
    TEXT_MAX,
    TITLE_MAX,
    CheckIn,
    Cycle,
    Draft,
    JournalEntry,
    KeyResult,
    Objective,
    Retrospective,
)
from okrcoach.services.checkins import record_checkin
from okrcoach.services.portfolio import load_portfolio
from okrcoach.store import ReadOnlyError, StoreError
from tests.contract.records import at, me, same, workspace

MODELS = [Cycle, Objective, KeyResult, CheckIn, Retrospective, JournalEntry, Draft]


def test_every_record_comes_back_as_it_was_saved(store) -> None:
    records = workspace(store)
    for record in records.values():
        saved = store.save(record)
        assert same(saved, record)
        assert same(store.get(type(record), record.id), record)
    for model in MODELS:
        assert [r.id for r in store.all(model)] == [
            r.id for r in records.values() if isinstance(r, model)
        ]


def test_a_reopened_store_holds_the_same_records(store, reopen) -> None:
    records = workspace(store)
    store.save_many(records.values())
    store.close()
    again = reopen()
    for record in records.values():
        assert same(again.get(type(record), record.id), record)


def test_an_edit_saved_from_the_returned_record_sticks(store) -> None:
    records = workspace(store)
    store.save_many([records["cycle"]])
    objective = store.save(records["objective"])
    objective = store.save(objective.touched(title="Customers get answers in an hour"))
    objective = store.save(objective.touched(why="Churn follows slow answers"))
    got = store.get(Objective, objective.id)
    assert got.title == "Customers get answers in an hour"
    assert got.why == "Churn follows slow answers"
    kr = store.save(records["kr"])
    kr = store.save(kr.touched(target=2))
    assert store.get(KeyResult, kr.id).target == 2


def test_missing_records_are_none_and_deletes_count(store) -> None:
    records = workspace(store)
    assert store.get(Objective, "nothing-here") is None
    store.save_many(records.values())
    assert store.delete(JournalEntry, records["journal"].id) is True
    assert store.delete(JournalEntry, records["journal"].id) is False
    assert store.get(JournalEntry, records["journal"].id) is None
    gone = store.delete_many(
        [
            (CheckIn, records["checkin"].id),
            (KeyResult, records["kr"].id),
            (Draft, "never-saved"),
        ]
    )
    assert gone == 2
    assert store.key_results(records["objective"].id) == []
    assert store.checkins(records["kr"].id) == []


def test_save_many_with_deletes_is_one_change(store) -> None:
    records = workspace(store)
    draft = store.save(records["draft"])
    store.save(records["cycle"])
    store.save_many([records["objective"], records["kr"]], delete=[(Draft, draft.id)])
    assert store.drafts() == []
    assert [k.id for k in store.key_results(records["objective"].id)] == [records["kr"].id]


def test_a_failing_save_many_saves_nothing(store) -> None:
    records = workspace(store)
    huge = Draft(kind="objective", data={"text": "x" * 300_000})
    with pytest.raises(StoreError, match="Not saved"):
        store.save_many([records["cycle"], records["objective"], huge])
    assert store.get(Cycle, records["cycle"].id) is None
    assert store.get(Objective, records["objective"].id) is None


def test_counts_name_every_table(store) -> None:
    store.save_many(workspace(store).values())
    counts = store.counts()
    assert counts == {
        "cycles": 1,
        "objectives": 1,
        "key_results": 1,
        "checkins": 1,
        "retros": 1,
        "journal": 1,
        "drafts": 1,
    }


def test_objectives_in_order_by_cycle_and_archive(store) -> None:
    q1 = Cycle(name="Q1", start=date(2026, 1, 1), end=date(2026, 3, 31))
    q2 = Cycle(name="Q2", start=date(2026, 4, 1), end=date(2026, 6, 30))
    owner = me(store)
    third = Objective(cycle_id=q1.id, title="Third", position=2, owner=owner)
    first = Objective(cycle_id=q1.id, title="First", position=0, owner=owner)
    second = Objective(cycle_id=q1.id, title="Second", position=1, owner=owner)
    hidden = Objective(cycle_id=q1.id, title="Old", position=1, archived=True, owner=owner)
    other = Objective(cycle_id=q2.id, title="Elsewhere", owner=owner)
    store.save_many([q1, q2, third, first, second, hidden, other])
    assert [o.title for o in store.objectives(q1.id)] == ["First", "Second", "Third"]
    shown = store.objectives(q1.id, include_archived=True)
    assert [o.title for o in shown] == ["First", "Second", "Old", "Third"]
    assert {o.title for o in store.objectives()} == {"First", "Second", "Third", "Elsewhere"}
    assert [c.name for c in store.cycles()] == ["Q1", "Q2"]


def test_key_results_and_checkins_in_order(store) -> None:
    records = workspace(store)
    objective = records["objective"]
    store.save_many([records["cycle"], objective])
    later = KeyResult(objective_id=objective.id, title="Second KR", position=1, target=3)
    sooner = KeyResult(objective_id=objective.id, title="First KR", position=0, target=3)
    store.save_many([later, sooner])
    assert [k.title for k in store.key_results(objective.id)] == ["First KR", "Second KR"]
    assert store.latest_checkin(sooner.id) is None
    for day, value in [(14, 3.0), (0, 1.0), (7, 2.0)]:
        store.save(CheckIn(kr_id=sooner.id, at=at(day), value=value, confidence=5))
    assert [c.value for c in store.checkins(sooner.id)] == [1.0, 2.0, 3.0]
    assert store.latest_checkin(sooner.id).value == 3.0
    assert store.checkins(later.id) == []


def test_current_cycle_is_made_once_and_then_found(store) -> None:
    made = store.current_cycle(date(2026, 5, 10))
    assert (made.name, made.start, made.end) == ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30))
    assert store.current_cycle(date(2026, 6, 1)).id == made.id
    month = store.current_cycle(date(2026, 5, 10), length="month")
    assert month.id == made.id  # a cycle holding the day is preferred to making another
    assert [c.id for c in store.cycles()] == [made.id]


def test_drafts_newest_first_and_by_kind(store) -> None:
    old = Draft(kind="objective", data={"title": "old"}, updated_at=at(1))
    new = Draft(kind="objective", data={"title": "new"}, updated_at=at(2))
    retro = Draft(kind="retro", data={"answers": {"start": "x"}}, updated_at=at(3))
    store.save_many([old, new, retro])
    assert [d.data for d in store.drafts("objective")] == [{"title": "new"}, {"title": "old"}]
    assert [d.kind for d in store.drafts()] == ["retro", "objective", "objective"]


def test_retros_keep_lists_and_dicts_and_filter_by_cycle(store) -> None:
    records = workspace(store)
    store.save_many(records.values())
    other = Retrospective(cycle_id="another-cycle", answers={"mad": "flaky builds"})
    store.save(other)
    [kept] = store.retros(records["cycle"].id)
    assert kept.answers == records["retro"].answers
    assert kept.scores == records["retro"].scores
    assert kept.decisions == records["retro"].decisions
    assert len(store.retros()) == 2


def test_journal_by_objective(store) -> None:
    records = workspace(store)
    store.save_many(records.values())
    loose = JournalEntry(text="A general lesson", at=at(-1))
    store.save(loose)
    assert [j.id for j in store.journal(records["objective"].id)] == [records["journal"].id]
    assert [j.id for j in store.journal()] == [loose.id, records["journal"].id]


def test_unicode_markup_and_big_text_survive(store) -> None:
    cycle = store.current_cycle(date(2026, 2, 1))
    title = "[bold red]Ship[/] 🚀 naïve 漢字 'quoted' \"double\"; DROP TABLE objectives; --"
    objective = Objective(
        cycle_id=cycle.id,
        title=title[:TITLE_MAX],
        why=("Why it matters. " * 400)[:TEXT_MAX].strip(),
        owner=me(store),
    )
    saved = store.save(objective)
    got = store.get(Objective, saved.id)
    assert got.title == objective.title
    assert got.why == objective.why
    assert len(got.why) > 3900


def test_a_read_only_store_refuses_changes(store, reopen) -> None:
    store.save_many(workspace(store).values())
    store.close()
    reader = reopen(read_only=True)
    assert reader.read_only is True
    assert len(reader.objectives()) == 1
    with pytest.raises(ReadOnlyError):
        reader.save(Cycle(name="Q9", start=date(2026, 1, 1), end=date(2026, 1, 2)))


def test_checkin_service_and_dashboard_work_unchanged(store) -> None:
    records = workspace(store)
    store.save_many([records["cycle"], records["objective"], records["kr"]])
    kr = store.get(KeyResult, records["kr"].id)
    record_checkin(store, kr, 18, 7, note="first", today=date(2026, 1, 12))
    record_checkin(store, kr, 12, 8, note="second", today=date(2026, 1, 19))
    assert [c.note for c in store.checkins(kr.id)] == ["first", "second"]
    assert store.get(KeyResult, kr.id).current == 12
    portfolio = load_portfolio(store, records["cycle"], date(2026, 1, 20))
    [row] = portfolio.rows
    assert row.objective.id == records["objective"].id


def test_a_cycle_read_then_changed_shows_the_change(store) -> None:
    records = workspace(store)
    store.save_many([records["cycle"], records["objective"], records["kr"]])
    cycle_id, objective_id, kr_id = records["cycle"].id, records["objective"].id, records["kr"].id
    assert [o.id for o in store.objectives(cycle_id)] == [objective_id]
    assert store.latest_checkin(kr_id) is None
    store.save(CheckIn(kr_id=kr_id, at=at(3), value=5, confidence=4))
    extra = store.save(KeyResult(objective_id=objective_id, title="Second", target=2, position=1))
    assert store.latest_checkin(kr_id).value == 5
    assert [k.id for k in store.key_results(objective_id)] == [kr_id, extra.id]
    store.objectives(cycle_id)
    store.delete(KeyResult, extra.id)
    assert [k.id for k in store.key_results(objective_id)] == [kr_id]


def test_hostile_text_in_a_draft_is_kept_readable(store) -> None:
    pasted = "line one\x00\x1b[31mred\x1b[0m [bold]markup[/bold] \u202eevil\n" + "ok " * 2000
    draft = Draft(kind="objective", data={"title": pasted, "nested": [{"k": "\x00v"}]})
    store.save(draft)
    got = store.get(Draft, draft.id)
    assert got.data["title"].replace("\x00", "") == pasted.replace("\x00", "")
    assert got.data["nested"][0]["k"].replace("\x00", "") == "v"


def test_save_many_hands_back_what_it_stored(store) -> None:
    records = workspace(store)
    given = [records["checkin"], records["kr"], records["objective"], records["cycle"]]
    back = store.save_many(given)
    assert [r.id for r in back] == [r.id for r in given]
    assert all(same(a, b) for a, b in zip(back, given, strict=True))
