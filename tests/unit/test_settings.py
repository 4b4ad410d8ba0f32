"""Settings: a bad value costs only that value, and what is saved reads back the same."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrcoach.domain.text import clean_line
from okrcoach.paths import AppPaths
from okrcoach.settings import Settings, load_settings, save_settings, toml_string

# One line per field; the keymap, as a table, comes last.
GOOD_LINES = {
    "theme": 'theme = "okrcoach-light"',
    "week_start": 'week_start = "sunday"',
    "checkin_cadence_days": "checkin_cadence_days = 14",
    "cycle_length": 'cycle_length = "month"',
    "owner": 'owner = "Ana"',
    "keymap": '[keymap]\n"app.quit" = "ctrl+q"',
}
GOOD = "\n".join(GOOD_LINES.values()) + "\n"
GOOD_SETTINGS = Settings(
    theme="okrcoach-light",
    week_start="sunday",
    checkin_cadence_days=14,
    cycle_length="month",
    owner="Ana",
    keymap={"app.quit": "ctrl+q"},
)


def write_settings(paths: AppPaths, text: str | bytes) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        paths.settings_file.write_bytes(text)
    else:
        paths.settings_file.write_text(text, encoding="utf-8")


def test_missing_file_gives_defaults_without_problems_or_folders(paths: AppPaths) -> None:
    loaded, problems = load_settings(paths)
    assert loaded == Settings()
    assert problems == []
    assert loaded.theme == "okrcoach-dark"
    assert loaded.week_start == "monday"
    assert loaded.checkin_cadence_days == 7
    assert loaded.cycle_length == "quarter"
    assert loaded.owner == ""
    assert loaded.keymap == {}
    assert not paths.config_dir.exists()


def test_good_file_is_read_in_full(paths: AppPaths) -> None:
    write_settings(paths, GOOD)
    loaded, problems = load_settings(paths)
    assert problems == []
    assert loaded == GOOD_SETTINGS


def test_file_that_is_not_toml_gives_defaults_and_one_problem_naming_it(
    paths: AppPaths,
) -> None:
    write_settings(paths, 'theme = "okrcoach-light"\nweek_start = [unclosed\n')
    loaded, problems = load_settings(paths)
    assert loaded == Settings()
    assert len(problems) == 1
    assert "settings.toml" in problems[0]
    assert "not valid TOML" in problems[0]
    assert "line 2" in problems[0], "the parse error says where"


def test_file_that_is_not_utf8_gives_defaults_and_one_problem(paths: AppPaths) -> None:
    write_settings(paths, b'owner = "\xff\xfe"\n')
    loaded, problems = load_settings(paths)
    assert loaded == Settings()
    assert problems == ["settings.toml is not UTF-8 text; using the defaults."]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('theme = "Not A Name"', "theme"),
        ("theme = 3", "theme"),
        ('week_start = "funday"', "week_start"),
        ('week_start = "Monday"', "week_start"),
        ("checkin_cadence_days = 0", "checkin_cadence_days"),
        ("checkin_cadence_days = 32", "checkin_cadence_days"),
        ('checkin_cadence_days = "7"', "checkin_cadence_days"),
        ("checkin_cadence_days = true", "checkin_cadence_days"),
        ("checkin_cadence_days = 7.5", "checkin_cadence_days"),
        ('cycle_length = "fortnight"', "cycle_length"),
        ("owner = 42", "owner"),
        (f'owner = "{"x" * 101}"', "owner"),
        ('keymap = "ctrl+q"', "keymap"),
    ],
)
def test_one_bad_value_falls_back_alone_and_is_named(
    paths: AppPaths, line: str, field: str
) -> None:
    lines = [line if key == field else good for key, good in GOOD_LINES.items()]
    write_settings(paths, "\n".join(lines) + "\n")

    loaded, problems = load_settings(paths)

    assert len(problems) == 1, problems
    assert field in problems[0]
    assert "settings.toml" in problems[0]
    assert getattr(loaded, field) == getattr(Settings(), field), "the default is used"
    for other in Settings.model_fields:
        if other != field:
            assert getattr(loaded, other) == getattr(GOOD_SETTINGS, other), other


def test_problem_says_what_was_expected_and_what_is_used(paths: AppPaths) -> None:
    write_settings(paths, 'week_start = "funday"\n')
    _, problems = load_settings(paths)
    assert problems == [
        "settings.toml: week_start should be a day of the week (monday, tuesday, wednesday,"
        " thursday, friday, saturday, sunday), not 'funday'; using 'monday'."
    ]


def test_unknown_setting_is_reported_and_the_rest_kept(paths: AppPaths) -> None:
    write_settings(paths, 'colour = "blue"\nowner = "Bo"\n')
    loaded, problems = load_settings(paths)
    assert loaded.owner == "Bo"
    assert problems == ["settings.toml: unknown setting 'colour' is ignored."]


def test_bad_keymap_entry_is_dropped_and_good_ones_kept(paths: AppPaths) -> None:
    write_settings(paths, '[keymap]\n"app.quit" = "ctrl+q"\n"app.help" = 5\n"app.x" = ""\n')
    loaded, problems = load_settings(paths)
    assert loaded.keymap == {"app.quit": "ctrl+q"}
    assert len(problems) == 2
    assert all("keymap entry" in problem for problem in problems)


def test_control_characters_in_text_are_stripped(paths: AppPaths) -> None:
    write_settings(paths, 'owner = "Ana\\u001b[31m Lee\\u0007"\n')
    loaded, problems = load_settings(paths)
    assert problems == []
    assert loaded.owner == "Ana Lee"


def test_problem_messages_never_echo_control_characters(paths: AppPaths) -> None:
    write_settings(paths, 'week_start = "\\u001b]0;pwned\\u0007mon"\n')
    _, problems = load_settings(paths)
    assert len(problems) == 1
    assert "\x1b" not in problems[0] and "\x07" not in problems[0]


# --- saving -------------------------------------------------------------------------------
TRICKY = Settings(
    theme="okrcoach-high-contrast",
    week_start="wednesday",
    checkin_cadence_days=31,
    cycle_length="year",
    owner='Zoë "the \\ boss" O\'Neil ✓ 日本',
    keymap={"app.quit": "ctrl+q", "dashboard.new": "n,f2", 'odd "id"': "\\"},
)


def test_save_then_load_round_trips_every_field(paths: AppPaths) -> None:
    save_settings(paths, TRICKY)
    loaded, problems = load_settings(paths)
    assert problems == []
    assert loaded == TRICKY


def test_save_creates_the_folder_lazily_with_a_private_file(paths: AppPaths) -> None:
    assert not paths.config_dir.exists()
    save_settings(paths, Settings(owner="Ana"))
    mode = stat.S_IMODE(os.stat(paths.settings_file).st_mode)
    assert mode == 0o600
    assert [p.name for p in paths.config_dir.iterdir()] == ["settings.toml"], "no temp files"


def test_save_replaces_the_previous_settings(paths: AppPaths) -> None:
    save_settings(paths, Settings(owner="First"))
    save_settings(paths, Settings(owner="Second", keymap={"app.help": "f1"}))
    loaded, _ = load_settings(paths)
    assert loaded.owner == "Second"
    assert loaded.keymap == {"app.help": "f1"}


def test_failed_save_leaves_the_old_file_whole_and_no_temp_file(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(paths, Settings(owner="Kept"))

    def broken_replace(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_settings(paths, Settings(owner="Lost"))
    monkeypatch.undo()
    loaded, _ = load_settings(paths)
    assert loaded.owner == "Kept"
    assert [p.name for p in paths.config_dir.iterdir()] == ["settings.toml"]


def test_saving_over_a_broken_file_keeps_it_aside(paths: AppPaths) -> None:
    write_settings(paths, 'owner = "unterminated\n')
    save_settings(paths, Settings(theme="okrcoach-light"))
    aside = paths.config_dir / "settings.toml.broken"
    assert aside.read_text(encoding="utf-8") == 'owner = "unterminated\n'
    assert load_settings(paths) == (Settings(theme="okrcoach-light"), [])


def test_settings_do_not_import_textual() -> None:
    code = "import sys, okrcoach.settings; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- properties ---------------------------------------------------------------------------
no_surrogates = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@given(no_surrogates)
def test_any_string_survives_the_toml_writer(value: str) -> None:
    assert tomllib.loads(f"x = {toml_string(value)}\n")["x"] == value


@settings(max_examples=40, deadline=None)
@given(
    owner=no_surrogates.map(clean_line).filter(lambda text: len(text) <= 100),
    binding=no_surrogates.map(clean_line).filter(bool),
    key=no_surrogates.map(clean_line).filter(bool),
)
def test_any_clean_owner_and_keymap_round_trip_through_the_file(
    tmp_path_factory: pytest.TempPathFactory, owner: str, binding: str, key: str
) -> None:
    folder = tmp_path_factory.mktemp("settings")
    paths = AppPaths(data_dir=folder / "data", config_dir=folder / "config")
    original = Settings(owner=owner, keymap={binding: key})
    save_settings(paths, original)
    assert load_settings(paths) == (original, [])
