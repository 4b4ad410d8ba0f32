"""The drafting wizard: five steps from a wish to an objective with key results.

The screen owns only the flow: it turns keys into changes of a ``DraftForm``
and renders what ``okrcoach.services.drafting`` answers. The coach re-reads the
form a moment after each keystroke in a thread worker, and the form is
autosaved as a Draft (also in a thread worker), so typing never waits for the
coach or the disk, and quitting or a crash loses nothing.

The jobs around the flow live beside it: ``loading`` (opening), ``form_events``
(widget changes into the form), ``kr_list`` (the KR step), ``leaving`` (save
and leave), ``coach_reader`` (the live coach) and ``errors_view``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    ContentSwitcher,
    Footer,
    Header,
    Input,
    Static,
)

from okrcoach.domain.ids import new_id
from okrcoach.domain.models import Draft
from okrcoach.services import drafting as d
from okrcoach.tui.autosave import Autosaver
from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import safe
from okrcoach.tui.screens.wizard import errors_view, steps
from okrcoach.tui.screens.wizard.card import render_card
from okrcoach.tui.screens.wizard.coach_reader import CoachReader, Reading
from okrcoach.tui.screens.wizard.form_events import FormEventsMixin
from okrcoach.tui.screens.wizard.kr_list import KRListMixin
from okrcoach.tui.screens.wizard.leaving import SaveLeaveMixin
from okrcoach.tui.screens.wizard.loading import LoadingMixin
from okrcoach.tui.screens.wizard.modals import LearnFirstModal
from okrcoach.tui.screens.wizard.styles import WIZARD_CSS
from okrcoach.tui.store_ready import workspace
from okrcoach.tui.widgets.coach_panel import CoachBox, CoachPanel

Step = d.Step
LAST = Step.REVIEW
# From this many columns the first step's labels sit beside their fields.
LABELS_BESIDE_WIDTH = 100
# The KR step's keys that come and go with what is typed (the coach's reading of it).
TYPED_KR_KEYS = ("ask_outcome", "apply_rewrite", "learning_kr")
FIRST_FIELD = {
    Step.OBJECTIVE: "#title",
    Step.KIND: "#maturity",
    Step.KEY_RESULTS: "#kr-text",
    Step.AMBITION: "#commitment",
    Step.REVIEW: "#save",
}


class WizardScreen(LoadingMixin, FormEventsMixin, KRListMixin, SaveLeaveMixin, Screen[str | None]):
    """Dismisses with the saved objective's id, or None when the user leaves."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    DEFAULT_CSS = WIZARD_CSS
    BINDINGS = [
        Binding("ctrl+n", "next", "Next", id="wizard.next"),
        Binding("ctrl+b", "back", "Back", show=False, id="wizard.back"),
        Binding("ctrl+s", "save", "Save", id="wizard.save"),
        Binding("ctrl+g", "save_draft", "Draft", id="wizard.save_draft"),
        Binding("escape", "cancel", "Leave", id="wizard.cancel"),
        # q outside a text field asks before leaving, instead of quitting the whole app.
        Binding("q", "cancel", "Cancel", show=False, id="wizard.quit"),
        Binding("ctrl+o", "add_kr", "+KR", id="wizard.add_kr"),
        Binding("ctrl+l", "remove_kr", "−KR", show=False, id="wizard.remove_kr"),
        Binding("ctrl+y", "ask_outcome", "Outcome", id="wizard.outcome"),
        Binding("ctrl+r", "apply_rewrite", "Rewrite", id="wizard.rewrite"),
        Binding("ctrl+t", "learning_kr", "Idea", id="wizard.learning_kr"),
        Binding(
            "pageup", "other_kr(-1)", "Previous KR", show=False, priority=True, id="wizard.prev_kr"
        ),
        Binding(
            "pagedown", "other_kr(1)", "Next KR", show=False, priority=True, id="wizard.next_kr"
        ),
    ]

    def __init__(self, objective_id: str | None = None, draft: Draft | None = None) -> None:
        super().__init__()
        self.objective_id = objective_id or (draft.target_id if draft else None)
        self.form = d.DraftForm.from_data(draft.data) if draft else d.DraftForm()
        self.opened_version: int | None = self.form.opened_version
        self.step = min(draft.step, LAST) if draft else 0
        self.draft_id = draft.id if draft else new_id()
        self.resumed = draft is not None
        self.kr_index = 0
        self.errors: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        self.next_cycle_name: str | None = None
        self.asked_split = self.form.split
        self.ready = False
        self.keeper: Autosaver[tuple[d.DraftForm, int]] = Autosaver(
            self, self._snapshot, self._keep_draft, what="the draft", group="wizard-draft"
        )
        self.coach = CoachReader(self, self._reading, self._show_note)
        self._learning_pick = 0
        self._kr_keys: tuple[bool | None, ...] = ()

    # --- layout -----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="step-title")
        with Container(id="wizard-body"):
            with ContentSwitcher(id="steps", initial="step-0"):
                yield from steps.objective_step()
                yield from steps.kind_step()
                yield from steps.kr_step()
                yield from steps.ambition_step()
                yield from steps.review_step()
            yield CoachBox(id="coach")
        with Horizontal(id="nav"):
            yield Button("← Back", id="back", compact=True)
            yield Button("Next →", id="next", compact=True, variant="primary")
            yield Static("", id="nav-space")
            yield Button("Save as draft", id="save-draft", compact=True)
            yield Button("Save", id="save", compact=True, variant="success")
        yield Footer(compact=True, show_command_palette=False)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= LABELS_BESIDE_WIDTH, "-labels-beside")

    def on_mount(self) -> None:
        store = workspace(self)
        if store is None or store.read_only:
            why = (
                "This window is read-only: objectives cannot be drafted or edited here."
                if store is not None
                else "Your workspace is still opening; try again in a moment."
            )
            self.app.notify(why, title="Cannot open the wizard", severity="warning")
            self.keeper.finished = True
            self.call_after_refresh(self._close)
            return
        if not self.objective_id and not self.resumed:
            # A new objective is the user's own unless they say otherwise (settings.owner);
            # on a team store the owner is the person's role there.
            me = getattr(store, "me", "")
            self.form.owner = me or getattr(getattr(self.app, "settings", None), "owner", "")
        if not self.objective_id or self.resumed:
            # The form is already known: take keys from the first frame on.
            self._start()
        self._load()

    # --- steps ------------------------------------------------------------------------
    def _show_step(self, step: int) -> None:
        self.step = step
        self.query_one("#steps", ContentSwitcher).current = f"step-{step}"
        self.query_one("#step-title", Static).update(
            Content(f"Step {step + 1} of {len(d.STEPS)} · {d.STEPS[step]}")
        )
        self.query_one("#back", Button).disabled = step == 0
        self.query_one("#next", Button).display = step < LAST
        self.query_one("#save-draft", Button).display = step == LAST
        if step == Step.KIND:
            self._sync_goal_type()
        elif step == Step.AMBITION:
            self._show_confidence_rows()
        elif step == LAST:
            self._show_card()
        self._show_errors({})
        self._kr_keys = self._kr_keys_now()
        self.refresh_bindings()
        self._review_now()
        self._focus_first()

    def _focus_first(self) -> None:
        self.query_one(FIRST_FIELD[Step(self.step)]).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        on_krs = self.step == Step.KEY_RESULTS
        if action in ("add_kr", "remove_kr", "other_kr"):
            return on_krs
        if action == "ask_outcome":
            panel = self.query_one(CoachPanel)
            return on_krs and d.outcome.is_task(panel.rule_ids)
        if action == "apply_rewrite":
            return on_krs and self._rewrite() is not None
        if action == "learning_kr":
            return on_krs and self.form.chosen_goal_type().value == "learning"
        if action == "next":
            return True if self.step < LAST else None
        if action == "back":
            return True if self.step > 0 else None
        return True

    def _kr_keys_now(self) -> tuple[bool | None, ...]:
        return tuple(self.check_action(action, ()) for action in TYPED_KR_KEYS)

    def _refresh_kr_keys(self) -> None:
        """Redraw the footer only when typing changed which KR keys apply.

        A redraw rebuilds the footer and lays the whole screen out again: once per
        keystroke, that held the coach's note back by a frame or more.
        """
        if self.step != Step.KEY_RESULTS:
            return
        keys = self._kr_keys_now()
        if keys != self._kr_keys:
            self._kr_keys = keys
            self.refresh_bindings()

    def action_next(self) -> None:
        if not self.ready or self.step >= LAST:
            return
        errors = d.step_errors(self.form, self.step)
        if errors:
            self._show_errors(errors)
            return
        if self.step == Step.KIND:
            d.set_goal_type(self.form, self.form.chosen_goal_type().value)
            if d.learn_first_applies(self.form) and not self.asked_split:
                self.app.push_screen(LearnFirstModal(), self._split_chosen)
                return
        self._go(self.step + 1)

    def _split_chosen(self, split: bool | None) -> None:
        self.asked_split = True
        d.choose_split(self.form, bool(split))
        self._sync_goal_type()
        self._changed()
        if split:
            self.app.notify(
                "This cycle: a learning objective. Next cycle: the performance one, as a draft.",
                title="Learn first, perform next",
            )
        self._go(Step.KEY_RESULTS)

    def action_back(self) -> None:
        if self.ready and self.step > 0:
            self._go(self.step - 1)

    def _go(self, step: int) -> None:
        self._show_step(step)
        self.keeper.now()

    # --- ambition and review ----------------------------------------------------------
    def _show_confidence_rows(self) -> None:
        filled = {index for index, _ in self.form.filled_krs()}
        with self.prevent(Input.Changed):
            for index in range(d.MAX_KRS):
                row = self.query_one(f"#conf-row-{index}")
                row.display = index in filled
                if index in filled:
                    kr = self.form.krs[index]
                    self.query_one(f"#conf-{index}", Input).value = kr.confidence
                    self.query_one(f"#conf-label-{index}", Static).update(
                        f"{index + 1}. {safe(kr.text)}"
                    )

    def _show_card(self) -> None:
        parent = self.parents.get(self.form.parent_id or "")
        store = self.app.store
        if self.form.split and store is not None and self.next_cycle_name is None:
            from okrcoach.services.cycles import current_cycle

            length = self._cycle_length()
            current = current_cycle(store, self.app.today, length)
            self.next_cycle_name = current.next_period(length).name
        self.query_one("#card", Static).update(render_card(self.form, parent, self.next_cycle_name))

    # --- errors -----------------------------------------------------------------------
    def _show_errors(self, errors: d.Errors) -> None:
        """Inline messages beside the fields they concern; the first bad field gets focus."""
        was_empty = not self.errors
        self.errors = errors
        found = errors_view.messages_by_place(errors, self.step)
        for place, messages in found.items():
            self.query_one(place, Static).update(safe("\n".join(messages)))
        self.query_one("#owner-error").set_class(bool(found["#owner-error"]), "-shown")
        bad_here = {key.field for key in errors if key.kr == self.kr_index}
        self.query_one("#title", Input).set_class(d.TITLE in errors, "-bad")
        self.query_one("#owner", Input).set_class(d.OWNER in errors, "-bad")
        for name in errors_view.KR_FIELDS:
            self.query_one(f"#kr-{name}", Input).set_class(name in bad_here, "-bad")
        for index in range(d.MAX_KRS):
            bad = d.FieldKey("confidence", index) in errors
            self.query_one(f"#conf-{index}", Input).set_class(bad, "-bad")
        if errors and was_empty:
            kr_index, target = errors_view.focus_target(next(iter(errors)), self.step)
            if kr_index is not None:
                self._show_kr(kr_index)
            if target is not None:
                self.query_one(target).focus()

    # --- the coach --------------------------------------------------------------------
    def _reading(self) -> Reading:
        return self.form, self.step, self.kr_index

    def _review_now(self) -> None:
        if self.ready:
            self.coach.read_now()

    def _show_note(self, note: d.CoachNote) -> None:
        self.query_one(CoachPanel).show(note)
        self._refresh_kr_keys()

    # --- drafts ---------------------------------------------------------------------
    def _snapshot(self) -> tuple[d.DraftForm, int] | None:
        return (copy.deepcopy(self.form), self.step) if self.ready else None

    def _keep_draft(self, store: object, kept: tuple[d.DraftForm, int]) -> None:
        form, step = kept
        d.autosave(store, self.draft_id, form, step, self.objective_id)  # type: ignore[arg-type]

    def on_unmount(self) -> None:
        """Quitting mid-wizard: write what is on screen now, so nothing is lost."""
        self.keeper.flush()

    def palette_commands(self) -> Iterable[PaletteCommand]:
        yield ("Wizard: next step", "Check this step and go on", self.action_next)
        yield ("Wizard: back", "Go to the previous step", self.action_back)
        yield ("Wizard: save", "Save the objective as active", self.action_save)
        yield ("Wizard: save as draft", "Save it with status draft", self.action_save_draft)
        yield ("Wizard: add a key result", "Add a key result (up to five)", self.action_add_kr)
        yield ("Wizard: leave", "Keep the draft for later or discard it", self.action_cancel)
