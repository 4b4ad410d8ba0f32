"""On start, offer to pick up an objective draft left in the wizard (quit or crash)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from okrcoach.domain.models import Draft
from okrcoach.services.drafting import STEPS, draft_title
from okrcoach.tui.safe import safe

if TYPE_CHECKING:
    from okrcoach.tui.app import OkrApp


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
        step = STEPS[min(self.draft.step, len(STEPS) - 1)]
        editing = "changes to an objective" if self.draft.target_id else "an objective"
        with Vertical():
            yield Static("You left a draft in the wizard", id="resume-title")
            yield Static(
                f"You were drafting {editing}: [b]{safe(draft_title(self.draft))}[/b]\n"
                f"It stopped at step {self.draft.step + 1}, {safe(step)}",
                id="resume-text",
            )
            with Horizontal():
                yield Button("Resume (r)", id="resume", variant="primary")
                yield Button("Discard (d)", id="discard", variant="error")
                yield Button("Later (l)", id="later")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "later")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


def offer_resume(app: OkrApp) -> None:
    """Look for a draft off the UI thread; if there is one, ask what to do with it."""
    store = app.store
    if store is None or store.read_only:
        return

    def look() -> None:
        from okrcoach.services.drafting import latest_draft
        from okrcoach.store import StoreError

        try:
            draft = latest_draft(store)
        except StoreError:
            return
        if draft is not None:
            app.call_from_thread(_ask, app, draft)

    app.run_worker(look, thread=True, group="resume", exclusive=True)


def _ask(app: OkrApp, draft: Draft) -> None:
    def chosen(choice: str | None) -> None:
        if choice == "resume":
            from okrcoach.tui.screens.wizard import WizardScreen

            app.push_screen(WizardScreen(draft=draft), app._after_edit)
        elif choice == "discard":
            app.run_worker(lambda: _delete(app, draft), thread=True, group="resume")

    app.push_screen(ResumeModal(draft), chosen)


def _delete(app: OkrApp, draft: Draft) -> None:
    from okrcoach.store import StoreError

    store = app.store
    if store is None:
        return
    try:
        store.delete(Draft, draft.id)
    except StoreError as error:
        app.call_from_thread(app.notify, f"Could not discard the draft: {error}", markup=False)
