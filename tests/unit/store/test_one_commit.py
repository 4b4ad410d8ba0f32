"""Saving a record and deleting its draft is one change: a crash between them cannot duplicate."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from okrcoach.domain.models import Draft, Objective, ObjectiveStatus
from okrcoach.paths import AppPaths
from okrcoach.services import drafting as d
from okrcoach.store import Store, open_store, repository
from tests.unit.test_drafting import TODAY, good_form


class Crash(BaseException):
    """The process dies: nothing after this point runs, nothing is cleaned up."""


def crash_after_first_save(monkeypatch: pytest.MonkeyPatch) -> None:
    real = repository.write_files
    done = [0]

    def write(root: Path, files: dict[Path, bytes]) -> None:
        if done[0]:
            raise Crash
        real(root, files)
        done[0] += 1

    monkeypatch.setattr(repository, "write_files", write)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


@pytest.fixture
def store(paths: AppPaths) -> Iterator[Store]:
    with open_store(paths) as opened:
        opened.current_cycle(TODAY)
        yield opened


@pytest.mark.parametrize("split", [False, True])
def test_a_crash_right_after_saving_an_objective_never_offers_its_draft_again(
    paths: AppPaths, store: Store, monkeypatch: pytest.MonkeyPatch, split: bool
) -> None:
    form = good_form()
    form.split = split
    draft = d.autosave(store, "draft-1", form, 3)
    assert draft is not None
    crash_after_first_save(monkeypatch)
    with contextlib.suppress(Crash):
        d.save_objective(store, form, status=ObjectiveStatus.ACTIVE, today=TODAY, draft_id=draft.id)
    monkeypatch.undo()
    store.close()
    with open_store(paths) as reopened:
        saved = [
            o
            for o in reopened.all(Objective)
            if o.title == form.title and o.status is ObjectiveStatus.ACTIVE
        ]
        drafts = reopened.drafts("objective")
        assert (len(saved), len(drafts)) in ((1, 0), (0, 1))
        if split:
            later = [o for o in reopened.all(Objective) if o.status is ObjectiveStatus.DRAFT]
            assert len(later) == len(saved)  # the graduation draft came with it, or neither


def test_save_many_can_delete_in_the_same_change(store: Store) -> None:
    draft = store.save(Draft(kind="objective", data={"title": "x"}))
    cycle = store.cycles()[0]
    store.save_many([Objective(cycle_id=cycle.id, title="Saved")], delete=[(Draft, draft.id)])
    assert store.drafts() == [] and [o.title for o in store.all(Objective)] == ["Saved"]
