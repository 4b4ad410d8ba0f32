"""Rolling backups: one per day of use, at most ten kept, and restores that lose nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from okrcoach.domain.models import JournalEntry
from okrcoach.paths import AppPaths
from okrcoach.store import (
    LockedError,
    StoreError,
    list_backups,
    open_store,
    restore_backup,
)
from okrcoach.store import backups as backups_module


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 10, 15, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(backups_module, "utcnow", fake)
    return fake


def _open_and_write(paths: AppPaths, text: str) -> None:
    with open_store(paths) as store:
        store.save(JournalEntry(text=text))


def test_one_daily_backup_per_day_of_use(paths: AppPaths, clock: Clock) -> None:
    _open_and_write(paths, "day one, first")  # creates the file: nothing to back up yet
    assert list_backups(paths) == []
    _open_and_write(paths, "day one, second")
    _open_and_write(paths, "day one, third")
    assert [p.name for p in list_backups(paths)] == ["okrcoach-20261124T101500Z-daily.json"]
    clock.now += timedelta(days=1)
    _open_and_write(paths, "day two")
    names = [p.name for p in list_backups(paths)]
    assert names == [
        "okrcoach-20261125T101500Z-daily.json",
        "okrcoach-20261124T101500Z-daily.json",
    ]
    with open_store(paths, read_only=True) as store:
        assert store.last_backup() == list_backups(paths)[0]


def test_only_the_last_ten_backups_are_kept(paths: AppPaths, clock: Clock) -> None:
    _open_and_write(paths, "start")
    for day in range(14):
        clock.now += timedelta(days=1)
        _open_and_write(paths, f"day {day}")
    kept = list_backups(paths)
    assert len(kept) == 10
    times = [backups_module.backup_time(p) for p in kept]
    assert times == sorted(times, reverse=True)  # type: ignore[type-var]
    assert times[0] == clock.now


def test_backups_in_the_same_second_do_not_overwrite_each_other(
    paths: AppPaths, clock: Clock
) -> None:
    with open_store(paths) as store:
        first = store.backup_now("manual")
        store.save(JournalEntry(text="more"))
        second = store.backup_now("manual")
    assert first != second and first.exists() and second.exists()
    assert list_backups(paths)[0] == second


def test_restore_brings_back_the_newest_backup_and_keeps_the_current_file(
    paths: AppPaths, clock: Clock
) -> None:
    _open_and_write(paths, "good")
    with open_store(paths) as store:
        store.backup_now("before experiment")
        store.save(JournalEntry(text="regretted"))
    current = paths.data_file.read_bytes()
    clock.now += timedelta(minutes=1)
    used = restore_backup(paths)
    assert "before-experiment" in used.name
    with open_store(paths) as store:
        assert [j.text for j in store.journal()] == ["good"]
    moved = [p for p in paths.data_dir.iterdir() if ".before-restore-" in p.name]
    assert len(moved) == 1 and moved[0].read_bytes() == current
    assert any("before-restore" in p.name for p in list_backups(paths))


def test_restore_a_named_backup(paths: AppPaths, clock: Clock) -> None:
    _open_and_write(paths, "one")
    with open_store(paths) as store:
        older = store.backup_now("one")
        store.save(JournalEntry(text="two"))
        clock.now += timedelta(seconds=5)
        store.backup_now("two")
    assert restore_backup(paths, older) == older
    with open_store(paths, read_only=True) as store:
        assert [j.text for j in store.journal()] == ["one"]


def test_restore_refuses_while_another_writer_runs(paths: AppPaths, clock: Clock) -> None:
    with open_store(paths) as store:
        store.backup_now("x")
        with pytest.raises(LockedError):
            restore_backup(paths)


def test_restore_without_backups_or_from_a_bad_one_changes_nothing(
    paths: AppPaths, clock: Clock
) -> None:
    _open_and_write(paths, "only")
    before = paths.data_file.read_bytes()
    with pytest.raises(StoreError, match="no backups"):
        restore_backup(paths)
    paths.backup_dir.mkdir()
    broken = paths.backup_dir / "okrcoach-20261124T000000Z-daily.json"
    broken.write_text('{"meta": ')
    with pytest.raises(StoreError, match="cannot be used"):
        restore_backup(paths, broken)
    assert paths.data_file.read_bytes() == before


def test_one_run_with_the_clock_a_year_ahead_does_not_break_rotation(
    paths: AppPaths, clock: Clock
) -> None:
    _open_and_write(paths, "start")
    for day in range(4):
        clock.now += timedelta(days=1)
        _open_and_write(paths, f"day {day}")
    dailies = list_backups(paths)
    assert len(dailies) == 4
    real = clock.now
    clock.now = real + timedelta(days=365)  # one run with a wrong clock
    _open_and_write(paths, "written while the clock was wrong")
    clock.now = real + timedelta(days=1)  # back to the right time: many starts in one day
    for n in range(15):
        _open_and_write(paths, f"tomorrow {n}")
        clock.now += timedelta(minutes=5)
    kept = list_backups(paths)
    assert all(p in kept for p in dailies)  # the older daily backups were not pruned
    assert len(kept) == 6  # the four, the misdated one, and one for the day (not one per start)
    assert backups_module.backup_time(kept[0]).date() == clock.now.date()  # type: ignore[union-attr]
    assert restore_backup(paths) == kept[0]  # not the misdated one
    with open_store(paths, read_only=True) as store:
        assert "written while the clock was wrong" in [j.text for j in store.journal()]
    from okrcoach.store import inspect_data

    assert any("dated in the future" in note for note in inspect_data(paths).notes)


def test_an_emptier_backup_never_pushes_out_the_last_full_one_silently(
    paths: AppPaths, clock: Clock
) -> None:
    from okrcoach.store import inspect_data

    with open_store(paths) as store:
        store.save_many([JournalEntry(text=f"entry {n}") for n in range(5)])
        full = store.backup_now("full")
        store.delete_many([(JournalEntry, j.id) for j in store.journal()])
        for n in range(12):
            clock.now += timedelta(minutes=1)
            store.backup_now(f"empty {n}")
    kept = list_backups(paths)
    assert full in kept and len(kept) == 11
    notes = inspect_data(paths).notes
    assert any(full.name in note and "fewer" in note for note in notes)
