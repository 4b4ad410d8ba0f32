"""The retro's two questions: where to export, and whether to replace a file that exists."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from okrcoach.tui.safe import safe

MODAL_CSS = """
{name} {{
    align: center middle;
}}
{name} > Vertical {{
    width: 70;
    max-width: 95%;
    height: auto;
    border: thick $primary;
    background: $surface;
    padding: 1 2;
}}
{name} Horizontal {{
    height: auto;
    margin-top: 1;
    align-horizontal: right;
}}
{name} Button {{
    margin-left: 1;
}}
"""


class ExportModal(ModalScreen[str | None]):
    """Returns the path typed ('' for the suggested file), or None to cancel."""

    DEFAULT_CSS = MODAL_CSS.format(name="ExportModal")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="retro.export.cancel")]

    def __init__(self, suggested: str) -> None:
        super().__init__()
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Export the retrospective to Markdown[/b]")
            yield Static(
                f"Enter keeps the suggested file: {safe(self.suggested)}\n"
                "Or type a file name (saved in exports/) or a full path.",
                classes="muted",
            )
            yield Input(id="export-path", placeholder=self.suggested, max_length=1000)
            with Horizontal():
                yield Button("Export (Enter)", id="export", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    @on(Input.Submitted)
    def _submit(self) -> None:
        self.dismiss(self.query_one(Input).value.strip())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReplaceModal(ModalScreen[bool]):
    """The file exists: replace it only when the user says so."""

    DEFAULT_CSS = MODAL_CSS.format(name="ReplaceModal")
    BINDINGS = [
        Binding("escape,n", "choose(False)", "Keep the file", id="retro.replace.no"),
        Binding("y", "choose(True)", "Replace it", id="retro.replace.yes"),
    ]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]{safe(self.problem)}[/b]")
            yield Static("Replace it with this retrospective?")
            with Horizontal():
                yield Button("Replace (y)", id="yes", variant="warning", compact=True)
                yield Button("Keep it (n)", id="no", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_choose(self, replace: bool) -> None:
        self.dismiss(replace)
