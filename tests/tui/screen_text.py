"""What is on the terminal right now, as plain text lines (what a user can read)."""

from __future__ import annotations

import html
import re

_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')


def screen_text(app) -> str:
    """The visible screen, row by row, from the app's own screenshot."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for match in _TEXT.finditer(app.export_screenshot()):
        x, y, text = float(match.group(1)), float(match.group(2)), match.group(3)
        rows.setdefault(y, []).append((x, html.unescape(text).replace("\xa0", " ")))
    return "\n".join("".join(t for _, t in sorted(parts)) for _, parts in sorted(rows.items()))
