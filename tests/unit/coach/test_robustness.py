"""Any text a user can type gets an answer, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from okrcoach.coach import classify_goal, parse_metric, review_key_result, review_objective

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200) | st.from_regex(
    r"(Cut|Raise|Launch|Make) [a-z ]{0,20}(from )?[€$]?\d{1,6}(\.\d)?[%kmh]? ?(to )?\d{0,4}"
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(TEXT)
def test_every_entry_point_answers(text: str) -> None:
    review = review_key_result(text)
    assert 0 <= review.score <= 100
    assert review.kind in {"outcome", "task"}
    empty = [f.rule_id for f in review.findings] == ["kr.empty"]
    rewritable = {"kr.task", "kr.activity-count", "kr.vague", "kr.no-target", "kr.vanity"}
    problem = any(f.rule_id in rewritable for f in review.findings)
    if review.kind == "task" and not empty:
        assert review.rewrite is not None
    if problem and not empty:
        assert review.rewrite, "every problem with a rewrite gets one"
    if review.example is not None:
        assert review.example in (review.rewrite or "")
    assert 0 <= review_objective(text).score <= 100
    assert 0.0 <= classify_goal(text).confidence <= 1.0
    parse_metric(text)
