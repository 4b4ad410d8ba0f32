"""What each of the wizard's five steps shows; the screen wires them to the form."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, RadioSet, Select, Static

from okrcoach.coach.prompts import MATURITY_ANSWERS, MATURITY_QUESTION
from okrcoach.domain.models import Objective, limit_of
from okrcoach.services.drafting import MAX_KRS
from okrcoach.tui.widgets.kr_form import KREditor
from okrcoach.tui.widgets.steady_input import SteadyInput
from okrcoach.tui.widgets.text_block import TextBlock
from okrcoach.tui.widgets.toggles import MarkedCheckbox, MarkedRadioButton

NO_PARENT = "None: it stands on its own"


def _field(name: str, long: str, short: str, hint: str, *widgets: Widget) -> Widget:
    """A label and its field: ``long`` above it when narrow; ``short`` beside it when wide,
    with ``hint`` under the field."""
    return Container(
        Label(long, classes="label-long"),
        Label(short, classes="label-short"),
        Vertical(*widgets, Static(hint, classes="field-hint"), classes="field-body"),
        id=f"{name}-field",
        classes="field",
    )


def objective_step() -> ComposeResult:
    with VerticalScroll(id="step-0", classes="step"):
        yield _field(
            "title",
            "Where do you want to go? Short, qualitative, no numbers.",
            "Where do you want to go?",
            "Short, qualitative, no numbers.",
            SteadyInput(
                placeholder="e.g. Support that customers rave about", id="title", compact=True
            ),
            Static("", id="title-error", classes="field-error"),
        )
        yield _field(
            "why",
            "Why does it matter? (optional; Enter: new line, Tab: next field)",
            "Why does it matter?",
            "Optional. Enter: new line, Tab: next field.",
            TextBlock(
                placeholder="e.g. Slow replies cost us renewals",
                id="why",
                max_length=limit_of(Objective, "why"),
            ),
        )
        yield _field(
            "parent",
            "Which higher objective does it serve? (optional)",
            "Which objective it serves",
            "Optional.",
            Select([], id="parent", prompt=NO_PARENT, compact=True),
        )
        yield _field(
            "owner",
            "Who owns it? (optional)",
            "Who owns it?",
            "Optional.",
            SteadyInput(placeholder="e.g. Sam", id="owner", compact=True),
            Static("", id="owner-error", classes="field-error"),
        )


def kind_step() -> ComposeResult:
    with VerticalScroll(id="step-1", classes="step"):
        yield Label(MATURITY_QUESTION)
        with RadioSet(id="maturity", compact=True):
            for answer, maturity in MATURITY_ANSWERS:
                yield MarkedRadioButton(answer, id=f"maturity-{maturity.value}", compact=True)
        yield Label("Accept the coach's reading (Next), or choose:")
        with RadioSet(id="goal-type", compact=True):
            yield MarkedRadioButton(
                "Learning goal: how I improve", id="goal-learning", compact=True
            )
            yield MarkedRadioButton(
                "Performance goal: a result I deliver", id="goal-performance", compact=True
            )
        yield MarkedCheckbox(
            "Split it: learn this cycle, perform next cycle", id="split", compact=True
        )


def kr_step() -> ComposeResult:
    with VerticalScroll(id="step-2", classes="step"):
        yield KREditor(id="kr-editor")


def ambition_step() -> ComposeResult:
    with VerticalScroll(id="step-3", classes="step"):
        yield Label("Committed (met in full) or aspirational (0.6–0.7 is a good result)?")
        with RadioSet(id="commitment", compact=True):
            yield MarkedRadioButton("Committed", id="commit-committed", compact=True)
            yield MarkedRadioButton("Aspirational", id="commit-aspirational", compact=True)
        yield Label("How sure are you today of reaching each key result? (0–10)")
        for index in range(MAX_KRS):
            with Horizontal(id=f"conf-row-{index}", classes="conf-row"):
                yield SteadyInput(
                    id=f"conf-{index}", compact=True, placeholder="0–10", max_length=2
                )
                yield Static("", id=f"conf-label-{index}", classes="conf-label")
        yield Static("", id="conf-error", classes="field-error")


def review_step() -> ComposeResult:
    with VerticalScroll(id="step-4", classes="step"):
        yield Static("", id="card")
        yield Static("", id="review-error", classes="field-error")
