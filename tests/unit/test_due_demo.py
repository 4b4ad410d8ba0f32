"""`okrcoach due` for a shell prompt, and the demo workspace a newcomer explores."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from okrcoach.cli import main
from okrcoach.commands.demo import seed
from okrcoach.domain.models import CheckIn, GoalType, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store

TODAY = date(2026, 11, 24)


def paths_in(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


def seed_one_kr(paths: AppPaths, last_checkin: date | None) -> None:
    with open_store(paths) as store:
        cycle = store.current_cycle(TODAY)
        objective = Objective(cycle_id=cycle.id, title="Customers [b]love[/b] onboarding")
        kr = KeyResult(objective_id=objective.id, title="Raise activation from 20% to 40%")
        records: list = [objective, kr]
        if last_checkin:
            at = datetime(last_checkin.year, last_checkin.month, last_checkin.day, tzinfo=UTC)
            records.append(CheckIn(kr_id=kr.id, value=25, confidence=6, at=at))
        store.save_many(records)


def run_due(paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--data-dir", str(paths.data_dir), "due", "--today", TODAY.isoformat()])
    return code, capsys.readouterr().out


def test_due_lists_an_overdue_kr_and_exits_one(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    paths = paths_in(tmp_path)
    seed_one_kr(paths, last_checkin=date(2026, 11, 10))
    code, out = run_due(paths, capsys)
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 1
    assert "Customers [b]love[/b] onboarding" in lines[0]
    assert "14 days ago" in lines[0]


def test_due_is_quiet_when_checked_in_recently(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    paths = paths_in(tmp_path)
    seed_one_kr(paths, last_checkin=date(2026, 11, 22))
    code, out = run_due(paths, capsys)
    assert code == 0
    assert "up to date" in out


def test_due_never_creates_a_workspace(tmp_path, capsys) -> None:
    paths = paths_in(tmp_path)
    code, out = run_due(paths, capsys)
    assert code == 0
    assert "nothing is due" in out
    assert not paths.data_dir.exists()


def test_demo_workspace_has_cycles_both_goal_kinds_checkins_and_a_retro(tmp_path) -> None:
    paths = paths_in(tmp_path)
    seed(paths, TODAY)
    with open_store(paths, read_only=True) as store:
        assert len(store.cycles()) >= 3
        current = store.current_cycle(TODAY)
        kinds = {o.goal_type for o in store.objectives(current.id)}
        assert kinds == {GoalType.LEARNING, GoalType.PERFORMANCE}
        counts = store.counts()
        assert counts["checkins"] > 10
        assert counts["retros"] >= 1


def test_demo_retro_scores_every_key_result_of_its_own_cycle(tmp_path) -> None:
    from okrcoach.domain.retro import average
    from okrcoach.export.retro_markdown import RetroPage, render_retro

    paths = paths_in(tmp_path)
    seed(paths, TODAY)
    with open_store(paths, read_only=True) as store:
        [retro] = store.retros()
        objectives = store.objectives(retro.cycle_id)
        krs = {o.id: store.key_results(o.id) for o in objectives}
    scored = {s.kr_id for s in retro.scores}
    assert scored == {kr.id for rows in krs.values() for kr in rows}
    page = RetroPage(title="demo", objectives=objectives, krs=krs, outcomes={}, history=[])
    text = render_retro(retro, page)
    assert "not scored" not in text
    assert f"Average score: {average(retro.scores):.2f}." in text


def test_due_quiet_prints_nothing_when_nothing_is_due(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    paths = paths_in(tmp_path)
    seed_one_kr(paths, last_checkin=date(2026, 11, 22))
    args = ["--data-dir", str(paths.data_dir), "due", "--quiet", "--today", TODAY.isoformat()]
    assert main(args) == 0
    assert capsys.readouterr().out == ""


def test_due_json_lists_what_is_due(tmp_path, capsys, monkeypatch) -> None:
    import json

    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    paths = paths_in(tmp_path)
    seed_one_kr(paths, last_checkin=date(2026, 11, 23))
    args = ["--data-dir", str(paths.data_dir), "due", "--json", "--today", "2026-12-01"]
    assert main(args) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["cadence_days"] == 7
    [item] = data["due"]
    assert item["key_result"] == "Raise activation from 20% to 40%"
    assert item["days"] == 8 and not item["never"]
    assert item["line"].endswith("last check-in 8 days ago")


def test_due_on_unreadable_data_says_so_on_stderr(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    paths = paths_in(tmp_path)
    paths.data_dir.mkdir(parents=True)
    paths.data_file.write_text("{ not json")
    assert main(["--data-dir", str(paths.data_dir), "due"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("okrcoach due: ")


def test_one_day_is_singular(tmp_path, capsys, monkeypatch) -> None:
    from okrcoach.services.due import Due

    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    objective = Objective(cycle_id="c1", title="Grow")
    kr = KeyResult(objective_id=objective.id, title="More users")
    assert Due(objective, kr, 1, False).line().endswith("last check-in 1 day ago")
