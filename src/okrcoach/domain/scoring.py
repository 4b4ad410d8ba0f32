"""Derived values: progress of a key result and of an objective.

Progress is a float 0..1, direction-aware and clamped:

- increase: (current - baseline) / (target - baseline)
- decrease: (baseline - current) / (baseline - target)
- maintain: the target is a floor ("keep at least"), or a ceiling when the
  baseline started above it ("keep at most"); 1.0 while it holds, else the
  fraction of the way to it.
- milestone: 0 or 1.

A missing baseline counts as 0 for an increase. A missing current value is the
baseline (no progress yet). A KR without a target has no measurable progress: 0.
"""

from __future__ import annotations

from collections.abc import Iterable

from okrcoach.domain.models import Direction, KeyResult, MetricKind


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


def progress_of(
    direction: Direction,
    baseline: float | None,
    target: float | None,
    current: float | None,
    milestone: bool = False,
) -> float:
    """Progress 0..1 for raw values (used for KRs and for check-in forecasts)."""
    if milestone:
        return 1.0 if current is not None and current >= 1.0 else 0.0
    if target is None:
        return 0.0
    if direction is Direction.MAINTAIN:
        if current is None:
            return 0.0
        at_most = baseline is not None and baseline > target
        if at_most:
            if current <= target:
                return 1.0
            return _clamp(target / current) if current > 0 else 0.0
        if current >= target:
            return 1.0
        return _clamp(current / target) if target > 0 else 0.0
    start = baseline if baseline is not None else (0.0 if direction is Direction.INCREASE else None)
    now = current if current is not None else start
    if now is None:
        return 0.0
    if start is None:  # a decrease with no baseline: met or not
        return 1.0 if now <= target else 0.0
    span = target - start if direction is Direction.INCREASE else start - target
    gained = now - start if direction is Direction.INCREASE else start - now
    if span == 0:
        met = now >= target if direction is Direction.INCREASE else now <= target
        return 1.0 if met else 0.0
    if span < 0:  # target on the wrong side of the baseline: reaching it counts, nothing else
        met = now >= target if direction is Direction.INCREASE else now <= target
        return 1.0 if met else 0.0
    return _clamp(gained / span)


def kr_progress(kr: KeyResult) -> float:
    return progress_of(
        kr.direction, kr.baseline, kr.target, kr.current, kr.metric_kind is MetricKind.MILESTONE
    )


def objective_progress(krs: Iterable[KeyResult]) -> float:
    """Mean of its KRs' progress; 0 with no KRs."""
    values = [kr_progress(kr) for kr in krs]
    return sum(values) / len(values) if values else 0.0
