"""The alignment tree: which objective serves which, across owners."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, Tree

from okrcoach.domain.text import clean_line
from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import plain
from okrcoach.tui.store_ready import ChangedElsewhere


def node_label(node: Any, names: dict[str, str] | None = None) -> Text:
    """Title, then kind and owner dimmed; user text stays literal (a rich Text).

    ``names`` maps a team store's roles to people's names."""
    objective = node.objective
    owner = (names or {}).get(objective.owner, objective.owner)
    details = objective.goal_type.value + (f" · {owner}" if owner else "")
    label = plain(objective.title)
    label.append(f"  {clean_line(details)}", style="dim")
    if node.outside:
        label.append("  (another cycle)", style="dim italic")
    return label


class AlignmentScreen(Screen[None]):
    """Objectives by parent; parents from other cycles are shown for context."""

    BINDINGS = [Binding("escape", "back", "Back", id="alignment.back")]
    DEFAULT_CSS = """
    AlignmentScreen #alignment-help {
        padding: 0 1;
    }
    """

    def __init__(self, cycle_id: str) -> None:
        super().__init__()
        self.cycle_id = cycle_id

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(
            "Alignment: each objective under the one it serves. "
            "[$text-muted]An objective with no parent says no higher priority it serves yet.[/]",
            id="alignment-help",
        )
        tree: Tree[str] = Tree("Objectives", id="alignment-tree")
        tree.show_root = False
        yield tree
        yield Footer()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="alignment")
    def _load(self) -> None:
        from okrcoach.services.alignment import cycle_forest
        from okrcoach.services.people import owner_names, people_of

        store = self.app.store
        if store is not None:
            roots = cycle_forest(store, self.cycle_id)
            names = owner_names(people_of(store))
            self.app.call_from_thread(self._show, roots, names)

    def on_changed_elsewhere(self, _message: ChangedElsewhere) -> None:
        self._load()

    def _show(self, roots: list[Any], names: dict[str, str] | None = None) -> None:
        tree = self.query_one(Tree)
        tree.clear()

        def add(parent: Any, node: Any) -> None:
            branch = parent.add(node_label(node, names), data=node.objective.id, expand=True)
            if not node.children:
                branch.allow_expand = False
            for child in node.children:
                add(branch, child)

        for root in roots:
            add(tree.root, root)
        if not roots:
            tree.root.add_leaf("No objectives in this cycle yet.")
        tree.focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def palette_commands(self) -> list[PaletteCommand]:
        return [("Back", "Return to the dashboard", self.action_back)]
