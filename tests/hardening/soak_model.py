"""What a soak test expects the workspace to hold, kept beside the real store and compared."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from dataclasses import dataclass, field

from okrcoach.cli import main
from okrcoach.domain.models import CheckIn, Draft, JournalEntry, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import Store


@dataclass
class Expected:
    archived: bool = False
    deleted: bool = False
    krs: set[str] = field(default_factory=set)


@dataclass
class Model:
    objectives: dict[str, Expected] = field(default_factory=dict)
    checkins: dict[str, int] = field(default_factory=dict)
    journal: int = 0
    drafts: set[str] = field(default_factory=set)

    def add(self, objective_id: str, kr_ids: list[str]) -> None:
        assert objective_id not in self.objectives, "an objective id was reused"
        self.objectives[objective_id] = Expected(krs=set(kr_ids))
        for kr_id in kr_ids:
            self.checkins.setdefault(kr_id, 0)

    def purge(self, objective_id: str) -> None:
        for kr_id in self.objectives.pop(objective_id).krs:
            del self.checkins[kr_id]

    def live(self) -> list[str]:
        return sorted(o for o, e in self.objectives.items() if not e.deleted)


def unique(records: list) -> dict:
    by_id = {r.id: r for r in records}
    assert len(by_id) == len(records), "a record is stored twice"
    return by_id


def compare(model: Model, store: Store) -> None:
    """The store holds exactly what the model expects: nothing lost, nothing duplicated."""
    objectives = unique(store.all(Objective))
    assert set(objectives) == set(model.objectives)
    for oid, expected in model.objectives.items():
        got = objectives[oid]
        assert (got.archived, got.deleted) == (expected.archived, expected.deleted), got.title
        assert {k.id for k in store.key_results(oid)} == expected.krs, got.title
    krs = unique(store.all(KeyResult))
    assert set(krs) == set(model.checkins)
    checkins = unique(store.all(CheckIn))
    counted: dict[str, int] = dict.fromkeys(model.checkins, 0)
    for checkin in checkins.values():
        counted[checkin.kr_id] += 1
    assert counted == model.checkins
    assert len(unique(store.all(JournalEntry))) == model.journal
    drafts = unique(store.all(Draft))
    assert {d for d, draft in drafts.items() if draft.kind == "objective"} == model.drafts


def doctor_is_healthy(paths: AppPaths) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["--data-dir", str(paths.data_dir), "doctor"])
    assert code == 0, out.getvalue()
