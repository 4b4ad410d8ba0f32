"""``okrcoach checkin``: a check-in from the shell, with the check-in screen's own rules."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from okrcoach.cli import main
from okrcoach.domain.models import CheckIn, Cycle, GoalType, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.services.checkins import CheckInPlan, change_since_last, forecast_sentence
from okrcoach.store import open_store

TODAY = date(2026, 11, 24)


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    paths = AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    with open_store(paths) as store:
        cycle = Cycle.for_quarter(TODAY)
        support = Objective(cycle_id=cycle.id, title="Customers get answers fast")
        reply = KeyResult(
            objective_id=support.id,
            title="Cut first reply time",
            baseline=24,
            target=4,
            unit="h",
            direction="decrease",
        )
        resolve = KeyResult(
            objective_id=support.id, title="Cut time to resolve", baseline=72, target=24, unit="h"
        )
        learn = Objective(
            cycle_id=cycle.id, title="Learn to interview", goal_type=GoalType.LEARNING, position=1
        )
        guide = KeyResult(
            objective_id=learn.id,
            title="Interview guide written",
            target=1,
            metric_kind="milestone",
        )
        first = CheckIn(
            kr_id=reply.id, at=datetime(2026, 10, 20, 12, tzinfo=UTC), value=20, confidence=6
        )
        store.save_many([cycle, support, reply, resolve, learn, guide, first])
    return paths


def checkin(paths: AppPaths, *args: str) -> int:
    return main(["--data-dir", str(paths.data_dir), "checkin", *args, "--today", "2026-11-24"])


def history(paths: AppPaths, title: str) -> list[CheckIn]:
    with open_store(paths, read_only=True) as store:
        kr = next(k for k in store.all(KeyResult) if k.title == title)
        return store.checkins(kr.id)


def test_a_check_in_from_arguments_matches_the_screen(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(paths, read_only=True) as store:
        kr = next(k for k in store.all(KeyResult) if k.title == "Cut first reply time")
        plan = CheckInPlan(kr, store.checkins(kr.id))
        cycle = store.cycles()[0]
    expected_change = change_since_last(plan, 9.5)
    expected_forecast = forecast_sentence(plan, cycle, TODAY, 9.5)

    assert checkin(paths, "reply time", "9.5", "-c", "7", "-n", "new macros") == 0
    out = capsys.readouterr().out
    assert "Customers get answers fast › Cut first reply time" in out
    assert "Saved: 9.5 h, confidence 7/10." in out
    assert expected_change in out and expected_forecast in out
    saved = history(paths, "Cut first reply time")
    assert [(c.value, c.confidence, c.note) for c in saved][-1] == (9.5, 7, "new macros")
    with open_store(paths, read_only=True) as store:
        kr = next(k for k in store.all(KeyResult) if k.title == "Cut first reply time")
        assert (kr.current, kr.confidence) == (9.5, 7)  # saved with the check-in


def test_ambiguous_words_list_the_matches_and_save_nothing(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert checkin(paths, "cut time", "9", "-c", "7") == 2
    err = capsys.readouterr().err
    assert "fits 2 key results" in err and "nothing was saved" in err
    assert "Cut first reply time" in err and "Cut time to resolve" in err
    assert len(history(paths, "Cut first reply time")) == 1
    assert history(paths, "Cut time to resolve") == []


def test_no_match_lists_what_can_be_checked_in_on(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert checkin(paths, "revenue", "9", "-c", "7") == 2
    err = capsys.readouterr().err
    assert "no key result of the current cycle matches 'revenue'" in err
    assert "Interview guide written" in err


@pytest.mark.parametrize(
    ("value", "confidence", "message"),
    [
        ("soon", "7", "'soon' is not a number"),
        ("9", "11", "confidence is a whole number from 0 to 10"),
        ("nan", "5", "enter a finite number"),
    ],
)
def test_bad_values_are_refused_in_words(
    paths: AppPaths, capsys: pytest.CaptureFixture[str], value: str, confidence: str, message: str
) -> None:
    assert checkin(paths, "reply", value, "-c", confidence) == 2
    assert message in capsys.readouterr().err
    assert len(history(paths, "Cut first reply time")) == 1


def test_a_milestone_takes_done_and_a_learning_goal_keeps_what_was_learned(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    code = checkin(paths, "guide", "done", "-c", "8", "--learned", "ask about the last time")
    assert code == 0
    [saved] = history(paths, "Interview guide written")
    assert (saved.value, saved.learned) == (1.0, "ask about the last time")
    assert "A milestone is done or not: no forecast." in capsys.readouterr().out


def test_without_a_terminal_every_answer_must_be_given(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert checkin(paths, "reply", "9") == 2
    assert "give the VALUE and -c CONFIDENCE" in capsys.readouterr().err


def test_refused_in_words_while_the_app_holds_the_data(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(paths):
        assert checkin(paths, "reply", "9", "-c", "7") == 2
    err = capsys.readouterr().err
    assert "okrcoach is open" in err and "Nothing was saved" in err
    assert len(history(paths, "Cut first reply time")) == 1
