"""The coach's three questions that turn a task into a key result, keyboard only.

Up/Down pick one of the coach's outcome metrics (or type your own), Enter goes
on, Esc goes back a question (or leaves from the first). Fits 80x24.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from okrcoach.services.drafting import KRForm
from okrcoach.services.drafting import outcome as o
from okrcoach.tui.safe import safe

OWN = "Something else: type it below"


class OutcomeDialog(ModalScreen[KRForm | None]):
    """Dismisses with the complete KR, or None when the user leaves."""

    DEFAULT_CSS = """
    OutcomeDialog {
        align: center middle;
    }
    OutcomeDialog > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 22;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    OutcomeDialog #question {
        text-style: bold;
        margin: 1 0;
    }
    OutcomeDialog #choices {
        height: auto;
        max-height: 8;
    }
    OutcomeDialog #answer {
        margin-top: 1;
    }
    OutcomeDialog #problem {
        color: $error;
        height: auto;
    }
    OutcomeDialog #hint {
        color: $text-muted;
        margin-top: 1;
    }
    """
    BINDINGS = [Binding("escape", "back", "Back", id="outcome.back")]

    def __init__(self, task: str) -> None:
        super().__init__()
        self.task_text = task
        self.choices = o.outcome_choices(task)
        self.step = 0
        self.metric = ""
        self.today: o.Amount | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(safe(o.what_question(self.task_text)), id="question")
            yield OptionList(*[safe(c) for c in self.choices], OWN, id="choices")
            yield Input(id="answer", placeholder="your own words", compact=True)
            yield Static("", id="problem")
            yield Static("Enter goes on · Esc goes back", id="hint")

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).highlighted = 0
        self.set_focus(self.query_one("#choices", OptionList))

    @on(OptionList.OptionSelected, "#choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option_index < len(self.choices):
            self._answer_what(self.choices[event.option_index])
        else:
            self.set_focus(self.query_one("#answer", Input))

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value
        if self.step == 0:
            self._answer_what(text)
            return
        try:
            amount = o.read_amount(text)
        except ValueError as error:
            self._problem(str(error))
            return
        if self.step == 1:
            self.today = amount
            self._ask(2, o.QUESTION_END)
            return
        assert self.today is not None
        try:
            kr = o.outcome_kr(self.metric, self.today, amount)
        except ValueError as error:
            self._problem(str(error))
            return
        self.dismiss(kr)

    def _answer_what(self, metric: str) -> None:
        if not metric.strip():
            self._problem("Say what should change: pick a metric or write your own.")
            return
        self.metric = metric.strip()
        self._ask(1, o.QUESTION_NOW)

    def _ask(self, step: int, question: str) -> None:
        self.step = step
        label = question if step == 0 else f"{safe(self.metric)}: {question}"
        self.query_one("#question", Static).update(label)
        self.query_one("#choices").display = step == 0
        answer = self.query_one("#answer", Input)
        answer.placeholder = "your own words" if step == 0 else "e.g. 24 h, 30% or 120"
        answer.value = ""
        self._problem("")
        self.set_focus(answer)

    def _problem(self, text: str) -> None:
        self.query_one("#problem", Static).update(safe(text))

    def action_back(self) -> None:
        if self.step == 0:
            self.dismiss(None)
        elif self.step == 1:
            self._ask(0, o.what_question(self.task_text))
            self.query_one("#question", Static).update(safe(o.what_question(self.task_text)))
            self.set_focus(self.query_one("#choices", OptionList))
        else:
            self._ask(1, o.QUESTION_NOW)
