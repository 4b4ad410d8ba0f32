"""Schema 2 layout: a main file plus one file per cycle, read lazily, changed all-or-nothing."""

from __future__ import annotations

import errno
import json
import stat
from datetime import date
from pathlib import Path

import pytest

from okrcoach.domain.models import CheckIn, Cycle, JournalEntry, KeyResult, Objective, Record
from okrcoach.paths import AppPaths
from okrcoach.store import (
    SCHEMA_VERSION,
    CorruptFileError,
    WriteError,
    inspect_data,
    list_backups,
    open_store,
    restore_backup,
    storage,
)
from okrcoach.store.layout import cycle_file
from okrcoach.store.storage import COMMIT_FILE, TEMP_MARK

from .conftest import at, sample_records


def _quarter(year: int, q: int) -> Cycle:
    return Cycle.for_quarter(date(year, 3 * q - 2, 1))


def _cycle_with_work(cycle: Cycle) -> tuple[list[Record], KeyResult]:
    objective = Objective(cycle_id=cycle.id, title=f"Goal of {cycle.name}")
    kr = KeyResult(objective_id=objective.id, title="Measure", baseline=0, target=10)
    checkins = [CheckIn(kr_id=kr.id, at=at(w), value=w, confidence=5) for w in range(3)]
    return [cycle, objective, kr, *checkins], kr


def _two_cycles(paths: AppPaths) -> tuple[KeyResult, KeyResult]:
    old, old_kr = _cycle_with_work(_quarter(2025, 1))
    new, new_kr = _cycle_with_work(_quarter(2026, 2))
    with open_store(paths) as store:
        store.save_many(old)
        store.save_many(new)
    return old_kr, new_kr


def _cycle_of(kr: KeyResult, paths: AppPaths) -> Path:
    with open_store(paths, read_only=True) as store:
        objective = store.get(Objective, kr.objective_id)
    assert objective is not None
    return cycle_file(paths, objective.cycle_id)


def _files(paths: AppPaths) -> dict[str, bytes]:
    return {
        str(p.relative_to(paths.data_dir)): p.read_bytes()
        for p in paths.data_dir.rglob("*.json")
        if "backups" not in p.parts
    }


def test_each_cycle_has_its_own_private_file_and_the_main_file_has_none_of_it(
    paths: AppPaths,
) -> None:
    old_kr, new_kr = _two_cycles(paths)
    main = json.loads(paths.data_file.read_text())
    assert main["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert main["objectives"] == {} and main["key_results"] == {} and main["checkins"] == {}
    assert len(main["cycles"]) == 2
    for kr in (old_kr, new_kr):
        path = _cycle_of(kr, paths)
        data = json.loads(path.read_text())
        assert len(data["key_results"]) == 1 and len(data["checkins"]) == 3
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((paths.data_dir / "cycles").stat().st_mode) == 0o700
    assert inspect_data(paths).counts["checkins"] == 6


def test_a_checkin_save_rewrites_only_its_cycle_file(paths: AppPaths) -> None:
    _, new_kr = _two_cycles(paths)
    before = _files(paths)
    with open_store(paths) as store:
        kr = store.get(KeyResult, new_kr.id)
        assert kr is not None
        store.save_many([CheckIn(kr_id=kr.id, value=9, confidence=8), kr.touched(current=9)])
    after = _files(paths)
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == {str(_cycle_of(new_kr, paths).relative_to(paths.data_dir))}


def test_a_damaged_old_cycle_does_not_stop_the_current_one_and_is_kept_aside(
    paths: AppPaths,
) -> None:
    old_kr, new_kr = _two_cycles(paths)
    old_file = _cycle_of(old_kr, paths)
    old_file.write_bytes(b'{"meta": {"1": {"schema_ver')
    problems = inspect_data(paths).problems
    assert len(problems) == 1 and str(old_file) in problems[0] and "damaged" in problems[0]
    with open_store(paths) as store:  # only the main file is read at open
        assert len(store.checkins(new_kr.id)) == 3
        store.save(CheckIn(kr_id=new_kr.id, value=1, confidence=5))
        with pytest.raises(CorruptFileError) as caught:
            store.checkins(old_kr.id)
        aside = caught.value.aside
        assert aside is not None and aside.read_bytes() == b'{"meta": {"1": {"schema_ver'
        assert str(old_file) in str(caught.value) and str(aside) in str(caught.value)
        with pytest.raises(CorruptFileError):  # never written over, not even by a save
            store.save(CheckIn(kr_id=old_kr.id, value=1, confidence=5))
        assert len(store.checkins(new_kr.id)) == 4
    assert not old_file.exists()
    assert "missing" in inspect_data(paths).problems[0]


def test_a_v1_single_file_is_backed_up_then_split(paths: AppPaths) -> None:
    records = sample_records()
    later, later_kr = _cycle_with_work(_quarter(2026, 2))
    tables: dict[str, dict[str, object]] = {"meta": {"1": {"schema_version": 1}}}
    for record in [*records, *later]:
        name = {
            Cycle: "cycles",
            Objective: "objectives",
            KeyResult: "key_results",
            CheckIn: "checkins",
        }.get(type(record)) or {
            "Retrospective": "retros",
            "JournalEntry": "journal",
            "Draft": "drafts",
        }[type(record).__name__]
        table = tables.setdefault(name, {})
        table[str(len(table) + 1)] = record.model_dump(mode="json")
    raw = json.dumps(tables).encode()
    paths.ensure_data_dir()
    paths.data_file.write_bytes(raw)
    assert "split" in inspect_data(paths).notes[0]
    with open_store(paths, read_only=True) as store:  # read-only: in memory only
        assert store.get(KeyResult, later_kr.id) == later_kr
    assert paths.data_file.read_bytes() == raw and not (paths.data_dir / "cycles").exists()
    with open_store(paths) as store:
        assert store.schema_version == SCHEMA_VERSION
        backup = store.last_backup()
    assert backup is not None and "before-migrating-v1" in backup.name
    assert backup.read_bytes() == raw
    assert len(list((paths.data_dir / "cycles").glob("*.json"))) == 2
    with open_store(paths) as store:
        for record in [*records, *later]:
            assert store.get(type(record), record.id) == record
        assert len(store.checkins(later_kr.id)) == 3
    report = inspect_data(paths)
    assert report.problems == [] and report.counts["checkins"] == 4


def test_children_follow_an_objective_that_moves_and_orphans_are_adopted(
    paths: AppPaths,
) -> None:
    q1, q2 = _quarter(2026, 1), _quarter(2026, 2)
    objective = Objective(cycle_id=q1.id, title="Moves")
    kr = KeyResult(objective_id=objective.id, title="Follows")
    early = CheckIn(kr_id=kr.id, value=1, confidence=5)  # saved before its key result exists
    with open_store(paths) as store:
        store.save_many([q1, q2])
        store.save(early)
        store.save(kr)
        assert store.checkins(kr.id) == [early]
        store.save(objective)
        store.save(objective.touched(cycle_id=q2.id))
    assert json.loads(paths.data_file.read_text())["checkins"] == {}
    q1_data = json.loads(cycle_file(paths, q1.id).read_text())
    assert q1_data["objectives"] == {} and q1_data["checkins"] == {}
    q2_data = json.loads(cycle_file(paths, q2.id).read_text())
    assert len(q2_data["key_results"]) == 1 and len(q2_data["checkins"]) == 1
    with open_store(paths) as store:
        assert [o.id for o in store.objectives(q2.id)] == [objective.id]
        assert store.key_results(objective.id) == [kr]
        assert store.get(CheckIn, early.id) == early
        store.delete(Objective, objective.id)  # the key result is an orphan again
        assert store.checkins(kr.id) == [early]
    with open_store(paths) as store:
        assert store.checkins(kr.id) == [early] and store.objectives(q2.id) == []
    assert inspect_data(paths).problems == []


def test_old_checkins_are_found_and_deleted_after_a_reopen(paths: AppPaths) -> None:
    old_kr, _ = _two_cycles(paths)
    with open_store(paths, read_only=True) as store:
        old = store.checkins(old_kr.id)[0]
    with open_store(paths) as store:
        assert store.get(CheckIn, old.id) == old
    with open_store(paths) as store:
        assert store.delete(CheckIn, old.id) is True
    with open_store(paths) as store:
        assert len(store.checkins(old_kr.id)) == 2 and store.counts()["checkins"] == 5


def test_a_failed_change_across_files_changes_none_of_them(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_kr, new_kr = _two_cycles(paths)
    before = _files(paths)
    with open_store(paths) as store:
        store.checkins(old_kr.id)
        pair = [CheckIn(kr_id=k.id, value=5, confidence=5) for k in (old_kr, new_kr)]
        calls = {"n": 0}
        real_fsync = storage.os.fsync

        def fsync_fails_second_time(fd: int) -> None:
            calls["n"] += 1
            if calls["n"] == 2:
                raise OSError(errno.EIO, "simulated")
            real_fsync(fd)

        monkeypatch.setattr("okrcoach.store.storage.os.fsync", fsync_fails_second_time)
        with pytest.raises(WriteError, match="all 3 files are unchanged"):
            store.save_many([*pair, JournalEntry(text="and the main file")])
        monkeypatch.undo()
        assert _files(paths) == before
        assert len(store.checkins(old_kr.id)) == 3 and store.journal() == []
        assert not [p for p in paths.data_dir.rglob("*") if TEMP_MARK in p.name]
        store.save_many(pair)
    with open_store(paths) as store:
        assert len(store.checkins(old_kr.id)) == 4 and len(store.checkins(new_kr.id)) == 4


def test_a_commit_record_whose_folder_sync_fails_is_removed_with_the_change(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Told "unchanged", the user must not find the change applied at the next open."""
    old_kr, new_kr = _two_cycles(paths)
    before = _files(paths)
    record = paths.data_dir / COMMIT_FILE
    real_sync = storage.fsync_dir
    failed = []

    def sync_fails_once_the_record_is_there(folder: Path) -> None:
        if record.exists() and not failed:
            failed.append(folder)
            raise OSError(errno.EIO, "simulated")
        real_sync(folder)

    with open_store(paths) as store:
        store.checkins(old_kr.id)
        pair = [CheckIn(kr_id=k.id, value=5, confidence=5) for k in (old_kr, new_kr)]
        monkeypatch.setattr("okrcoach.store.storage.fsync_dir", sync_fails_once_the_record_is_there)
        with pytest.raises(WriteError, match="unchanged"):
            store.save_many(pair)
        monkeypatch.undo()
        assert failed
        assert not record.exists()
        assert _files(paths) == before
        assert not [p for p in paths.data_dir.rglob("*") if TEMP_MARK in p.name]
    with open_store(paths) as store:
        assert len(store.checkins(old_kr.id)) == 3 and len(store.checkins(new_kr.id)) == 3


def test_a_change_cut_off_after_its_commit_record_is_finished_at_the_next_open(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_kr, new_kr = _two_cycles(paths)
    pair = [CheckIn(kr_id=k.id, value=5, confidence=5) for k in (old_kr, new_kr)]

    def crash(*_: object) -> None:
        raise OSError(errno.EIO, "simulated")

    store = open_store(paths)
    monkeypatch.setattr("okrcoach.store.storage._apply", crash)
    with pytest.raises(WriteError, match="open it again to finish"):
        store.save_many(pair)
    monkeypatch.undo()
    with pytest.raises(WriteError):  # nothing more is written until it is finished
        store.save(JournalEntry(text="later"))
    store.close()
    assert (paths.data_dir / COMMIT_FILE).exists()
    report = inspect_data(paths)
    assert report.problems == [] and report.counts["checkins"] == 8
    assert any("will be finished" in note for note in report.notes)
    with open_store(paths, read_only=True) as reader:  # sees it, changes nothing
        assert len(reader.checkins(old_kr.id)) == 4
    assert (paths.data_dir / COMMIT_FILE).exists()
    with open_store(paths) as writer:
        assert len(writer.checkins(old_kr.id)) == 4 and len(writer.checkins(new_kr.id)) == 4
    assert not (paths.data_dir / COMMIT_FILE).exists()
    assert not [p for p in paths.data_dir.rglob("*") if TEMP_MARK in p.name]


def test_temps_without_a_commit_record_are_dropped(paths: AppPaths) -> None:
    old_kr, _ = _two_cycles(paths)
    path = _cycle_of(old_kr, paths)
    before = path.read_bytes()
    half = path.with_name(f".{path.name}{TEMP_MARK}1-dead")
    half.write_text("{}")
    with open_store(paths) as store:
        assert len(store.checkins(old_kr.id)) == 3
    assert not half.exists() and path.read_bytes() == before


def test_a_backup_holds_every_file_and_restores_them_all(paths: AppPaths) -> None:
    old_kr, new_kr = _two_cycles(paths)
    with open_store(paths) as store:
        backup = store.backup_now("manual")
        store.save_many([CheckIn(kr_id=k.id, value=7, confidence=5) for k in (old_kr, new_kr)])
        store.save(Objective(cycle_id=_quarter(2030, 1).id, title="Far future"))
    bundle = json.loads(backup.read_text())
    assert len(bundle["checkins"]) == 6 and len(bundle["objectives"]) == 2
    assert restore_backup(paths, backup) == backup
    assert any("before-restore" in p.name for p in list_backups(paths))
    assert [p.name for p in paths.data_dir.iterdir() if p.name.startswith("cycles-before")]
    with open_store(paths) as store:
        assert len(store.checkins(old_kr.id)) == 3 and len(store.checkins(new_kr.id)) == 3
        assert store.counts()["objectives"] == 2
    assert len(list((paths.data_dir / "cycles").glob("*.json"))) == 2
    assert inspect_data(paths).problems == []
