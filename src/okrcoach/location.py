"""Where the workspace lives: the local data folder (the default) or a team store URL.

The first of these that is given wins: ``--store``, then ``OKRCOACH_STORE``, then
``store = "…"`` in the settings file. ``local`` (or an empty value) in any of them
means the local data folder, so ``--store local`` overrides a team URL in the
settings for one run. Standard library only: the CLI checks a bad value before it
imports anything heavy, and a value is never echoed with its password.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from okrcoach.paths import AppPaths

ENV_VAR = "OKRCOACH_STORE"
LOCAL = "local"
TEAM_SCHEMES = ("postgresql://", "postgres://")
EXPECTED = 'a PostgreSQL URL like postgresql://ROLE@HOST/DATABASE, or "local"'
_SHOWN_LENGTH = 60
_USERINFO = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)?.*@")
_PASSWORD_PARAM = re.compile(r"(?i)(password\s*=\s*)[^&;\s]*")


class LocationError(ValueError):
    """The store location given is not one okrcoach can open; the message names it."""


def is_team_location(text: str) -> bool:
    """A PostgreSQL URL (the same rule as the team store's own check)."""
    return text.strip().lower().startswith(TEAM_SCHEMES)


def shown(text: str) -> str:
    """``text`` safe to print: no user or password, no control characters, not too long."""
    from okrcoach.domain.text import printable

    text = _USERINFO.sub(lambda m: (m.group(1) or "") + "…@", text.strip())
    text = _PASSWORD_PARAM.sub(r"\1…", text)
    text = printable(text)
    if len(text) > _SHOWN_LENGTH:
        text = text[: _SHOWN_LENGTH - 1] + "…"
    return f"'{text}'"


def check_location(text: str, source: str) -> str | None:
    """The team URL in ``text``, or None for the local folder; LocationError otherwise."""
    value = text.strip()
    if not value or value.casefold() == LOCAL:
        return None
    if is_team_location(value):
        return value
    hint = ""
    if "://" not in value and (os.sep in value or value.startswith((".", "~"))):
        hint = " (a local folder is given with --data-dir)"
    raise LocationError(f"{source} should be {EXPECTED}, not {shown(value)}{hint}.")


@dataclass(frozen=True)
class Given:
    """A location chosen on the command line or in the environment (None: the local folder)."""

    location: str | None
    source: str


def given_location(flag: str | None, environ: Mapping[str, str] | None = None) -> Given | None:
    """The location from ``--store`` or ``OKRCOACH_STORE``; None when neither is set."""
    env = os.environ if environ is None else environ
    if flag is not None:
        return Given(check_location(flag, "--store"), "--store")
    raw = env.get(ENV_VAR)
    if raw is not None and raw.strip():
        return Given(check_location(raw, ENV_VAR), ENV_VAR)
    return None


def settings_location(paths: AppPaths) -> str | None:
    """The ``store`` setting; LocationError when the file names one that was refused.

    A refused value must not quietly open the local folder instead of the team's.
    """
    from okrcoach.settings import load_settings, store_problem

    settings, problems = load_settings(paths)
    problem = store_problem(problems)
    if problem:
        raise LocationError(problem)
    return settings.store or None


def resolve_location(
    flag: str | None, paths: AppPaths, environ: Mapping[str, str] | None = None
) -> str | None:
    """Where the workspace is: a team URL, or None for the local data folder."""
    given = given_location(flag, environ)
    if given is not None:
        return given.location
    return settings_location(paths)
