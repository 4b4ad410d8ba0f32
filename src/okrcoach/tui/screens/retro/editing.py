"""The retro's fields report changes; each becomes a change of the Retrospective record.

Handlers go by Textual's naming convention (``on_input_changed``...) because
``@on`` only registers on classes Textual builds itself, not on a plain mixin.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Checkbox, Input, Select, Static, TextArea

from okrcoach.domain.models import Decision, DecisionAction, RetroFormat, Retrospective
from okrcoach.domain.retro import (
    ACTIONS_KEY,
    ACTIONS_TO_DRAFTS_KEY,
    QUESTIONS,
    annotate,
    needs_explanation,
    outcome_key,
    parse_score,
)
from okrcoach.services import retros as r
from okrcoach.tui.safe import safe
from okrcoach.tui.screens.retro.steps import RetroStep


class RetroEditingMixin:  # a Screen at runtime: query_one, query, notify and _changed are its
    """Mixed into the retro screen; ``scope``, ``retro``, ``step`` and ``finished`` are its."""

    scope: r.Scope | None
    retro: Retrospective | None
    step: int
    finished: bool

    def _scores_ready(self) -> bool:
        """Committed KRs short of 1.0 need a word on why before moving on."""
        assert self.scope is not None and self.retro is not None
        missing = r.unexplained(self.scope, self.retro)
        error = self.query_one("#score-error", Static)
        if not missing:
            error.update("")
            return True
        names = ", ".join(f"'{safe(kr.title)}'" for kr in missing[:3])
        error.update(
            f"Committed key results below 1.0 need a word on what got in the way: {names}."
        )
        self.notify(
            "Committed key results below 1.0 need a word on what got in the way.",
            title="Say why first",
            severity="warning",
        )
        first = self.scope.all_krs.index(missing[0])
        self.query_one(f"#why-{first}", Input).focus()
        return False

    # --- changes ----------------------------------------------------------------------
    def _set(self, **changes: Any) -> None:
        if self.retro is None or self.finished:
            return
        updated = self.retro.model_copy(update=changes)
        if updated != self.retro:
            self.retro = updated
            self._changed()

    def _answer(self, key: str, text: str) -> None:
        if self.retro is None:
            return
        answers = dict(self.retro.answers)
        if text.strip():
            answers[key] = text
        else:
            answers.pop(key, None)
        self._set(answers=answers)

    def on_input_changed(self, event: Input.Changed) -> None:
        name = event.input.id or ""
        if name == "participants":
            self._set(participants=event.value)
        elif name.startswith(("score-", "why-")):
            self._score_changed(int(name.split("-")[1]))
        elif name.startswith("dnote-"):
            self._decision_changed(int(name.split("-")[1]))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        name = event.text_area.id or ""
        text = event.text_area.text
        if name.startswith("q-"):
            self._answer(QUESTIONS[int(name[2:])], text)
        elif name.startswith("a-"):
            self._answer(name[2:], text)
        elif name == "actions":
            self._answer(ACTIONS_KEY, text)

    def on_select_changed(self, event: Select.Changed) -> None:
        name = event.select.id or ""
        value = event.value
        if name == "format" and isinstance(value, str):
            fmt = RetroFormat(value)
            for box in self.query(".fmt"):
                box.display = box.has_class(f"fmt-{fmt.value}")
            self._set(format=fmt)
        elif name.startswith("outcome-") and self.scope is not None:
            index = int(name.split("-")[1])
            kr = self.scope.all_krs[index]
            self._answer(outcome_key(kr.id), value if isinstance(value, str) else "")
        elif name.startswith("action-"):
            self._decision_changed(int(name.split("-")[1]))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id != "actions-drafts":
            return
        self._answer(ACTIONS_TO_DRAFTS_KEY, "yes" if event.value else "")

    def _score_changed(self, index: int) -> None:
        if self.scope is None or self.retro is None:
            return
        kr = self.scope.all_krs[index]
        raw = self.query_one(f"#score-{index}", Input).value
        why = self.query_one(f"#why-{index}", Input).value
        try:
            value = parse_score(raw)
        except ValueError as error:
            note = self.query_one(f"#note-{index}", Static)
            note.update(f"[$error]{safe(str(error).capitalize())}.[/]")
            return
        self._set(scores=r.set_score(self.retro, kr.id, value, why).scores)
        self._show_note(index)

    def _show_note(self, index: int) -> None:
        assert self.scope is not None and self.retro is not None
        kr = self.scope.all_krs[index]
        objective = self.scope.objective_of(kr.id)
        given = next((s for s in self.retro.scores if s.kr_id == kr.id), None)
        if objective is None or given is None:
            return
        text = annotate(given.score, objective.commitment, objective.goal_type)
        asks = needs_explanation(given.score, objective.commitment) and not given.justification
        mark = " [$warning](needs a why)[/]" if asks else ""
        self.query_one(f"#note-{index}", Static).update(f"↳ {safe(text)}{mark}")

    def _decision_changed(self, index: int) -> None:
        if self.scope is None or self.retro is None or self.step != RetroStep.DECIDE:
            return  # a Select's first value on mount is not a decision
        objective = self.scope.objectives[index]
        action = self.query_one(f"#action-{index}", Select).value
        note = self.query_one(f"#dnote-{index}", Input).value
        if not isinstance(action, str):
            return
        decisions = [d for d in self.retro.decisions if d.objective_id != objective.id]
        decisions.insert(
            index, Decision(objective_id=objective.id, action=DecisionAction(action), note=note)
        )
        order = {o.id: i for i, o in enumerate(self.scope.objectives)}
        decisions.sort(key=lambda d: order.get(d.objective_id, len(order)))
        self._set(decisions=decisions)
