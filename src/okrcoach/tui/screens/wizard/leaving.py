"""Saving the objective for good, and leaving the wizard (keeping or discarding the draft)."""

from __future__ import annotations

import copy
from typing import Any

from textual import work

from okrcoach.domain.models import Draft, ObjectiveStatus
from okrcoach.services import drafting as d
from okrcoach.tui.autosave import Autosaver
from okrcoach.tui.screens.background import WAITING, retry_while_away
from okrcoach.tui.screens.wizard.modals import LeaveModal
from okrcoach.tui.workspace import passing_errors


class SaveLeaveMixin:  # a Screen at runtime: app, dismiss, _show_step, _show_errors are its
    """Mixed into the wizard screen; ``form``, ``keeper`` and ``step`` are the screen's."""

    form: d.DraftForm
    keeper: Autosaver[Any]
    step: int
    ready: bool
    draft_id: str
    objective_id: str | None
    opened_version: int | None  # the edited objective's version when the form was filled
    errors: d.Errors

    @property
    def finished(self) -> bool:
        return self.keeper.finished

    def action_save(self) -> None:
        self._save(ObjectiveStatus.ACTIVE)

    def action_save_draft(self) -> None:
        self._save(ObjectiveStatus.DRAFT)

    def _save(self, status: ObjectiveStatus) -> None:
        if not self.ready or self.finished:
            return
        errors, step = d.save_blockers(self.form, status)
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

        app: Any = self.app
        store = app.store
        if store is None:
            return

        def save() -> d.SaveResult:
            return d.save_objective(
                store,
                form,
                status=status,
                today=app.today,
                objective_id=self.objective_id,
                draft_id=self.draft_id,
                cycle_length=self._cycle_length(),
                opened_version=self.opened_version,
            )

        def waiting(error: Exception) -> None:
            app.call_from_thread(
                app.notify,
                f"Not saved yet: {error} {WAITING}",
                title="Waiting for the team store",
                severity="warning",
                timeout=10,
                markup=False,
            )

        with self.keeper.writing():
            try:
                went, result = retry_while_away(self, save, waiting)  # type: ignore[arg-type]
            except d.FormInvalid as invalid:
                app.call_from_thread(self._show_errors, invalid.errors)
                return
            except StoreError as error:
                settled = isinstance(error, passing_errors())  # refused or changed by someone
                again = (
                    " Your text is still here."
                    if settled
                    else (" Your text is still here; try again.")
                )
                app.call_from_thread(
                    app.notify,
                    f"Not saved: {error}{again}",
                    title="Could not save",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
                return
            if not went or result is None:
                return
            self.keeper.finished = True
        app.call_from_thread(self._saved, result, form, status)

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
        self.keeper.finished = True
        self.keeper.cancel()
        form, step = copy.deepcopy(self.form), self.step
        self.app.run_worker(
            lambda: self._final_draft(form, step, keep), thread=True, group="wizard-leave"
        )
        self.dismiss(None)

    def _final_draft(self, form: d.DraftForm, step: int, keep: bool) -> None:
        from okrcoach.store import StoreError

        app: Any = self.app
        store = app.store
        if store is None:
            return
        with self.keeper.writing():
            try:
                if keep:
                    d.autosave(store, self.draft_id, form, step, self.objective_id)
                else:
                    store.delete(Draft, self.draft_id)
            except StoreError as error:
                app.call_from_thread(
                    app.notify, f"Could not update the draft: {error}", markup=False
                )
