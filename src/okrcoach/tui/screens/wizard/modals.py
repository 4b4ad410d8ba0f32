"""The wizard's questions that need an answer before going on: leaving, and learning first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from okrcoach.coach.prompts import LEARN_FIRST_HINT, LEARN_FIRST_QUESTION
from okrcoach.tui.safe import safe

MODAL_CSS = """
{name} {{
    align: center middle;
}}
{name} > Vertical {{
    width: 64;
    max-width: 95%;
    height: auto;
    border: thick $primary;
    background: $surface;
    padding: 1 1;
}}
{name} .question {{
    text-style: bold;
    margin-bottom: 1;
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


class LeaveModal(ModalScreen[str]):
    """Returns "stay", "keep" (leave, the draft waits for later) or "discard"."""

    DEFAULT_CSS = MODAL_CSS.format(name="LeaveModal")
    BINDINGS = [
        Binding("escape", "choose('stay')", "Keep drafting", id="wizard.leave.stay"),
        Binding("k", "choose('keep')", "Keep for later", id="wizard.leave.keep"),
        Binding("d", "choose('discard')", "Discard", id="wizard.leave.discard"),
    ]

    def __init__(self, title: str, editing: bool) -> None:
        super().__init__()
        self.title_text = title
        self.editing = editing

    def compose(self) -> ComposeResult:
        what = "your changes to" if self.editing else "the draft of"
        with Vertical():
            yield Static("Leave the wizard?", classes="question")
            yield Static(
                f"Keep {what} [b]{safe(self.title_text)}[/b] to finish later, or discard it."
            )
            with Horizontal():
                yield Button("Keep drafting", id="stay", variant="primary", compact=True)
                yield Button("Keep for later (k)", id="keep", compact=True)
                yield Button("Discard (d)", id="discard", variant="error", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "stay")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class LearnFirstModal(ModalScreen[bool]):
    """The coach's question before a performance goal on a new skill; True splits it."""

    DEFAULT_CSS = MODAL_CSS.format(name="LearnFirstModal")
    BINDINGS = [
        Binding("s", "choose(True)", "Split it", id="wizard.learn_first.split"),
        Binding("k,escape", "choose(False)", "Keep performance", id="wizard.learn_first.keep"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(safe(LEARN_FIRST_QUESTION), classes="question")
            yield Static(safe(LEARN_FIRST_HINT))
            yield Static(
                "\nSplit it: a [b]learning[/b] objective for this cycle, and the "
                "[b]performance[/b] objective saved as a draft for the next cycle."
            )
            with Horizontal():
                yield Button("Split it (s)", id="split", variant="primary", compact=True)
                yield Button("Keep performance (k)", id="keep", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "split")

    def action_choose(self, split: bool) -> None:
        self.dismiss(split)
