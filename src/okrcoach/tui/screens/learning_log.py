"""The learning log: what you learned, week by week, from check-ins and the journal."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, Input, Select, Static

from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import safe, safe_block
from okrcoach.tui.screens.background import run_in_background, today_of

ALL = "*"


class JournalModal(ModalScreen[str | None]):
    """One free note: 'what did I learn this week?'."""

    DEFAULT_CSS = """
    JournalModal {
        align: center middle;
    }
    JournalModal > Vertical {
        width: 70;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    JournalModal Horizontal {
        height: auto;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="journal.cancel")]

    def __init__(self, about: str) -> None:
        super().__init__()
        self.about = about

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                f"What did you learn? [$text-muted]({safe(self.about)})[/]", classes="title"
            )
            yield Input(id="journal-text", placeholder="one thing you learned", max_length=2000)
            with Horizontal():
                yield Button("Save (Enter)", id="save", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    @on(Input.Submitted)
    def _submit(self) -> None:
        text = self.query_one(Input).value.strip()
        if text:
            self.dismiss(text)
        else:
            self.notify("Write a sentence first, or press Esc.")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._submit() if event.button.id == "save" else self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LearningLogScreen(Screen[None]):
    """Learning notes of a cycle's objectives, newest week first, filterable by objective."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="learning.back"),
        Binding("a", "add", "Add a note", id="learning.add"),
    ]
    DEFAULT_CSS = """
    LearningLogScreen #log-top {
        height: auto;
        padding: 0 1;
    }
    LearningLogScreen #log {
        padding: 0 1;
    }
    LearningLogScreen .week {
        margin-top: 1;
        height: auto;
    }
    """

    def __init__(self, cycle_id: str) -> None:
        super().__init__()
        self.cycle_id = cycle_id
        self.entries: list[Any] = []
        self.objectives: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="log-top"):
            yield Static("Learning log: what you learned, week by week.", classes="title")
            yield Select([], prompt="All objectives", id="log-filter")
        yield VerticalScroll(id="log")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="learning")
    def _load(self) -> None:
        from okrcoach.services.learning import collect

        store = self.app.store
        if store is None:
            return
        objectives = [o for o in store.objectives(self.cycle_id) if not o.deleted]
        entries = collect(store, objectives)
        self.app.call_from_thread(self._loaded, objectives, entries)

    async def _loaded(self, objectives: list[Any], entries: list[Any]) -> None:
        first = not self.objectives
        self.objectives, self.entries = objectives, entries
        select = self.query_one(Select)
        if first:
            select.set_options([(o.title, o.id) for o in objectives])
        await self._render_log()

    @property
    def chosen(self) -> str | None:
        value = self.query_one(Select).value
        return value if isinstance(value, str) else None

    @on(Select.Changed)
    async def _filter(self) -> None:
        await self._render_log()

    async def _render_log(self) -> None:
        from okrcoach.services.learning import by_week

        log = self.query_one("#log", VerticalScroll)
        await log.remove_children()
        weeks = by_week(self.entries, self.chosen, self.app.settings.week_start)  # type: ignore[attr-defined]
        if not weeks:
            log.mount(
                Static(
                    "Nothing learned recorded yet. Press a to add a note, or answer "
                    "'What did you learn?' in a learning goal's check-in.",
                    classes="muted",
                )
            )
            return
        blocks = []
        for week in weeks:
            lines = [f"[b]{week.label}[/b]"]
            for entry in week.entries:
                where = safe(entry.objective_title) if entry.objective_title else "journal"
                about = f" › {safe(entry.about)}" if entry.about else ""
                lines.append(f"• {safe_block(entry.text)}  [$text-muted]{where}{about}[/]")
            blocks.append(Static("\n".join(lines), classes="week"))
        await log.mount_all(blocks)

    def action_add(self) -> None:
        from okrcoach.services.checkins import checkin_moment
        from okrcoach.services.learning import add_entry

        objective_id = self.chosen
        title = next((o.title for o in self.objectives if o.id == objective_id), "no objective")

        def saved(text: str | None) -> None:
            if not text:
                return
            at = checkin_moment(today_of(self))
            run_in_background(
                self,
                lambda store: add_entry(store, text, objective_id, at),
                lambda _: self.reload(),
            )

        self.app.push_screen(JournalModal(title), saved)

    def action_back(self) -> None:
        self.dismiss(None)

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            ("Add a learning note", "Write down what you learned", self.action_add),
            ("Back", "Return to the dashboard", self.action_back),
        ]
