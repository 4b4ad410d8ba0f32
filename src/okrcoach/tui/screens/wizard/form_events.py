"""The wizard's widgets report changes; each becomes a change of the screen's ``DraftForm``.

Handlers go by Textual's naming convention (``on_input_changed``...) because
``@on`` only registers on classes Textual builds itself, not on a plain mixin.
"""

from __future__ import annotations

from textual.widgets import (
    Button,
    Checkbox,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    TextArea,
)

from okrcoach.services import drafting as d
from okrcoach.tui.autosave import Autosaver
from okrcoach.tui.screens.wizard.coach_reader import CoachReader
from okrcoach.tui.widgets.kr_form import KREditor

Step = d.Step


class FormEventsMixin:  # a Screen at runtime: query_one, prevent and the actions are its
    """Mixed into the wizard screen; ``form``, ``ready``, ``coach`` and ``keeper`` are its."""

    form: d.DraftForm
    ready: bool
    step: int
    kr_index: int
    errors: d.Errors
    asked_split: bool
    coach: CoachReader
    keeper: Autosaver[tuple[d.DraftForm, int]]

    def on_input_changed(self, event: Input.Changed) -> None:
        if not self.ready or event.value != event.input.value:
            return  # still loading, or news older than the field's value
        name = event.input.id or ""
        if name in ("title", "owner"):
            setattr(self.form, name, event.value)
        elif name.startswith("conf-"):
            self.form.krs[int(name.removeprefix("conf-"))].confidence = event.value
        self._changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "why":
            return
        if self.ready and event.text_area.text != self.form.why:
            self.form.why = event.text_area.text
            self._changed()

    def on_kreditor_changed(self, event: KREditor.Changed) -> None:
        if not self.ready:
            return
        kr = self.form.krs[self.kr_index]
        if event.field == "text":
            kr.text = event.value
            d.prefill(kr)
            event.editor.load(kr, only=tuple(kr.auto))
            event.editor.update_label(self.kr_index, kr)
        elif getattr(kr, event.field) == event.value:
            return
        else:
            d.typed(kr, event.field, event.value)
        self._changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "parent":
            return
        if not self.ready or event.value != event.select.value:
            return
        value = event.value
        self.form.parent_id = value if isinstance(value, str) else None
        self._changed()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
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

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id != "split" or not self.ready:
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
        if self.errors:
            self._show_errors(d.step_errors(self.form, self.step))
        self.coach.schedule()
        self.keeper.changed()
        self._refresh_kr_keys()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on: to the next field, or to the next step from the last one."""
        last = {"owner": Step.OBJECTIVE, "kr-target": Step.KEY_RESULTS}
        if last.get(event.input.id or "") == self.step:
            self.action_next()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
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

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "kr-list":
            return
        if self.ready and event.option_index != self.kr_index:
            self._show_kr(event.option_index)
            self._review_now()
