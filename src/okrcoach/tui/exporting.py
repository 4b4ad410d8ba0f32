"""Exporting from the app: the dialog, the write in a worker, and asking before replacing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work

if TYPE_CHECKING:
    from okrcoach.tui.screens.export_dialog import ExportRequest


class ExportActionsMixin:  # an OkrApp at runtime
    """``action_export``: the workspace, or the cycle on screen, to a file the user names."""

    store: Any
    today: date | None

    def action_export(self) -> None:
        """Export the workspace (or the cycle on screen) to a file the user names."""
        from okrcoach.tui.screens.export_dialog import ExportModal

        if self.store is None:
            self.notify("Your workspace is still opening; try again in a moment.")
            return
        cycle = getattr(self.screen, "export_cycle_name", None)
        modal = ExportModal(
            cycle() if callable(cycle) else None, self.today or date.today(), Path.cwd()
        )
        self.push_screen(modal, self._export_chosen)

    def _export_chosen(self, request: object, force: bool = False) -> None:
        if request is not None:
            self._run_export(request, force)

    @work(thread=True, exclusive=True, group="export")
    def _run_export(self, request: ExportRequest, force: bool) -> None:
        from okrcoach.export import ExportError, TargetExistsError, export_to_file
        from okrcoach.store import StoreError

        try:
            written = export_to_file(self.store, request.fmt, request.path, request.cycle, force)
        except TargetExistsError as error:
            self.call_from_thread(self._ask_overwrite, request, str(error))
        except (ExportError, StoreError, OSError) as error:
            self.call_from_thread(
                self.notify, str(error), title="Export failed", severity="error", markup=False
            )
        else:
            self.call_from_thread(
                self.notify, f"Exported to {written}", title="Export", markup=False
            )

    def _ask_overwrite(self, request: ExportRequest, problem: str) -> None:
        from okrcoach.tui.safe import safe
        from okrcoach.tui.screens.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self._run_export(request, True)

        question = f"{safe(problem)}\n\nReplace it?"
        self.push_screen(ConfirmModal(question, yes="Replace (y)", no="Keep it (n)"), answered)
