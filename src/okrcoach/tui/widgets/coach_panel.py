"""The coach beside (or below) the wizard's inputs: findings with their next step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from okrcoach.coach import Severity
from okrcoach.services.drafting import CoachNote
from okrcoach.tui.safe import safe

# Words first, colour second: the severity is readable without colour.
_MARK = {
    Severity.PROBLEM: ("✗", "$error"),
    Severity.WARNING: ("!", "$warning"),
    Severity.INFO: ("i", "$text-muted"),
}


_RANK = {Severity.PROBLEM: 0, Severity.WARNING: 1, Severity.INFO: 2}


def render_note(note: CoachNote) -> str:
    """Markup for a coach note; every piece of text from the coach or user is escaped."""
    head = f"[b]{safe(note.heading)}[/b]"
    if note.score is not None:
        head += f"  [$text-muted]quality[/] [b]{note.score}[/b]/100"
    lines = [head]
    # The most serious first: at 80×24 the panel shows its first lines without scrolling.
    for finding in sorted(note.findings, key=lambda f: _RANK[f.severity]):
        mark, colour = _MARK[finding.severity]
        lines.append(f"[{colour}]{mark}[/] {safe(finding.message)}")
        lines.append(f"  [$text-muted]→ {safe(finding.suggestion)}[/]")
    if note.rewrite:
        # ctrl+r puts the example in; a question alone (where is it today?) has none.
        applies = "  [$text-muted](ctrl+r applies)[/]" if "e.g. '" in note.rewrite else ""
        lines.append(f"[$accent]Try:[/] {safe(note.rewrite)}{applies}")
    if not note.findings and note.score is not None:
        lines.append("[$success]✓[/] Nothing to add: this reads well.")
    lines += [safe(line) for line in note.lines]
    return "\n".join(lines)


class CoachPanel(Static, can_focus=False):
    """Shows the latest coach note; ``updates`` counts notes shown (the bench uses it).

    A note that reads exactly as the one on screen is not drawn again: a redraw lays
    the whole screen out anew, and while a KR is typed most notes repeat the last one.
    """

    DEFAULT_CSS = """
    CoachPanel {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("The coach is reading…", id=id)
        self.updates = 0
        self.note: CoachNote | None = None
        self._shown = ""

    def show(self, note: CoachNote) -> None:
        self.note = note
        markup = render_note(note)
        if markup != self._shown:
            self._shown = markup
            self.update(markup)
        self.updates += 1

    @property
    def rule_ids(self) -> list[str]:
        return [f.rule_id for f in self.note.findings] if self.note else []


class CoachBox(VerticalScroll):
    """The panel's frame: scrolls (focus it, then arrows) when the coach has a lot to say."""

    DEFAULT_CSS = """
    CoachBox {
        border: round $primary 60%;
        border-title-color: $primary;
        padding: 0 1;
        background: $surface;
    }
    CoachBox:focus {
        border: round $primary;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Coach"

    def compose(self) -> ComposeResult:
        yield CoachPanel(id="coach-note")
