"""What a review says: findings, their severity, and the score derived from them.

Score formula (the same for a KR, an objective, a set and a cycle):

    score = max(0, 100 - sum(WEIGHTS[finding.severity] for finding in findings))

with WEIGHTS = problem 35, warning 15, info 5. A set additionally starts from the
mean of its parts (see ``okrcoach.coach.sets``) before its own findings are taken off.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from operator import attrgetter

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    PROBLEM = "problem"


WEIGHTS: dict[Severity, int] = {Severity.INFO: 5, Severity.WARNING: 15, Severity.PROBLEM: 35}
_SEVERITY = attrgetter("severity")


class Finding(BaseModel):
    """One observation: which rule, how serious, what is wrong, what to do next."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    severity: Severity
    message: str
    suggestion: str


def score(findings: Iterable[Finding], start: float = 100.0) -> int:
    """``start`` minus the weight of each finding, floored at 0 and rounded."""
    total = start - sum(map(WEIGHTS.__getitem__, map(_SEVERITY, findings)))
    return max(0, min(100, round(total)))


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The most serious severity present, or None when there is nothing to say."""
    order = [Severity.INFO, Severity.WARNING, Severity.PROBLEM]
    levels = [order.index(f.severity) for f in findings]
    return order[max(levels)] if levels else None
