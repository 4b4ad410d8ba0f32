"""The dashboard as it was last painted, shown in the first frame while the workspace opens.

Opening the store loads the record models and reads every record: a few hundred
milliseconds on a big workspace. So each time the dashboard paints the current cycle, its
text (the cycle line, the view line and each card) is kept beside the data with what it
depends on: a fingerprint of the saved files, the date and the window's width. At the next
start, when all of these still match, the dashboard paints that text at once; the real cards
replace it the moment the store is open. Any save (here or from the command line), a
settings change, a new day or another window size: no preview, and the usual "Opening your
workspace…". The file is never data: losing or damaging it costs one slower start.

Reading imports nothing heavy (no models, no store) and never raises.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import date
from typing import Any

from okrcoach import __version__
from okrcoach.paths import AppPaths

PREVIEW_FILE = ".dashboard-preview.json"
FORMAT = 2
MAX_BYTES = 1024 * 1024  # a week of a few screens of cards; anything bigger is not ours

Size = tuple[int, int]  # the terminal's width and height


@dataclass(frozen=True)
class Preview:
    """What the dashboard painted: lines of console markup, already escaped when written."""

    cycle_line: str
    view_line: str
    cards: tuple[tuple[str, bool], ...]  # (markup, archived); the first one has the focus


def _key(stamp: str, size: Size) -> dict[str, Any]:
    return {"format": FORMAT, "version": __version__, "stamp": stamp, "size": list(size)}


def read_preview(paths: AppPaths, today: date, size: Size) -> Preview | None:
    """Today's kept preview when it still shows the saved files as they are, else None."""
    path = paths.data_dir / PREVIEW_FILE
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return None
        kept = json.loads(raw)
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("key") != _key(paths.files_stamp(), size):
        return None
    days = kept.get("days")
    day = days.get(today.isoformat()) if isinstance(days, dict) else None
    return _preview_of(day) if isinstance(day, dict) else None


def _preview_of(day: dict[str, Any]) -> Preview | None:
    cycle_line, view_line, cards = day.get("cycle"), day.get("view"), day.get("cards")
    if not (isinstance(cycle_line, str) and isinstance(view_line, str)):
        return None
    if not isinstance(cards, list) or not cards:
        return None
    shown: list[tuple[str, bool]] = []
    for card in cards:
        if not (isinstance(card, list) and len(card) == 2 and isinstance(card[0], str)):
            return None
        shown.append((card[0], card[1] is True))
    return Preview(cycle_line, view_line, tuple(shown))


def write_preview(paths: AppPaths, stamp: str, size: Size, days: dict[date, Preview]) -> None:
    """Keep the previews of ``days`` for the next start (atomically, 0600); a failure only
    loses them."""
    body = {
        "key": _key(stamp, size),
        "days": {
            day.isoformat(): {
                "cycle": preview.cycle_line,
                "view": preview.view_line,
                "cards": [list(card) for card in preview.cards],
            }
            for day, preview in days.items()
        },
    }
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    if len(data) > MAX_BYTES or not paths.data_dir.is_dir():
        return
    final = paths.data_dir / PREVIEW_FILE
    temp = final.with_name(f"{PREVIEW_FILE}.new")  # one writer: the window holding the lock
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, final)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def forget_preview(paths: AppPaths) -> None:
    """Drop the kept preview (nothing to show for the current cycle any more)."""
    with contextlib.suppress(OSError):
        (paths.data_dir / PREVIEW_FILE).unlink()
