"""What the coach panel says about each step of the form."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from okrcoach.coach import (
    Finding,
    Severity,
    classify_goal,
    review_key_result,
    review_objective,
)
from okrcoach.coach.prompts import (
    LEARN_FIRST_HINT,
    LEARN_FIRST_QUESTION,
    LEARNING_KR_TEMPLATES,
    MATURITY_ADVICE,
)
from okrcoach.domain.models import Commitment, GoalType, Maturity
from okrcoach.domain.text import clean_line
from okrcoach.services.drafting.ambition import ambition_findings, finding
from okrcoach.services.drafting.form import DraftForm, learn_first_applies, parse_number
from okrcoach.services.drafting.outcome import is_task
from okrcoach.services.drafting.readiness import readiness


@dataclass
class CoachNote:
    """What the coach panel shows: a heading, a score, findings and extra lines."""

    heading: str
    score: int | None = None
    findings: list[Finding] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    rewrite: str | None = None


def coach_objective(form: DraftForm) -> CoachNote:
    review = review_objective(form.title, why=form.why, has_parent=bool(form.parent_id))
    return CoachNote("The objective", review.score, list(review.findings))


def coach_goal_type(form: DraftForm) -> CoachNote:
    reading = classify_goal(form.title, form.maturity)
    kind = reading.goal_type
    sure = round(reading.confidence * 100)
    if form.goal_type and form.goal_type != kind:
        # The user's pick (or a graduation) stands; the coach's reading is only a second view.
        lines = [
            f"This is a {form.goal_type} goal, as chosen.",
            f"From the title alone the coach would read it as {kind} ({sure}% sure):",
        ]
    else:
        lines = [f"The coach reads this as a {kind} goal ({sure}% sure):"]
    lines += [f"• {reason}" for reason in reading.reasons]
    if form.maturity:
        lines.append(MATURITY_ADVICE[Maturity(form.maturity)])
    findings: list[Finding] = []
    if learn_first_applies(form):
        findings.append(
            finding(
                "wizard.learn-first",
                Severity.WARNING,
                LEARN_FIRST_QUESTION,
                LEARN_FIRST_HINT + " Split it: learn this cycle, perform next cycle.",
            )
        )
    return CoachNote("Learning or performance?", None, findings, lines)


_EXAMPLE = re.compile(r"e\.g\. '(?P<example>[^']+)'\s*$")


def rewrite_text(rewrite: str | None) -> str | None:
    """The outcome-shaped example inside a rewrite scaffold, to put in place of the task."""
    match = _EXAMPLE.search(rewrite or "")
    return match.group("example") if match else None


def coach_kr(form: DraftForm, index: int) -> CoachNote:
    kr = form.krs[index]
    try:
        baseline, target = parse_number(kr.baseline), parse_number(kr.target)
    except ValueError:
        baseline = target = None
    explicit = "direction" not in kr.auto or baseline is not None or target is not None
    review = review_key_result(
        kr.text,
        baseline=baseline,
        target=target,
        direction=kr.direction if explicit and kr.direction else None,
        commitment=form.commitment,
        metric_kind=kr.metric_kind or None,
    )
    lines: list[str] = []
    if is_task([f.rule_id for f in review.findings]):
        lines.append("Not sure what to measure? ctrl+y: three questions make it a key result.")
    if form.chosen_goal_type() is GoalType.LEARNING:
        lines.append("Learning-shaped key results you could use (ctrl+t puts one in):")
        lines += [f"• {s}" for s in learning_suggestions(form.title)[:3]]
    return CoachNote(
        f"Key result {index + 1} of {len(form.krs)}",
        review.score,
        list(review.findings),
        lines,
        review.rewrite,
    )


def coach_ambition(form: DraftForm) -> CoachNote:
    findings: list[Finding] = []
    for index, kr in form.filled_krs():
        findings += ambition_findings(form.commitment, kr, index)
    lines = [
        "Committed: you expect to meet it in full."
        if form.commitment == Commitment.COMMITTED.value
        else "Aspirational: about 0.6–0.7 of the way is a good result."
    ]
    if not findings:
        lines.append("Confidence is how sure you are today, 0–10; 5 means a real stretch.")
    return CoachNote("How ambitious?", None, findings, lines)


def coach_review(form: DraftForm) -> CoachNote:
    """The review step: the score and problems ``readiness`` gives, plus ambition notes."""
    ready = readiness(form)
    findings = list(ready.findings)
    for index, kr in form.filled_krs():
        findings += ambition_findings(form.commitment, kr, index)
    return CoachNote("The whole objective", ready.score, findings)


_LEAD = re.compile(
    r"^(?:(?:learn|learning)\s+(?:how\s+)?(?:to\s+)?|get\s+better\s+at\s+|become\s+"
    r"(?:a\s+)?(?:confident|comfortable|fluent|good)\s+(?:in|at|with)\s+|"
    r"(?:build|develop|improve|grow)\s+(?:my|our)\s+|understand\s+|explore\s+|practi[sc]e\s+|master\s+)",
    re.I,
)


def skill_of(title: str) -> str:
    """'Learn to run user interviews' -> 'running user interviews'-ish: the skill's words."""
    text = clean_line(title).rstrip(" .!")
    stripped = _LEAD.sub("", text).strip()
    return (stripped or text or "the skill")[:1].lower() + (stripped or text or "the skill")[1:]


def learning_suggestions(title: str) -> list[str]:
    """Learning-shaped key results for the objective's skill (coach/prompts.py templates)."""
    skill = skill_of(title)
    filled = []
    for template in LEARNING_KR_TEMPLATES:
        filled.append(
            template.format(
                skill=skill,
                n=5,
                from_=3,
                to=7,
                hypothesis=f"weekly practice makes {skill} feel routine",
            )
        )
    return filled
