"""One number formatter for every screen and file: what a person reads."""

from __future__ import annotations

import pytest

from okrcoach.domain.numbers import change_words, format_number, format_value, plural
from okrcoach.services.checkins import format_value as checkin_value


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (10000, "10,000"),
        (10000.0, "10,000"),
        (4.5, "4.5"),
        (4.0, "4"),
        (1234.5, "1,234.5"),
        (0.05, "0.05"),
        (0.0012, "0.0012"),
        (1_200_000, "1.2M"),
        (3_000_000_000, "3B"),
        (-2.25, "-2.25"),
        (0, "0"),
    ],
)
def test_numbers_read_as_people_write_them(value: float, shown: str) -> None:
    assert format_number(value) == shown


def test_compact_numbers() -> None:
    assert format_number(10000, compact=True) == "10k"
    assert format_number(999_960, compact=True) == "1M"
    assert format_number(950, compact=True) == "950"


@pytest.mark.parametrize("value", [1e4, 1e5, 1e-5, 12345678.9, 1e15, 1e21, 2.5e-7])
def test_never_scientific_notation(value: float) -> None:
    for compact in (False, True):
        assert "e" not in format_number(value, compact=compact).lower()


def test_units() -> None:
    assert format_value(1_200_000, "$") == "$1.2M"
    assert format_value(95, "%") == "95%"
    assert format_value(4.5, "h") == "4.5 h"
    assert format_value(None, "h") == "–"
    assert format_value(-3, "$") == "-$3"


def test_the_check_in_screen_uses_the_same_formatter() -> None:
    assert checkin_value(10000, "users") == "10,000 users"
    assert checkin_value(1_200_000, "$") == "$1.2M"


def test_a_decrease_is_a_cut_not_a_multiple() -> None:
    assert change_words(24, 4) == "a cut of 83%"
    assert "×" not in (change_words(24, 4) or "")
    assert change_words(4, 24) == "6× the baseline"
    assert change_words(100, 120) == "+20% on the baseline"
    assert change_words(0, 5) is None


def test_plurals() -> None:
    assert plural(1, "check-in") == "1 check-in"
    assert plural(2, "check-in") == "2 check-ins"
    assert plural(10000, "key result") == "10,000 key results"
    assert plural(0, "retrospective") == "0 retrospectives"
