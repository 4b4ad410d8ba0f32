"""Finishing a retrospective, autosaving it on the way and leaving it (nothing typed is lost)."""

from __future__ import annotations

from typing import Any

from textual import work

from okrcoach.domain.models import Retrospective
from okrcoach.services import retros as r
from okrcoach.tui.autosave import Autosaver
from okrcoach.tui.screens.background import WAITING, retry_while_away
from okrcoach.tui.screens.retro.steps import RetroStep


class FinishingMixin:  # a Screen at runtime: app, notify, dismiss and _show_step are its
    """Mixed into the retro screen; ``scope``, ``retro``, ``keeper`` and ``step`` are its."""

    scope: r.Scope | None
    retro: Retrospective | None
    step: int
    saved: bool
    applied: list[str]
    keeper: Autosaver[tuple[Retrospective, int]]

    def _finish(self) -> None:
        assert self.scope is not None and self.retro is not None
        self.keeper.cancel()
        self._run_finish(self.scope, self.retro)

    @work(thread=True, exclusive=True, group="retro-finish")
    def _run_finish(self, scope: r.Scope, retro: Retrospective) -> None:
        from okrcoach.store import StoreError

        store = self.app.store
        if store is None:
            return

        def waiting(error: Exception) -> None:
            self.app.call_from_thread(
                self.notify,
                f"Not finished yet: {error} {WAITING}",
                title="Waiting for the team store",
                severity="warning",
                timeout=10,
                markup=False,
            )

        with self.keeper.writing():
            try:
                went, applied = retry_while_away(
                    self,  # type: ignore[arg-type]
                    lambda: r.finish(store, scope, retro),
                    waiting,
                )
            except (StoreError, LookupError, ValueError) as error:
                self.app.call_from_thread(
                    self.notify, str(error), title="Not saved", severity="error", markup=False
                )
                return
            if not went or applied is None:
                return  # the screen was left, or the app quit, while waiting
            self.finished = True
        self.app.call_from_thread(self._finished, applied)

    def _finished(self, applied: r.Applied) -> None:
        self.retro = applied.retro
        self.applied = applied.lines
        self.saved = True
        self.step = RetroStep.SUMMARY
        self._show_step()
        self.notify("Retrospective saved. Press x to export it.", title="Finished")

    # --- autosave ---------------------------------------------------------------------
    def _changed(self) -> None:
        self.keeper.changed()

    def _snapshot(self) -> tuple[Retrospective, int] | None:
        return None if self.retro is None else (self.retro, self.step)

    @staticmethod
    def _keep_progress(store: Any, kept: tuple[Retrospective, int]) -> None:
        retro, step = kept
        r.save_progress(store, retro, step)

    @property
    def finished(self) -> bool:
        return self.keeper.finished

    @finished.setter
    def finished(self, value: bool) -> None:
        self.keeper.finished = value

    @property
    def dirty(self) -> bool:
        return self.keeper.dirty

    def on_unmount(self) -> None:
        """Quitting mid-retro: write what is on screen now, so nothing is lost."""
        self.keeper.flush()

    def action_leave(self) -> None:
        self.keeper.now()
        keep = self.saved or self.keeper.kept or self.dirty
        self.dismiss(self.retro.id if self.retro is not None and keep else None)
