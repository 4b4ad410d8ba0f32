"""Ambition comments in plain words: sandbagging, unsure commitments, moonshots."""

from __future__ import annotations

from okrcoach.coach import Finding, Severity
from okrcoach.domain.models import Commitment
from okrcoach.domain.numbers import change_words
from okrcoach.services.drafting.form import KRForm, parse_number


def finding(rule_id: str, severity: Severity, message: str, suggestion: str) -> Finding:
    """One coach finding, for notes the wizard adds to the coach's own."""
    return Finding(rule_id=rule_id, severity=severity, message=message, suggestion=suggestion)


SANDBAG_AT = 9

MOONSHOT_AT = 2

COMMITTED_UNSURE_AT = 4

HUGE_STRETCH = 4.0  # target at least this many times the baseline (or a tenth of it)


def stretch_factor(baseline: float | None, target: float | None) -> float | None:
    """How many times bigger (or smaller) the target is than the baseline."""
    if baseline is None or target is None or baseline <= 0 or target <= 0:
        return None
    return max(target / baseline, baseline / target)


def ambition_findings(commitment: str, kr: KRForm, index: int = 0) -> list[Finding]:
    """Sandbagging, a committed KR nobody believes in, and moonshots, in plain words."""
    label = f"Key result {index + 1}"
    raw = kr.confidence.strip()
    confidence = int(raw) if raw.isdigit() and int(raw) <= 10 else None
    aspirational = commitment == Commitment.ASPIRATIONAL.value
    found: list[Finding] = []
    if aspirational and confidence is not None and confidence >= SANDBAG_AT:
        found.append(
            finding(
                "ambition.sandbag",
                Severity.WARNING,
                f"{label}: {confidence}/10 on an aspirational key result looks like sandbagging.",
                "Raise the target until you are about 5/10 sure: aspirational goals are meant "
                "to land around 0.6–0.7.",
            )
        )
    if (
        not aspirational
        and confidence is not None
        and MOONSHOT_AT < confidence <= COMMITTED_UNSURE_AT
    ):
        found.append(
            finding(
                "ambition.committed-unsure",
                Severity.WARNING,
                f"{label}: committed, yet only {confidence}/10 sure.",
                "A committed key result is one you expect to meet in full: lower the target or "
                "make the objective aspirational.",
            )
        )
    if confidence is not None and confidence <= MOONSHOT_AT:
        found.append(
            finding(
                "ambition.moonshot",
                Severity.WARNING,
                f"{label}: at {confidence}/10 this is a moonshot.",
                "Keep it if missing it will still teach you a lot; otherwise pick a target you "
                "can reach at least halfway.",
            )
        )
    try:
        baseline, target = parse_number(kr.baseline), parse_number(kr.target)
    except ValueError:
        baseline = target = None
    factor = stretch_factor(baseline, target)
    size = change_words(baseline, target)
    if factor is not None and factor >= HUGE_STRETCH and size:
        found.append(
            finding(
                "ambition.huge-stretch",
                Severity.INFO,
                f"{label}: the target is {size}, a huge stretch for one cycle.",
                "Check it is reachable in a cycle, or split it into a first step now and the "
                "rest next cycle.",
            )
        )
    return found
