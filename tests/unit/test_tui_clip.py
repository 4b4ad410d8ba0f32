"""Cards clip user text by screen cells, so wide characters never push a line over."""

from __future__ import annotations

from rich.cells import cell_len

from okrcoach.tui.widgets.render import clip


def test_wide_characters_are_clipped_by_cells_not_characters() -> None:
    title = "顧客がすぐに答えを見つけられるヘルプセンターを作る" * 2
    shown = clip(title, 30)
    assert cell_len(shown) <= 30
    assert shown.endswith("…")
    assert clip("Short", 30) == "Short"
    assert cell_len(clip("abcdefghij" * 5, 20)) == 20
