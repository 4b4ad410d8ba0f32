"""Themes: the shipped ones are complete and readable, broken user files are named and skipped."""

from __future__ import annotations

import argparse
import colorsys
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Static

from okrcoach import cli
from okrcoach.commands import themes as themes_command
from okrcoach.paths import AppPaths
from okrcoach.tui.themes import (
    APP_VARIABLES,
    ThemeFailure,
    ThemeSpecError,
    builtin_themes_dir,
    default_app_variables,
    failures_message,
    load_themes,
    parse_theme_text,
    register_themes,
)

REQUIRED_BUILTINS = {
    "okrcoach-dark",
    "okrcoach-light",
    "okrcoach-high-contrast",
    "okrcoach-colour-safe",
}


def write_user_theme(paths: AppPaths, file: str, text: str | bytes) -> Path:
    folder = paths.user_themes_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problem_for(paths: AppPaths, file: str) -> str:
    failures = {failure.file: failure.problem for failure in load_themes(paths).failures}
    assert file in failures, f"{file} should have been reported as broken"
    return failures[file]


# --- WCAG contrast, written out so the test does not trust the code it checks --------------
def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    text = colour.lstrip("#")
    r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#123456", "#123456") == pytest.approx(1.0)


# --- built-in themes ----------------------------------------------------------------------
def builtin_themes(paths: AppPaths) -> dict:
    result = load_themes(paths)
    assert result.failures == []
    return {theme.name: theme for theme in result.themes}


def test_builtin_themes_all_load_and_cover_the_required_kinds(paths: AppPaths) -> None:
    themes = builtin_themes(paths)
    assert set(themes) >= REQUIRED_BUILTINS
    assert len(themes) >= 5
    assert themes["okrcoach-dark"].dark is True
    assert themes["okrcoach-light"].dark is False


def test_every_builtin_theme_defines_every_app_variable_as_a_colour(paths: AppPaths) -> None:
    for theme in builtin_themes(paths).values():
        for variable in APP_VARIABLES:
            assert variable in theme.variables, f"{theme.name} lacks {variable}"
            Color.parse(theme.variables[variable])


def test_builtin_theme_files_set_app_variables_themselves() -> None:
    """Shipped themes choose their status colours rather than relying on derived ones."""
    for path in sorted(builtin_themes_dir().glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        for variable in APP_VARIABLES:
            assert f"{variable} =" in text, f"{path.name} does not set {variable}"


def test_high_contrast_body_text_passes_wcag_aaa(paths: AppPaths) -> None:
    theme = builtin_themes(paths)["okrcoach-high-contrast"]
    assert theme.foreground is not None
    for area in ("background", "surface", "panel"):
        colour = getattr(theme, area)
        assert colour is not None, f"high contrast theme must set {area}"
        assert contrast(theme.foreground, colour) >= 7.0, area


def test_every_builtin_theme_has_readable_body_text(paths: AppPaths) -> None:
    for theme in builtin_themes(paths).values():
        for area in ("background", "surface", "panel"):
            ratio = contrast(theme.foreground, getattr(theme, area))
            assert ratio >= 4.5, f"{theme.name} {area}: {ratio:.2f}"


def _hue_degrees(colour: str) -> float:
    c = Color.parse(colour)
    hue, _, _ = colorsys.rgb_to_hls(c.r / 255, c.g / 255, c.b / 255)
    return hue * 360


def test_colour_safe_theme_uses_blue_and_orange_not_green_and_red(paths: AppPaths) -> None:
    theme = builtin_themes(paths)["okrcoach-colour-safe"]
    on_track = _hue_degrees(theme.variables["okr-on-track"])
    off_track = _hue_degrees(theme.variables["okr-off-track"])
    assert 180 <= on_track <= 250, "on track should be blue"
    assert 20 <= off_track <= 45, "off track should be orange"
    assert theme.success == theme.variables["okr-on-track"]


def test_builtin_dir_is_the_repository_themes_folder_in_a_checkout() -> None:
    folder = builtin_themes_dir()
    assert folder.name == "themes"
    assert (folder / "okrcoach-dark.toml").is_file()


# --- parsing ------------------------------------------------------------------------------
def test_minimal_theme_gets_app_variables_from_its_own_colours() -> None:
    theme = parse_theme_text(
        'name = "mini"\nprimary = "#112233"\nsuccess = "#00ff00"\nerror = "red"\n'
        'accent = "#abcdef"\n'
    )
    assert theme.name == "mini"
    assert theme.variables["okr-on-track"] == "#00FF00"
    assert theme.variables["okr-off-track"] == "#FF0000"
    assert theme.variables["okr-learning"] == "#ABCDEF"
    assert theme.variables["okr-performance"] == "#112233"
    assert set(APP_VARIABLES) <= set(theme.variables)


def test_theme_variables_given_in_the_file_win_over_derived_ones() -> None:
    theme = parse_theme_text(
        'name = "mine"\nprimary = "#112233"\nsuccess = "#00ff00"\n'
        '[variables]\nokr-on-track = "#0000ff"\nblock-cursor-text-style = "bold"\n'
    )
    assert theme.variables["okr-on-track"] == "#0000FF"
    assert theme.variables["block-cursor-text-style"] == "bold"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('primary = "#112233"\n', "no name"),
        ('name = "x"\n', "no primary"),
        ('name = "x"\nprimary = "blu"\n', "'blu' is not a colour"),
        ('name = "x"\nprimary = 12\n', "primary must be a colour"),
        ('name = "x"\nprimary = "#123"\nbackgrond = "#000"\n', "unknown key 'backgrond'"),
        ('name = "My Theme"\nprimary = "#123"\n', "lower-case letters"),
        ('name = 5\nprimary = "#123"\n', "name must be text"),
        ('name = "x"\nprimary = "#123"\ndark = "yes"\n', "dark must be true or false"),
        ('name = "x"\nprimary = "#123"\n[variables]\nokr-on-trak = "#fff"\n', "okr-on-trak"),
        ('name = "x"\nprimary = "#123"\n[variables]\nokr-at-risk = "nope"\n', "not a colour"),
        ('name = "x"\nprimary = "#123"\nvariables = 3\n', "must be a table"),
        (
            'name = "x"\nprimary = "#123"\n[variables]\nlink-style = "blink"\n'
            'input-cursor-text-style = "shiny"\n',
            "not a text style",
        ),
        ("name = x y z", "not valid TOML"),
    ],
)
def test_parse_names_the_problem(text: str, words: str) -> None:
    with pytest.raises(ThemeSpecError) as caught:
        parse_theme_text(text)
    assert words in str(caught.value)


def test_problem_text_carries_no_terminal_control_characters() -> None:
    with pytest.raises(ThemeSpecError) as caught:
        parse_theme_text('name = "evil\\u001b[2J\\u0007 Name"\nprimary = "#123"\n')
    message = str(caught.value)
    assert "\x1b" not in message and "\x07" not in message
    assert "evil" in message


# --- loading files ------------------------------------------------------------------------
def test_good_user_theme_is_loaded_after_the_builtins(paths: AppPaths) -> None:
    path = write_user_theme(paths, "sunrise.toml", 'name = "sunrise"\nprimary = "#ff8800"\n')
    result = load_themes(paths)
    assert result.failures == []
    assert result.themes[-1].name == "sunrise"
    assert result.files["sunrise"] == path


def test_missing_user_folder_is_not_a_problem(paths: AppPaths) -> None:
    assert not paths.config_dir.exists()
    assert load_themes(paths).failures == []
    assert not paths.config_dir.exists(), "loading themes must not create folders"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('name = "a"\nprimary = "notacolour"\n', "not a colour"),
        ('primary = "#123456"\n', "no name"),
        ("this is not toml\n", "not valid TOML"),
        ('name = "a"\nprimary = "#123"\nshiny = true\n', "unknown key 'shiny'"),
        ('name = "Big Name!"\nprimary = "#123"\n', "lower-case letters"),
        (b"name = '\xff\xfe'\n", "not UTF-8"),
    ],
)
def test_each_kind_of_broken_user_file_is_skipped_and_named(
    paths: AppPaths, content: str | bytes, words: str
) -> None:
    write_user_theme(paths, "fine.toml", 'name = "fine"\nprimary = "#336699"\n')
    write_user_theme(paths, "broken.toml", content)
    result = load_themes(paths)
    names = {theme.name for theme in result.themes}
    assert "fine" in names
    assert [failure.file for failure in result.failures] == ["broken.toml"]
    assert words in result.failures[0].problem


def test_oversized_file_is_skipped(paths: AppPaths) -> None:
    padding = "# " + "x" * 70_000 + "\n"
    write_user_theme(paths, "huge.toml", padding + 'name = "huge"\nprimary = "#123"\n')
    assert "larger than" in problem_for(paths, "huge.toml")


def test_user_theme_may_not_take_a_builtin_name(paths: AppPaths) -> None:
    write_user_theme(paths, "copy.toml", 'name = "okrcoach-dark"\nprimary = "#ff0000"\n')
    assert "already used by a built-in okrcoach theme" in problem_for(paths, "copy.toml")
    dark = next(t for t in load_themes(paths).themes if t.name == "okrcoach-dark")
    assert dark.primary != "#FF0000"


def test_user_theme_may_not_take_a_textual_theme_name(paths: AppPaths) -> None:
    write_user_theme(paths, "nordish.toml", 'name = "nord"\nprimary = "#ff0000"\n')
    assert "comes with Textual" in problem_for(paths, "nordish.toml")


def test_two_user_files_with_one_name_keep_the_first_and_name_the_second(
    paths: AppPaths,
) -> None:
    write_user_theme(paths, "a-first.toml", 'name = "twin"\nprimary = "#111111"\n')
    write_user_theme(paths, "b-second.toml", 'name = "twin"\nprimary = "#222222"\n')
    result = load_themes(paths)
    twins = [theme for theme in result.themes if theme.name == "twin"]
    assert [theme.primary for theme in twins] == ["#111111"]
    assert problem_for(paths, "b-second.toml") == (
        "the name 'twin' is already used by the theme file a-first.toml"
    )


def test_failures_message_lists_every_file_with_markup_escaped() -> None:
    assert failures_message([]) is None
    message = failures_message(
        [ThemeFailure("a.toml", "the name '[b]x' is bad"), ThemeFailure("b.toml", "not TOML")]
    )
    assert message is not None
    assert message.startswith("2 theme files were skipped")
    assert "a.toml" in message and "b.toml" in message
    assert "\\[b]x" in message, "user text must not become Textual markup"


# --- in a running App ---------------------------------------------------------------------
class ThemedApp(App[None]):
    CSS = "#learning { color: $okr-learning; } #on-track { color: $okr-on-track; }"

    def __init__(self, paths: AppPaths) -> None:
        super().__init__()
        self.paths = paths
        self.failures: list[ThemeFailure] = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return default_app_variables(self.current_theme)

    def compose(self) -> ComposeResult:
        yield Static("learning", id="learning")
        yield Static("on track", id="on-track")

    def on_mount(self) -> None:
        self.failures = register_themes(self, self.paths)


async def test_app_css_resolves_theme_variables_and_follows_theme_changes(
    paths: AppPaths,
) -> None:
    write_user_theme(paths, "broken.toml", "not toml at all")
    app = ThemedApp(paths)
    async with app.run_test() as pilot:
        assert [failure.file for failure in app.failures] == ["broken.toml"]
        learning = app.query_one("#learning", Static)

        app.theme = "okrcoach-ember"
        await pilot.pause()
        ember = app.get_theme("okrcoach-ember")
        assert ember is not None
        assert learning.styles.color == Color.parse(ember.variables["okr-learning"])

        app.theme = "okrcoach-light"
        await pilot.pause()
        light = app.get_theme("okrcoach-light")
        assert light is not None
        assert learning.styles.color == Color.parse(light.variables["okr-learning"])

        # Textual's own themes know nothing of okrcoach: the defaults follow their colours.
        app.theme = "nord"
        await pilot.pause()
        on_track = app.query_one("#on-track", Static)
        assert on_track.styles.color == Color.parse("#A3BE8C")  # nord's success colour


# --- the `okrcoach themes` command --------------------------------------------------------
def test_themes_command_lists_builtin_user_and_broken_and_marks_the_chosen_one(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    write_user_theme(paths, "mine.toml", 'name = "mine"\nprimary = "#123456"\n')
    write_user_theme(paths, "oops.toml", 'name = "oops"\nprimary = "bluish"\n')
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text('theme = "mine"\n', encoding="utf-8")

    code = themes_command.run(argparse.Namespace(theme=None), paths)

    out = capsys.readouterr().out
    assert code == 1, "a broken theme file makes the command fail"
    for name in REQUIRED_BUILTINS:
        assert name in out
    assert "* mine  (in use)  [mine.toml]" in out
    assert "oops.toml: primary: 'bluish' is not a colour" in out
    assert "nord" in out


def test_themes_command_through_the_cli_marks_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("OKRCOACH_DATA_DIR", str(tmp_path / "data"))
    assert cli.main(["themes"]) == 0
    out = capsys.readouterr().out
    assert "* okrcoach-dark  (in use)" in out
    assert "none yet" in out
    assert not (tmp_path / "config").exists(), "listing themes must not create folders"


def test_themes_command_warns_when_the_chosen_theme_is_missing(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    code = themes_command.run(argparse.Namespace(theme="gone-theme"), paths)
    assert code == 0
    assert "'gone-theme' is not available" in capsys.readouterr().out


def test_themes_json_names_the_broken_files(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    write_user_theme(paths, "mine.toml", 'name = "mine"\nprimary = "#123456"\n')
    write_user_theme(paths, "oops.toml", 'name = "oops"\nprimary = "bluish"\n')
    code = themes_command.run(argparse.Namespace(theme=None, json=True), paths)
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["in_use"] == "okrcoach-dark" and data["available"] is True
    assert [t["name"] for t in data["yours"]] == ["mine"]
    assert any("oops.toml" in broken for broken in data["broken"])
    assert set(REQUIRED_BUILTINS) <= set(data["built_in"])
