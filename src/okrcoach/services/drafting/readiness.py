"""Whether the form can be saved, and the score the wizard shows: one answer, one place.

The review step's score and the save's checks both come from ``readiness``, so
the wizard can never show 100/100 for a form its save refuses: while anything
stops the save, the score is held at ``BLOCKED_SCORE_CAP`` and every reason is
listed as a problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from okrcoach.coach import Finding, Severity, review_set
from okrcoach.domain.models import ObjectiveStatus
from okrcoach.services.drafting.checks import Errors, save_errors
from okrcoach.services.drafting.form import DraftForm, Step
from okrcoach.services.drafting.records import preview

BLOCKED_SCORE_CAP = 50  # the most a form the save refuses can score


@dataclass(frozen=True)
class Readiness:
    """What stops a save with ``status`` (and the step to fix it on), and the score."""

    errors: Errors
    step: Step
    score: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def can_save(self) -> bool:
        return not self.errors


def save_blockers(form: DraftForm, status: ObjectiveStatus) -> tuple[Errors, Step]:
    """The save's checks alone (no coach reading), for a save about to happen."""
    return save_errors(form, status)


def readiness(form: DraftForm, status: ObjectiveStatus = ObjectiveStatus.ACTIVE) -> Readiness:
    """The save's checks and the coach's score of the whole objective, reconciled."""
    errors, step = save_blockers(form, status)
    objective, krs = preview(form)
    review = review_set(objective, krs)
    findings = list(review.findings) + list(review.objective_review.findings)
    for kr_review in review.kr_reviews:
        findings += kr_review.findings
    score = review.score
    if errors:
        score = min(score, BLOCKED_SCORE_CAP)
        blockers = [
            Finding(
                rule_id=f"wizard.cannot-save.{key}",
                severity=Severity.PROBLEM,
                message=message,
                suggestion="Fix this before saving; the score counts once nothing stops the save.",
            )
            for key, message in errors.items()
        ]
        findings = blockers + findings
    return Readiness(errors, step, score, findings)
