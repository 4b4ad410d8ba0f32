"""The kept dashboard preview: shown again only while the saved files are exactly as they were.

A preview that outlived a save would show the user numbers that are no longer true, so every
way the files can change (a save, a new cycle file, a settings edit, a restore) must make it
unreadable, and a damaged file must read as no preview rather than fail the start.
"""

from __future__ import annotations

import json
import os
import stat
from datetime import date

import pytest

from okrcoach.domain.models import CheckIn, Cycle, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.tui.screens.dashboard.preview import (
    PREVIEW_FILE,
    Preview,
    forget_preview,
    read_preview,
    write_preview,
)

TODAY = date(2026, 11, 24)
SIZE = (80, 24)
SHOWN = Preview(
    "Current cycle: 2026-Q4",
    "Showing all objectives",
    (("▶ [b]Customers get answers the same day[/b]", False), ("  Old goal", True)),
)


@pytest.fixture
def workspace(paths: AppPaths) -> KeyResult:
    with open_store(paths) as store:
        cycle = store.save(Cycle.for_quarter(TODAY))
        objective = store.save(Objective(cycle_id=cycle.id, title="Answers the same day"))
        return store.save(KeyResult(objective_id=objective.id, title="Reach 100", target=100))


def keep(paths: AppPaths) -> None:
    write_preview(paths, paths.files_stamp(), SIZE, {TODAY: SHOWN})


def test_a_kept_preview_reads_back_while_nothing_changed(paths: AppPaths, workspace) -> None:
    keep(paths)
    assert read_preview(paths, TODAY, SIZE) == SHOWN
    mode = stat.S_IMODE(os.stat(paths.data_dir / PREVIEW_FILE).st_mode)
    assert mode == 0o600  # it holds objective titles: as private as the data


def test_a_check_in_saved_afterwards_retires_the_preview(paths: AppPaths, workspace) -> None:
    keep(paths)
    with open_store(paths) as store:
        store.save(CheckIn(kr_id=workspace.id, value=57, confidence=8))
    assert read_preview(paths, TODAY, SIZE) is None


def test_a_new_cycle_or_a_settings_edit_retires_it(paths: AppPaths, workspace) -> None:
    keep(paths)
    with open_store(paths) as store:
        store.save(Cycle.for_quarter(date(2027, 1, 5)))
    assert read_preview(paths, TODAY, SIZE) is None
    keep(paths)
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text('cycle_length = "month"\n', encoding="utf-8")
    assert read_preview(paths, TODAY, SIZE) is None


def test_each_day_reads_its_own_preview_and_another_size_none(paths: AppPaths, workspace) -> None:
    tomorrow = Preview("Current cycle: 2026-Q4 · 36 days left", "Showing all", SHOWN.cards)
    write_preview(paths, paths.files_stamp(), SIZE, {TODAY: SHOWN, date(2026, 11, 25): tomorrow})
    assert read_preview(paths, date(2026, 11, 25), SIZE) == tomorrow  # "days left" moved
    assert read_preview(paths, date(2026, 11, 26), SIZE) is None  # a day not kept
    assert read_preview(paths, TODAY, (120, 40)) is None  # cards are laid out for a width
    assert read_preview(paths, TODAY, SIZE) == SHOWN


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{not json",
        b"\xff\xfe garbage",
        b"[]",
        b'{"key": {}}',
        b"{" + b'"x": "' + b"a" * 1_100_000 + b'"}',
    ],
    ids=["empty", "broken", "bytes", "list", "stale-key", "huge"],
)
def test_a_damaged_preview_reads_as_none(paths: AppPaths, workspace, body: bytes) -> None:
    (paths.data_dir / PREVIEW_FILE).write_bytes(body)
    assert read_preview(paths, TODAY, SIZE) is None


def test_cards_of_the_wrong_shape_read_as_none(paths: AppPaths, workspace) -> None:
    keep(paths)
    path = paths.data_dir / PREVIEW_FILE
    kept = json.loads(path.read_text(encoding="utf-8"))
    kept["days"][TODAY.isoformat()]["cards"] = [["fine", False], [3, False]]
    path.write_text(json.dumps(kept), encoding="utf-8")
    assert read_preview(paths, TODAY, SIZE) is None


def test_forgetting_it_and_a_missing_data_dir_are_quiet(paths: AppPaths) -> None:
    write_preview(paths, paths.files_stamp(), SIZE, {TODAY: SHOWN})  # no data dir: nothing
    assert not paths.data_dir.exists()
    assert read_preview(paths, TODAY, SIZE) is None
    forget_preview(paths)


def test_the_stamp_moves_with_every_save(paths: AppPaths, workspace) -> None:
    before = paths.files_stamp()
    with open_store(paths) as store:
        assert store.files_stamp() == before
        store.save(CheckIn(kr_id=workspace.id, value=20, confidence=6))
        assert store.files_stamp() != before
