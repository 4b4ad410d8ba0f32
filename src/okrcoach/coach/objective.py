"""Review an objective: qualitative, short, a change rather than a task or the status quo."""

from __future__ import annotations

from pydantic import BaseModel

from okrcoach.coach import lexicon as lx
from okrcoach.coach.findings import Finding, score
from okrcoach.coach.kr import causes_state
from okrcoach.coach.rules import fire, quote
from okrcoach.coach.signals import read

MIN_WORDS = 3
MAX_WORDS = 15


class ObjectiveReview(BaseModel):
    text: str
    kind: str  # "outcome" | "task"
    score: int
    findings: list[Finding]


def review_objective(title: str, *, why: str = "", has_parent: bool = False) -> ObjectiveReview:
    """Review an objective's title, given its stated why and whether it has a parent."""
    sig = read(title or "")
    if not sig.tokens:
        finding = fire("obj.empty")
        return ObjectiveReview(text=title or "", kind="task", score=0, findings=[finding])
    findings: list[Finding] = []
    classes = sig.lead_classes
    doing = bool(classes & {"delivery", "effort"}) and "learning" not in classes
    task = (
        (doing and not sig.metric_nouns and not causes_state(sig))
        or bool(sig.done_state)
        or bool(sig.activity)
    )
    bau = sig.lead in lx.BAU_WORDS or (sig.tokens[0] in lx.BAU_WORDS)
    if task and not bau:
        findings.append(fire("obj.task", verb=quote(sig.lead or sig.done_state or "")))
    if bau:
        findings.append(fire("obj.bau", verb=quote(sig.tokens[0]).capitalize()))
    if sig.quantities:
        first = sig.quantities[0]
        findings.append(fire("obj.has-number", number=quote(sig.text[first.start : first.end])))
    count = len(sig.tokens)
    if count < MIN_WORDS:
        findings.append(fire("obj.too-short"))
    elif count > MAX_WORDS:
        findings.append(fire("obj.too-long", count=str(count)))
    if not why.strip() and not has_parent:
        findings.append(fire("obj.no-why"))
    return ObjectiveReview(
        text=sig.text,
        kind="task" if task else "outcome",
        score=score(findings),
        findings=findings,
    )
