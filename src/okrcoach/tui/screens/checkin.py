"""Check-in: step through an objective's key results, one at a time.

Each step asks for the new value (pre-filled with the last), a confidence from
0 to 10, a short note and, for learning goals, what was learned. It shows the
change since last time and where the trend leads by the cycle's end. A step is
saved the moment it is confirmed, so quitting halfway loses nothing confirmed.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Static
from textual.widgets.input import Selection

from okrcoach.domain.models import CheckIn, limit_of
from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import safe
from okrcoach.tui.screens.background import run_in_background, today_of
from okrcoach.tui.widgets.text_block import TextBlock

# Notes and what was learned are multi-line in the model: the same limit here.
_NOTE_LIMIT = limit_of(CheckIn, "note")
_LEARNED_LIMIT = limit_of(CheckIn, "learned")


class CheckInScreen(Screen[int]):
    """Returns how many check-ins were saved."""

    DEFAULT_CSS = """
    CheckInScreen #checkin {
        padding: 0 1;
    }
    CheckInScreen .row {
        height: 1;
        margin-top: 1;
    }
    CheckInScreen .field-label {
        width: 21;
        color: $text-muted;
    }
    CheckInScreen .row Input {
        width: 1fr;
    }
    CheckInScreen #confidence-label {
        width: auto;
        margin: 0 1 0 2;
    }
    CheckInScreen #confidence {
        width: 8;
    }
    CheckInScreen #preview {
        border: round $primary;
        padding: 0 1;
        height: auto;
        margin-top: 1;
    }
    CheckInScreen #error {
        color: $error;
        height: auto;
    }
    CheckInScreen #buttons {
        height: auto;
        margin-top: 1;
    }
    CheckInScreen #buttons Button {
        margin-right: 1;
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="checkin.save"),
        Binding("ctrl+n", "skip", "Skip this KR", id="checkin.skip"),
        Binding("escape", "finish", "Done", id="checkin.done"),
        # A priority binding moves focus before the next key arrives, so fast typing
        # (or a paste) never lands in the field just left.
        Binding("enter", "next_field", "Next field", show=False, priority=True, id="checkin.next"),
    ]

    def __init__(self, objective_id: str) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.objective: Any = None
        self.cycle: Any = None
        self.plans: list[Any] = []
        self.step = 0
        self.saved = 0
        self._server_away = False
        self._saving = False
        self._shown: tuple[str, str, str, str] = ("", "", "", "")

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        # The scroll area never takes focus: keys typed the moment a step appears must land
        # in a field, never in the container around it.
        body = VerticalScroll(id="checkin")
        body.can_focus = False
        with body:
            yield Static("Check-in", id="checkin-title", classes="title")
            yield Static("Loading…", id="kr-title")
            yield Static("", id="last", classes="muted")
            # One line a field, labels beside them, so the forecast and the buttons fit at 80x24.
            with Horizontal(id="values", classes="row"):
                yield Label("New value", classes="field-label")
                yield Input(id="value", placeholder="e.g. 42", compact=True)
                yield Label("Confidence 0–10", classes="field-label", id="confidence-label")
                yield Input(id="confidence", placeholder="0–10", max_length=2, compact=True)
            with Horizontal(classes="row"):
                yield Label("What happened?", classes="field-label")
                yield TextBlock(id="note", placeholder="a short note", max_length=_NOTE_LIMIT)
            with Horizontal(classes="row", id="learned-row"):
                yield Label("What did you learn?", classes="field-label", id="learned-label")
                yield TextBlock(
                    id="learned", placeholder="one thing you learned", max_length=_LEARNED_LIMIT
                )
            yield Static("", id="error")
            yield Static("", id="preview")
            with Horizontal(id="buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Skip", id="skip", compact=True)
                yield Button("Done", id="done", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="checkin-load")
    def _load(self) -> None:
        from okrcoach.domain.models import Cycle, Objective
        from okrcoach.services.checkins import plan_checkin

        store = self.app.store
        if store is None:
            return
        objective = store.get(Objective, self.objective_id)
        if objective is None:
            self.app.call_from_thread(self.notify, "That objective no longer exists.")
            self.app.call_from_thread(self.dismiss, 0)
            return
        cycle = store.get(Cycle, objective.cycle_id)
        plans = plan_checkin(store, objective.id)
        self.app.call_from_thread(self._ready, objective, cycle, plans)

    def _ready(self, objective: Any, cycle: Any, plans: list[Any]) -> None:
        self.objective, self.cycle, self.plans = objective, cycle, plans
        self.query_one("#checkin-title", Static).update(f"Check-in · {safe(objective.title)}")
        if not plans:
            self.query_one("#kr-title", Static).update(
                "This objective has no key results to check in on yet. Press Esc, then e to add"
                " some."
            )
            for widget in self.query(Input):
                widget.disabled = True
            return
        self._show_step()

    @property
    def learning(self) -> bool:
        from okrcoach.domain.models import GoalType

        return self.objective is not None and self.objective.goal_type is GoalType.LEARNING

    def _show_step(self) -> None:
        """Fill the fields, focus the value (pre-filled text selected), then name the step.

        Everything happens synchronously, in this order, before the next key is read: a
        user who types as soon as "Key result N of M" appears replaces the pre-filled
        value, and Enter moves on from the field they typed in.
        """
        from okrcoach.services.checkins import format_value

        plan = self.plans[self.step]
        kr = plan.kr
        count = len(self.plans)
        last_value = plan.last_value
        confidence = plan.last_confidence
        self.query_one("#value", Input).value = "" if last_value is None else f"{last_value:g}"
        self.query_one("#confidence", Input).value = "" if confidence is None else str(confidence)
        self.query_one("#note", TextBlock).load_text("")
        self.query_one("#learned", TextBlock).load_text("")
        self._shown = self._typed()
        for selector in ("#learned-row",):
            self.query_one(selector).display = self.learning
        self._enter_field(self.query_one("#value", Input))
        if plan.history:
            last = plan.history[-1]
            when = f"{last.at.day} {last.at:%b}"
            self.query_one("#last", Static).update(
                f"Last check-in {when}: {safe(format_value(last.value, kr.unit))}, "
                f"confidence {last.confidence}/10 · target {safe(format_value(kr.target, kr.unit))}"
            )
        else:
            start = "current" if kr.current is not None else "baseline"
            self.query_one("#last", Static).update(
                f"No check-in yet · {start} {safe(format_value(last_value, kr.unit))}"
                f" · target {safe(format_value(kr.target, kr.unit))}"
            )
        self.query_one("#error", Static).update("")
        self._preview()
        self.query_one("#kr-title", Static).update(
            f"[b]Key result {self.step + 1} of {count}:[/b] {safe(kr.title)}"
        )

    def _enter_field(self, field: Any) -> None:
        """Focus ``field`` now, not after a refresh, its text selected so typing replaces it."""
        self.set_focus(field, scroll_visible=False)
        if isinstance(field, Input):
            field.selection = Selection(0, len(field.value))
        field.scroll_visible(animate=False)

    def _typed(self) -> tuple[str, str, str, str]:
        value = self.query_one("#value", Input).value
        confidence = self.query_one("#confidence", Input).value
        note = self.query_one("#note", TextBlock).text
        return value, confidence, note, self.query_one("#learned", TextBlock).text

    def _preview(self) -> None:
        from okrcoach.services.checkins import change_since_last, forecast_sentence, parse_value

        if not self.plans:
            return
        plan = self.plans[self.step]
        try:
            value: float | None = parse_value(self.query_one("#value", Input).value, plan.kr)
        except ValueError:
            value = None
        change = change_since_last(plan, value) if value is not None else "Enter a value."
        trend = forecast_sentence(plan, self.cycle, today_of(self), value)
        self.query_one("#preview", Static).update(f"{safe(change)}\n{safe(trend)}")

    @on(Input.Changed, "#value")
    def _value_changed(self) -> None:
        self._preview()

    def action_next_field(self) -> None:
        """Enter: the next field, or save from the last one; presses a focused button."""
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
            return
        order = ["value", "confidence", "note"] + (["learned"] if self.learning else [])
        current = focused.id if isinstance(focused, (Input, TextBlock)) else None
        if current not in order:
            # Nothing typed into yet: Enter starts at the first field, it never saves blind.
            self._enter_field(self.query_one("#value", Input))
        elif order.index(current) + 1 < len(order):
            self._enter_field(self.query_one(f"#{order[order.index(current) + 1]}"))
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"save": self.action_save, "skip": self.action_skip, "done": self.action_finish}[
            event.button.id or "done"
        ]()

    def action_save(self) -> None:
        """Save once every field has taken the keys already typed into it.

        Enter is a priority binding, so it runs as soon as the app reads it, while the
        keys typed just before it may still wait in a field's own queue (a busy machine,
        a paste). Reading the fields then would see stale text. A callback queued behind
        those keys on each field in turn runs only after they are in.
        """
        if not self.plans or self._saving:
            return
        self._saving = True
        fields = [*self.query(Input), *self.query(TextBlock)]

        def drained(index: int) -> None:
            if index < len(fields):
                fields[index].call_later(drained, index + 1)
            else:
                self._save_now()

        drained(0)

    def _save_now(self) -> None:
        from okrcoach.services.checkins import parse_confidence, parse_value, record_checkin

        plan = self.plans[self.step]
        try:
            value = parse_value(self.query_one("#value", Input).value, plan.kr)
            confidence = parse_confidence(self.query_one("#confidence", Input).value)
        except ValueError as error:
            self._saving = False
            self.query_one("#error", Static).update(safe(str(error).capitalize()))
            return
        note = self.query_one("#note", TextBlock).text
        learned = self.query_one("#learned", TextBlock).text if self.learning else ""
        today = today_of(self)

        def call(store: Any) -> Any:
            return record_checkin(store, plan.kr, value, confidence, note, learned, today)

        def done(_: Any) -> None:
            if self.plans[self.step] is not plan:
                return  # saved on a second try after the form moved on (a server back)
            self._saving = self._server_away = False
            self.saved += 1
            self._advance()

        def away() -> None:
            self._server_away = True  # the save is waiting: another press must not double it

        started = run_in_background(
            self, call, done, group="checkin-save", failed=self._save_failed, on_wait=away
        )
        if started is None:
            self._saving = False
        else:
            self.set_timer(5, self._unstick)

    def _save_failed(self) -> None:
        self._saving = self._server_away = False

    def _unstick(self) -> None:
        """A failed save (already reported) must not leave the form frozen.

        A save waiting for the team store's server keeps the form as it is."""
        if not self._server_away:
            self._saving = False

    def _advance(self) -> None:
        if self.step + 1 < len(self.plans):
            self.step += 1
            self._show_step()
        else:
            self.dismiss(self.saved)

    def action_skip(self) -> None:
        if self.plans:
            self._advance()

    def action_finish(self) -> None:
        """Done: leave at once, or ask first when this step holds typed, unsaved values."""
        if not self.plans or self._typed() == self._shown:
            self.dismiss(self.saved)
            return
        from okrcoach.tui.screens.confirm import ConfirmModal

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(self.saved)

        question = "This key result's check-in is not saved yet. Leave and discard what you typed?"
        self.app.push_screen(ConfirmModal(question, yes="Discard (y)", no="Stay (n)"), answered)

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            ("Save check-in", "Save this key result's check-in", self.action_save),
            ("Skip key result", "Go to the next key result without saving", self.action_skip),
            ("Finish check-in", "Back to where you were", self.action_finish),
        ]
