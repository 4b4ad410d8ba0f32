"""Damaged files are never overwritten: moved aside byte for byte, with words on how to restore."""

from __future__ import annotations

import json

import pytest

from okrcoach.domain.models import JournalEntry
from okrcoach.paths import AppPaths
from okrcoach.store import (
    CorruptFileError,
    SuspiciousFileError,
    inspect_data,
    open_store,
)
from okrcoach.store.doctor import start_empty

from .conftest import sample_records


def _write(paths: AppPaths, raw: bytes) -> None:
    paths.ensure_data_dir()
    paths.data_file.write_bytes(raw)


def _with_backup(paths: AppPaths) -> None:
    with open_store(paths) as store:
        store.save(JournalEntry(text="precious"))
        store.backup_now("daily")


def _healthy_text() -> str:
    cycle = sample_records()[0]
    return json.dumps(
        {"meta": {"1": {"schema_version": 1}}, "cycles": {"1": cycle.model_dump(mode="json")}}
    )


CORRUPT = {
    "truncated JSON": (_healthy_text()[:-30].encode(), "not valid JSON"),
    "binary garbage": (b"\x00\xff\xfe\x89PNG\r\n\x1a\n\x00\x01", "binary data"),
    "top level list": (b"[1, 2, 3]", "top level is a list"),
    "table is text": (
        b'{"meta": {"1": {"schema_version": 1}}, "cycles": "oops"}',
        "table 'cycles'",
    ),
    "invalid record": (
        b'{"meta": {"1": {"schema_version": 1}}, "cycles": {"7": {"id": "c1", "name": "Q",'
        b' "start": "2026-05-01", "end": "2026-01-01"}}}',
        "record 7 in table 'cycles' is invalid",
    ),
}


@pytest.mark.parametrize("case", list(CORRUPT))
def test_a_corrupt_file_is_moved_aside_with_its_bytes_intact(paths: AppPaths, case: str) -> None:
    raw, words = CORRUPT[case]
    _write(paths, raw)
    with pytest.raises(CorruptFileError) as caught:
        open_store(paths)
    message = str(caught.value)
    aside = caught.value.aside
    assert aside is not None and aside.name.startswith("okrcoach.json.corrupt-")
    assert aside.read_bytes() == raw
    assert not paths.data_file.exists()
    assert words in message
    assert str(aside) in message and "could not be read" in message
    # until the user acts, every start says where the data went instead of starting afresh
    for read_only in (False, True):
        with pytest.raises(CorruptFileError, match="moved to") as again:
            open_store(paths, read_only=read_only)
        assert str(aside) in str(again.value) and "--start-empty" in str(again.value)
    assert start_empty(paths) == aside
    with open_store(paths) as store:
        assert store.counts()["cycles"] == 0
    assert aside.read_bytes() == raw


def test_corrupt_with_a_backup_says_how_to_restore(paths: AppPaths) -> None:
    _with_backup(paths)
    _write(paths, b'{"meta": {"1": {"schema_ver')
    with pytest.raises(CorruptFileError) as caught:
        open_store(paths)
    message = str(caught.value)
    assert "okrcoach doctor --restore" in message and "backups" in message


def test_read_only_reports_corruption_without_moving_anything(paths: AppPaths) -> None:
    raw = b"\x00garbage"
    _write(paths, raw)
    with pytest.raises(CorruptFileError, match="left exactly as it is"):
        open_store(paths, read_only=True)
    assert paths.data_file.read_bytes() == raw
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["okrcoach.json"]


@pytest.mark.parametrize("raw", [b"", b"null", b"  \n"])
def test_an_empty_or_null_file_with_a_backup_stops_everything(paths: AppPaths, raw: bytes) -> None:
    _with_backup(paths)
    _write(paths, raw)
    for read_only in (False, True):
        with pytest.raises(SuspiciousFileError) as caught:
            open_store(paths, read_only=read_only)
        message = str(caught.value)
        assert caught.value.backup is not None and str(caught.value.backup) in message
        assert "okrcoach doctor --restore" in message
        assert "left it untouched" in message
    assert paths.data_file.read_bytes() == raw
    assert "cut short" in inspect_data(paths).problems[0]


def test_an_empty_file_without_a_backup_is_a_new_workspace(paths: AppPaths) -> None:
    _write(paths, b"")
    with open_store(paths) as store:
        store.save(JournalEntry(text="first"))
    with open_store(paths) as store:
        assert [j.text for j in store.journal()] == ["first"]


def test_a_null_file_without_a_backup_is_kept_not_overwritten(paths: AppPaths) -> None:
    _write(paths, b"null")
    with pytest.raises(CorruptFileError, match="just the word null") as caught:
        open_store(paths)
    assert caught.value.aside is not None and caught.value.aside.read_bytes() == b"null"
    assert "no backup to restore" in str(caught.value)


def test_duplicate_ids_count_as_damage(paths: AppPaths) -> None:
    doc = sample_records()[0].model_dump(mode="json")
    raw = json.dumps({"meta": {"1": {"schema_version": 1}}, "cycles": {"1": doc, "2": doc}})
    _write(paths, raw.encode())
    with pytest.raises(CorruptFileError, match="two records with id"):
        open_store(paths)
