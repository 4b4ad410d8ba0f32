"""A plain line (lower case, printable ASCII) is read with patterns that match case as
written and ASCII classes: they must find exactly what the patterns ignoring case and
with Unicode classes find."""

from __future__ import annotations

import re

import pytest

from okrcoach.coach import measurability, number_names, number_roles, reading
from okrcoach.coach.plain import is_plain, plain_twin

LINES = [
    "cut churn from 5% to 3% by the end of q3",
    "reach a 4.8 average rating on my chat transcripts",
    "refund requests resolved same day, every day, within 2 hours",
    "host 8 roadshows in the top 20 cities; 100% of teams with 5+ seats",
    "deals over $50k closed in their first 14 days",
    "signups up 25% -> 40%, twice as many, 3x pipeline",
    "a third of pupils at grade 3 or higher, no p1 incidents",
]


def _tables() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    pairs = []
    for (_, _, ways), (_, _, plain) in zip(
        reading._PHRASE_GATES, reading._PLAIN_PHRASE_GATES, strict=True
    ):
        pairs += [(w[2], p[2]) for w, p in zip(ways, plain, strict=True)]
    pairs += [
        (w[2], p[2])
        for w, p in zip(
            measurability._PATTERN_GATES, measurability._PLAIN_PATTERN_GATES, strict=True
        )
    ]
    pairs += [
        (w[0], p[0])
        for w, p in zip(number_names._NAME_PATTERNS, number_names._PLAIN_NAME_PATTERNS, strict=True)
    ]
    pairs += list(zip(number_roles._FILTERS, number_roles._PLAIN_FILTERS, strict=True))
    return pairs


@pytest.mark.parametrize("line", LINES)
def test_a_plain_twin_finds_what_its_pattern_finds(line: str) -> None:
    assert is_plain(line)
    for pattern, twin in _tables():
        assert [m.span() for m in pattern.finditer(line)] == [m.span() for m in twin.finditer(line)]


@pytest.mark.parametrize(
    "line", ["Cut churn", "cut\x1cchurn", "cut\tchurn", "ſet up", "café", "", "42"]
)
def test_only_lower_case_printable_ascii_is_plain(line: str) -> None:
    assert is_plain(line) == (line in ("", "42"))


def test_a_capital_in_a_pattern_that_ignores_case_has_no_plain_twin() -> None:
    with pytest.raises(ValueError):
        plain_twin(re.compile(r"[A-Z]\d", re.I))
    assert plain_twin(re.compile(r"\W\d", re.I)).flags & re.ASCII
