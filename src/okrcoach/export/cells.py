"""Text measured in terminal cells, not characters.

A Japanese title of 57 characters takes 114 cells; padding or wrapping it by
``len`` pushes the next column off the line. Every clip, pad and wrap in the
report, the exports and the CLI goes through here (rich knows the widths).
"""

from __future__ import annotations

from rich.cells import cell_len, chop_cells, set_cell_size

__all__ = ["cell_len", "clip", "pad", "wrap"]


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` cells (left-aligned unless ``right``)."""
    gap = max(0, width - cell_len(text))
    return " " * gap + text if right else text + " " * gap


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending in an ellipsis when cut."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    return set_cell_size(text, width - 1).rstrip() + "…"


def _pieces(word: str, width: int) -> list[str]:
    """A word wider than a line, broken at cell boundaries (never inside a character)."""
    return chop_cells(word, width) if cell_len(word) > width else [word]


def wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    """Greedy word wrap to ``width`` cells; ``first`` starts the first line (default ``indent``).

    Nothing is lost: a word wider than the line is broken across lines, and a
    line too narrow for its indent still gets at least one cell of text.
    """
    lead = indent if first is None else first
    lines: list[str] = []
    current = lead
    current_width = cell_len(lead)
    has_text = False
    for word in text.split():
        room = max(1, width - max(cell_len(lead), cell_len(indent)))
        for piece in _pieces(word, room):
            size = cell_len(piece)
            needed = size + (1 if has_text else 0)
            if has_text and current_width + needed > width:
                lines.append(current)
                current, current_width, has_text = indent, cell_len(indent), False
                needed = size
            current += (" " if has_text else "") + piece
            current_width += needed
            has_text = True
    if has_text or not lines:
        lines.append(current.rstrip() if not has_text else current)
    return lines
