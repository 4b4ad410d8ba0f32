"""A pattern is skipped only when a cheap look at the line proves it cannot match: the
readings are the ones the pattern alone gives, in any case and with letters that fold
onto ASCII when case is ignored ("ſ" is an "s", "ı" an "i")."""

from __future__ import annotations

import pytest

from okrcoach.coach import number_names, number_roles, reading, signals

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


NAMED_LINES = [
    "Ward 4 reopened by May",
    "Route 66 store reopened",
    "Print 300 raffle tickets",
    "Lean 5S audits in every plant",
    "Run 4Ls retros and 3D scans",
    "CUT P95 TO 200MS",
    "McDonald 5 stores",
    "Upload 40 recordings",
    "Pro 14 laptops for the team",
    "NPS 45 by Q3",
    "Band 5 nurses: 2FA for all, 10X growth, 50K users",
    "Éa 5 and Ab12 and Xy 7",
]


@pytest.mark.parametrize("line", NAMED_LINES)
def test_names_asked_for_number_by_number_are_the_names_of_the_whole_line(line: str) -> None:
    whole = number_names._capital_names(line)
    shouts = number_names._shouts(line)
    for run in number_names.DIGIT_RUN.finditer(line.lower()):
        start, end = run.span()
        one = number_names._capital_at(line, start, end) or (
            number_names._code_at(line, start, end) and not shouts
        )
        assert one == ((start, end) in whole)
