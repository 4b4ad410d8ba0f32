"""Exporting a finished retrospective to Markdown, asking before replacing a file."""

from __future__ import annotations

from textual import work

from okrcoach.domain.models import Retrospective
from okrcoach.services import retros as r
from okrcoach.tui.screens.background import today_of
from okrcoach.tui.screens.retro.modals import ExportModal, ReplaceModal


class ExportMixin:  # a Screen at runtime: app, notify and _page are its
    """Mixed into the retro screen; ``retro``, ``scope`` and ``finished`` are the screen's."""

    retro: Retrospective | None
    scope: r.Scope | None
    finished: bool

    def action_export(self) -> None:
        from okrcoach.export.retro_markdown import default_name

        if self.retro is None or self.scope is None or not self.finished:
            return
        suggested = f"exports/{default_name(self.scope.label, today_of(self))}"
        self.app.push_screen(ExportModal(suggested), self._export_to)

    def _export_to(self, path: str | None, force: bool = False) -> None:
        if path is None or self.retro is None or self.scope is None:
            return
        from okrcoach.export.retro_markdown import render_retro

        text = render_retro(self.retro, self._page())
        self._write_export(text, path, force)

    @work(thread=True, exclusive=True, group="retro-export")
    def _write_export(self, text: str, path: str, force: bool) -> None:
        from okrcoach.export.errors import ExportError, TargetExistsError
        from okrcoach.export.retro_markdown import export_retro

        assert self.scope is not None
        try:
            written = export_retro(
                text,
                self.app.paths.data_dir,
                self.scope.label,
                today_of(self),
                path,
                force=force,
            )
        except TargetExistsError as error:
            self.app.call_from_thread(self._ask_replace, str(error), path)
            return
        except (ExportError, OSError) as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Not exported", severity="error", markup=False
            )
            return
        self.app.call_from_thread(
            self.notify, f"Exported to {written}", title="Exported", markup=False
        )

    def _ask_replace(self, problem: str, path: str) -> None:
        if "symbolic link" in problem or "folder" in problem:
            self.notify(problem, title="Not exported", severity="error", markup=False)
            return
        first = problem.split(":")[0]

        def chosen(replace: bool | None) -> None:
            if replace:
                self._export_to(path, force=True)

        self.app.push_screen(ReplaceModal(first), chosen)
