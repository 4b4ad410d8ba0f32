"""Round trips and queries: what a caller sees through the Store API."""

from __future__ import annotations

from datetime import date

import pytest

from okrcoach.domain.models import (
    CheckIn,
    Cycle,
    Draft,
    JournalEntry,
    KeyResult,
    Objective,
    Retrospective,
)
from okrcoach.paths import AppPaths
from okrcoach.store import ReadOnlyError, Store, StoreError, WriteError, open_store
from okrcoach.store import writing as repository

from .conftest import at, sample_records


@pytest.mark.parametrize("index", range(7))
def test_every_model_survives_a_round_trip_through_the_file(paths: AppPaths, index: int) -> None:
    record = sample_records()[index]
    with open_store(paths) as store:
        returned = store.save(record)
        assert returned == record
    with open_store(paths) as store:
        assert store.get(type(record), record.id) == record
        assert store.all(type(record)) == [record]


def test_ids_are_the_models_ids_and_upsert_replaces(store: Store) -> None:
    cycle = Cycle(name="Spring", start=date(2026, 3, 1), end=date(2026, 5, 31))
    store.save(cycle)
    store.save(cycle.touched(name="Spring push"))
    assert store.counts()["cycles"] == 1
    got = store.get(Cycle, cycle.id)
    assert got is not None and got.name == "Spring push"
    assert store.get(Cycle, "NOPE") is None


def test_changing_a_returned_record_does_not_change_the_store(store: Store) -> None:
    retro = store.save(Retrospective(cycle_id="c1", answers={"start": "a"}))
    retro.answers["start"] = "changed behind the store's back"
    fetched = store.get(Retrospective, retro.id)
    assert fetched is not None and fetched.answers == {"start": "a"}
    fetched.participants = "someone"
    assert store.get(Retrospective, retro.id).participants == ""  # type: ignore[union-attr]


def test_queries_are_sorted_as_promised(store: Store) -> None:
    late = Cycle(name="Q2", start=date(2026, 4, 1), end=date(2026, 6, 30))
    early = Cycle(name="Q1", start=date(2026, 1, 1), end=date(2026, 3, 31))
    second = Objective(cycle_id=early.id, title="Second", position=1)
    first = Objective(cycle_id=early.id, title="First", position=0)
    archived = Objective(cycle_id=early.id, title="Old", archived=True)
    elsewhere = Objective(cycle_id=late.id, title="Later")
    kr_b = KeyResult(objective_id=first.id, title="B", position=2)
    kr_a = KeyResult(objective_id=first.id, title="A", position=1)
    newer = CheckIn(kr_id=kr_a.id, at=at(7), value=2, confidence=5)
    older = CheckIn(kr_id=kr_a.id, at=at(0), value=1, confidence=5)
    j2 = JournalEntry(text="two", at=at(2), objective_id=first.id)
    j1 = JournalEntry(text="one", at=at(1), objective_id=first.id)
    free = JournalEntry(text="free", at=at(3))
    store.save_many(
        [late, early, second, first, archived, elsewhere, kr_b, kr_a, newer, older, j2, j1, free]
    )

    assert [c.name for c in store.cycles()] == ["Q1", "Q2"]
    assert [o.title for o in store.objectives(early.id)] == ["First", "Second"]
    assert [o.title for o in store.objectives(early.id, include_archived=True)] == [
        "First",
        "Old",
        "Second",
    ]
    assert {o.title for o in store.objectives()} == {"First", "Second", "Later"}
    assert [k.title for k in store.key_results(first.id)] == ["A", "B"]
    assert [c.value for c in store.checkins(kr_a.id)] == [1, 2]
    assert store.latest_checkin(kr_a.id) == newer
    assert store.latest_checkin(kr_b.id) is None
    assert [j.text for j in store.journal(first.id)] == ["one", "two"]
    assert [j.text for j in store.journal()] == ["one", "two", "free"]
    assert store.key_results("missing") == [] and store.checkins("missing") == []


def test_retros_and_drafts_filter_and_order(store: Store) -> None:
    r1 = Retrospective(cycle_id="c1", created_at=at(1))
    r2 = Retrospective(cycle_id="c1", created_at=at(2))
    r3 = Retrospective(cycle_id="c2", created_at=at(0))
    old = Draft(kind="objective", updated_at=at(0))
    new = Draft(kind="objective", updated_at=at(5))
    retro_draft = Draft(kind="retro", updated_at=at(3))
    store.save_many([r2, r3, r1, old, retro_draft, new])
    assert store.retros("c1") == [r1, r2]
    assert store.retros() == [r3, r1, r2]
    assert store.drafts("objective") == [new, old]
    assert [d.kind for d in store.drafts()] == ["objective", "retro", "objective"]


def test_an_index_follows_a_record_that_moves(store: Store) -> None:
    kr = store.save(KeyResult(objective_id="o1", title="Moves"))
    store.save(kr.touched(objective_id="o2"))
    assert store.key_results("o1") == []
    assert [k.id for k in store.key_results("o2")] == [kr.id]


def test_current_cycle_prefers_the_calendar_quarter_and_creates_one(store: Store) -> None:
    custom = Cycle(name="Sprint", start=date(2026, 2, 1), end=date(2026, 2, 28))
    quarter = Cycle(name="Q1", start=date(2026, 1, 1), end=date(2026, 3, 31))
    store.save_many([custom, quarter])
    assert store.current_cycle(date(2026, 2, 10)).id == quarter.id
    made = store.current_cycle(date(2026, 8, 1))
    assert (made.name, made.start, made.end) == ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30))
    assert store.get(Cycle, made.id) == made
    assert store.current_cycle(date(2026, 8, 2)).id == made.id


def test_delete_and_delete_many(paths: AppPaths) -> None:
    records = sample_records()
    with open_store(paths) as store:
        store.save_many(records)
        assert store.delete(Draft, records[6].id) is True
        assert store.delete(Draft, records[6].id) is False
        removed = store.delete_many(
            [(Objective, records[1].id), (KeyResult, records[2].id), (CheckIn, "missing")]
        )
        assert removed == 2
        assert store.key_results(records[1].id) == []
        assert store.objectives(records[0].id) == []
    with open_store(paths) as store:
        assert store.counts() == {
            "cycles": 1,
            "objectives": 0,
            "key_results": 0,
            "checkins": 1,
            "retros": 1,
            "journal": 1,
            "drafts": 0,
        }


def test_save_many_is_one_write(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[int] = []
    original = repository.write_files
    monkeypatch.setattr(
        repository,
        "write_files",
        lambda root, files: (writes.append(len(files)), original(root, files))[1],
    )
    store.save_many(sample_records())  # the main file and the cycle's file, as one change
    store.delete_many(
        [(Cycle, c.id) for c in store.cycles()] + [(Draft, d.id) for d in store.drafts()]
    )
    assert len(writes) == 2


def test_save_many_failing_midway_writes_nothing(paths: AppPaths) -> None:
    good = sample_records()
    with open_store(paths) as store:
        store.save(good[0])
        before = paths.data_file.read_bytes()
        bad = KeyResult.model_construct(**{**good[2].model_dump(), "title": ""})
        with pytest.raises(Exception, match="title"):
            store.save_many([good[1], bad, good[3]])
        assert paths.data_file.read_bytes() == before
        assert store.counts()["objectives"] == 0 and store.counts()["checkins"] == 0


def test_save_many_with_a_failing_write_keeps_memory_and_disk_equal(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = sample_records()
    with open_store(paths) as store:
        store.save(records[0])
        renamed = records[0].touched(name="Renamed")
        before = paths.data_file.read_bytes()
        import errno

        def full(*_: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("okrcoach.store.storage.os.replace", full)
        with pytest.raises(WriteError, match="disk is full"):
            store.save_many([renamed, *records[1:]])
        assert paths.data_file.read_bytes() == before
        assert store.get(Cycle, records[0].id) == records[0]
        assert store.counts()["objectives"] == 0
        monkeypatch.undo()
        store.save(records[1])
    with open_store(paths) as store:
        assert store.get(Cycle, records[0].id) == records[0]
        assert store.counts()["objectives"] == 1


def test_read_only_refuses_every_write_and_never_creates_files(paths: AppPaths) -> None:
    with open_store(paths, read_only=True) as store:
        assert store.read_only and store.counts()["cycles"] == 0
        with pytest.raises(ReadOnlyError, match="read-only"):
            store.save(sample_records()[0])
        with pytest.raises(ReadOnlyError):
            store.delete(Cycle, "x")
        assert store.current_cycle(date(2026, 5, 1)).name == "2026-Q2"
    assert not paths.data_dir.exists()


def test_read_only_sees_the_writers_data_while_it_is_open(paths: AppPaths) -> None:
    records = sample_records()
    with open_store(paths) as writer:
        writer.save_many(records)
        with open_store(paths, read_only=True) as reader:
            assert reader.get(Objective, records[1].id) == records[1]


def test_a_closed_store_says_so(paths: AppPaths) -> None:
    store = open_store(paths)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.cycles()
    with open_store(paths):
        pass  # closing released the lock


def test_storing_an_unknown_type_is_refused(store: Store) -> None:
    with pytest.raises(TypeError, match="not a stored record type"):
        store.all(str)  # type: ignore[arg-type]


def test_concurrent_saves_from_threads_all_land(paths: AppPaths) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with open_store(paths) as store:
        entries = [JournalEntry(text=f"note {i}") for i in range(40)]
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(store.save, entries))
        assert store.counts()["journal"] == 40
    with open_store(paths) as store:
        assert {j.id for j in store.journal()} == {e.id for e in entries}
