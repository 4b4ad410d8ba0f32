"""What each setting changes below the TUI: cycle length, week start, cadence, owner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from okrcoach.domain.health import Health, kr_health, stale_after
from okrcoach.domain.models import CYCLE_LENGTHS, CheckIn, Cycle, KeyResult, ObjectiveStatus
from okrcoach.paths import AppPaths
from okrcoach.services import drafting as d
from okrcoach.services.cycles import current_cycle
from okrcoach.services.learning import LogEntry, Week, by_week, week_start
from okrcoach.settings import CYCLE_LENGTHS as SETTINGS_CYCLE_LENGTHS
from okrcoach.settings import Settings, apply_changes
from okrcoach.store import Store, open_store

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.fixture
def store(paths: AppPaths) -> Iterator[Store]:
    with open_store(paths) as opened:
        yield opened


# --- cycle length ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("day", "length", "name", "start", "end"),
    [
        (TODAY, "quarter", "2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
        (TODAY, "month", "2026-11", date(2026, 11, 1), date(2026, 11, 30)),
        (date(2026, 12, 31), "month", "2026-12", date(2026, 12, 1), date(2026, 12, 31)),
        (date(2028, 2, 10), "month", "2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        (date(2026, 6, 30), "half", "2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), "half", "2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
        (date(2026, 1, 1), "year", "2026", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_calendar_period_of_each_length(
    day: date, length: str, name: str, start: date, end: date
) -> None:
    cycle = Cycle.for_period(day, length)
    assert (cycle.name, cycle.start, cycle.end) == (name, start, end)
    assert cycle.contains(day)


def test_next_period_follows_on_and_an_unknown_length_is_refused() -> None:
    assert Cycle.for_period(date(2026, 12, 5), "month").next_period("month").name == "2027-01"
    assert Cycle.for_period(TODAY, "half").next_period("half").name == "2027-H1"
    assert Cycle.for_period(TODAY, "year").next_period("year").name == "2027"
    with pytest.raises(ValueError, match="cycle length"):
        Cycle.period_of(TODAY, "fortnight")
    assert set(CYCLE_LENGTHS) == set(SETTINGS_CYCLE_LENGTHS)


def test_current_cycle_is_made_with_the_configured_length(store: Store) -> None:
    made = current_cycle(store, TODAY, "month")
    assert (made.name, made.start, made.end) == ("2026-11", date(2026, 11, 1), date(2026, 11, 30))
    assert current_cycle(store, date(2026, 11, 30), "month").id == made.id
    # A cycle that holds today is kept whatever the length says.
    assert current_cycle(store, TODAY, "year").id == made.id


def test_store_current_cycle_without_a_length_is_still_the_quarter(store: Store) -> None:
    assert store.current_cycle(TODAY).name == "2026-Q4"
    store.save(Cycle.for_period(TODAY, "month"))
    # Both hold today; the calendar period of the length asked for wins.
    assert store.current_cycle(TODAY).name == "2026-Q4"
    assert store.current_cycle(TODAY, "month").name == "2026-11"


def test_read_only_store_gets_the_period_without_saving(paths: AppPaths) -> None:
    with open_store(paths):
        pass
    with open_store(paths, read_only=True) as store:
        assert current_cycle(store, TODAY, "half").name == "2026-H2"
        assert store.cycles() == []


# --- week start --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("first", "start"),
    [
        ("monday", date(2026, 11, 23)),
        ("tuesday", date(2026, 11, 24)),
        ("wednesday", date(2026, 11, 18)),
        ("sunday", date(2026, 11, 22)),
        ("saturday", date(2026, 11, 21)),
    ],
)
def test_week_start_for_each_first_day(first: str, start: date) -> None:
    assert week_start(TODAY, first) == start
    assert week_start(start, first) == start


def note(day: date, text: str) -> LogEntry:
    return LogEntry(
        datetime(day.year, day.month, day.day, 12, tzinfo=UTC), text, None, "", "journal"
    )


def test_learning_log_weeks_follow_the_week_start() -> None:
    sunday, monday = date(2026, 11, 22), date(2026, 11, 23)
    entries = [note(sunday, "on Sunday"), note(monday, "on Monday")]
    assert [len(w.entries) for w in by_week(entries)] == [1, 1]
    [week] = by_week(entries, first="sunday")
    assert week.start == sunday and [e.text for e in week.entries] == ["on Monday", "on Sunday"]
    # Sunday 22 Nov to Saturday 28 Nov is mostly ISO week 48.
    assert week.label == "Week 48, 2026 (from 22 Nov)"
    assert Week(monday, []).label == "Week 48, 2026 (from 23 Nov)"


# --- cadence -----------------------------------------------------------------------------------
def test_a_check_in_goes_stale_after_three_cadences() -> None:
    assert stale_after() == 21 and stale_after(2) == 6 and stale_after(31) == 93
    q4 = Cycle.for_quarter(TODAY)
    kr = KeyResult(objective_id="o", title="Reach 100 readers", baseline=0, target=100, current=70)
    ten_days_ago = CheckIn(
        kr_id=kr.id, at=datetime(2026, 11, 14, tzinfo=UTC), value=70, confidence=8
    )
    assert kr_health(kr, ten_days_ago, q4, TODAY) is Health.ON_TRACK
    assert kr_health(kr, ten_days_ago, q4, TODAY, cadence_days=3) is Health.AT_RISK


# --- settings form and owner -------------------------------------------------------------------
def test_apply_changes_reads_the_form_and_names_bad_values() -> None:
    base = Settings(owner="Kim")
    chosen, errors = apply_changes(
        base, {"checkin_cadence_days": " 14 ", "owner": "Sam\x1b[31m", "week_start": "sunday"}
    )
    assert errors == {}
    assert (chosen.checkin_cadence_days, chosen.owner, chosen.week_start) == (
        14,
        "Sam",
        "sunday",
    )
    kept, errors = apply_changes(base, {"checkin_cadence_days": "0", "cycle_length": "decade"})
    assert kept == base
    assert errors["checkin_cadence_days"].startswith("Check-in cadence should be a whole number")
    assert "quarter, month, half, year" in errors["cycle_length"]
    _, errors = apply_changes(base, {"checkin_cadence_days": "²"})
    assert "checkin_cadence_days" in errors


def owned_form(owner: str) -> d.DraftForm:
    return d.DraftForm(
        title="Support that customers love",
        owner=owner,
        goal_type="performance",
        maturity="mastered",
        krs=[
            d.prefill(d.KRForm(text="Cut median first-reply time from 24 h to 4 h")),
            d.prefill(d.KRForm(text="Raise CSAT from 78% to 90%")),
        ],
    )


def test_owner_is_saved_kept_on_edit_and_checked(store: Store) -> None:
    result = d.save_objective(
        store, owned_form("Sam"), status=ObjectiveStatus.ACTIVE, today=TODAY, cycle_length="month"
    )
    [objective] = store.objectives()
    assert objective.owner == "Sam"
    assert store.cycles()[0].name == "2026-11"
    form = d.load_for_edit(store, result.objective_id)
    assert form.owner == "Sam"
    assert d.DraftForm.from_data(form.to_data()).owner == "Sam"
    assert d.OWNER in d.objective_errors(owned_form("x" * 81))
