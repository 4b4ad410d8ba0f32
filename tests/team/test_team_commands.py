"""``okrcoach team init/add/list`` and every store command with ``--store`` on a real server."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from okrcoach.cli import main
from okrcoach.domain.models import Cycle, KeyResult, Objective

TODAY = "2026-11-24"


@pytest.fixture(autouse=True)
def _own_folders(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKRCOACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("OKRCOACH_STORE", raising=False)


def _seed(team) -> None:
    alice = team.open("alice")
    alice.save(Cycle(id="q4", name="2026-Q4", start=date(2026, 10, 1), end=date(2026, 12, 31)))
    alice.save(Objective(id="o", cycle_id="q4", title="Delight support customers"))
    alice.save(
        KeyResult(id="k", objective_id="o", title="Cut reply time from 24 h to 4 h", baseline=24,
                  target=4, created_at=datetime(2026, 10, 1, tzinfo=UTC))
    )  # fmt: skip


def test_init_is_idempotent_and_never_prints_the_password(team, capsys) -> None:
    assert main(["team", "init", team.owner_url]) == 0
    out = capsys.readouterr().out
    assert "up to date" in out
    assert team.cluster.password not in out
    assert out.count("postgresql://") == 1, out  # the address said once


def test_add_lets_a_role_in_and_list_shows_who_is_in(team, capsys) -> None:
    team.cluster.create_role("tc_dave", "tc_dave-pw")
    code = main(
        ["team", "add", "tc_dave", "--name", "Dave", "--team", "Support", "--store", team.owner_url]
    )
    assert code == 0
    out = capsys.readouterr().out
    # The line tells Dave's own address (his role, no password), not the owner's.
    said = "Dave (Support) is in, as the role tc_dave: okrcoach --store 'postgresql://tc_dave@"
    assert said in out
    assert "okr_owner" not in out and team.cluster.password not in out
    assert main(["--store", team.url("tc_dave"), "team", "list"]) == 0
    out = capsys.readouterr().out
    assert "tc_dave" in out and "Dave" in out and "Support" in out
    assert "carol" in out and "admin" in out
    assert "tc_dave-pw" not in out
    assert main(["team", "list", "--json", "--store", team.url("alice")]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"role": "tc_dave", "name": "Dave", "team": "Support", "admin": False} in rows


def test_adding_a_role_the_server_does_not_have_says_so(team, capsys) -> None:
    code = main(["team", "add", "nobody", "--name", "No One", "--store", team.owner_url])
    assert code == 2
    err = capsys.readouterr().err
    assert "nobody" in err and "Nobody was added" in err
    assert team.cluster.password not in err


def test_team_commands_without_a_store_say_how_to_give_one(capsys) -> None:
    assert main(["team", "list"]) == 2
    assert "no team store given" in capsys.readouterr().err
    assert main(["team"]) == 2


def test_a_member_cannot_let_people_in(team, capsys) -> None:
    team.cluster.create_role("tc_erin", "tc_erin-pw")
    assert main(["team", "add", "tc_erin", "--name", "Erin", "--store", team.url("bob")]) == 2
    assert "Nobody was added" in capsys.readouterr().err


def test_report_due_export_and_doctor_read_the_team_store(team, capsys) -> None:
    _seed(team)
    url = team.url("bob")  # bob reads alice's objective: transparency
    assert main(["report", "--plain", "--today", TODAY, "--store", url]) == 0
    assert "Delight support customers" in capsys.readouterr().out
    # The check-ins due are your own: alice's, not bob's.
    assert main(["due", "--today", TODAY, "--store", url]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["due", "--today", TODAY, "--store", team.url("alice")]) == 1
    assert "Cut reply time" in capsys.readouterr().out
    assert main(["export", "--format", "md", "--store", url]) == 0
    assert "Delight support customers" in capsys.readouterr().out
    assert main(["doctor", "--store", url]) == 0
    out = capsys.readouterr().out
    assert "(team)" in out and "bob (Bob, Sales)" in out and "bob-pw" not in out
    assert main(["doctor", "--list-backups", "--store", url]) == 2
    assert "database owner's job" in capsys.readouterr().err


def test_checkin_from_the_shell_on_the_team_store(team, capsys) -> None:
    _seed(team)
    args = ["checkin", "reply time", "12", "-c", "6", "--today", TODAY]
    assert main([*args, "--store", team.url("alice")]) == 0
    assert "Saved: 12" in capsys.readouterr().out
    assert [c.value for c in team.open("bob").checkins("k")] == [12]
    # Bob may read it, never check in on it; carol, an admin, may.
    assert main([*args, "--store", team.url("bob")]) == 2
    assert "no key results to check in on" in capsys.readouterr().err
    assert len(team.open("alice").checkins("k")) == 1


def test_the_store_setting_opens_the_team_store(team, tmp_path, capsys) -> None:
    _seed(team)
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text(f'store = "{team.url("alice")}"\n', encoding="utf-8")
    assert main(["report", "--plain", "--today", TODAY]) == 0
    assert "Delight support customers" in capsys.readouterr().out
    # --store local overrides it for one run.
    assert main(["report", "--plain", "--today", TODAY, "--store", "local"]) == 0
    assert "Delight support customers" not in capsys.readouterr().out


def test_an_unreachable_server_is_a_message_not_a_traceback(team, capsys) -> None:
    url = team.url("alice")
    team.cluster.stop()
    try:
        assert main(["report", "--store", url]) == 2
    finally:
        team.cluster.start()
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "alice-pw" not in err and "Traceback" not in err
