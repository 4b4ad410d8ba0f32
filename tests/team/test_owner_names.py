"""Reports and exports on a team store name each objective's owner as people know them."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest

from okrcoach.cli import main
from okrcoach.domain.models import Cycle, KeyResult, Objective

TODAY = "2026-11-24"


@pytest.fixture(autouse=True)
def _own_folders(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKRCOACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("OKRCOACH_STORE", raising=False)
    monkeypatch.setenv("COLUMNS", "120")


def _seed(team) -> str:
    alice = team.open("alice")
    alice.save(Cycle(id="q4", name="2026-Q4", start=date(2026, 10, 1), end=date(2026, 12, 31)))
    alice.save(Objective(id="o", cycle_id="q4", title="Delight support customers"))
    alice.save(KeyResult(id="k", objective_id="o", title="Cut reply time", baseline=24, target=4))
    return team.url("bob")  # bob reads alice's objective


def test_the_report_names_the_owner(team, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    url = _seed(team)
    assert main(["report", "--plain", "--today", TODAY, "--store", url]) == 0
    out = capsys.readouterr().out
    assert "owner Alice" in out and "owner alice" not in out
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert main(["report", "--today", TODAY, "--store", url]) == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    assert re.search(r"owner\s+Alice", out) and "alice" not in out, out


def test_the_json_report_keeps_the_role_and_adds_the_name(team, capsys) -> None:
    url = _seed(team)
    assert main(["report", "--json", "--today", TODAY, "--store", url]) == 0
    (objective,) = json.loads(capsys.readouterr().out)["objectives"]
    assert (objective["owner"], objective["owner_name"]) == ("alice", "Alice")


def test_the_markdown_export_names_the_owner(team, capsys) -> None:
    url = _seed(team)
    assert main(["export", "--format", "md", "--store", url]) == 0
    out = capsys.readouterr().out
    assert "owner: Alice" in out and "owner: alice" not in out


def test_the_csv_export_names_the_owner_and_keeps_the_role(team, capsys) -> None:
    url = _seed(team)
    assert main(["export", "--format", "csv", "--store", url]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["owner"], r["owner_role"]) for r in rows] == [("Alice", "alice")]


def test_the_json_export_keeps_the_role(team, capsys) -> None:
    url = _seed(team)
    assert main(["export", "--format", "json", "--store", url]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [o["owner"] for o in document["tables"]["objectives"]] == ["alice"]
