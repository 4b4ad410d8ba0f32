"""On start, offer to pick up an objective draft left in the wizard (quit or crash).

The app asks (it owns the flow after the store opens); this module knows only drafts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from okrcoach.domain.models import Draft
from okrcoach.services.draft_offer import draft_title, step_name
from okrcoach.tui.safe import safe

if TYPE_CHECKING:
    from okrcoach.store import Store


class ResumeModal(ModalScreen[str]):
    """Returns "resume", "discard" or "later"."""

    DEFAULT_CSS = """
    ResumeModal {
        align: center middle;
    }
    ResumeModal > Vertical {
        width: 64;
        max-width: 95%;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    ResumeModal #resume-title {
        text-style: bold;
        margin-bottom: 1;
    }
    ResumeModal Horizontal {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    ResumeModal Button {
        margin-left: 1;
    }
    """
    BINDINGS = [
        Binding("r", "choose('resume')", "Resume", id="resume.resume"),
        Binding("d", "choose('discard')", "Discard", id="resume.discard"),
        Binding("l,escape", "choose('later')", "Later", id="resume.later"),
    ]

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        step = step_name(self.draft)
        editing = "changes to an objective" if self.draft.target_id else "an objective"
        with Vertical():
            yield Static("You left a draft in the wizard", id="resume-title")
            yield Static(
                f"You were drafting {editing}: [b]{safe(draft_title(self.draft))}[/b]\n"
                f"It stopped at step {self.draft.step + 1}, {safe(step)}",
                id="resume-text",
            )
            with Horizontal():
                yield Button("Resume (r)", id="resume", variant="primary", compact=True)
                yield Button("Discard (d)", id="discard", variant="error", compact=True)
                yield Button("Later (l)", id="later", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "later")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


def find_draft(store: Store) -> Draft | None:
    """The draft to offer back (the most recent), or None; runs in a worker."""
    from okrcoach.services.draft_offer import latest_draft
    from okrcoach.store import StoreError

    try:
        return latest_draft(store)
    except StoreError:
        return None


def discard_draft(store: Store, draft: Draft) -> str:
    """Delete the draft the user discarded; the problem in words, or "" (runs in a worker)."""
    from okrcoach.store import StoreError

    try:
        store.delete(Draft, draft.id)
    except StoreError as error:
        return f"Could not discard the draft: {error}"
    return ""
