"""The first screen: what okrcoach does, the current cycle, and how to start."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from okrcoach.domain.models import Cycle, Objective
from okrcoach.tui.safe import safe

INTRO = (
    "okrcoach helps you turn a wish into an [b]objective[/b] with a few measurable "
    "[b]key results[/b], tells [b]learning[/b] goals from [b]performance[/b] goals "
    "(learn first, perform next), and walks you through check-ins and an honest "
    "retrospective at the end of the cycle."
)
EMPTY = (
    "[b]No objectives in this cycle yet.[/b]\n\n"
    "Press [b]n[/b] to draft your first objective. The coach reviews every line as you "
    "type: is it an outcome or a task, can you measure it, is it ambitious enough?\n\n"
    "Press [b]?[/b] for help and a one-page primer on the method, [b]q[/b] to quit."
)


@dataclass
class WelcomeData:
    cycle: Cycle
    cycle_line: str
    objectives: list[Objective] = field(default_factory=list)


class WelcomeScreen(Screen):
    """Greets the user; lists this cycle's objectives once the store is open."""

    BINDINGS = [
        Binding("n", "app.new_objective", "New objective", id="welcome.new"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="welcome"):
            yield Static("Welcome to okrcoach", classes="title", id="welcome-title")
            yield Static(INTRO, id="intro")
            yield Static("Opening your workspace…", id="cycle", classes="section muted")
            yield Static(EMPTY, id="empty", classes="empty-state")
            yield Static("", id="objectives", classes="section")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#objectives").display = False
        if getattr(self.app, "store", None) is not None:
            self.reload()

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="welcome")
    def _load(self) -> None:
        from okrcoach.services.cycles import current_cycle, describe_cycle

        store = self.app.store
        if store is None:
            return
        today = self.app.today
        cycle = current_cycle(store, today)
        data = WelcomeData(cycle, describe_cycle(cycle, today), store.objectives(cycle.id))
        self.app.call_from_thread(self._show, data)

    def _show(self, data: WelcomeData) -> None:
        self.query_one("#cycle", Static).update(f"Current cycle: {safe(data.cycle_line)}")
        listing = self.query_one("#objectives", Static)
        self.query_one("#empty").display = not data.objectives
        listing.display = bool(data.objectives)
        if data.objectives:
            lines = [f"[b]Objectives in {safe(data.cycle.name)}[/b]"]
            for objective in data.objectives:
                kind = objective.goal_type.value.capitalize()
                lines.append(f"• {safe(objective.title)}  [dim]({kind}, {objective.status})[/dim]")
            listing.update("\n".join(lines))

    def palette_commands(self):
        yield ("New objective", "Draft an objective with the coach", self.app.action_new_objective)
