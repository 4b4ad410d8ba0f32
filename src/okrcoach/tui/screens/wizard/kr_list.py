"""The wizard's key-result step: which KR is being edited, adding, removing, suggestions."""

from __future__ import annotations

from textual.widgets import Button, Input

from okrcoach.services import drafting as d
from okrcoach.tui.widgets.coach_panel import CoachPanel
from okrcoach.tui.widgets.kr_form import KREditor


class KRListMixin:  # a Screen at runtime: query_one, app, _changed and _review_now are its
    """Mixed into the wizard screen; ``form``, ``kr_index`` and ``coach`` are the screen's."""

    form: d.DraftForm
    kr_index: int
    _learning_pick: int

    def _show_kr(self, index: int) -> None:
        self.kr_index = max(0, min(index, len(self.form.krs) - 1))
        editor = self.query_one(KREditor)
        editor.show_list(self.form.krs, self.kr_index)
        editor.load(self.form.krs[self.kr_index])
        self.query_one("#kr-add", Button).disabled = len(self.form.krs) >= d.MAX_KRS
        self.query_one("#kr-remove", Button).disabled = len(self.form.krs) <= 1

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

    def action_ask_outcome(self) -> None:
        """A task in the KR: three questions turn it into a complete key result."""
        from okrcoach.tui.screens.wizard.outcome_dialog import OutcomeDialog

        task = self.form.krs[self.kr_index].text
        self.app.push_screen(OutcomeDialog(task), self._outcome_chosen)

    def _outcome_chosen(self, kr: d.KRForm | None) -> None:
        if kr is None:
            return
        current = self.form.krs[self.kr_index]
        kr.id, kr.confidence = current.id, current.confidence
        self.form.krs[self.kr_index] = kr
        self._show_kr(self.kr_index)
        self._changed()
        self.app.notify(
            f"Key result {self.kr_index + 1} now says what changes. Keep the task in your plan.",
            timeout=5,
        )
