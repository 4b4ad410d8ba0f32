"""The user's settings: one small TOML file, forgiving on the way in, atomic on the way out.

A bad value never costs the user their other settings: that one field falls
back to its default and the problem is reported in words. Nothing here
imports Textual, so the CLI can read settings cheaply.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from okrcoach.domain.text import clean_line
from okrcoach.location import EXPECTED as STORE_EXPECTED
from okrcoach.location import LocationError, check_location
from okrcoach.location import shown as shown_location
from okrcoach.paths import AppPaths

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
CycleLength = Literal["quarter", "month", "half", "year"]
WEEKDAYS: tuple[str, ...] = get_args(Weekday)
CYCLE_LENGTHS: tuple[str, ...] = get_args(CycleLength)
_THEME_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,47}")


def _theme_name(value: str) -> str:
    if not _THEME_NAME.fullmatch(value):
        raise ValueError("not a theme name")
    return value


def _non_empty(value: str) -> str:
    if not value:
        raise ValueError("empty")
    return value


def _store(value: str) -> str:
    """A team URL or "" (the local folder); a bad value is refused, never opened."""
    try:
        return check_location(value, "store") or ""
    except LocationError as error:
        raise ValueError("not a store location") from error


CleanText = Annotated[str, AfterValidator(clean_line)]
KeymapText = Annotated[str, AfterValidator(clean_line), AfterValidator(_non_empty)]


class Settings(BaseModel):
    """What the user chose; every field has a default so a partial file is fine."""

    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")

    theme: Annotated[str, AfterValidator(_theme_name)] = "okrcoach-dark"
    week_start: Weekday = "monday"
    checkin_cadence_days: int = Field(default=7, ge=1, le=31)
    cycle_length: CycleLength = "quarter"
    owner: Annotated[CleanText, Field(max_length=100)] = ""
    keymap: dict[KeymapText, KeymapText] = Field(default_factory=dict)
    # Where the workspace lives: "" is the local data folder, else a team store URL.
    store: Annotated[str, Field(max_length=2000), AfterValidator(_store)] = ""


# What each field should be, in words, for problem messages.
_EXPECTED = {
    "theme": "a theme name of lower-case letters, digits and hyphens",
    "week_start": f"a day of the week ({', '.join(WEEKDAYS)})",
    "checkin_cadence_days": "a whole number of days from 1 to 31",
    "cycle_length": f"one of {', '.join(CYCLE_LENGTHS)}",
    "owner": "text of at most 100 characters",
    "keymap": 'a table of binding ids and keys, like "app.quit" = "ctrl+q"',
    "store": STORE_EXPECTED,
}
_SHOWN_LENGTH = 40


def _shown(value: object) -> str:
    from rich.cells import cell_len, set_cell_size

    text = clean_line(value if isinstance(value, str) else repr(value))
    if cell_len(text) > _SHOWN_LENGTH:  # screen cells: a wide character takes two
        text = set_cell_size(text, _SHOWN_LENGTH - 1).rstrip() + "…"
    return f"'{text}'" if isinstance(value, str) else text


def _validate(data: dict[str, Any], file: str) -> tuple[Settings, list[str]]:
    """Keep every good value; drop each bad one (or bad keymap entry) with a problem."""
    problems: list[str] = []
    data = dict(data)
    for key in sorted(set(data) - set(Settings.model_fields)):
        problems.append(f"{file}: unknown setting {_shown(key)} is ignored.")
        del data[key]
    if isinstance(data.get("keymap"), dict):
        keymap = dict(data["keymap"])
        for binding, key in list(keymap.items()):
            try:
                Settings.model_validate({"keymap": {binding: key}})
            except ValidationError:
                problems.append(
                    f"{file}: keymap entry {_shown(binding)} = {_shown(key)} is ignored"
                    ' (keys must be text, like "ctrl+q").'
                )
                del keymap[binding]
        data["keymap"] = keymap
    for name in list(data):
        try:
            Settings.model_validate({name: data[name]})
        except ValidationError:
            default = Settings.model_fields[name].get_default(call_default_factory=True)
            if name == "store":  # may hold a password: never echoed as it is
                bad = data[name]
                problems.append(
                    f"{file}: store should be {STORE_EXPECTED}, not "
                    f"{shown_location(bad) if isinstance(bad, str) else _shown(bad)};"
                    " nothing was opened."
                )
                del data[name]
                continue
            problems.append(
                f"{file}: {name} should be {_EXPECTED[name]}, not {_shown(data[name])};"
                f" using {_shown(default)}."
            )
            del data[name]
    return Settings.model_validate(data), problems


def store_problem(problems: list[str]) -> str | None:
    """The problem with the ``store`` setting among ``problems``, if there is one."""
    return next((p for p in problems if ": store should be " in p), None)


# What the settings screen calls each field, for its messages.
LABELS = {
    "theme": "Theme",
    "week_start": "Week start",
    "checkin_cadence_days": "Check-in cadence",
    "cycle_length": "Default cycle length",
    "owner": "Your name",
}
_WHOLE_NUMBER = re.compile(r"[0-9]{1,6}")


def apply_changes(base: Settings, changes: Mapping[str, object]) -> tuple[Settings, dict[str, str]]:
    """``base`` with ``changes`` applied, and each value that was refused named in words.

    A refused value keeps the one in ``base``. The cadence may arrive as the text of
    an input ("14"); anything else must already be the field's type.
    """
    good: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, value in changes.items():
        if name == "checkin_cadence_days" and isinstance(value, str):
            text = value.strip()
            value = int(text) if _WHOLE_NUMBER.fullmatch(text) else text
        try:
            checked = Settings.model_validate({name: value})
        except ValidationError:
            errors[name] = f"{LABELS.get(name, name)} should be {_EXPECTED[name]}."
            continue
        good[name] = getattr(checked, name)
    return base.model_copy(update=good), errors


def load_settings(paths: AppPaths) -> tuple[Settings, list[str]]:
    """The saved settings and any problems in words; defaults when there is no file."""
    path = paths.settings_file
    file = clean_line(path.name)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as error:
        reason = clean_line(error.strerror or str(error))
        return Settings(), [f"{file} could not be read ({reason}); using the defaults."]
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Settings(), [f"{file} is not UTF-8 text; using the defaults."]
    except tomllib.TOMLDecodeError as error:
        reason = clean_line(str(error))
        return Settings(), [f"{file} is not valid TOML ({reason}); using the defaults."]
    return _validate(data, file)


# --- writing -------------------------------------------------------------------------------
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(value: str) -> str:
    """A TOML basic string that reads back as exactly ``value``.

    Lone surrogates cannot be written as UTF-8 or TOML and become U+FFFD.
    """
    out = ['"']
    for char in value:
        code = ord(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def settings_toml(settings: Settings) -> str:
    """The settings as fresh TOML text: the flat fields, then the keymap table."""
    lines = [
        "# okrcoach settings. Unknown keys are ignored; a bad value falls back to its default."
    ]
    for name, value in settings.model_dump(exclude={"keymap"}).items():
        text = str(value) if isinstance(value, int) else toml_string(value)
        lines.append(f"{name} = {text}")
    lines.append("")
    lines.append("[keymap]")
    lines.extend(f"{toml_string(k)} = {toml_string(v)}" for k, v in settings.keymap.items())
    return "\n".join(lines) + "\n"


def _toml_safe(value: object) -> object:
    """Strings with lone surrogates cannot be written as UTF-8; they become U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return value


def updated_settings_toml(existing: str | None, settings: Settings) -> str:
    """``existing`` settings text with ``settings`` written into it, keeping the rest.

    Comments, blank lines, key order, quoting, unknown keys and keymap entries the
    app does not know stay exactly as the user wrote them: only a value that
    changed is replaced, and a setting that differs from its default and is not in
    the file yet is added. With no usable file, the text is written fresh.
    """
    if existing is None:
        return settings_toml(settings)
    import tomlkit

    try:
        document = tomlkit.parse(existing)
    except tomlkit.exceptions.ParseError:
        return settings_toml(settings)
    defaults = Settings()
    for name, value in settings.model_dump(exclude={"keymap"}).items():
        if name in document:
            if document[name] != value:
                document[name] = _toml_safe(value)
        elif value != getattr(defaults, name):
            document[name] = _toml_safe(value)
    if settings.keymap:
        table = document.get("keymap")
        if not isinstance(table, dict):
            table = tomlkit.table()
            document["keymap"] = table
        for binding, key in settings.keymap.items():
            if table.get(binding) != key:
                table[_toml_safe(binding)] = _toml_safe(key)
    return tomlkit.dumps(document)


def _set_aside_if_broken(path: Path) -> None:
    """Keep a settings file that does not parse instead of writing over it."""
    try:
        tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        for count in range(1, 1000):
            suffix = ".broken" if count == 1 else f".broken-{count}"
            aside = path.with_name(path.name + suffix)
            if not aside.exists():
                os.replace(path, aside)
                return


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Write the settings atomically (same-folder temp file, fsync, rename), private to the user.

    The file is edited in place (see ``updated_settings_toml``): the user's comments
    and hand formatting survive every setting the app writes.

    A settings file that does not parse is moved aside as ``settings.toml.broken``
    rather than overwritten, so nothing the user typed is lost.
    """
    target = paths.settings_file
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    _set_aside_if_broken(target)
    try:
        existing: str | None = target.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        existing = None
    data = updated_settings_toml(existing, settings).encode("utf-8")
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".settings-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_dir(target.parent)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
