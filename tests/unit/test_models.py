"""The data model: validation in plain words, ids, UTC timestamps, cycles."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from okrcoach.domain.errors import describe
from okrcoach.domain.models import (
    CheckIn,
    Cycle,
    Direction,
    Draft,
    JournalEntry,
    KeyResult,
    KRScore,
    MetricKind,
    Objective,
    ObjectiveStatus,
    Retrospective,
)


def message_for(model: type, **data: object) -> str:
    with pytest.raises(ValidationError) as info:
        model(**data)
    return describe(info.value)


def test_ids_are_stable_unique_strings() -> None:
    ids = {Objective(cycle_id="c", title="Delight new users").id for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 26 and i.isalnum() for i in ids)


def test_ids_sort_by_creation_time() -> None:
    first = Objective(cycle_id="c", title="a").id
    later = Objective(
        cycle_id="c", title="b", created_at=datetime.now(UTC) + timedelta(seconds=1)
    ).id
    assert first[:10] <= later[:10]


def test_timestamps_are_utc_even_when_given_local_time() -> None:
    plus_two = timezone(timedelta(hours=2))
    entry = JournalEntry(text="Learned to pair", at=datetime(2026, 1, 1, 12, tzinfo=plus_two))
    assert entry.at.tzinfo == UTC
    assert entry.at.hour == 10


def test_empty_title_is_rejected_by_name() -> None:
    assert message_for(Objective, cycle_id="c", title="   ") == "title: must not be empty"


def test_overlong_title_names_the_limit() -> None:
    text = message_for(Objective, cycle_id="c", title="x" * 300)
    assert "title" in text and "200" in text


def test_target_equal_to_baseline_is_rejected_in_words() -> None:
    text = message_for(KeyResult, objective_id="o", title="Grow NPS", baseline=30, target=30)
    assert "target" in text and "must differ from the baseline (30)" in text


def test_maintain_kr_may_keep_the_baseline() -> None:
    kr = KeyResult(
        objective_id="o", title="Keep uptime", baseline=99.9, target=99.9, direction="maintain"
    )
    assert kr.direction is Direction.MAINTAIN


def test_confidence_out_of_range_is_named() -> None:
    text = message_for(CheckIn, kr_id="k", value=3, confidence=11)
    assert text.startswith("confidence:")
    assert "10" in text


def test_non_number_value_is_named() -> None:
    assert message_for(CheckIn, kr_id="k", value="lots", confidence=5) == "value: must be a number"


def test_infinite_and_nan_values_are_rejected() -> None:
    for bad in (float("inf"), float("nan")):
        assert "finite" in message_for(KeyResult, objective_id="o", title="x", target=bad)


def test_milestone_values_are_zero_or_one() -> None:
    text = message_for(KeyResult, objective_id="o", title="x", metric_kind="milestone", target=5)
    assert "milestone" in text


def test_unknown_field_is_refused() -> None:
    text = message_for(Objective, cycle_id="c", title="x", colour="red")
    assert "colour" in text


def test_unknown_status_lists_the_choices() -> None:
    text = message_for(Objective, cycle_id="c", title="x", status="paused")
    assert text.startswith("status:") and "carried-over" in text


def test_titles_lose_escape_codes_but_keep_markup_literally() -> None:
    objective = Objective(cycle_id="c", title="\x1b[2JShip \x1b]52;c;aGk=\x07[bold]it\u202e")
    assert objective.title == "Ship [bold]it"


def test_notes_keep_line_breaks() -> None:
    check = CheckIn(kr_id="k", value=1, confidence=5, note="line one\r\nline two\x07")
    assert check.note == "line one\nline two"


def test_cycle_end_before_start_is_rejected() -> None:
    text = message_for(Cycle, name="Q", start=date(2026, 3, 1), end=date(2026, 1, 1))
    assert "must not be before start" in text


@pytest.mark.parametrize(
    ("day", "name", "start", "end"),
    [
        (date(2026, 1, 1), "2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 5, 15), "2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 9, 30), "2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        (date(2026, 12, 31), "2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_quarter_helper(day: date, name: str, start: date, end: date) -> None:
    cycle = Cycle.for_quarter(day)
    assert (cycle.name, cycle.start, cycle.end) == (name, start, end)
    assert cycle.contains(day)


def test_next_quarter_rolls_over_the_year() -> None:
    assert Cycle.for_quarter(date(2026, 11, 24)).next_quarter().name == "2027-Q1"


def test_touched_updates_timestamp_and_revalidates() -> None:
    objective = Objective(cycle_id="c", title="Delight users")
    changed = objective.touched(status="done")
    assert changed.status is ObjectiveStatus.DONE
    assert changed.updated_at >= objective.updated_at
    assert changed.id == objective.id
    with pytest.raises(ValidationError):
        objective.touched(title="")


def test_objective_cannot_be_its_own_parent() -> None:
    objective = Objective(cycle_id="c", title="Delight users")
    with pytest.raises(ValidationError, match="own parent"):
        objective.touched(parent_id=objective.id)


def test_retro_and_draft_round_trip_through_json() -> None:
    retro = Retrospective(
        cycle_id="c",
        answers={"start": "Pairing on reviews"},
        scores=[KRScore(kr_id="k", score=0.7, justification="close")],
    )
    assert Retrospective.model_validate_json(retro.model_dump_json()) == retro
    draft = Draft(kind="objective", step=2, data={"title": "x", "krs": [{"title": "y"}]})
    assert Draft.model_validate_json(draft.model_dump_json()) == draft


def test_kr_score_must_be_between_zero_and_one() -> None:
    assert "score" in message_for(KRScore, kr_id="k", score=1.5)


def test_metric_kind_accepts_plain_words() -> None:
    kr = KeyResult(objective_id="o", title="x", metric_kind="percent", target=40)
    assert kr.metric_kind is MetricKind.PERCENT


def test_copy_to_keeps_what_was_written_and_starts_afresh() -> None:
    original = Objective(
        cycle_id="q3",
        title="Customers get answers the same day",
        why="Slow replies cost renewals",
        goal_type="learning",
        maturity="new",
        commitment="aspirational",
        owner="Sam",
        status="done",
        archived=True,
        position=3,
    )
    copy = original.copy_to("q4", goal_type="performance")
    assert copy.id != original.id and copy.cycle_id == "q4"
    assert (copy.title, copy.why, copy.owner, copy.position) == (
        original.title,
        original.why,
        "Sam",
        3,
    )
    assert copy.goal_type.value == "performance" and copy.maturity.value == "new"
    assert copy.status is ObjectiveStatus.ACTIVE and not copy.archived
