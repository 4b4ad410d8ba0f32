"""Moving a personal workspace into the team store: ``okrcoach import FILE --store URL``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from okrcoach.cli import main
from okrcoach.domain.models import Objective
from okrcoach.paths import AppPaths
from okrcoach.services.demo_data import build_demo
from okrcoach.store import open_store

TODAY = date(2026, 11, 24)


@pytest.fixture
def local(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    paths = AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    monkeypatch.setenv("OKRCOACH_DATA_DIR", str(paths.data_dir))
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(paths.config_dir))
    monkeypatch.delenv("OKRCOACH_STORE", raising=False)
    return paths


def _personal_workspace(paths: AppPaths, owner: str) -> None:
    """The sample workspace (three cycles, check-ins, a retro, a journal), all ``owner``'s."""
    with open_store(paths) as store:
        build_demo(store, TODAY)
        mine = [o.model_copy(update={"owner": owner}) for o in store.all(Objective)]
        store.save_many(mine)


def _tables(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["tables"]


def test_local_to_team_to_export_equals_the_original(team, local: AppPaths, tmp_path) -> None:
    _personal_workspace(local, "alice")
    original, back = tmp_path / "local.json", tmp_path / "team.json"
    assert main(["export", "--format", "json", "-o", str(original)]) == 0
    url = team.url("alice")
    assert main(["import", str(original), "--store", url]) == 0
    assert main(["export", "--format", "json", "-o", str(back), "--store", url]) == 0
    assert _tables(back) == _tables(original)
    # Importing the same file again changes nothing and never conflicts.
    assert main(["import", str(original), "--store", url]) == 0


def test_owners_who_are_nobody_in_the_team_are_named_and_nothing_is_written(
    team, local: AppPaths, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    _personal_workspace(local, "Sam")
    exported = tmp_path / "local.json"
    assert main(["export", "--format", "json", "-o", str(exported)]) == 0
    url = team.url("alice")
    assert main(["import", str(exported), "--store", url]) == 1
    err = capsys.readouterr().err
    assert "owned by Sam" in err and "--mine" in err and "alice-pw" not in err
    assert team.open("alice").counts()["objectives"] == 0
    # --mine takes them as the importer's own.
    assert main(["import", str(exported), "--store", url, "--mine"]) == 0
    out = capsys.readouterr().out
    assert "became yours" in out
    owners = {o.owner for o in team.open("bob").all(Objective)}
    assert owners == {"alice"}


def test_an_owner_named_like_a_person_becomes_their_role(
    team, local: AppPaths, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    _personal_workspace(local, "Alice")
    exported = tmp_path / "local.json"
    assert main(["export", "--format", "json", "-o", str(exported)]) == 0
    assert main(["import", str(exported), "--store", team.url("alice")]) == 0
    assert "Objectives of Alice are owned by the role alice." in capsys.readouterr().out
    assert {o.owner for o in team.open("alice").all(Objective)} == {"alice"}
