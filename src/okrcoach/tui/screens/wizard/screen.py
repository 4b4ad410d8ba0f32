"""The drafting wizard: five steps from a wish to an objective with key results.

The screen owns only the flow: it turns keys into changes of a ``DraftForm``
and renders what ``okrcoach.services.drafting`` answers. The coach re-reads the
form a moment after each keystroke in a thread worker, and the form is
autosaved as a Draft (also in a thread worker), so typing never waits for the
coach or the disk, and quitting or a crash loses nothing.
"""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Iterable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import (
    Button,
    Checkbox,
    ContentSwitcher,
    Footer,
    Header,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    Static,
)

from okrcoach.domain.ids import new_id
from okrcoach.domain.models import Draft, ObjectiveStatus
from okrcoach.services import drafting as d
from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import plain, safe
from okrcoach.tui.screens.wizard import steps
from okrcoach.tui.screens.wizard.card import render_card
from okrcoach.tui.screens.wizard.modals import LearnFirstModal, LeaveModal
from okrcoach.tui.widgets.coach_panel import CoachBox, CoachPanel
from okrcoach.tui.widgets.kr_form import KREditor

AUTOSAVE_DELAY = 0.4  # seconds of quiet before the draft is written
LAST = len(d.STEPS) - 1
KR_STEP = 2
# Which field each error key points at, to move the focus there.
FOCUS_OF = {"title": "#title", "owner": "#owner", "krs": "#kr-text"}


class WizardScreen(Screen[str | None]):
    """Dismisses with the saved objective's id, or None when the user leaves."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    DEFAULT_CSS = """
    WizardScreen #step-title {
        height: 1;
        padding: 0 1;
        background: $boost;
        text-style: bold;
        color: $primary;
    }
    WizardScreen #wizard-body {
        layout: vertical;
        height: 1fr;
    }
    WizardScreen.-wide #wizard-body {
        layout: horizontal;
    }
    WizardScreen #steps {
        height: 1fr;
        padding: 0 1;
    }
    WizardScreen.-narrow #coach {
        height: 10;
    }
    WizardScreen.-wide #coach {
        width: 46;
        height: 1fr;
    }
    WizardScreen .step {
        height: 1fr;
    }
    WizardScreen .step > Label {
        margin-top: 1;
        color: $text-muted;
    }
    WizardScreen .step Input, WizardScreen .step Select {
        width: 1fr;
    }
    WizardScreen Input.-bad {
        background: $error 25%;
    }
    WizardScreen .field-error {
        color: $error;
        height: auto;
    }
    WizardScreen #owner-error {
        display: none;
    }
    WizardScreen #owner-error.-shown {
        display: block;
    }
    WizardScreen .conf-row {
        height: 1;
    }
    WizardScreen .conf-row Input {
        width: 6;
        margin-right: 1;
    }
    WizardScreen .conf-label {
        width: 1fr;
    }
    WizardScreen #card {
        border: round $primary;
        padding: 0 1;
        height: auto;
    }
    WizardScreen #nav {
        height: 1;
        padding: 0 1;
    }
    WizardScreen #nav Button {
        margin-right: 2;
    }
    WizardScreen #nav-space {
        width: 1fr;
    }
    """
    BINDINGS = [
        Binding("ctrl+n", "next", "Next", id="wizard.next"),
        Binding("ctrl+b", "back", "Back", id="wizard.back"),
        Binding("ctrl+s", "save", "Save", id="wizard.save"),
        Binding("ctrl+g", "save_draft", "Save as draft", id="wizard.save_draft"),
        Binding("escape", "cancel", "Cancel", id="wizard.cancel"),
        # q outside a text field asks before leaving, instead of quitting the whole app.
        Binding("q", "cancel", "Cancel", show=False, id="wizard.quit"),
        Binding("ctrl+o", "add_kr", "Add KR", id="wizard.add_kr"),
        Binding("ctrl+l", "remove_kr", "Remove KR", id="wizard.remove_kr"),
        Binding("ctrl+r", "apply_rewrite", "Apply rewrite", id="wizard.rewrite"),
        Binding("ctrl+t", "learning_kr", "Learning KR", id="wizard.learning_kr"),
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
        self.step = min(draft.step, LAST) if draft else 0
        self.draft_id = draft.id if draft else new_id()
        self.resumed = draft is not None
        self.kr_index = 0
        self.errors: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        self.next_cycle_name: str | None = None
        self.asked_split = self.form.split
        self.ready = False
        self.finished = False
        self.dirty = False
        self._review_seq = 0
        self._in_flight = 0
        self._review_again = False
        self._autosave_timer: Timer | None = None
        self._write_lock = threading.Lock()
        self._learning_pick = 0

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
        yield Footer()

    def on_mount(self) -> None:
        store = getattr(self.app, "store", None)
        if store is None or store.read_only:
            why = (
                "This window is read-only: objectives cannot be drafted or edited here."
                if store is not None
                else "Your workspace is still opening; try again in a moment."
            )
            self.app.notify(why, title="Cannot open the wizard", severity="warning")
            self.finished = True
            self.call_after_refresh(self._close)
            return
        if not self.objective_id and not self.resumed:
            # A new objective is the user's own unless they say otherwise (settings.owner).
            self.form.owner = getattr(getattr(self.app, "settings", None), "owner", "")
        if not self.objective_id or self.resumed:
            # The form is already known: take keys from the first frame on.
            self._start()
        self._load()

    def _close(self) -> None:
        self.dismiss(None)

    def _start(self) -> None:
        self._fill()
        self.ready = True
        self._show_step(self.step)

    @work(thread=True, exclusive=True, group="wizard-load")
    def _load(self) -> None:
        """Read the alignment choices (and the objective being edited) off the UI thread."""
        store = self.app.store
        if store is None:
            return
        parents = d.parent_choices(store, exclude_id=self.objective_id)
        form = None
        problem = ""
        if self.objective_id and not self.resumed:
            try:
                form = d.load_for_edit(store, self.objective_id)
            except LookupError as error:
                problem = str(error)
        self.app.call_from_thread(self._loaded, parents, form, problem)

    def _loaded(
        self, parents: list[tuple[str, str]], form: d.DraftForm | None, problem: str
    ) -> None:
        if problem:
            self.app.notify(problem, title="Cannot edit", severity="error")
            self.finished = True
            self.dismiss(None)
            return
        self.parents = {value: label for label, value in parents}
        parent = self.query_one("#parent", Select)
        with self.prevent(Select.Changed):
            parent.set_options([(plain(label), value) for label, value in parents])
            if self.form.parent_id in self.parents:
                parent.value = self.form.parent_id
        if form is not None:
            self.form = form
            self.asked_split = True
            self._start()
        if self.resumed:
            self.app.notify("Picked up where you left off.", title="Draft resumed")

    def _fill(self) -> None:
        """Put the whole form into the widgets without raising change events."""
        form = self.form
        with self.prevent(Input.Changed, Select.Changed, RadioSet.Changed, Checkbox.Changed):
            self.query_one("#title", Input).value = form.title
            self.query_one("#why", Input).value = form.why
            self.query_one("#owner", Input).value = form.owner
            parent = self.query_one("#parent", Select)
            if form.parent_id and form.parent_id in self.parents:
                parent.value = form.parent_id
            if form.maturity:
                self.query_one(f"#maturity-{form.maturity}", RadioButton).value = True
            self.query_one(f"#commit-{form.commitment}", RadioButton).value = True
            self.query_one("#split", Checkbox).value = form.split
        self._sync_goal_type()
        self._show_kr(min(self.kr_index, len(form.krs) - 1))

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
        if step == 1:
            self._sync_goal_type()
        elif step == 3:
            self._show_confidence_rows()
        elif step == LAST:
            self._show_card()
        self._show_errors({})
        self.refresh_bindings()
        self._review_now()
        self._focus_first()

    def _focus_first(self) -> None:
        first = {0: "#title", 1: "#maturity", 2: "#kr-text", 3: "#commitment", 4: "#save"}
        self.query_one(first[self.step]).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        on_krs = self.step == KR_STEP
        if action in ("add_kr", "remove_kr", "other_kr"):
            return on_krs
        if action == "apply_rewrite":
            return on_krs and self._rewrite() is not None
        if action == "learning_kr":
            return on_krs and self.form.chosen_goal_type().value == "learning"
        if action == "next":
            return True if self.step < LAST else None
        if action == "back":
            return True if self.step > 0 else None
        if action == "save_draft":
            return self.step == LAST
        return True

    def action_next(self) -> None:
        if not self.ready or self.step >= LAST:
            return
        errors = d.step_errors(self.form, self.step)
        if errors:
            self._show_errors(errors)
            return
        if self.step == 1:
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
        self._go(2)

    def action_back(self) -> None:
        if self.ready and self.step > 0:
            self._go(self.step - 1)

    def _go(self, step: int) -> None:
        self._show_step(step)
        self._autosave_now()

    # --- form changes -----------------------------------------------------------------
    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        if not self.ready:
            return
        name = event.input.id or ""
        kr = self.form.krs[self.kr_index]
        if name in ("title", "why", "owner"):
            setattr(self.form, name, event.value)
        elif name == "kr-text":
            kr.text = event.value
            d.prefill(kr)
            self.query_one(KREditor).load(kr, only=tuple(kr.auto))
            self.query_one(KREditor).update_label(self.kr_index, kr)
        elif name in ("kr-unit", "kr-baseline", "kr-target"):
            if getattr(kr, name.removeprefix("kr-")) == event.value:
                return
            d.typed(kr, name.removeprefix("kr-"), event.value)
        elif name.startswith("conf-"):
            self.form.krs[int(name.removeprefix("conf-"))].confidence = event.value
        self._changed()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        if not self.ready:
            return
        name = event.select.id
        value = event.value
        if name == "parent":
            self.form.parent_id = value if isinstance(value, str) else None
        elif name in ("kr-kind", "kr-direction") and isinstance(value, str):
            field = "metric_kind" if name == "kr-kind" else "direction"
            kr = self.form.krs[self.kr_index]
            if getattr(kr, field) == value:
                return  # an echo of a value the wizard set (e.g. on mount), not a choice
            d.typed(kr, field, value)
        self._changed()

    @on(RadioSet.Changed)
    def _radio_changed(self, event: RadioSet.Changed) -> None:
        if not self.ready:
            return
        pressed = event.pressed.id or ""
        name = event.radio_set.id
        if name == "maturity":
            d.set_maturity(self.form, pressed.removeprefix("maturity-"))
        elif name == "goal-type":
            d.set_goal_type(self.form, pressed.removeprefix("goal-"))
            self.asked_split = False
        elif name == "commitment":
            self.form.commitment = pressed.removeprefix("commit-")
        self.query_one("#split", Checkbox).display = d.split_offered(self.form)
        self._changed()

    @on(Checkbox.Changed, "#split")
    def _split_changed(self, event: Checkbox.Changed) -> None:
        if not self.ready:
            return
        d.choose_split(self.form, event.value)
        self.asked_split = True
        if self.form.goal_type:
            self.query_one(f"#goal-{self.form.goal_type}", RadioButton).value = True
        self._changed()

    def _sync_goal_type(self) -> None:
        """Show the user's explicit pick (none: Next accepts the coach's) and offer the split.

        Never called while a RadioSet.Changed is handled: Textual would then hold back the
        button's own change message and the set would lose track of which button is on.
        """
        with self.prevent(Checkbox.Changed):
            self.query_one("#split", Checkbox).value = self.form.split
        self.query_one("#split", Checkbox).display = d.split_offered(self.form)
        if self.form.goal_type:
            self.query_one(f"#goal-{self.form.goal_type}", RadioButton).value = True

    def _changed(self) -> None:
        """Something was typed: coach soon, autosave a little later, re-check shown errors."""
        self.dirty = True
        if self.errors:
            self._show_errors(d.step_errors(self.form, self.step))
        self._schedule_review()
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(AUTOSAVE_DELAY, self._autosave_now)
        if self.step == KR_STEP:
            self.refresh_bindings()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter moves on: to the next field, or to the next step from the last one."""
        last = {"why": 0, "owner": 0, "kr-target": KR_STEP}
        if last.get(event.input.id or "") == self.step:
            self.action_next()
        else:
            self.focus_next()

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        actions = {
            "back": self.action_back,
            "next": self.action_next,
            "save": self.action_save,
            "save-draft": self.action_save_draft,
            "kr-add": self.action_add_kr,
            "kr-remove": self.action_remove_kr,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            event.stop()
            action()

    # --- key results ------------------------------------------------------------------
    def _show_kr(self, index: int) -> None:
        self.kr_index = max(0, min(index, len(self.form.krs) - 1))
        editor = self.query_one(KREditor)
        editor.show_list(self.form.krs, self.kr_index)
        editor.load(self.form.krs[self.kr_index])
        self.query_one("#kr-add", Button).disabled = len(self.form.krs) >= d.MAX_KRS
        self.query_one("#kr-remove", Button).disabled = len(self.form.krs) <= 1

    @on(OptionList.OptionHighlighted, "#kr-list")
    def _kr_picked(self, event: OptionList.OptionHighlighted) -> None:
        if self.ready and event.option_index != self.kr_index:
            self._show_kr(event.option_index)
            self._review_now()

    def action_other_kr(self, step: int) -> None:
        self._show_kr(self.kr_index + step)
        self._review_now()

    def action_add_kr(self) -> None:
        if len(self.form.krs) >= d.MAX_KRS:
            self.app.notify(
                "Five key results is the most that keeps an objective focused.", timeout=4
            )
            return
        self.form.krs.append(d.KRForm())
        self._show_kr(len(self.form.krs) - 1)
        self.query_one("#kr-text", Input).focus()
        self._changed()

    def action_remove_kr(self) -> None:
        if len(self.form.krs) <= 1:
            return
        del self.form.krs[self.kr_index]
        self._show_kr(self.kr_index)
        self._changed()

    def _rewrite(self) -> str | None:
        panel = self.query_one(CoachPanel)
        return d.rewrite_text(panel.note.rewrite) if panel.note else None

    def action_apply_rewrite(self) -> None:
        outcome = self._rewrite()
        if outcome is None:
            return
        self.query_one("#kr-text", Input).value = outcome
        self.query_one("#kr-text", Input).focus()
        self.app.notify("Replace X, N and M with your own outcome and numbers.", timeout=5)

    def action_learning_kr(self) -> None:
        ideas = d.learning_suggestions(self.form.title)
        idea = ideas[self._learning_pick % len(ideas)]
        self._learning_pick += 1
        self.query_one("#kr-text", Input).value = idea

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
    def _show_errors(self, errors: dict[str, str]) -> None:
        """Inline messages beside the fields they concern; the first bad field gets focus."""
        was_empty = not self.errors
        self.errors = errors
        found: dict[str, list[str]] = {
            place: []
            for place in (
                "#title-error",
                "#owner-error",
                "#conf-error",
                "#kr-error",
                "#review-error",
            )
        }
        for key, message in errors.items():
            place = f"#{key}-error" if key in ("title", "owner") else "#review-error"
            if key.endswith(".confidence"):
                place = "#conf-error" if self.step == 3 else "#review-error"
            elif key.startswith("kr"):
                place = "#kr-error" if self.step == KR_STEP else "#review-error"
            found[place].append(message)
        for place, messages in found.items():
            self.query_one(place, Static).update(safe("\n".join(messages)))
        self.query_one("#owner-error").set_class(bool(found["#owner-error"]), "-shown")
        index_bad = {key.split(".")[1] for key in errors if key.startswith(f"kr{self.kr_index}.")}
        self.query_one("#title", Input).set_class("title" in errors, "-bad")
        self.query_one("#owner", Input).set_class("owner" in errors, "-bad")
        for name in ("text", "baseline", "target", "unit"):
            self.query_one(f"#kr-{name}", Input).set_class(name in index_bad, "-bad")
        for index in range(d.MAX_KRS):
            self.query_one(f"#conf-{index}", Input).set_class(
                f"kr{index}.confidence" in errors, "-bad"
            )
        if errors and was_empty:
            self._focus_error(errors)

    def _focus_error(self, errors: dict[str, str]) -> None:
        key = next(iter(errors))
        if key.startswith("kr") and key != "krs":
            index = int(key[2 : key.index(".")])
            field = key.split(".")[1]
            if field == "confidence":
                self.query_one(f"#conf-{index}", Input).focus()
                return
            if self.step == KR_STEP:
                self._show_kr(index)
                self.query_one(f"#kr-{field}", Input).focus()
            return
        target = FOCUS_OF.get(key)
        if target and self.step in (0, KR_STEP):
            self.query_one(target).focus()

    # --- the coach --------------------------------------------------------------------
    def _schedule_review(self) -> None:
        """Read now if the coach is idle; otherwise once the current reading lands.

        Bursts of typing collapse into one trailing reading, and a lone keystroke is
        read at once, without a fixed delay.
        """
        if self._in_flight:
            self._review_again = True
        else:
            self._review_now()

    def _review_now(self) -> None:
        if not self.ready:
            return
        self._review_seq += 1
        self._in_flight += 1
        self._review(self._review_seq, self.step, self.kr_index, copy.deepcopy(self.form))

    @work(thread=True, group="wizard-coach")
    def _review(self, seq: int, step: int, kr_index: int, form: d.DraftForm) -> None:
        if step == 0:
            note = d.coach_objective(form)
        elif step == 1:
            note = d.coach_goal_type(form)
        elif step == KR_STEP:
            note = d.coach_kr(form, kr_index)
        elif step == 3:
            note = d.coach_ambition(form)
        else:
            note = d.coach_review(form)
        self.app.call_from_thread(self._show_note, seq, note)

    def _show_note(self, seq: int, note: d.CoachNote) -> None:
        self._in_flight -= 1
        if not self.is_mounted:
            return
        if seq == self._review_seq:
            self.query_one(CoachPanel).show(note)
            if self.step == KR_STEP:
                self.refresh_bindings()
        if self._review_again and not self._in_flight:
            self._review_again = False
            self._review_now()

    # --- drafts and saving ------------------------------------------------------------
    def _autosave_now(self) -> None:
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        if self.ready and self.dirty and not self.finished:
            self._autosave(copy.deepcopy(self.form), self.step)

    @work(thread=True, group="wizard-draft")
    def _autosave(self, form: d.DraftForm, step: int) -> None:
        self._write_draft(form, step)

    def _write_draft(self, form: d.DraftForm, step: int) -> None:
        from okrcoach.store import StoreError

        store = self.app.store
        with self._write_lock:
            if self.finished or store is None:
                return
            try:
                d.autosave(store, self.draft_id, form, step, self.objective_id)
            except StoreError as error:
                self.app.call_from_thread(
                    self.app.notify,
                    f"Could not keep the draft: {error}",
                    severity="warning",
                    markup=False,
                )

    def on_unmount(self) -> None:
        """Quitting mid-wizard: write what is on screen now, so nothing is lost."""
        if self.ready and self.dirty and not self.finished:
            from okrcoach.store import StoreError

            store = self.app.store
            if store is not None:
                with self._write_lock, contextlib.suppress(StoreError):
                    d.autosave(store, self.draft_id, self.form, self.step, self.objective_id)

    def action_save(self) -> None:
        self._save(ObjectiveStatus.ACTIVE)

    def action_save_draft(self) -> None:
        self._save(ObjectiveStatus.DRAFT)

    def _save(self, status: ObjectiveStatus) -> None:
        if not self.ready or self.finished:
            return
        errors, step = d.save_errors(self.form, status)
        if errors:
            if step != self.step:
                self._show_step(step)
            self.errors = {}
            self._show_errors(errors)
            self.app.notify(next(iter(errors.values())), title="Not saved yet", severity="warning")
            return
        self._write(copy.deepcopy(self.form), status)

    @work(thread=True, exclusive=True, group="wizard-save")
    def _write(self, form: d.DraftForm, status: ObjectiveStatus) -> None:
        from okrcoach.store import StoreError

        store = self.app.store
        if store is None:
            return
        with self._write_lock:
            try:
                result = d.save_objective(
                    store,
                    form,
                    status=status,
                    today=self.app.today,
                    objective_id=self.objective_id,
                    draft_id=self.draft_id,
                    cycle_length=self._cycle_length(),
                )
            except d.FormInvalid as invalid:
                self.app.call_from_thread(self._show_errors, invalid.errors)
                return
            except StoreError as error:
                self.app.call_from_thread(
                    self.app.notify,
                    f"Not saved: {error} Your text is still here; try again.",
                    title="Could not save",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
                return
            self.finished = True
        self.app.call_from_thread(self._saved, result, form, status)

    def _saved(self, result: d.SaveResult, form: d.DraftForm, status: ObjectiveStatus) -> None:
        what = "Saved as a draft" if status is ObjectiveStatus.DRAFT else "Saved"
        message = f"{what}: {form.title.strip()}"
        if result.next_objective_id:
            message += "\nIts performance objective waits as a draft in the next cycle."
        self.app.notify(message, title="Objective saved", markup=False)
        self.dismiss(result.objective_id)

    def _cycle_length(self) -> str:
        settings = getattr(self.app, "settings", None)
        return getattr(settings, "cycle_length", "quarter")

    def action_cancel(self) -> None:
        if self.finished:
            return
        if self.form.is_empty() and not self.objective_id:
            self._leave(keep=False)
            return
        title = self.form.title.strip() or "this objective"
        self.app.push_screen(LeaveModal(title, bool(self.objective_id)), self._leave_chosen)

    def _leave_chosen(self, choice: str | None) -> None:
        if choice == "keep":
            self._leave(keep=True)
            self.app.notify("Kept as a draft: you will be offered to resume it.", timeout=4)
        elif choice == "discard":
            self._leave(keep=False)

    def _leave(self, keep: bool) -> None:
        """Write or delete the draft in an app worker (it outlives this screen), then go."""
        self.finished = True
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        form, step = copy.deepcopy(self.form), self.step
        self.app.run_worker(
            lambda: self._final_draft(form, step, keep), thread=True, group="wizard-leave"
        )
        self.dismiss(None)

    def _final_draft(self, form: d.DraftForm, step: int, keep: bool) -> None:
        from okrcoach.store import StoreError

        store = self.app.store
        if store is None:
            return
        with self._write_lock:
            try:
                if keep:
                    d.autosave(store, self.draft_id, form, step, self.objective_id)
                else:
                    store.delete(Draft, self.draft_id)
            except StoreError as error:
                self.app.call_from_thread(
                    self.app.notify, f"Could not update the draft: {error}", markup=False
                )

    def palette_commands(self) -> Iterable[PaletteCommand]:
        yield ("Wizard: next step", "Check this step and go on", self.action_next)
        yield ("Wizard: back", "Go to the previous step", self.action_back)
        yield ("Wizard: save", "Save the objective as active", self.action_save)
        yield ("Wizard: save as draft", "Save it with status draft", self.action_save_draft)
        yield ("Wizard: add a key result", "Add a key result (up to five)", self.action_add_kr)
        yield ("Wizard: leave", "Keep the draft for later or discard it", self.action_cancel)
