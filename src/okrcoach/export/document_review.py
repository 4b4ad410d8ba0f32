"""What the coach thinks of an OKR document, line by line, and the records it would import.

Each objective is reviewed with its key results as a set (``review_set``), so
``okrcoach lint FILE`` says what the wizard's coach panel would say. The values
of a key result (baseline, target, unit, direction) are read from its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from okrcoach.domain.models import TITLE_MAX, KeyResult, MetricKind, Objective
from okrcoach.domain.text import clean_line
from okrcoach.export.documents import DocLine, DocObjective, OkrDocument

_ORDER = {"problem": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class LineFinding:
    """One finding, pinned to the document line it is about."""

    line: int
    severity: str  # problem, warning or info
    message: str
    rule_id: str
    suggestion: str
    text: str  # the objective or key result the line holds

    def as_dict(self, file: str) -> dict[str, object]:
        return {
            "file": file,
            "line": self.line,
            "severity": self.severity,
            "rule_id": self.rule_id,
            "message": self.message,
            "suggestion": self.suggestion,
            "text": self.text,
        }


@dataclass(frozen=True)
class PlannedObjective:
    """An objective of the document as records, with where each came from and its score."""

    source: DocObjective
    objective: Objective | None
    key_results: list[KeyResult]
    score: int | None
    kr_scores: list[int]


def _title(text: str) -> str:
    return text[:TITLE_MAX]


def key_result_of(line: DocLine, objective_id: str, position: int) -> KeyResult:
    """A KR with the values its words give ("from 24 h to 4 h"); the title alone if they clash."""
    from okrcoach.coach import parse_metric

    guess = parse_metric(line.text)
    values: dict[str, object] = {
        "baseline": guess.baseline,
        "target": guess.target,
        "unit": clean_line(guess.unit)[:20],
    }
    if guess.direction is not None:
        values["direction"] = guess.direction
    if guess.metric_kind is not None:
        values["metric_kind"] = guess.metric_kind
    if guess.metric_kind is MetricKind.MILESTONE:
        values.update(baseline=None, target=None)
    base = {"objective_id": objective_id, "title": _title(line.text), "position": position}
    try:
        return KeyResult(**base, **values)
    except ValidationError:
        return KeyResult(**base)


def plan_document(
    document: OkrDocument, cycle_id: str, first_position: int = 0
) -> list[PlannedObjective]:
    """Records for every objective of the document (unsaved), each reviewed as a set."""
    from okrcoach.coach import classify_goal, review_key_result, review_set

    planned: list[PlannedObjective] = []
    position = first_position
    for source in document.objectives:
        if source.title is None:
            scores = [review_key_result(k.text).score for k in source.key_results]
            planned.append(PlannedObjective(source, None, [], None, scores))
            continue
        title = _title(source.title.text)
        goal_type = classify_goal(title).goal_type
        objective = Objective(
            cycle_id=cycle_id,
            title=title,
            why=source.why[:4000],
            goal_type=goal_type,
            position=position,
        )
        position += 1
        krs = [key_result_of(k, objective.id, n) for n, k in enumerate(source.key_results)]
        review = review_set(objective, krs)
        planned.append(
            PlannedObjective(
                source, objective, krs, review.score, [r.score for r in review.kr_reviews]
            )
        )
    return planned


def _finding(line: DocLine, finding: object) -> LineFinding:
    return LineFinding(
        line=line.line,
        severity=str(getattr(finding, "severity", "info")),
        message=clean_line(getattr(finding, "message", "")),
        rule_id=str(getattr(finding, "rule_id", "")),
        suggestion=clean_line(getattr(finding, "suggestion", "")),
        text=line.text,
    )


def review_document(document: OkrDocument) -> list[LineFinding]:
    """Every finding of the document, by line; the document's own problems first."""
    from okrcoach.coach import review_key_result, review_set

    found = [
        LineFinding(p.line, "problem", p.text, "document.unreadable", "", "")
        for p in document.problems
    ]
    for planned in plan_document(document, "document"):
        source = planned.source
        if planned.objective is None:
            first = source.key_results[0]
            found.append(
                LineFinding(
                    first.line,
                    "warning",
                    "these key results have no objective above them",
                    "document.no-objective",
                    "Put the objective they serve as a heading (or a list item) above them.",
                    first.text,
                )
            )
            for line in source.key_results:
                found += [_finding(line, f) for f in review_key_result(line.text).findings]
            continue
        assert source.title is not None
        review = review_set(planned.objective, planned.key_results)
        found += [_finding(source.title, f) for f in review.objective_review.findings]
        found += [_finding(source.title, f) for f in review.findings]
        for line, kr_review in zip(source.key_results, review.kr_reviews, strict=True):
            found += [_finding(line, f) for f in kr_review.findings]
    unique: dict[tuple[int, str, str], LineFinding] = {}
    for item in found:
        unique.setdefault((item.line, item.rule_id, item.message), item)
    return sorted(unique.values(), key=lambda f: (f.line, _ORDER.get(f.severity, 3)))


def has_problem(findings: list[LineFinding]) -> bool:
    return any(f.severity == "problem" for f in findings)
