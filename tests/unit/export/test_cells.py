"""Clipping, padding and wrapping by screen cells, not characters."""

from __future__ import annotations

from rich.cells import cell_len

from okrcoach.export.cells import clip, pad, wrap

TITLE = "お客様が早く答えを得られるようにする"  # 18 characters, 36 cells


def test_pad_and_clip_count_cells() -> None:
    assert cell_len(pad(TITLE, 40)) == 40
    assert cell_len(pad("abc", 40)) == 40
    assert cell_len(clip(TITLE, 21)) <= 21 and clip(TITLE, 21).endswith("…")
    assert clip("short", 21) == "short"


def test_wrap_breaks_wide_text_without_losing_a_character() -> None:
    lines = wrap(TITLE + " and more words here", 12, indent="  ", first="- ")
    assert all(cell_len(line) <= 12 for line in lines)
    assert "".join(line[2:] for line in lines).replace(" ", "") == TITLE + "andmorewordshere"
