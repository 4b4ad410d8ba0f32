"""A pattern is skipped only when a cheap look at the line proves it cannot match: the
readings are the ones the pattern alone gives, in any case and with letters that fold
onto ASCII when case is ignored ("ſ" is an "s", "ı" an "i")."""

from __future__ import annotations

import pytest

from okrcoach.coach import number_roles, reading, signals

LINES = [
    "Help centre up and running by May",
    "Help centre UP AND RUNNING by May",
    "SSO ſet up for every team",
    "Refund flow SIGNED OFF by legal",
    "Status page goes live",
    "Revenue x2 by Q4",
    "Pipeline ×3",
    "Activation in their first 14 days",
    "Activation in their FIRST 14 days",
    "Activation in their firſt 14 days",
    "Churn in the laſt 3 months down to 2%",
    "Cut churn from 5% to 3%",
]


@pytest.mark.parametrize("line", LINES)
def test_a_skipped_pattern_could_not_have_matched(line: str) -> None:
    low = line.lower()
    windows = [m.span() for m in number_roles._WINDOW.finditer(low)]
    if windows:
        assert set(windows) <= set(number_roles.not_levels(line))
        assert number_roles.unscoped(low, False, frozenset()) != low
    sig = signals.read(line)
    done = signals._DONE_PHRASES.search(line)
    if done and sig.lead_index < 0 and not sig.passive_change:
        assert sig.done_state
    times = reading._TIMES.search(low) is not None
    assert reading.reading(line).multiply or not times
