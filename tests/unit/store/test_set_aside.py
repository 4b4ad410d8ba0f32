"""Data moved aside stays in that state until the user acts; no silent empty workspace."""

from __future__ import annotations

import pytest

from okrcoach.domain.models import Objective
from okrcoach.paths import AppPaths
from okrcoach.store import CorruptFileError, StoreError, inspect_data, open_store
from okrcoach.store.doctor import restore, start_empty

from .conftest import sample_records


def _workspace(paths: AppPaths) -> list[str]:
    with open_store(paths) as store:
        store.save_many(sample_records())
        store.backup_now("manual")
        return [o.title for o in store.objectives()]


def test_after_a_damaged_main_file_the_second_start_still_says_so(paths: AppPaths) -> None:
    titles = _workspace(paths)
    paths.data_file.write_bytes(b"\x00\xffgarbage")
    with pytest.raises(CorruptFileError) as first:
        open_store(paths)
    aside = first.value.aside
    assert aside is not None
    for read_only in (False, True):
        with pytest.raises(CorruptFileError) as second:
            open_store(paths, read_only=read_only)
        message = str(second.value)
        assert str(aside) in message and "okrcoach doctor --restore" in message
    assert not paths.data_file.exists()  # no empty workspace was created over it
    report = inspect_data(paths)
    assert not report.healthy and str(aside) in report.problems[0]
    restore(paths)
    with open_store(paths) as store:
        assert [o.title for o in store.objectives()] == titles
    assert inspect_data(paths).healthy


def test_no_daily_backup_is_taken_of_an_empty_workspace_while_data_is_aside(
    paths: AppPaths,
) -> None:
    _workspace(paths)
    before = sorted(paths.backup_dir.iterdir())
    paths.data_file.write_bytes(b"{not json")
    for _ in range(3):
        with pytest.raises(StoreError):
            open_store(paths)
    assert sorted(paths.backup_dir.iterdir()) == before


def test_a_zero_byte_main_file_next_to_cycle_files_is_damage(paths: AppPaths) -> None:
    _workspace(paths)
    for backup in paths.backup_dir.iterdir():
        backup.unlink()
    paths.data_file.write_bytes(b"")
    with pytest.raises(StoreError, match="cycle file"):
        open_store(paths)
    assert paths.data_file.read_bytes() == b""
    assert len(list((paths.data_dir / "cycles").glob("*.json"))) == 1


def test_a_missing_main_file_next_to_cycle_files_is_damage(paths: AppPaths) -> None:
    _workspace(paths)
    paths.data_file.unlink()
    with pytest.raises(CorruptFileError, match="missing"):
        open_store(paths)
    assert not paths.data_file.exists()
    assert not inspect_data(paths).healthy


def test_start_empty_is_the_users_choice_and_keeps_the_moved_file(paths: AppPaths) -> None:
    _workspace(paths)
    paths.data_file.write_bytes(b"[1, 2]")
    with pytest.raises(CorruptFileError) as caught:
        open_store(paths)
    assert start_empty(paths) == caught.value.aside
    with open_store(paths) as store:
        assert store.all(Objective) == []
    assert caught.value.aside is not None and caught.value.aside.read_bytes() == b"[1, 2]"
    assert start_empty(paths) is None  # nothing left to choose


def test_a_cycle_file_moved_aside_is_named_at_every_later_start(paths: AppPaths) -> None:
    from okrcoach.store.layout import cycle_file

    with open_store(paths) as store:
        store.save_many(sample_records())
        cycle = store.cycles()[0]
    cycle_file(paths, cycle.id).write_bytes(b"{cut")
    with open_store(paths) as store, pytest.raises(CorruptFileError) as first:
        store.objectives(cycle.id)
    aside = first.value.aside
    assert aside is not None and aside.read_bytes() == b"{cut"
    for read_only in (False, True):
        with open_store(paths, read_only=read_only) as store:
            with pytest.raises(CorruptFileError) as later:
                store.objectives(cycle.id)
            assert str(aside) in str(later.value) and "restored" in str(later.value)
