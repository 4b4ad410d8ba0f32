"""The JSON export leaves out a team store's save counter, so files are the same from any store."""

from __future__ import annotations

import json
from datetime import date

from okrcoach.domain.models import Cycle, KeyResult, Objective
from okrcoach.export.jsonio import render_json
from okrcoach.export.snapshot import Snapshot, Tables
from okrcoach.export.validate import check_document


def test_objectives_and_key_results_export_without_the_counter() -> None:
    cycle = Cycle.for_quarter(date(2026, 2, 1))
    objective = Objective(cycle_id=cycle.id, title="Answers fast", owner="alice", version=7)
    kr = KeyResult(objective_id=objective.id, title="Reply in 4h", target=4, version=3)
    text = render_json(
        Snapshot(tables=Tables(cycles=[cycle], objectives=[objective], key_results=[kr]))
    )
    data = json.loads(text)
    assert "version" not in data["tables"]["objectives"][0]
    assert "version" not in data["tables"]["key_results"][0]
    assert data["tables"]["objectives"][0]["owner"] == "alice"
    back = check_document(text.encode()).snapshot.tables
    assert back.objectives[0] == objective.model_copy(update={"version": 0})
    assert back.key_results[0] == kr.model_copy(update={"version": 0})
