"""Finishing a retro and deleting its draft is one change: a crash cannot offer it again."""

from __future__ import annotations

import contextlib

import pytest

from okrcoach.domain.models import Retrospective
from okrcoach.paths import AppPaths
from okrcoach.services import retros
from okrcoach.store import Store, open_store
from tests.unit.store.test_one_commit import Crash, crash_after_first_save
from tests.unit.test_retro_service import store  # noqa: F401 (a fixture; paths is shared)


def test_a_crash_right_after_finishing_a_retro_never_offers_its_draft_again(
    paths: AppPaths,
    store: Store,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scope, retro, _, _ = retros.start(store, "q4")
    retro = retros.save_progress(store, retro, 4)
    assert store.drafts("retro")
    crash_after_first_save(monkeypatch)
    with contextlib.suppress(Crash):
        retros.finish(store, scope, retro)
    monkeypatch.undo()
    store.close()
    with open_store(paths) as reopened:
        stored = reopened.get(Retrospective, retro.id)
        assert stored is not None
        assert stored.finished != bool(reopened.drafts("retro"))
