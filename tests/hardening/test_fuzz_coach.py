"""The coach answers any text, however long or strange, with a score from 0 to 100."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrcoach.coach import classify_goal, parse_metric, review_key_result, review_objective
from tests.hardening.hostile import HOSTILE, HUGE

FUZZ = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Unicode of every kind (surrogates included: they arrive from argv via surrogateescape).
ANY_TEXT = st.text(max_size=400) | st.text(
    alphabet=st.characters(codec=None, categories=("Mn", "Me", "Cf", "Zl", "Zp", "Nd", "No", "So")),
    max_size=200,
)
NUMBERY = st.from_regex(
    r"(Cut|Raise|Grow|Keep|Ship)? ?[a-z ]{0,12}(from )?[€$£¥]?-?\d{1,9}([.,]\d{1,4}){0,3}"
    r"[%kKmMbBhx]? ?(to|->|→|-|—)? ?[€$£¥]?\d{0,9}(\.\d+)?(%| percent| days| users)?",
    fullmatch=True,
)
WEIRD = [
    ("huge", HUGE),
    ("huge-digits", "9" * 10_000),
    ("huge-combining", "a" + "\u0301" * 10_000),
    ("huge-emoji", "🚀" * 5_000),
    ("huge-brackets", "[" * 10_000),
    ("exponent", "Raise revenue from 1e308 to 1e309"),
    ("many-dots", "Grow from 1.2.3.4.5.6.7.8.9 to 10"),
    ("nan-words", "Raise NaN to inf users"),
    ("superscripts", "Grow ²³ from ¹ to ⁹"),
    ("other-digits", "Raise ٣٠ to ٩٠ percent"),
    ("surrogate", "Grow \udcff revenue from 1 to 2"),
    ("only-controls", "\x1b[2J\x00\x07"),
    ("empty", ""),
]


def _check(text: str) -> None:
    review = review_key_result(text)
    assert 0 <= review.score <= 100
    assert all(f.message and f.suggestion for f in review.findings)
    assert 0 <= review_objective(text).score <= 100
    assert 0 <= review_objective(text, why=text, has_parent=True).score <= 100
    for maturity in (None, "new", "improving", "mastered"):
        result = classify_goal(text, maturity=maturity)
        assert 0.0 <= result.confidence <= 1.0
        assert result.goal_type in ("learning", "performance")
    guess = parse_metric(text)
    for number in (guess.baseline, guess.target):
        assert number is None or number == number  # never NaN


@FUZZ
@given(ANY_TEXT | NUMBERY)
def test_any_text_gets_a_review(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    ("label", "text"), WEIRD + HOSTILE, ids=[label for label, _ in WEIRD + HOSTILE]
)
def test_weird_and_hostile_text_gets_a_review(label: str, text: str) -> None:
    _check(text)


@pytest.mark.parametrize("unit", ["1 ", "from 1 to 2 "], ids=["numbers", "from-to"])
def test_a_pasted_wall_of_numbers_is_reviewed_in_linear_time(unit: str) -> None:
    """The wizard reviews on every keystroke and lint reads whole files: no quadratic stalls.

    Twice the text must cost about twice the time (well under four times, which is what a
    quadratic pattern costs), measured in the same run so a busy machine slows both alike.
    """

    def cost(text: str) -> float:
        best = float("inf")
        for variant in range(3):  # fresh text each time: no cache answers
            fresh = f"{text}{variant}"
            started = time.process_time()
            review = review_key_result(fresh)
            classify_goal(fresh)
            best = min(best, time.process_time() - started)
            assert 0 <= review.score <= 100
        return best

    small = cost(unit * (2_500 // len(unit) * 2))
    large = cost(unit * (5_000 // len(unit) * 2))
    assert large < 3.2 * small + 0.05, f"{small:.3f} s then {large:.3f} s for twice the text"
