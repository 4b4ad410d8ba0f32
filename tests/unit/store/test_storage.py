"""Atomic writes: temp files, file modes, and failures that leave the old file intact."""

from __future__ import annotations

import errno
import json
import stat

import pytest

from okrcoach.domain.models import Cycle, JournalEntry
from okrcoach.paths import AppPaths
from okrcoach.store import SCHEMA_VERSION, StoreError, WriteError, open_store
from okrcoach.store.storage import TEMP_MARK

from .conftest import sample_records


def _mode(path) -> int:  # type: ignore[no-untyped-def]
    return stat.S_IMODE(path.stat().st_mode)


def test_first_open_creates_a_private_file_with_its_meta_table(paths: AppPaths) -> None:
    with open_store(paths) as store:
        assert store.schema_version == SCHEMA_VERSION
    data = json.loads(paths.data_file.read_text())
    assert data["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert set(data) >= {"cycles", "objectives", "key_results", "checkins", "retros", "journal"}
    assert _mode(paths.data_file) == 0o600
    assert _mode(paths.data_dir) == 0o700


def test_the_file_is_compact_json(paths: AppPaths) -> None:
    with open_store(paths) as store:
        store.save_many(sample_records())
    text = paths.data_file.read_text()
    assert "\n" not in text and '": ' not in text


def test_backups_are_private_too(paths: AppPaths) -> None:
    with open_store(paths) as store:
        backup = store.backup_now("manual check")
    assert backup.name.endswith("-manual-check.json")
    assert _mode(backup) == 0o600


def test_stale_temp_files_from_a_crash_are_removed_at_open(paths: AppPaths) -> None:
    with open_store(paths):
        pass
    leftover = paths.data_dir / f".okrcoach.json{TEMP_MARK}999-dead"
    leftover.write_text('{"half": ')
    paths.backup_dir.mkdir()
    half_backup = paths.backup_dir / f".okrcoach-20260101T000000Z-daily.json{TEMP_MARK}9-x"
    half_backup.write_text("{")
    unrelated = paths.data_dir / "notes.txt"
    unrelated.write_text("mine")
    with open_store(paths):
        assert not leftover.exists() and not half_backup.exists()
        assert unrelated.exists()


def test_a_read_only_open_leaves_temp_files_alone(paths: AppPaths) -> None:
    with open_store(paths):
        pass
    leftover = paths.data_dir / f".okrcoach.json{TEMP_MARK}1-x"
    leftover.write_text("{")
    with open_store(paths, read_only=True):
        assert leftover.exists()


@pytest.mark.parametrize(
    ("target", "code", "words"),
    [
        ("okrcoach.store.storage.os.replace", errno.ENOSPC, "disk is full"),
        ("okrcoach.store.storage.os.write", errno.ENOSPC, "disk is full"),
        ("okrcoach.store.storage.os.fsync", errno.EIO, "input/output error"),
        ("okrcoach.store.storage.os.open", errno.EACCES, "permission was denied"),
    ],
)
def test_a_failed_write_raises_write_error_and_keeps_the_previous_file(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, target: str, code: int, words: str
) -> None:
    with open_store(paths) as store:
        kept = store.save(JournalEntry(text="kept"))
        before = paths.data_file.read_bytes()

        def fail(*_: object, **__: object) -> None:
            raise OSError(code, "simulated")

        monkeypatch.setattr(target, fail)
        with pytest.raises(WriteError) as caught:
            store.save(JournalEntry(text="lost"))
        monkeypatch.undo()
        message = str(caught.value)
        assert words in message and str(paths.data_file) in message
        assert "unchanged" in message
        assert paths.data_file.read_bytes() == before
        assert [j.text for j in store.journal()] == ["kept"]
        assert not [p for p in paths.data_dir.iterdir() if TEMP_MARK in p.name]
        store.save(kept.touched(text="kept, edited"))
    with open_store(paths) as store:
        assert [j.text for j in store.journal()] == ["kept, edited"]


def test_a_failed_delete_puts_the_record_back(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(paths) as store:
        cycle = store.save(sample_records()[0])

        def fail(*_: object) -> None:
            raise OSError(errno.ENOSPC, "simulated")

        monkeypatch.setattr("okrcoach.store.storage.os.replace", fail)
        with pytest.raises(WriteError):
            store.delete(Cycle, cycle.id)
        assert store.get(Cycle, cycle.id) == cycle
        assert store.cycles() == [cycle]


def test_an_unwritable_data_folder_is_named_and_read_only_still_works(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(paths) as store:
        store.save(JournalEntry(text="visible"))
    monkeypatch.setattr("okrcoach.store.opening.os.access", lambda *_: False)
    with pytest.raises(StoreError, match="not writable") as caught:
        open_store(paths)
    assert str(paths.data_dir) in str(caught.value)
    with open_store(paths, read_only=True) as store:
        assert [j.text for j in store.journal()] == ["visible"]
