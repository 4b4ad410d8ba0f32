"""Services behind the dashboard: portfolio, filters, archive/trash/undo, carry-over, due."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrcoach.domain.health import Health
from okrcoach.domain.models import Cycle, Objective, ObjectiveStatus
from okrcoach.paths import AppPaths
from okrcoach.services import objectives as ops
from okrcoach.services.alignment import build_forest
from okrcoach.services.checkins import (
    CheckInPlan,
    change_since_last,
    parse_confidence,
    parse_value,
    record_checkin,
)
from okrcoach.services.due import due_checkins
from okrcoach.services.learning import by_week, collect
from okrcoach.services.portfolio import (
    Filter,
    Sort,
    cycle_is_locked,
    filter_rows,
    load_portfolio,
    sort_rows,
)
from okrcoach.store import Store, open_store
from tests.tui.dashboard_seed import Q3, Q4, checkin, kr, mixed_cycle, objective

TODAY = date(2026, 11, 24)


@pytest.fixture
def store(tmp_path: Path):
    paths = AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    with open_store(paths) as opened:
        yield opened


def seeded(store: Store, *records) -> Store:
    store.save_many(records or mixed_cycle())
    return store


def test_portfolio_rows_carry_health_and_the_lowest_confidence(store: Store) -> None:
    portfolio = load_portfolio(seeded(store), Q4, TODAY)
    by_id = {row.id: row for row in portfolio.rows}
    assert by_id["risky"].health is Health.OFF_TRACK
    assert by_id["perform"].confidence == 9
    assert by_id["perform"].krs[0].progress == pytest.approx(0.7)


def test_filters_and_sorts(store: Store) -> None:
    rows = load_portfolio(seeded(store), Q4, TODAY).rows
    assert [r.id for r in filter_rows(rows, Filter.LEARNING)] == ["learn"]
    assert [r.id for r in filter_rows(rows, Filter.PERFORMANCE)] == ["perform", "risky"]
    assert [r.id for r in filter_rows(rows, Filter.AT_RISK)] == ["risky"]
    assert sort_rows(rows, Sort.PROGRESS)[0].id == "risky"
    assert sort_rows(rows, Sort.CONFIDENCE)[0].id == "risky"
    assert Filter.AT_RISK.next() is Filter.ALL


def test_archive_delete_restore_and_undo(store: Store) -> None:
    seeded(store)
    change = ops.archive(store, "learn")
    shown = [r.id for r in load_portfolio(store, Q4, TODAY).rows]
    assert "learn" not in shown
    assert load_portfolio(store, Q4, TODAY).archived_count == 1
    ops.undo(store, change)
    assert not store.get(Objective, "learn").archived
    ops.delete(store, "perform")
    assert [o.id for o in ops.trash(store)] == ["perform"]
    portfolio = load_portfolio(store, Q4, TODAY, show_archived=True)
    assert "perform" not in [r.id for r in portfolio.rows]  # trash is not the archive
    ops.restore(store, "perform")
    assert ops.trash(store) == []
    assert store.key_results("perform")


def test_purge_only_from_the_trash_and_removes_history(store: Store) -> None:
    seeded(store)
    with pytest.raises(ValueError):
        ops.purge(store, "risky")
    ops.delete(store, "risky")
    assert ops.purge(store, "risky") == 3  # objective, KR, one check-in
    assert store.checkins("risky-kr") == []


def test_carry_over_starts_from_the_last_value(store: Store) -> None:
    seeded(
        store,
        Q3,
        Q4,
        objective("old", "Grow the newsletter", cycle=Q3),
        kr("old-kr", "old", "Reach 100 readers", baseline=10, target=100, current=30),
        kr("done-kr", "old", "Reach 50 members", baseline=0, target=50, current=50),
    )
    copy, cycle = ops.carry_over(store, "old")
    assert cycle.id == Q4.id
    assert store.get(Objective, "old").status is ObjectiveStatus.CARRIED_OVER
    baselines = [k.baseline for k in store.key_results(copy.id)]
    assert baselines == [30, 0]  # a reached target keeps its old baseline
    assert all(k.current is None for k in store.key_results(copy.id))


def test_carry_over_from_the_last_cycle_makes_the_next_quarter(store: Store) -> None:
    seeded(store, Q4, objective("o", "Grow"))
    _, cycle = ops.carry_over(store, "o")
    assert cycle.name == "2027-Q1" and store.get(Cycle, cycle.id) is not None


def test_past_cycles_are_locked_until_reopened() -> None:
    assert cycle_is_locked(Q3, TODAY)
    assert not cycle_is_locked(Q3, TODAY, reopened=True)
    assert not cycle_is_locked(Q4, TODAY)


def test_record_checkin_updates_the_kr_in_one_save(store: Store) -> None:
    seeded(store)
    key_result = store.key_results("perform")[0]
    saved, updated = record_checkin(store, key_result, 8, 9, "note", today=TODAY)
    assert updated.current == 8 and updated.confidence == 9
    assert store.latest_checkin("perform-kr").value == 8
    assert saved.at.date() == TODAY


def test_parsing_values_in_words() -> None:
    plain_kr = kr("k", "o", "Reach 100", baseline=0, target=100)
    assert parse_value(" 1,200 ", plain_kr) == 1200
    assert parse_value("45%", plain_kr) == 45
    with pytest.raises(ValueError, match="not a number"):
        parse_value("many", plain_kr)
    milestone = kr("m", "o", "Ship", metric_kind="milestone", baseline=0, target=1)
    assert parse_value("done", milestone) == 1.0
    assert parse_confidence("7") == 7
    with pytest.raises(ValueError):
        parse_confidence("11")


def test_change_since_last() -> None:
    plan = CheckInPlan(
        kr("k", "o", "Cut", baseline=24, target=4, unit="h"),
        [checkin("k", date(2026, 11, 1), 20, 5)],
    )
    assert change_since_last(plan, 16) == "−4 h since last time (20 h → 16 h)."


def test_due_lists_stale_and_never_checked(store: Store) -> None:
    seeded(store)
    assert due_checkins(store, TODAY) == []
    later = due_checkins(store, date(2026, 12, 1))
    assert {d.kr.id for d in later} == {"learn-kr", "perform-kr", "risky-kr"}
    assert "last check-in" in later[0].line()


def test_alignment_forest_handles_loops_and_outside_parents() -> None:
    top = objective("top", "Company goal", cycle=Q3)
    a = objective("a", "Team goal", parent_id="top")
    b = objective("b", "Loop one", parent_id="c")
    c = objective("c", "Loop two", parent_id="b")
    roots = build_forest([a, b, c], [top])
    top_node = next(r for r in roots if r.objective.id == "top")
    assert top_node.outside and top_node.children[0].objective.id == "a"
    looped = [r for r in roots if r.objective.id in {"b", "c"}]
    assert len(looped) == 2 and all(not r.children for r in looped)  # shown, never endless


def test_learning_log_groups_by_week(store: Store) -> None:
    seeded(store)
    entries = collect(store, store.objectives(Q4.id))
    weeks = by_week(entries)
    assert weeks[0].entries[0].text == "Blocking calls stall the loop"
    assert by_week(entries, "perform") == []
