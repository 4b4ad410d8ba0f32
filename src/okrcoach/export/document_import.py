"""Bringing an OKR document into a cycle: the same reading and review as ``lint``, one save."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from okrcoach.domain.models import Cycle, Record
from okrcoach.export.document_review import LineFinding, PlannedObjective, plan_document
from okrcoach.export.documents import OkrDocument
from okrcoach.export.errors import ExportError


@dataclass(frozen=True)
class DocumentPlan:
    cycle: Cycle
    new_cycle: bool  # the cycle does not exist yet and is saved with the import
    objectives: list[PlannedObjective]

    def records(self) -> list[Record]:
        found: list[Record] = [self.cycle] if self.new_cycle else []
        for planned in self.objectives:
            if planned.objective is not None:
                found += [planned.objective, *planned.key_results]
        return found


def orphan_lines(document: OkrDocument) -> list[int]:
    """Lines of key results with no objective above them: they cannot be imported."""
    return [o.key_results[0].line for o in document.objectives if o.title is None]


def choose_cycle(store: object, wanted: str | None, today: date, length: str) -> tuple[Cycle, bool]:
    """The named cycle, or the one holding today (a new calendar period when there is none)."""
    from okrcoach.export.snapshot import find_cycle

    cycles = store.cycles()  # type: ignore[attr-defined]
    if wanted:
        return find_cycle(cycles, wanted), False
    for cycle in cycles:
        if cycle.contains(today):
            return cycle, False
    return Cycle.for_period(today, length), True


def plan_import(
    store: object, document: OkrDocument, wanted: str | None, today: date, length: str
) -> DocumentPlan:
    if document.problems:
        raise ExportError(document.problems[0].text)
    orphans = orphan_lines(document)
    if orphans:
        where = ", ".join(str(n) for n in orphans)
        raise ExportError(
            f"the key results on line {where} have no objective above them; "
            "put the objective they serve as a heading above them."
        )
    cycle, new = choose_cycle(store, wanted, today, length)
    existing = 0 if new else len(store.objectives(cycle.id, include_archived=True))  # type: ignore[attr-defined]
    return DocumentPlan(cycle, new, plan_document(document, cycle.id, existing))


def findings_by_line(findings: list[LineFinding]) -> dict[int, list[LineFinding]]:
    grouped: dict[int, list[LineFinding]] = {}
    for finding in findings:
        grouped.setdefault(finding.line, []).append(finding)
    return grouped
