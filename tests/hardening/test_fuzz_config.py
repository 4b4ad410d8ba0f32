"""Theme files and the settings file: any content gives a result plus problems in words."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.markup import to_content
from textual.theme import Theme

from okrcoach.domain.text import clean_line
from okrcoach.paths import AppPaths
from okrcoach.settings import Settings, load_settings, save_settings, settings_toml
from okrcoach.tui.themes import (
    ALLOWED_KEYS,
    ThemeSpecError,
    failures_message,
    load_theme_files,
    parse_theme_text,
    theme_from_mapping,
)
from tests.hardening.hostile import HOSTILE

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
HOSTILE_TEXT = st.sampled_from([text for _, text in HOSTILE])
_scalar = (
    st.text(max_size=20)
    | HOSTILE_TEXT
    | st.sampled_from(["#ff0000", "red", "rgb(1,2,3)", "hsl(1,2%,3%)", "#fff0", "ansi_red"])
    | st.booleans()
    | st.integers()
    | st.floats()
)
_toml_value = st.recursive(
    _scalar,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
_keys = st.sampled_from(sorted(ALLOWED_KEYS | {"variables"})) | st.text(max_size=10) | HOSTILE_TEXT
THEME_MAPPING = st.dictionaries(_keys, _toml_value, max_size=8) | st.fixed_dictionaries(
    {"name": st.text(max_size=12) | HOSTILE_TEXT, "primary": _scalar},
    optional={
        "dark": _scalar,
        "variables": st.dictionaries(
            st.sampled_from(["okr-on-track", "okr-bogus", "block-cursor-text-style", "x"])
            | st.text(max_size=8),
            _scalar,
            max_size=3,
        ),
    },
)
TOMLISH = st.text(max_size=300) | st.builds(
    "\n".join,
    st.lists(
        st.sampled_from(
            [
                'name = "ok-theme"',
                'primary = "#336699"',
                "primary = 3",
                'name = "[@click=app.quit]x"',
                "[variables]",
                '"okr-on-track" = "green"',
                'dark = "yes"',
                "[[name]]",
                'name = """multi\nline"""',
                "x = {a = 1}",
                "name = 'a' # dup",
                "\x00",
                "= =",
            ]
        ),
        max_size=8,
    ),
)


def _theme_or_words(build: Any, value: Any) -> None:
    try:
        theme = build(value)
    except ThemeSpecError as error:
        message = str(error)
        assert message.strip()
        assert "\x1b" not in message and "\x07" not in message
        assert len(message) < 600
        return
    assert isinstance(theme, Theme)
    assert theme.name and theme.primary


@FUZZ
@given(THEME_MAPPING)
def test_any_theme_mapping_is_a_theme_or_a_named_problem(data: dict[str, Any]) -> None:
    _theme_or_words(theme_from_mapping, data)


@FUZZ
@given(TOMLISH)
def test_any_theme_text_is_a_theme_or_a_named_problem(text: str) -> None:
    _theme_or_words(parse_theme_text, text)


@pytest.mark.parametrize(("label", "text"), HOSTILE, ids=[label for label, _ in HOSTILE])
def test_hostile_theme_files_are_skipped_with_escaped_messages(
    tmp_path: Path, label: str, text: str
) -> None:
    """A theme name or file name full of markup is named in the toast, never obeyed."""
    safe_name = "bad-" + label
    (tmp_path / f"{safe_name}.toml").write_text(
        f"name = {_toml_str(text)}\nprimary = {_toml_str(text)}\n", encoding="utf-8"
    )
    result = load_theme_files(tmp_path)
    assert result.themes == []
    assert len(result.failures) == 1
    message = failures_message(result.failures)
    assert message is not None and safe_name in message

    shown = to_content(message).plain  # what the toast displays: markup shown as typed
    assert "\x1b" not in shown
    assert clean_line(text)[:30] in shown


def _toml_str(text: str) -> str:
    from okrcoach.settings import toml_string

    return toml_string(text)


# --- settings ----------------------------------------------------------------------------
SETTINGS_BYTES = st.binary(max_size=300) | st.builds(
    lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"),
    st.lists(
        st.sampled_from(
            [
                'theme = "nord"',
                'theme = "[@click=app.quit]x"',
                "theme = 3",
                'week_start = "funday"',
                "checkin_cadence_days = 0",
                "checkin_cadence_days = 99999999999999999999",
                "checkin_cadence_days = 7.5",
                'owner = "\\u001b[2J me"',
                'owner = "' + "o" * 500 + '"',
                "[keymap]",
                '"app.quit" = "ctrl+q"',
                '"[b]x" = 3',
                "keymap = 1",
                "unknown = true",
                '"\\u202e" = 1',
                "[[theme]]",
                "= x",
            ]
        ),
        max_size=8,
    ),
)


@FUZZ
@given(raw=SETTINGS_BYTES)
def test_any_settings_file_gives_settings_and_problems(paths: AppPaths, raw: bytes) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_bytes(raw)
    loaded, problems = load_settings(paths)
    assert isinstance(loaded, Settings)
    for problem in problems:
        assert problem.strip()
        assert "\x1b" not in problem and "\x00" not in problem and "\u202e" not in problem
        assert len(problem) < 400
    # What was loaded can always be written back and read again unchanged.
    again = Settings.model_validate(loaded.model_dump())
    assert again == loaded
    import tomllib

    tomllib.loads(settings_toml(loaded))


def test_a_broken_settings_file_is_kept_when_settings_are_saved(paths: AppPaths) -> None:
    paths.config_dir.mkdir(parents=True)
    original = b'theme = "nord"\nowner = [unclosed\n'
    paths.settings_file.write_bytes(original)
    loaded, problems = load_settings(paths)
    assert loaded == Settings() and "not valid TOML" in problems[0]
    save_settings(paths, loaded.model_copy(update={"theme": "nord"}))
    kept = paths.settings_file.with_name("settings.toml.broken")
    assert kept.read_bytes() == original
    assert os.stat(paths.settings_file).st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("label", "text"), HOSTILE, ids=[label for label, _ in HOSTILE])
def test_hostile_settings_values_are_reported_without_control_characters(
    paths: AppPaths, label: str, text: str
) -> None:
    paths.config_dir.mkdir(parents=True)
    body = f"theme = {_toml_str(text)}\nweek_start = {_toml_str(text)}\n[keymap]\n"
    body += f"{_toml_str(text)} = 5\n"
    paths.settings_file.write_text(body, encoding="utf-8")
    loaded, problems = load_settings(paths)
    assert loaded.theme == Settings().theme and loaded.week_start == "monday"
    assert len(problems) == 3
    for problem in problems:
        assert "\x1b" not in problem and "\u202e" not in problem and "\n" not in problem
