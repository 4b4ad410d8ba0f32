"""Schema versions: old files are upgraded after a backup, newer ones are left alone."""

from __future__ import annotations

import json

import pytest

from okrcoach.domain.models import Objective
from okrcoach.paths import AppPaths
from okrcoach.store import SCHEMA_VERSION, FutureSchemaError, inspect_data, open_store
from okrcoach.store.migrations import MIGRATIONS, migrate

from .conftest import sample_records


def _v0_file(paths: AppPaths) -> bytes:
    objective = sample_records()[1]
    raw = json.dumps({"objectives": {"1": objective.model_dump(mode="json")}}).encode()
    paths.ensure_data_dir()
    paths.data_file.write_bytes(raw)
    return raw


def test_every_version_below_the_current_one_has_a_migration() -> None:
    assert set(MIGRATIONS) == set(range(SCHEMA_VERSION))
    assert set(migrate({}, 0)) >= {"cycles", "checkins", "drafts"}


def test_a_v0_file_is_backed_up_then_migrated(paths: AppPaths) -> None:
    raw = _v0_file(paths)
    objective = sample_records()[1]
    with open_store(paths) as store:
        assert store.schema_version == SCHEMA_VERSION
        loaded = store.all(Objective)
        assert len(loaded) == 1 and loaded[0].title == objective.title
        backup = store.last_backup()
    assert backup is not None and "before-migrating-v0" in backup.name
    assert backup.read_bytes() == raw
    data = json.loads(paths.data_file.read_text())
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert inspect_data(paths).schema_version == SCHEMA_VERSION


def test_read_only_migrates_in_memory_without_writing(paths: AppPaths) -> None:
    raw = _v0_file(paths)
    with open_store(paths, read_only=True) as store:
        assert len(store.all(Objective)) == 1
    assert paths.data_file.read_bytes() == raw
    assert not paths.backup_dir.exists()


def test_a_future_schema_is_refused_and_left_untouched(paths: AppPaths) -> None:
    paths.ensure_data_dir()
    raw = json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}, "x": {}}).encode()
    paths.data_file.write_bytes(raw)
    for read_only in (False, True):
        with pytest.raises(FutureSchemaError, match="newer okrcoach") as caught:
            open_store(paths, read_only=read_only)
        assert caught.value.version == SCHEMA_VERSION + 1
        assert "update okrcoach" in str(caught.value)
    assert paths.data_file.read_bytes() == raw
    assert not paths.backup_dir.exists()
    assert set(paths.data_dir.iterdir()) == {paths.data_file, paths.lock_file}


def test_unknown_tables_are_carried_along_not_dropped(paths: AppPaths) -> None:
    paths.ensure_data_dir()
    paths.data_file.write_text(
        json.dumps({"meta": {"1": {"schema_version": 1}}, "plugins": {"1": {"a": 1}}})
    )
    with open_store(paths) as store:
        store.save(sample_records()[0])
    assert json.loads(paths.data_file.read_text())["plugins"] == {"1": {"a": 1}}
