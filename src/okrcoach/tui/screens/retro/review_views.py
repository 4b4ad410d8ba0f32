"""The retro's later steps: ambition calibrated across cycles, decisions, the summary page."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Markdown, Select, Static

from okrcoach.domain.models import Retrospective
from okrcoach.domain.retro import (
    ambition_verdict,
    average,
    bar,
    committed_met,
    graduation_candidates,
)
from okrcoach.services import retros as r
from okrcoach.tui.safe import safe
from okrcoach.tui.screens.retro import steps


class ReviewViewsMixin:  # a Screen at runtime: query_one and _set are its
    """Mixed into the retro screen; ``scope``, ``retro``, ``past`` and ``applied`` are its."""

    scope: r.Scope | None
    retro: Retrospective | None
    past: list[r.CyclePoint]
    applied: list[str]

    def _points(self) -> list[r.CyclePoint]:
        assert self.scope is not None and self.retro is not None
        return r.with_current(self.past, self.scope, self.retro)

    def _show_calibration(self) -> None:
        assert self.scope is not None and self.retro is not None
        points = self._points()
        if points:
            rows = ["[b]Average score by cycle[/b]"]
            for point in points:
                tag = "  ← this cycle" if point.current else ""
                rows.append(
                    f"{safe(point.name)[:12]:<12} {bar(point.average)} {point.average:.2f}{tag}"
                )
            if len(points) == 1:
                rows.append("[$text-muted]Past cycles appear here after their retrospectives.[/]")
        else:
            rows = ["No scores yet: there is nothing to compare."]
        self.query_one("#chart", Static).update("\n".join(rows))
        verdict = ambition_verdict([p.average for p in points])
        self.query_one("#verdict", Static).update(f"Coach: {safe(verdict.message)}")
        met, total = committed_met(self.retro.scores, r.commitments(self.scope))
        if total:
            line = f"Committed key results met in full: {met} of {total}."
            if met < total:
                line += " A committed goal is a promise: find what got in the way first."
        else:
            line = "No committed key results this time."
        self.query_one("#committed", Static).update(line)

    def _show_decisions(self) -> None:
        assert self.scope is not None and self.retro is not None
        decisions = r.default_decisions(self.scope, self.retro)
        outcomes = r.outcomes_of(self.retro)
        grouped = r.scores_by_objective(self.scope, self.retro)
        ready = {o.id for o in graduation_candidates(self.scope.objectives, grouped, outcomes)}
        for index, objective in enumerate(self.scope.objectives):
            decision = decisions[index]
            select = self.query_one(f"#action-{index}", Select)
            if select.value != decision.action.value:
                select.value = decision.action.value
            note = self.query_one(f"#dnote-{index}", Input)
            if note.value != decision.note:
                note.value = decision.note
            mean = average(grouped.get(objective.id, []))
            hint = "no key results scored" if mean is None else f"average score {mean:.2f}"
            if objective.id in ready:
                hint += ": the learning worked; graduate it into a performance goal next cycle?"
            self.query_one(f"#hint-{index}", Static).update(f"↳ {hint}")
        self._set(decisions=decisions)

    def _page(self) -> Any:
        from okrcoach.export.retro_markdown import RetroPage

        assert self.scope is not None and self.retro is not None
        points = self._points()
        verdict = ambition_verdict([p.average for p in points]).message if points else ""
        return RetroPage(
            title=self.scope.label,
            objectives=self.scope.objectives,
            krs=self.scope.krs,
            outcomes=r.outcomes_of(self.retro),
            history=[(p.name, p.average) for p in points],
            verdict=verdict,
        )

    def _show_summary(self) -> None:
        from okrcoach.export.retro_markdown import render_retro

        assert self.retro is not None
        self.query_one("#applied", Static).update(steps.summary_text(self.applied))
        self.query_one(Markdown).update(render_retro(self.retro, self._page()))
