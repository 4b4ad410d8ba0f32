"""Health and forecast maths: never green by silence, pace-aware, a straight-line trend."""

from __future__ import annotations

from datetime import UTC, date, datetime

from okrcoach.domain.health import (
    Health,
    assess_kr,
    elapsed_share,
    fit_line,
    forecast,
    kr_health,
    objective_health,
)
from okrcoach.domain.models import CheckIn, Commitment, Cycle, KeyResult, MetricKind

Q4 = Cycle(name="2026-Q4", start=date(2026, 10, 1), end=date(2026, 12, 31))
MID = date(2026, 11, 15)


def kr(**fields) -> KeyResult:
    return KeyResult(objective_id="o", title="Reach 100 readers", baseline=0, target=100, **fields)


def ci(day: date, value: float, confidence: int = 7) -> CheckIn:
    return CheckIn(
        kr_id="k",
        at=datetime(day.year, day.month, day.day, tzinfo=UTC),
        value=value,
        confidence=confidence,
    )


def test_no_checkin_is_no_data_not_green() -> None:
    assert kr_health(kr(), None, Q4, MID) is Health.NO_DATA
    assert Health.NO_DATA.label == "no check-in yet"


def test_confident_and_on_pace_is_on_track() -> None:
    assert kr_health(kr(current=50), ci(MID, 50, 8), Q4, MID) is Health.ON_TRACK


def test_low_confidence_is_off_track_whatever_the_progress() -> None:
    assert kr_health(kr(current=90), ci(MID, 90, 2), Q4, MID) is Health.OFF_TRACK


def test_far_behind_pace_is_off_track() -> None:
    late = date(2026, 12, 25)
    assert kr_health(kr(current=10), ci(late, 10, 8), Q4, late) is Health.OFF_TRACK


def test_stale_checkin_cannot_be_on_track() -> None:
    old = ci(date(2026, 10, 10), 50, 9)
    assert kr_health(kr(current=50), old, Q4, MID) is Health.AT_RISK


def test_aspirational_goals_are_held_to_seventy_percent() -> None:
    late = date(2026, 12, 20)
    committed = kr_health(kr(current=70), ci(late, 70, 8), Q4, late)
    aspirational = kr_health(kr(current=70), ci(late, 70, 8), Q4, late, Commitment.ASPIRATIONAL)
    assert committed is Health.ON_TRACK and aspirational is Health.ON_TRACK
    lagging = date(2026, 12, 30)
    assert kr_health(kr(current=60), ci(lagging, 60, 8), Q4, lagging) is Health.AT_RISK
    assert (
        kr_health(kr(current=60), ci(lagging, 60, 8), Q4, lagging, Commitment.ASPIRATIONAL)
        is Health.ON_TRACK
    )


def test_objective_takes_the_worst_and_silence_blocks_green() -> None:
    assert objective_health([Health.ON_TRACK, Health.OFF_TRACK]) is Health.OFF_TRACK
    assert objective_health([Health.ON_TRACK, Health.NO_DATA]) is Health.AT_RISK
    assert objective_health([Health.NO_DATA]) is Health.NO_DATA
    assert objective_health([]) is Health.NO_DATA


def test_elapsed_share_is_clamped() -> None:
    assert elapsed_share(Q4, date(2026, 9, 1)) == 0.0
    assert elapsed_share(Q4, date(2027, 1, 5)) == 1.0


def test_fit_line_needs_two_days() -> None:
    assert fit_line([(0, 1.0)]) is None
    assert fit_line([(0, 0.0), (10, 20.0)]) == (2.0, 0.0)


def test_forecast_follows_the_trend_to_the_cycle_end() -> None:
    # 0 on 1 Oct, 20 on 28 Oct (day 27), 40 on 24 Nov (day 54): 91 days in -> 67.4
    found = forecast(kr(), [ci(date(2026, 10, 28), 20)], Q4, (date(2026, 11, 24), 40))
    assert found is not None
    assert round(found.value, 1) == 67.4
    assert "67% of target" in found.sentence()


def test_forecast_reaching_the_target_says_so() -> None:
    found = forecast(kr(), [ci(date(2026, 10, 15), 60)], Q4)
    assert found is not None and found.progress == 1.0
    assert "reach the target" in found.sentence()


def test_no_forecast_for_milestones_or_single_points() -> None:
    milestone = KeyResult(
        objective_id="o", title="Ship", metric_kind=MetricKind.MILESTONE, baseline=0, target=1
    )
    assert forecast(milestone, [ci(MID, 1)], Q4) is None
    no_baseline = KeyResult(objective_id="o", title="Reach 100", target=100)
    assert forecast(no_baseline, [ci(MID, 10)], Q4) is None


def test_checkins_outside_the_cycle_do_not_bend_the_trend() -> None:
    earlier = ci(date(2026, 6, 1), 500)
    with_old = forecast(kr(), [earlier, ci(date(2026, 10, 28), 20)], Q4)
    without = forecast(kr(), [ci(date(2026, 10, 28), 20)], Q4)
    assert with_old == without


def test_ahead_of_pace_is_on_track_even_with_middling_confidence() -> None:
    reading = assess_kr(kr(current=90), ci(MID, 90, 5), Q4, MID)
    assert reading.health is Health.ON_TRACK
    assert "ahead of pace" in reading.sentence()


def test_fine_pace_with_unsure_owner_is_at_risk_and_says_why() -> None:
    reading = assess_kr(kr(current=40), ci(MID, 40, 5), Q4, MID)
    assert reading.health is Health.AT_RISK
    assert reading.sentence() == "at risk: confidence 5/10 though the pace is fine"


def test_far_behind_says_where_it_is_and_where_it_should_be() -> None:
    late = date(2026, 12, 25)
    reading = assess_kr(kr(current=10), ci(late, 10, 8), Q4, late)
    assert reading.health is Health.OFF_TRACK
    assert "10% done" in reading.reason and "expected by now" in reading.reason
