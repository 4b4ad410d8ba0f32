"""Pick whose objectives the dashboard shows: everyone, mine, a team or one person."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from okrcoach.services.people import who_heading
from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import safe


class WhoModal(ModalScreen[Any]):
    """Returns the chosen ``Who``, or None when dismissed."""

    DEFAULT_CSS = """
    WhoModal {
        align: center middle;
    }
    WhoModal > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    WhoModal OptionList {
        height: auto;
        max-height: 16;
    }
    """
    BINDINGS = [Binding("escape", "close", "Close", id="who.close")]

    def __init__(self, choices: list[Any], current: Any) -> None:
        super().__init__()
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "Whose objectives  [$text-muted](Enter shows, Esc closes)[/]", classes="title"
            )
            options = [
                Option(safe(who_heading(who)), id=str(at)) for at, who in enumerate(self.choices)
            ]
            yield OptionList(*options, id="who-list")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        if self.current in self.choices:
            listing.highlighted = self.choices.index(self.current)
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)])

    def action_close(self) -> None:
        self.dismiss(None)

    def palette_commands(self) -> list[PaletteCommand]:
        return [("Close", "Keep the current choice", self.action_close)]
