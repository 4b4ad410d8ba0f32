"""Themes are data: TOML files validated where they enter, never a crash.

Built-in themes ship in the package (``okrcoach/themes`` in a wheel, the
repository's ``themes/`` folder in a source checkout); users add their own as
``*.toml`` in the config folder's ``themes/``. A broken file is skipped with a
named problem so one typo never costs the user the whole app.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.color import Color, ColorParseError
from textual.css.constants import VALID_STYLE_FLAGS
from textual.theme import BUILTIN_THEMES, Theme

from okrcoach.domain.text import clean_line
from okrcoach.paths import AppPaths
from okrcoach.tui.safe import safe

if TYPE_CHECKING:
    from textual.app import App

# The app's own CSS variables: every theme provides them (derived when a file omits them).
APP_VARIABLES = (
    "okr-on-track",
    "okr-at-risk",
    "okr-off-track",
    "okr-no-data",
    "okr-learning",
    "okr-performance",
)
# Which generated Textual colour each app variable falls back to.
_DERIVED_FROM = {
    "okr-on-track": "success",
    "okr-at-risk": "warning",
    "okr-off-track": "error",
    "okr-no-data": "foreground-muted",
    "okr-learning": "accent",
    "okr-performance": "primary",
}
COLOUR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "background",
    "surface",
    "panel",
    "warning",
    "error",
    "success",
    "foreground",
)
ALLOWED_KEYS = frozenset({"name", "dark", "variables", *COLOUR_FIELDS})
NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,47}")
_VARIABLE_PATTERN = re.compile(r"[a-z][a-z0-9-]{0,63}")
MAX_THEME_FILE_BYTES = 64 * 1024
_SHOWN_LENGTH = 40


class ThemeSpecError(ValueError):
    """A theme file's content is not a valid theme; the message says why in words."""


@dataclass(frozen=True)
class ThemeFailure:
    """A theme file that was skipped, and why."""

    file: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.problem}"


@dataclass
class ThemeLoadResult:
    """Themes that loaded, files that did not, and where each theme came from."""

    themes: list[Theme] = field(default_factory=list)
    failures: list[ThemeFailure] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)


def builtin_themes_dir() -> Path:
    """The shipped themes: inside the installed package, else the source checkout's root."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "themes"
    if installed.is_dir():
        return installed
    return package.parent.parent / "themes"


# --- parsing: pure, no files ----------------------------------------------------------
def _shown(value: object) -> str:
    """User data quoted for a message: control characters gone, kept short."""
    text = clean_line(str(value))
    if len(text) > _SHOWN_LENGTH:
        text = text[: _SHOWN_LENGTH - 1] + "…"
    return f"'{text}'"


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _colour(key: str, value: object) -> str:
    if not isinstance(value, str):
        raise ThemeSpecError(f"{key} must be a colour in quotes, not {_kind(value)}")
    try:
        return Color.parse(value.strip()).hex
    except ColorParseError:
        raise ThemeSpecError(
            f'{key}: {_shown(value)} is not a colour (try "#RRGGBB", a name like "red",'
            ' or "rgb(r, g, b)")'
        ) from None


def _theme_name(data: Mapping[str, object]) -> str:
    if "name" not in data:
        raise ThemeSpecError('the theme has no name (add a line like name = "my-theme")')
    raw = data["name"]
    if not isinstance(raw, str):
        raise ThemeSpecError(f"name must be text in quotes, not {_kind(raw)}")
    name = clean_line(raw)
    if not NAME_PATTERN.fullmatch(name):
        raise ThemeSpecError(
            f"the name {_shown(raw)} may use only lower-case letters, digits and hyphens"
            " (at most 48, starting with a letter or digit)"
        )
    return name


def _variables(raw: object) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ThemeSpecError(f"[variables] must be a table, not {_kind(raw)}")
    variables: dict[str, str] = {}
    for key, value in raw.items():
        if not _VARIABLE_PATTERN.fullmatch(key):
            raise ThemeSpecError(
                f"variable {_shown(key)} may use only lower-case letters, digits and hyphens"
            )
        if key.startswith("okr-") and key not in APP_VARIABLES:
            raise ThemeSpecError(
                f"unknown app variable {_shown(key)} (known: {', '.join(APP_VARIABLES)})"
            )
        if key.endswith("-style"):
            words = value.split() if isinstance(value, str) else []
            if not words or words[-1] == "not" or any(w not in VALID_STYLE_FLAGS for w in words):
                raise ThemeSpecError(
                    f'variable {key}: {_shown(value)} is not a text style (try "bold" or "none")'
                )
            variables[key] = " ".join(words)
        else:
            variables[key] = _colour(f"variable {key}", value)
    return variables


def theme_from_mapping(data: Mapping[str, object]) -> Theme:
    """Validate a parsed theme table and build the Theme, app variables filled in.

    Raises ThemeSpecError naming the first problem found.
    """
    unknown = sorted(set(data) - ALLOWED_KEYS)
    if unknown:
        listed = ", ".join(_shown(key) for key in unknown[:5])
        raise ThemeSpecError(
            f"unknown key{'s' if len(unknown) > 1 else ''} {listed}"
            f" (allowed: {', '.join(sorted(ALLOWED_KEYS))})"
        )
    name = _theme_name(data)
    if "primary" not in data:
        raise ThemeSpecError('the theme has no primary colour (add primary = "#RRGGBB")')
    colours = {key: _colour(key, data[key]) for key in COLOUR_FIELDS if key in data}
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeSpecError(f"dark must be true or false, not {_kind(dark)}")
    variables = _variables(data.get("variables", {}))
    theme = Theme(name=name, dark=dark, variables=variables, **colours)
    missing = [key for key in APP_VARIABLES if key not in variables]
    if missing:
        theme.variables.update(
            {key: value for key, value in _derived(theme).items() if key in missing}
        )
    return theme


def parse_theme_text(text: str) -> Theme:
    """A theme from the text of a TOML file; ThemeSpecError says what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ThemeSpecError(f"not valid TOML ({clean_line(str(error))})") from None
    return theme_from_mapping(data)


def _derived(theme: Theme) -> dict[str, str]:
    """The theme's own colour where it set one, else the colour Textual generates for it."""
    generated = theme.to_color_system().generate()
    return {
        key: getattr(theme, source, None) or generated[source]
        for key, source in _DERIVED_FROM.items()
    }


def default_app_variables(theme: Theme | None = None) -> dict[str, str]:
    """Values for the app's CSS variables under any theme, Textual's own included.

    Return this from ``App.get_theme_variable_defaults`` (passing
    ``self.current_theme``) so ``$okr-on-track`` and friends always resolve; a
    theme's own [variables] still win over these.
    """
    return _derived(theme or BUILTIN_THEMES["textual-dark"])


# --- files --------------------------------------------------------------------------------
def _read_theme_file(path: Path) -> Theme:
    try:
        if path.stat().st_size > MAX_THEME_FILE_BYTES:
            raise ThemeSpecError(f"the file is larger than {MAX_THEME_FILE_BYTES // 1024} KiB")
        raw = path.read_bytes()
    except OSError as error:
        reason = clean_line(error.strerror or str(error))
        raise ThemeSpecError(f"could not be read ({reason})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ThemeSpecError("is not UTF-8 text") from None
    return parse_theme_text(text)


def load_theme_files(directory: Path, taken: Mapping[str, str] | None = None) -> ThemeLoadResult:
    """Every ``*.toml`` theme in a folder, in name order; a missing folder holds none.

    ``taken`` maps names already in use to where they come from, so a file
    cannot silently replace a built-in or an earlier file's theme.
    """
    used = dict(taken or {})
    result = ThemeLoadResult()
    try:
        paths = sorted(path for path in directory.glob("*.toml") if path.is_file())
    except OSError as error:
        problem = f"the folder could not be read ({clean_line(error.strerror or str(error))})"
        result.failures.append(ThemeFailure(clean_line(directory.name), problem))
        return result
    for path in paths:
        file = clean_line(path.name)
        try:
            theme = _read_theme_file(path)
        except ThemeSpecError as error:
            result.failures.append(ThemeFailure(file, str(error)))
            continue
        if theme.name in used:
            problem = f"the name '{theme.name}' is already used by {used[theme.name]}"
            result.failures.append(ThemeFailure(file, problem))
            continue
        used[theme.name] = f"the theme file {file}"
        result.themes.append(theme)
        result.files[theme.name] = path
    return result


def textual_theme_names() -> list[str]:
    """Textual's own themes, which are always available too."""
    return sorted(BUILTIN_THEMES)


def load_themes(paths: AppPaths) -> ThemeLoadResult:
    """The built-in themes, then the user's, skipping and naming any broken file."""
    taken = {name: "a theme that comes with Textual" for name in BUILTIN_THEMES}
    builtin = load_theme_files(builtin_themes_dir(), taken)
    taken |= {theme.name: "a built-in okrcoach theme" for theme in builtin.themes}
    user = load_theme_files(paths.user_themes_dir, taken)
    return ThemeLoadResult(
        themes=builtin.themes + user.themes,
        failures=builtin.failures + user.failures,
        files=builtin.files | user.files,
    )


def register_themes(app: App[Any], paths: AppPaths) -> list[ThemeFailure]:
    """Make every loadable theme selectable in the app; return the files that were skipped."""
    result = load_themes(paths)
    for theme in result.themes:
        app.register_theme(theme)
    return result.failures


def failures_message(failures: Iterable[ThemeFailure]) -> str | None:
    """One notification listing every skipped theme file (markup-escaped), or None."""
    lines = [f"• {safe(failure)}" for failure in failures]
    if not lines:
        return None
    count = len(lines)
    files = f"{count} theme files were" if count > 1 else "1 theme file was"
    head = f"{files} skipped:"
    return "\n".join([head, *lines])
