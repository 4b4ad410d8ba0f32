"""The trash: deleted objectives wait here to be restored (or deleted for good)."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import safe
from okrcoach.tui.screens.background import run_in_background
from okrcoach.tui.screens.confirm import ConfirmModal


class TrashScreen(Screen[None]):
    """Restore with r or Enter; x deletes for good after asking."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="trash.back"),
        Binding("r", "restore", "Restore", id="trash.restore"),
        Binding("x", "purge", "Delete for good", id="trash.purge"),
    ]
    DEFAULT_CSS = """
    TrashScreen #trash-help {
        padding: 0 1;
    }
    TrashScreen #trash-buttons {
        height: auto;
        padding: 0 1;
    }
    TrashScreen #trash-buttons Button {
        margin-right: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(
            "Trash: deleted objectives keep their key results and check-ins until you "
            "delete them for good.",
            id="trash-help",
        )
        yield OptionList(id="trash-list")
        with Horizontal(id="trash-buttons"):
            yield Button("Restore", id="restore", variant="primary", compact=True)
            yield Button("Delete for good", id="purge", variant="error", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="trash")
    def _load(self) -> None:
        from okrcoach.domain.models import Cycle
        from okrcoach.services.objectives import trash

        store = self.app.store
        if store is None:
            return
        rows = []
        for objective in trash(store):
            cycle = store.get(Cycle, objective.cycle_id)
            rows.append((objective.id, objective.title, cycle.name if cycle else "?"))
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[tuple[str, str, str]]) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for objective_id, title, cycle in rows:
            options.add_option(
                Option(f"{safe(title)}  [$text-muted]{safe(cycle)}[/]", id=objective_id)
            )
        if rows:
            options.highlighted = 0
        else:
            options.add_option(Option("The trash is empty.", id="", disabled=True))
        options.focus()

    def _chosen(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        option = options.get_option_at_index(options.highlighted)
        return option.id or None

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_restore()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_restore() if event.button.id == "restore" else self.action_purge()

    def action_restore(self) -> None:
        from okrcoach.services.objectives import restore

        chosen = self._chosen()
        if chosen is None:
            return

        def done(change: Any) -> None:
            self.notify(f"{change.title!r} restored to its cycle.", markup=False)
            self.reload()

        run_in_background(self, lambda store: restore(store, chosen), done)

    def action_purge(self) -> None:
        from okrcoach.services.objectives import purge

        chosen = self._chosen()
        if chosen is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                run_in_background(self, lambda store: purge(store, chosen), lambda _: self.reload())

        self.app.push_screen(
            ConfirmModal(
                "Delete this objective, its key results and check-ins for good? "
                "This cannot be undone.",
                yes="Delete for good (y)",
                no="Keep it (n)",
            ),
            answered,
        )

    def action_back(self) -> None:
        self.dismiss(None)

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            ("Restore", "Bring the highlighted objective back", self.action_restore),
            ("Delete for good", "Remove it permanently (asks first)", self.action_purge),
            ("Back", "Return to the dashboard", self.action_back),
        ]
