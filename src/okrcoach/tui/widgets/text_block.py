"""A multi-line field for text the model keeps as several lines (why, notes, answers).

Every pasted line is kept. The limit comes from the domain model (``limit_of``),
so the widget, the importer and the store agree; typing or pasting past it
keeps what fits and says so.
"""

from __future__ import annotations

from typing import Any

from textual.document._document import Location
from textual.document._edit import EditResult
from textual.widgets import TextArea


class TextBlock(TextArea):
    """A TextArea with a bar on its left (thick when focused); refuses text past ``max_length``."""

    DEFAULT_CSS = """
    TextBlock {
        height: auto;
        min-height: 2;
        max-height: 6;
        background: $boost;
        border: none;
        border-left: outer $foreground 40%;
        padding: 0 1 0 0;
    }
    TextBlock:focus {
        border: none;
        border-left: thick $accent;
    }
    """

    def __init__(self, text: str = "", *, max_length: int, **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        kwargs.setdefault("highlight_cursor_line", False)
        super().__init__(text[:max_length], **kwargs)
        self.max_length = max_length

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        document = self.document
        first, last = sorted((start, end))
        replaced = document.get_index_from_location(last) - document.get_index_from_location(first)
        room = self.max_length - (len(self.text) - replaced)
        if len(insert) > room:
            insert = insert[: max(0, room)]
            self.notify(
                f"That is the limit for this field: {self.max_length:,} characters. "
                "What did not fit was left out.",
                title="Too long",
                severity="warning",
            )
            if not insert and start == end:
                return None
        return super()._replace_via_keyboard(insert, start, end)
