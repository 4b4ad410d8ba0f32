"""Changes to the selected objective from the dashboard: archive, trash, undo, carry over."""

from __future__ import annotations

from typing import Any

from okrcoach.tui.screens.background import run_in_background


class ObjectiveChangesMixin:  # a Screen at runtime: notify, reload, app and selection are its
    """Mixed into the dashboard; ``data`` and ``last_change`` are the screen's."""

    data: Any
    last_change: Any
    store: Any  # the workspace the screen was given (LoadsFromStore)

    def action_reopen(self) -> None:
        if self.store is not None and self.store.read_only:
            self.notify("This window is read-only: changes cannot be saved.")
            return
        if self.data is None or not self.data.locked:
            self.notify("This cycle is open already.")
            return
        from okrcoach.services.objectives import reopen_cycle

        cycle_id = self.data.portfolio.cycle.id

        def done(cycle: Any) -> None:
            self.reopened.add(cycle.id)
            self.notify(f"Reopened {cycle.name}: changes are allowed again.", markup=False)
            self.reload()

        run_in_background(self, lambda store: reopen_cycle(store, cycle_id), done)

    def _apply(self, verb_call: Any) -> None:
        row = self._need_selection()
        if row is None or not self._writable() or not self._mine(row):
            return

        def done(change: Any) -> None:
            self.last_change = change
            self.notify(
                f"{change.title!r} {change.verb}. Press u to undo.", markup=False, timeout=6
            )
            self.reload()

        objective_id = row.id
        run_in_background(self, lambda store: verb_call(store, objective_id), done)

    def action_archive(self) -> None:
        from okrcoach.services import objectives

        row = self.selected()
        if row is not None and row.objective.archived:
            self._apply(objectives.unarchive)
        else:
            self._apply(objectives.archive)

    def action_delete(self) -> None:
        from okrcoach.services import objectives

        self._apply(objectives.delete)

    def action_undo(self) -> None:
        change = self.last_change
        if change is None:
            self.notify("Nothing to undo.")
            return
        from okrcoach.services.objectives import undo

        def done(_: object) -> None:
            self.last_change = None
            self.notify(f"Undone: {change.title!r} is back as it was.", markup=False)
            self.reload()

        run_in_background(self, lambda store: undo(store, change), done)

    def action_carry_over(self) -> None:
        row = self._need_selection()
        if row is None or not self._mine(row):
            return
        from okrcoach.services.objectives import carry_over

        if self.store is not None and self.store.read_only:
            self.notify("This window is read-only: changes cannot be saved.")
            return
        objective_id = row.id

        def done(result: Any) -> None:
            copy, cycle = result
            self.notify(
                f"Carried {copy.title!r} over to {cycle.name}, starting from its last values.",
                markup=False,
                timeout=6,
            )
            self.reload()

        run_in_background(self, lambda s: carry_over(s, objective_id), done)
