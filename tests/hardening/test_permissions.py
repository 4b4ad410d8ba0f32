"""The user's goals are private: data and settings readable by the user alone."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from okrcoach.domain.models import Cycle, JournalEntry, Objective
from okrcoach.paths import AppPaths
from okrcoach.settings import Settings, save_settings
from okrcoach.store import open_store


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_data_files_backups_and_folders_are_private(paths: AppPaths) -> None:
    old = os.umask(0o022)  # a typical, permissive umask must not leak through
    try:
        with open_store(paths) as store:
            cycle = store.save(Cycle(name="Q1", start=date(2026, 1, 1), end=date(2026, 3, 31)))
            store.save(Objective(cycle_id=cycle.id, title="Private goal"))
            store.save(JournalEntry(text="private note"))
            store.backup_now("manual")
        with open_store(paths):  # the daily backup and the split files
            pass
    finally:
        os.umask(old)
    files = [p for p in paths.data_dir.rglob("*") if p.is_file()]
    folders = [paths.data_dir, *(p for p in paths.data_dir.rglob("*") if p.is_dir())]
    assert any(p.parent.name == "cycles" for p in files)
    assert any(p.parent.name == "backups" for p in files)
    assert {str(p.relative_to(paths.data_dir)): mode(p) for p in files if mode(p) != 0o600} == {}
    assert {str(p): mode(p) for p in folders if mode(p) != 0o700} == {}


def test_settings_file_is_private(paths: AppPaths) -> None:
    old = os.umask(0o022)
    try:
        save_settings(paths, Settings(owner="me"))
    finally:
        os.umask(old)
    assert mode(paths.settings_file) == 0o600
    assert mode(paths.config_dir) == 0o700


def test_a_restored_backup_and_the_file_it_replaced_stay_private(paths: AppPaths) -> None:
    from okrcoach.store import restore_backup

    old = os.umask(0o022)
    try:
        with open_store(paths) as store:
            store.save(JournalEntry(text="before"))
            store.backup_now("manual")
            store.save(JournalEntry(text="after"))
        restore_backup(paths)
    finally:
        os.umask(old)
    for path in paths.data_dir.rglob("*"):
        if path.is_file():
            assert mode(path) == 0o600, path


def test_the_note_of_data_moved_aside_and_the_moved_file_stay_private(paths: AppPaths) -> None:
    from okrcoach.store import CorruptFileError

    old = os.umask(0o022)
    try:
        with open_store(paths) as store:
            store.save(JournalEntry(text="kept"))
        paths.data_file.write_bytes(b"{damaged")
        os.chmod(paths.data_file, 0o600)
        with pytest.raises(CorruptFileError):
            open_store(paths)
    finally:
        os.umask(old)
    files = [p for p in paths.data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "okrcoach.aside" for p in files)
    assert {str(p.relative_to(paths.data_dir)): mode(p) for p in files if mode(p) != 0o600} == {}
