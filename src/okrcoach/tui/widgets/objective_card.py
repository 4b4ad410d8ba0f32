"""One objective on the dashboard: badge, progress, confidence, health and its KRs.

Lays itself out for the width it gets: on a narrow terminal the columns stack
instead of overflowing.
"""

from __future__ import annotations

from textual.events import Click
from textual.message import Message
from textual.widget import Widget

from okrcoach.domain.models import ObjectiveStatus
from okrcoach.services.portfolio import ObjectiveRow
from okrcoach.tui.safe import safe
from okrcoach.tui.widgets import render as r

WIDE = 100


class ObjectiveCard(Widget, can_focus=True):
    """Focus is selection: click or arrow to it, Enter opens it."""

    DEFAULT_CSS = """
    ObjectiveCard {
        height: auto;
        padding: 0 1;
        margin: 0 0 1 0;
        border-left: outer $panel;
    }
    ObjectiveCard:focus {
        border-left: thick $primary;
        background: $boost;
    }
    ObjectiveCard.-archived {
        color: $text-muted;
    }
    """

    class Opened(Message):
        def __init__(self, objective_id: str) -> None:
            super().__init__()
            self.objective_id = objective_id

    def __init__(self, row: ObjectiveRow) -> None:
        super().__init__(id=f"objective-{row.id}", classes="objective-card")
        self.row = row
        self.set_class(row.objective.archived, "-archived")

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render(self) -> str:
        return self.markup(self.size.width or 80)

    def markup(self, width: int) -> str:
        return card_markup(self.row, width, self.has_focus)

    def on_click(self, event: Click) -> None:
        self.focus()
        if event.chain >= 2:
            self.post_message(self.Opened(self.row.id))


def card_markup(row: ObjectiveRow, width: int, focused: bool) -> str:
    """A card's text at ``width`` (also kept as the next start's preview)."""
    objective = row.objective
    inner = max(20, width - 3)
    tags = []
    if objective.archived:
        tags.append("archived")
    if objective.status is not ObjectiveStatus.ACTIVE:
        tags.append(objective.status.value.replace("-", " "))
    tag_text = f"  [i $text-muted]({', '.join(tags)})[/]" if tags else ""
    # The selection is a glyph as well as a colour: "▶" marks the card in focus.
    mark = "▶ " if focused else "  "
    lines = [f"{mark}[b]{safe(objective.title)}[/b]{tag_text}"]
    who = [r.badge(objective), objective.commitment.value]
    if objective.owner:
        who.append(safe(r.clip(row.owner_name or objective.owner, 24)))
    status = (
        f"{r.bar(row.progress)} {r.percent(row.progress)}  "
        f"{r.confidence(row.confidence)}  {r.health(row.health)}"
    )
    if width >= WIDE:
        lines.append(" · ".join(who) + "   " + status)
    else:
        lines.append(" · ".join(who))
        lines.append(status)
    for kr_row in row.krs:
        kr = kr_row.kr
        values = r.kr_values(kr)
        if width >= WIDE:
            used = len(r.plain(values)) + len(kr_row.health.label) + 10
            room = max(12, inner - used)
            clipped = r.clip(kr.title, room)
            title = safe(clipped) + " " * (room - len(clipped))
            lines.append(f"  • {title}  {values}  {r.health(kr_row.health)}")
        else:
            lines.append(f"  • {safe(r.clip(kr.title, inner * 2 - 6))}")
            lines.append(f"    [$text-muted]{values}[/]  {r.health(kr_row.health)}")
    if not row.krs:
        lines.append("  [$text-muted]No key results yet: press e to add some.[/]")
    return "\n".join(lines)
