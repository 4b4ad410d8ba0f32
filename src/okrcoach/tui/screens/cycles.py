"""Pick a cycle to view, or create a custom one (a sprint, a half-year)."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import safe
from okrcoach.tui.screens.background import run_in_background, today_of


class CyclesModal(ModalScreen[str | None]):
    """Returns the chosen cycle's id, or None when dismissed."""

    DEFAULT_CSS = """
    CyclesModal {
        align: center middle;
    }
    CyclesModal > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    CyclesModal OptionList {
        height: auto;
        max-height: 12;
    }
    CyclesModal #new-cycle {
        height: auto;
        display: none;
    }
    CyclesModal #new-cycle.-open {
        display: block;
    }
    CyclesModal #new-cycle Horizontal {
        height: auto;
    }
    CyclesModal #new-cycle Input {
        width: 1fr;
    }
    CyclesModal #cycle-error {
        color: $error;
        height: auto;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="cycles.close"),
        Binding("ctrl+n", "new_cycle", "New cycle", id="cycles.new"),
    ]

    def __init__(self, current_id: str | None) -> None:
        super().__init__()
        self.current_id = current_id

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "Cycles  [$text-muted](Enter views, Ctrl+N creates, Esc closes)[/]", classes="title"
            )
            yield OptionList(id="cycle-list")
            with Vertical(id="new-cycle"):
                yield Label("A new cycle: name, first day and last day (YYYY-MM-DD)")
                with Horizontal():
                    yield Input(id="cycle-name", placeholder="e.g. Autumn sprint")
                    yield Input(id="cycle-start", placeholder="start")
                    yield Input(id="cycle-end", placeholder="end")
                yield Static("", id="cycle-error")
                yield Button("Create", id="create", variant="primary", compact=True)

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="cycles")
    def _load(self) -> None:
        from okrcoach.services.cycles import describe_cycle

        store = self.app.store
        if store is None:
            return
        today = today_of(self)
        rows = []
        for cycle in reversed(store.cycles()):
            count = len([o for o in store.objectives(cycle.id) if not o.deleted])
            rows.append((cycle.id, describe_cycle(cycle, today), count))
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[tuple[str, str, int]]) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for cycle_id, line, count in rows:
            mark = "▸ " if cycle_id == self.current_id else "  "
            noun = "objective" if count == 1 else "objectives"
            options.add_option(Option(f"{mark}{safe(line)} · {count} {noun}", id=cycle_id))
        for index, (cycle_id, _, _) in enumerate(rows):
            if cycle_id == self.current_id:
                options.highlighted = index
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_new_cycle(self) -> None:
        today = today_of(self)
        box = self.query_one("#new-cycle")
        box.add_class("-open")
        self.query_one("#cycle-start", Input).value = today.isoformat()
        self.query_one("#cycle-name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def _create(self, _event: Any = None) -> None:
        from pydantic import ValidationError

        from okrcoach.domain.errors import describe
        from okrcoach.services.objectives import create_cycle

        name = self.query_one("#cycle-name", Input).value
        error = self.query_one("#cycle-error", Static)
        try:
            start = date.fromisoformat(self.query_one("#cycle-start", Input).value.strip())
            end = date.fromisoformat(self.query_one("#cycle-end", Input).value.strip())
        except ValueError:
            error.update("Dates are written YYYY-MM-DD, for example 2026-09-01.")
            return

        def call(store: Any) -> Any:
            try:
                return create_cycle(store, name, start, end)
            except ValidationError as problem:
                raise ValueError(describe(problem)) from None

        run_in_background(self, call, lambda cycle: self.dismiss(cycle.id))

    def palette_commands(self) -> list[PaletteCommand]:
        return [("New cycle", "Create a custom cycle", self.action_new_cycle)]
