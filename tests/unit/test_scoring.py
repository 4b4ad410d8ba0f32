"""Progress maths: direction-aware, clamped, with the edge cases users hit."""

from __future__ import annotations

import pytest

from okrcoach.domain.models import KeyResult
from okrcoach.domain.scoring import kr_progress, objective_progress


def kr(**values: object) -> KeyResult:
    return KeyResult(objective_id="o", title="k", **values)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"baseline": 0, "target": 10, "current": 5}, 0.5),
        ({"baseline": 10, "target": 20, "current": 25}, 1.0),  # clamped above
        ({"baseline": 10, "target": 20, "current": 5}, 0.0),  # clamped below
        ({"baseline": 10, "target": 20}, 0.0),  # no check-in yet
        ({"target": 40, "current": 10}, 0.25),  # missing baseline counts as 0
        ({"baseline": 24, "target": 4, "current": 14, "direction": "decrease"}, 0.5),
        ({"baseline": 24, "target": 4, "current": 2, "direction": "decrease"}, 1.0),
        ({"baseline": 24, "target": 4, "current": 30, "direction": "decrease"}, 0.0),
        ({"target": 4, "current": 3, "direction": "decrease"}, 1.0),
        ({"target": 4, "current": 5, "direction": "decrease"}, 0.0),
        ({"baseline": 99, "target": 99.9, "current": 99.95, "direction": "maintain"}, 1.0),
        ({"baseline": 99.9, "target": 99.9, "current": 99.9, "direction": "maintain"}, 1.0),
        ({"baseline": 2, "target": 1, "current": 0.5, "direction": "maintain"}, 1.0),
        ({"baseline": 2, "target": 1, "current": 2, "direction": "maintain"}, 0.5),
        ({"metric_kind": "milestone", "target": 1, "current": 1}, 1.0),
        ({"metric_kind": "milestone", "target": 1, "current": 0}, 0.0),
        ({"baseline": 5}, 0.0),  # no target: nothing to measure
    ],
)
def test_kr_progress(values: dict[str, object], expected: float) -> None:
    assert kr_progress(kr(**values)) == pytest.approx(expected)


def test_wrong_side_target_counts_only_when_reached() -> None:
    # An "increase" KR whose target sits below its baseline: met or not, never partial.
    odd = kr(baseline=10, target=5, current=7)
    assert kr_progress(odd) == 1.0  # 7 >= 5: reached
    assert kr_progress(kr(baseline=10, target=5, current=4)) == 0.0


def test_objective_progress_is_the_mean_of_its_krs() -> None:
    krs = [kr(baseline=0, target=10, current=10), kr(baseline=0, target=10, current=0)]
    assert objective_progress(krs) == pytest.approx(0.5)
    assert objective_progress([]) == 0.0
