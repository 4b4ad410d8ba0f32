"""A hand-written, commented settings file keeps every comment through each setting the app
writes (the theme from the palette; every field of the settings screen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrcoach.paths import AppPaths
from okrcoach.settings import apply_changes, load_settings, save_settings

COMMENTED = """\
# My okrcoach settings -- kept by hand.
# The theme I like at night:
theme = 'okrcoach-dark'   # literal quotes, on purpose

# Weeks start on...
week_start = "monday"     # ISO weeks
checkin_cadence_days = 7  # weekly
cycle_length = "quarter"  # the company plans by quarter
owner = "Sam"             # pre-filled on new objectives
future_option = true      # not known to this version yet

[keymap]                  # my keys
"dashboard.checkin" = "C" # capital C, c is for something else
"""

# Each value the app writes: the palette's theme pick, then every settings-screen field.
WRITES = [
    {"theme": "okrcoach-light"},
    {"week_start": "sunday"},
    {"checkin_cadence_days": "14"},
    {"cycle_length": "month"},
    {"owner": "Ana"},
]


def _comments(text: str) -> list[str]:
    return [line[line.index("#") :] for line in text.splitlines() if "#" in line]


@pytest.mark.parametrize("change", WRITES, ids=lambda c: next(iter(c)))
def test_every_comment_survives_each_setting_the_app_writes(
    tmp_path: Path, change: dict[str, object]
) -> None:
    paths = AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    paths.config_dir.mkdir()
    paths.settings_file.write_text(COMMENTED, encoding="utf-8")
    before, _ = load_settings(paths)
    chosen, errors = apply_changes(before, change)
    assert not errors
    save_settings(paths, chosen)
    after = paths.settings_file.read_text(encoding="utf-8")
    assert _comments(after) == _comments(COMMENTED)  # every comment, in order
    assert "future_option = true" in after
    loaded, problems = load_settings(paths)
    assert loaded == chosen
    assert [p for p in problems if "future_option" not in p] == []
    untouched = [line for line in COMMENTED.splitlines() if next(iter(change)) not in line]
    assert all(line in after.splitlines() for line in untouched)  # hand formatting kept


def test_all_writes_in_a_row_keep_the_file_as_written_but_the_values(tmp_path: Path) -> None:
    paths = AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    paths.config_dir.mkdir()
    paths.settings_file.write_text(COMMENTED, encoding="utf-8")
    for change in WRITES:
        current, _ = load_settings(paths)
        save_settings(paths, apply_changes(current, change)[0])
    after = paths.settings_file.read_text(encoding="utf-8")
    assert _comments(after) == _comments(COMMENTED)
    assert len(after.splitlines()) == len(COMMENTED.splitlines())


def test_a_fresh_file_is_still_written_whole(tmp_path: Path) -> None:
    paths = AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    save_settings(paths, apply_changes(load_settings(paths)[0], {"owner": "Ana"})[0])
    assert load_settings(paths)[0].owner == "Ana"
    assert paths.settings_file.read_text().startswith("# okrcoach settings.")
