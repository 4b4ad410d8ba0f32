"""Objectives a coach would send back, and the words the coach gives for it."""

from __future__ import annotations

import pytest

from okrcoach.coach import Severity, review_objective
from okrcoach.coach.features import objective_evidence


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Amplify our brand to new heights", "to new heights"),
        ("Unlock the full potential of our platform", "unlock"),
        ("Transform finance for the future", "transform"),
        ("Live my healthiest, happiest life", "happiest life"),
    ],
)
def test_a_grand_claim_that_names_no_change_is_sent_back(text: str, claim: str) -> None:
    assert "grand" in objective_evidence(text)
    review = review_objective(text)
    problems = [f for f in review.findings if f.severity is Severity.PROBLEM]
    assert problems, text
    assert any(claim in f.message for f in problems)


def test_an_aim_for_people_is_not_a_grand_claim() -> None:
    review = review_objective("Make checkout feel effortless for first-time buyers")
    assert "grand" not in objective_evidence("Make checkout feel effortless for first-time buyers")
    assert not [f for f in review.findings if f.severity is Severity.PROBLEM]
