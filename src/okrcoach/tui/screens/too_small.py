"""Shown over everything while the terminal is smaller than the app can use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

MIN_WIDTH = 40
MIN_HEIGHT = 10


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(ModalScreen[None]):
    """Keeps the screen beneath intact; goes away by itself once the terminal grows."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        background: $background;
    }
    TooSmallScreen Static {
        width: 100%;
        height: auto;
        content-align: center middle;
        text-align: center;
        color: $warning;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-text")

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def show_size(self, width: int, height: int) -> None:
        self.query_one(Static).update(
            f"Terminal too small: {width}×{height}.\n"
            f"okrcoach needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\n"
            "Enlarge the window; nothing is lost."
        )
