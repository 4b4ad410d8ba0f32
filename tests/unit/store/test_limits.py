"""Limits no real user meets, refused in words wherever records enter the store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from okrcoach.cli import main
from okrcoach.domain.models import CheckIn, Cycle, Draft, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import LimitError, Store, limits, open_store

Q1 = (date(2026, 1, 1), date(2026, 3, 31))


def _cycle(store: Store) -> Cycle:
    return store.save(Cycle(name="2026-Q1", start=Q1[0], end=Q1[1]))


def test_a_cycle_takes_at_most_500_objectives_and_says_so(paths: AppPaths) -> None:
    with open_store(paths) as store:
        cycle = _cycle(store)
        full = [Objective(cycle_id=cycle.id, title=f"O {n}") for n in range(500)]
        store.save_many(full)
        with pytest.raises(LimitError) as caught:
            store.save(Objective(cycle_id=cycle.id, title="one too many"))
        message = str(caught.value)
        assert "500 objectives in one cycle" in message and "2026-Q1" in message
        assert "Nothing was saved" in message
        assert len(store.objectives(cycle.id)) == 500
        store.save(full[0].touched(title="editing one is still fine"))
    with open_store(paths) as store:
        assert len(store.objectives(cycle.id)) == 500


def test_a_huge_draft_is_refused_and_a_normal_one_kept(paths: AppPaths) -> None:
    with open_store(paths) as store:
        store.save(Draft(kind="objective", data={"title": "a normal draft", "why": "x" * 2000}))
        with pytest.raises(LimitError, match="256 KB"):
            store.save(Draft(kind="objective", data={"why": "x" * 45_000_000}))
        assert len(store.drafts()) == 1
    assert paths.data_file.stat().st_size < 100_000


def test_check_ins_per_key_result_are_limited(paths: AppPaths) -> None:
    with open_store(paths) as store:
        cycle = _cycle(store)
        objective = store.save(Objective(cycle_id=cycle.id, title="O"))
        kr = store.save(KeyResult(objective_id=objective.id, title="KR"))
        many = [
            CheckIn(kr_id=kr.id, value=n, confidence=5)
            for n in range(limits.CHECKINS_PER_KEY_RESULT + 1)
        ]
        with pytest.raises(LimitError, match="check-ins on one key result"):
            store.save_many(many)
        assert store.checkins(kr.id) == []


def test_an_import_past_a_limit_is_refused_naming_it(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = AppPaths(data_dir=tmp_path / "other", config_dir=paths.config_dir)
    with open_store(other) as store:
        cycle = _cycle(store)
        store.save_many([Objective(cycle_id=cycle.id, title=f"O {n}") for n in range(500)])
    export = tmp_path / "big.json"
    args = ["export", "--format", "json", "-o", str(export)]
    assert main(["--data-dir", str(other.data_dir), *args]) == 0
    data = json.loads(export.read_text())
    extra = dict(data["tables"]["objectives"][0], id="one-more", title="one more")
    data["tables"]["objectives"].append(extra)
    export.write_text(json.dumps(data))
    capsys.readouterr()
    code = main(["--data-dir", str(paths.data_dir), "import", str(export)])
    err = capsys.readouterr().err
    assert code != 0 and "500 objectives in one cycle" in err and "Nothing was imported" in err
    with open_store(paths, read_only=True) as store:
        assert store.all(Objective) == []
