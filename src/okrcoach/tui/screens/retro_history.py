"""Past retrospectives, newest first: open a finished one to read it, or resume one."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import safe
from okrcoach.tui.store_ready import LoadsFromStore, StoreOpened


class RetroHistoryScreen(LoadsFromStore, Screen[None]):
    """Every retrospective with its cycle, scope, state and average score."""

    DEFAULT_CSS = """
    RetroHistoryScreen #history-title {
        padding: 0 1;
        height: auto;
    }
    RetroHistoryScreen #history {
        height: 1fr;
        margin: 0 1;
        border: round $primary;
    }
    """
    BINDINGS = [
        Binding("escape", "back", "Back", id="retro_history.back"),
        Binding("enter", "open", "Open", id="retro_history.open", show=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.past: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(
            "[b]Past retrospectives[/b] [$text-muted]· Enter reads a finished one or resumes "
            "one in progress[/]",
            id="history-title",
        )
        yield OptionList(id="history")
        yield Footer()

    def on_store_opened(self, _message: StoreOpened) -> None:
        self.reload()

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="retro-history")
    def _load(self) -> None:
        from okrcoach.services.retros import history

        store = self.store
        if store is None:
            return
        found = history(store)
        self.app.call_from_thread(self._show, found)

    def _show(self, found: list[Any]) -> None:
        self.past = found
        options = self.query_one(OptionList)
        options.clear_options()
        if not found:
            options.add_option(
                Option("No retrospectives yet. Start one from the command palette.", disabled=True)
            )
            return
        for item in found:
            state = "finished" if item.retro.finished else "in progress"
            score = "–" if item.average is None else f"{item.average:.2f}"
            day = item.retro.updated_at
            options.add_option(
                Option(
                    f"[b]{safe(item.cycle_name)}[/b] · {safe(item.scope)} · {state} · "
                    f"average {score} [$text-muted]· {day.day} {day:%b %Y}[/]",
                    id=item.retro.id,
                )
            )
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        from okrcoach.tui.screens.retro import RetroScreen

        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or index >= len(self.past):
            return
        retro = self.past[index].retro
        self.app.push_screen(
            RetroScreen(retro.cycle_id, retro.objective_id, retro_id=retro.id),
            lambda _: self.reload(),
        )

    def action_back(self) -> None:
        self.dismiss(None)

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            ("Open retrospective", "Read or resume the highlighted retro", self.action_open),
            ("Back", "Return to where you were", self.action_back),
        ]
