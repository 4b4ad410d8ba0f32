"""A modal that explains a problem with the data file and offers safe ways on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from okrcoach.tui.safe import safe_block


class StoreProblemModal(ModalScreen[str | None]):
    """Returns "read-only" to open without writing, "continue" to keep going, "retry" to try
    the team store again, or None to quit.

    At start-up (no store yet) it offers read-only, unless read-only was just tried; once
    the store is open (a worker hit a damaged file) it offers to keep going instead.
    """

    DEFAULT_CSS = """
    StoreProblemModal {
        align: center middle;
    }
    StoreProblemModal > Vertical {
        width: 70;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: thick $error;
        background: $surface;
        padding: 1 2;
    }
    StoreProblemModal #problem-title {
        text-style: bold;
        color: $error;
        margin-bottom: 1;
    }
    StoreProblemModal Horizontal {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    StoreProblemModal Button {
        margin-left: 1;
    }
    """
    BINDINGS = [
        Binding("escape", "quit_app", "Quit", id="problem.quit"),
        Binding("r", "read_only", "Open read-only", id="problem.read_only"),
        Binding("r", "retry", "Try again", id="problem.retry"),
    ]

    def __init__(self, problem: str, locked: bool, offer: str = "read-only") -> None:
        super().__init__()
        self.problem = problem
        self.locked = locked
        self.offer = offer  # "read-only", "continue" or "" (only Quit)

    def compose(self) -> ComposeResult:
        title = "okrcoach is already open" if self.locked else "Your data needs attention"
        if self.offer == "retry":
            title = "The team store could not be opened"
        with Vertical():
            yield Static(title, id="problem-title")
            yield Static(safe_block(self.problem), id="problem-text")
            with Horizontal():
                if self.offer == "read-only":
                    yield Button("Open read-only", id="read-only", variant="primary", compact=True)
                elif self.offer == "continue":
                    yield Button("Keep going", id="continue", variant="primary", compact=True)
                elif self.offer == "retry":
                    yield Button("Try again", id="retry", variant="primary", compact=True)
                yield Button("Quit", id="quit", variant="error", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        chosen = event.button.id
        self.dismiss(chosen if chosen in ("read-only", "continue", "retry") else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer shows only the key that does something here: `r` opens read-only, or
        (for a team store that could not be reached) tries again."""
        if action == "read_only":
            return self.offer == "read-only"
        if action == "retry":
            return self.offer == "retry"
        return True

    def action_read_only(self) -> None:
        self.dismiss("read-only")

    def action_retry(self) -> None:
        self.dismiss("retry")

    def action_quit_app(self) -> None:
        self.dismiss(None)
