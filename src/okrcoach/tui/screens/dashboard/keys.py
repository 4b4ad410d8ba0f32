"""The dashboard's keys and its command-palette entries."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from textual.binding import Binding

from okrcoach.services.people import EVERYONE, who_command
from okrcoach.tui.commands import PaletteCommand

DASHBOARD_BINDINGS = [
    Binding("n", "new_objective", "New objective", id="dashboard.new"),
    Binding("enter", "open", "Open", id="dashboard.open", show=False),
    Binding("c", "checkin", "Check in", id="dashboard.checkin"),
    Binding("e", "edit", "Edit", id="dashboard.edit", show=False),
    Binding("f", "filter", "Filter", id="dashboard.filter", show=False),
    Binding("o", "who", "Whose objectives", id="dashboard.who", show=False),
    Binding("s", "sort", "Sort", id="dashboard.sort", show=False),
    Binding("p", "cycles", "Cycles", id="dashboard.cycles"),
    Binding(
        "left_square_bracket",
        "previous_cycle",
        "Previous cycle",
        key_display="[",
        show=False,
        id="dashboard.previous_cycle",
    ),
    Binding(
        "right_square_bracket",
        "next_cycle",
        "Next cycle",
        key_display="]",
        show=False,
        id="dashboard.next_cycle",
    ),
    Binding("r", "retro", "Retro", id="dashboard.retro"),
    Binding(
        "R",
        "retro_cycle",
        "Retro of the whole cycle",
        key_display="R",
        show=False,
        id="dashboard.retro_cycle",
    ),
    Binding("h", "retro_history", "Past retros", show=False, id="dashboard.retro_history"),
    Binding("t", "alignment", "Alignment tree", show=False, id="dashboard.alignment"),
    Binding("l", "learning_log", "Learning log", show=False, id="dashboard.learning"),
    Binding("m", "carry_over", "Carry over to next cycle", show=False, id="dashboard.carry"),
    Binding("a", "archive", "Archive / unarchive", show=False, id="dashboard.archive"),
    Binding(
        "A",
        "toggle_archived",
        "Show / hide archived",
        key_display="A",
        show=False,
        id="dashboard.show_archived",
    ),
    Binding("d", "delete", "Move to trash", show=False, id="dashboard.delete"),
    Binding("T", "trash", "Trash", key_display="T", show=False, id="dashboard.trash"),
    Binding("u", "undo", "Undo archive / delete", show=False, id="dashboard.undo"),
    Binding("O", "reopen", "Reopen this cycle", key_display="O", show=False, id="dashboard.reopen"),
    # Priority, so the arrows step between cards instead of scrolling the view under them;
    # with no cards the move is skipped and the arrows scroll as usual.
    Binding("down,j", "move(1)", "Next objective", show=False, priority=True, id="dashboard.down"),
    Binding("up,k", "move(-1)", "Previous objective", show=False, priority=True, id="dashboard.up"),
]


def dashboard_commands(screen: Any) -> Iterator[PaletteCommand]:
    """What the command palette offers on the dashboard."""
    yield ("New objective", "Draft an objective with the coach", screen.action_new_objective)
    yield ("Check in", "Record progress on the selected objective", screen.action_checkin)
    yield ("Retro of this objective", "Score, reflect and decide, mid-cycle", screen.action_retro)
    yield (
        "Retro of this cycle",
        "Score every key result of the cycle",
        screen.action_retro_cycle,
    )
    yield ("Past retrospectives", "Browse finished retros", screen.action_retro_history)
    yield ("Open objective", "Details, history and the coach's findings", screen.action_open)
    yield ("Edit objective", "Change the selected objective in the wizard", screen.action_edit)
    yield ("Filter objectives", "All, learning, performance, at risk", screen.action_filter)
    yield ("Whose objectives…", "Everyone, mine, a team or one person", screen.action_who)
    for who in screen.who_choices()[1:]:
        show = partial(screen.show_who, who)
        yield (who_command(who), f"Only the objectives of {who.label}", show)
    if not screen.who.everyone:
        yield ("Show everyone", "The objectives of everyone", partial(screen.show_who, EVERYONE))
    yield ("Sort objectives", "By plan, progress or confidence", screen.action_sort)
    yield ("Switch cycle", "Browse or create cycles", screen.action_cycles)
    yield ("Alignment tree", "Which objective serves which", screen.action_alignment)
    yield ("Learning log", "What you learned, week by week", screen.action_learning_log)
    yield (
        "Carry over",
        "Copy the selected objective to the next cycle",
        screen.action_carry_over,
    )
    yield (
        "Archive or unarchive",
        "Hide the selected objective (reversible)",
        screen.action_archive,
    )
    yield ("Show or hide archived", "Toggle archived objectives", screen.action_toggle_archived)
    yield ("Move to trash", "Delete the selected objective (restorable)", screen.action_delete)
    yield ("Trash", "Restore deleted objectives", screen.action_trash)
    yield ("Undo", "Undo the last archive or delete", screen.action_undo)
    yield ("Reopen cycle", "Allow changes to a finished cycle", screen.action_reopen)
