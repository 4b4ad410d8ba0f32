"""Soak: thousands of random but valid actions with a fixed seed, checked against a model.

Two depths. The service soak makes the same calls the screens make (drafting, check-ins,
archive, trash, undo, carry-over, the learning log, cycles, retros) a few thousand times.
The Pilot soak drives the real app by keys; a key press costs about 0.1 s, so its length
comes from OKRCOACH_SOAK_ACTIONS (default 30, about 12 s).
Both end with the workspace reopened, compared with the model, and ``okrcoach doctor`` healthy.
"""

from __future__ import annotations

import os
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input

from okrcoach.domain.models import Draft, KeyResult, Objective, ObjectiveStatus
from okrcoach.paths import AppPaths
from okrcoach.services import checkins, drafting, learning, objectives, retros
from okrcoach.services.objectives import Change
from okrcoach.store import Store, open_store
from okrcoach.tui.app import make_app
from okrcoach.tui.screens.checkin import CheckInScreen
from okrcoach.tui.screens.dashboard import DashboardScreen
from okrcoach.tui.screens.resume import ResumeModal
from okrcoach.tui.screens.wizard import WizardScreen
from okrcoach.tui.screens.wizard.modals import LeaveModal
from tests.hardening.soak_model import Model, compare, doctor_is_healthy
from tests.tui.conftest import TODAY, settle

SERVICE_ACTIONS = 2000
PILOT_ACTIONS = int(os.environ.get("OKRCOACH_SOAK_ACTIONS", "30"))
WORDS = ["customers", "reply", "faster", "revenue", "[b]bold[/b]", "onboarding", "café", "😀"]


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))
    return AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


def form(rng: random.Random) -> drafting.DraftForm:
    title = " ".join(rng.sample(WORDS, 3)).capitalize()
    krs = [
        drafting.KRForm(
            text=f"Raise {rng.choice(WORDS)} score from {b} to {b + 10}",
            baseline=str(b),
            target=str(b + 10),
            confidence=str(rng.randint(0, 10)),
        )
        for b in rng.sample(range(1, 50), rng.randint(2, 3))
    ]
    return drafting.DraftForm(title=f"Customers love {title}", why="Because", krs=krs)


class ServiceSoak:
    """One random action at a time, each followed by the model's update."""

    def __init__(self, store: Store, seed: int) -> None:
        self.store = store
        self.rng = random.Random(seed)
        self.model = Model()
        self.last: tuple[Change, str, bool, bool] | None = None
        self.day = TODAY
        self.counts: dict[str, int] = {}

    def pick(self, deleted: bool = False) -> str | None:
        ids = sorted(o for o, e in self.model.objectives.items() if e.deleted == deleted)
        return self.rng.choice(ids) if ids else None

    def run(self, actions: int) -> None:
        table = [
            (self.checkin, 30),
            (self.archive, 8),
            (self.delete, 4),
            (self.restore, 4),
            (self.undo, 6),
            (self.draft, 6),
            (self.edit, 3),
            (self.journal, 5),
            (self.carry, 1),
            (self.purge, 1),
            (self.retro, 1),
        ]
        calls, weights = zip(*table, strict=True)
        self.draft(resume=True)
        for n in range(actions):
            action = self.rng.choices(calls, weights)[0]
            self.counts[action.__name__] = self.counts.get(action.__name__, 0) + 1
            action()
            if n % 500 == 499:
                compare(self.model, self.store)

    def checkin(self) -> None:
        oid = self.pick()
        if oid is None or not self.model.objectives[oid].krs:
            return
        kr = self.store.get(KeyResult, self.rng.choice(sorted(self.model.objectives[oid].krs)))
        assert kr is not None
        value = self.rng.uniform(-5, 80)
        checkins.record_checkin(self.store, kr, value, self.rng.randint(0, 10), "n", "l", TODAY)
        self.model.checkins[kr.id] += 1
        assert self.store.get(KeyResult, kr.id).current == value  # type: ignore[union-attr]

    def _apply(self, verb, oid: str, archived: bool, deleted: bool) -> None:
        expected = self.model.objectives[oid]
        change = verb(self.store, oid)
        self.last = (change, oid, expected.archived, expected.deleted)
        expected.archived, expected.deleted = archived, deleted

    def archive(self) -> None:
        oid = self.pick()
        if oid is not None:
            archived = self.model.objectives[oid].archived
            verb = objectives.unarchive if archived else objectives.archive
            self._apply(verb, oid, not archived, False)

    def delete(self) -> None:
        oid = self.pick()
        if oid is not None:
            self._apply(objectives.delete, oid, True, True)

    def restore(self) -> None:
        oid = self.pick(deleted=True)
        if oid is not None:
            self._apply(objectives.restore, oid, False, False)

    def undo(self) -> None:
        if self.last is None:
            return
        change, oid, archived, deleted = self.last
        if oid in self.model.objectives:
            objectives.undo(self.store, change)
            expected = self.model.objectives[oid]
            expected.archived, expected.deleted = archived, deleted
        self.last = None

    def draft(self, resume: bool | None = None) -> None:
        """Start a draft; abandon it (kept for later) or finish it, maybe resuming an old one."""
        rng = self.rng
        if self.model.drafts and rng.random() < 0.5:
            draft_id = rng.choice(sorted(self.model.drafts))
            draft = self.store.get(Draft, draft_id)
            assert draft is not None
            filled = drafting.DraftForm.from_data(draft.data)
        else:
            draft_id, filled = f"draft-{rng.getrandbits(48):x}", form(rng)
            drafting.autosave(self.store, draft_id, filled, rng.randint(0, 4))
            self.model.drafts.add(draft_id)
        if resume is None:
            resume = rng.random() < 0.6
        if not resume:
            return
        result = drafting.save_objective(
            self.store, filled, status=ObjectiveStatus.ACTIVE, today=TODAY, draft_id=draft_id
        )
        self.model.drafts.discard(draft_id)
        self.model.add(
            result.objective_id, [k.id for k in self.store.key_results(result.objective_id)]
        )

    def edit(self) -> None:
        oid = self.pick()
        if oid is None:
            return
        edited = drafting.load_for_edit(self.store, oid)
        edited.title = f"Customers love {self.rng.choice(WORDS)} again"
        drafting.save_objective(self.store, edited, status=ObjectiveStatus.ACTIVE, objective_id=oid)

    def journal(self) -> None:
        at = datetime(2026, 10, 1, tzinfo=UTC) + timedelta(hours=self.rng.randint(0, 2000))
        learning.add_entry(self.store, f"learned {self.rng.choice(WORDS)}", self.pick(), at)
        self.model.journal += 1

    def carry(self) -> None:
        oid = self.pick()
        if oid is not None:
            copy, _ = objectives.carry_over(self.store, oid)
            self.model.add(copy.id, [k.id for k in self.store.key_results(copy.id)])
            assert len(self.model.objectives[copy.id].krs) == len(self.model.objectives[oid].krs)

    def purge(self) -> None:
        oid = self.pick(deleted=True)
        if oid is not None:
            objectives.purge(self.store, oid)
            self.model.purge(oid)

    def retro(self) -> None:
        """A mid-cycle retro of one objective: its decision may carry a copy forward."""
        oid = self.pick()
        if oid is None:
            return
        objective = self.store.get(Objective, oid)
        assert objective is not None
        before = set(o.id for o in self.store.all(Objective))
        scope, retro, _, _ = retros.start(self.store, objective.cycle_id, oid)
        retro = retro.touched(participants="Soak", answers={"q": "a"})
        retros.save_progress(self.store, retro, 2)
        retros.finish(self.store, scope, retro)
        for new in set(o.id for o in self.store.all(Objective)) - before:
            copy = self.store.get(Objective, new)
            assert copy is not None and copy.title == objective.title
            self.model.add(new, [k.id for k in self.store.key_results(new)])


def test_service_soak_keeps_every_record(paths: AppPaths) -> None:
    with open_store(paths) as store:
        soak = ServiceSoak(store, seed=20261124)
        soak.run(SERVICE_ACTIONS)
        compare(soak.model, store)
        assert min(soak.counts.values()) > 0, soak.counts  # every kind of action ran
        assert sum(soak.model.checkins.values()) > 500
    with open_store(paths, read_only=True) as reopened:
        compare(soak.model, reopened)
    doctor_is_healthy(paths)


class PilotSoak:
    """Keys a user would press on the dashboard, each checked against the model as it lands."""

    def __init__(self, pilot, model: Model, rng: random.Random) -> None:
        self.pilot = pilot
        self.app = pilot.app
        self.model = model
        self.rng = rng
        self.last: tuple[str, bool, bool] | None = None
        self.counts: dict[str, int] = {}

    @property
    def dashboard(self) -> DashboardScreen:
        screen = self.app.screen
        assert isinstance(screen, DashboardScreen), screen
        return screen

    def store_ids(self, model: type) -> set[str]:
        return {r.id for r in self.app.store.all(model)}

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await settle(self.pilot)

    async def run(self, actions: int) -> None:
        table = [
            (self.move, 20),
            (self.view, 8),
            (self.switch_cycle, 5),
            (self.archive, 8),
            (self.delete, 3),
            (self.undo, 6),
            (self.checkin, 12),
            (self.draft, 2),
            (self.peek_retro, 1),
        ]
        calls, weights = zip(*table, strict=True)
        for _ in range(actions):
            action = self.rng.choices(calls, weights)[0]
            self.counts[action.__name__] = self.counts.get(action.__name__, 0) + 1
            await action()
            assert self.app.is_running

    def writable_row(self):
        data = self.dashboard.data
        if data is None or data.locked:
            return None
        return self.dashboard.selected()

    async def move(self) -> None:
        await self.pilot.press(self.rng.choice(["down", "up", "j", "k"]))
        await self.pilot.pause()

    async def view(self) -> None:
        await self.press(self.rng.choice(["f", "s", "A"]))

    async def switch_cycle(self) -> None:
        await self.press(self.rng.choice(["left_square_bracket", "right_square_bracket"]))

    async def archive(self) -> None:
        row = self.writable_row()
        await self.press("a")
        if row is not None:
            expected = self.model.objectives[row.id]
            self.last = (row.id, expected.archived, expected.deleted)
            expected.archived = not row.objective.archived

    async def delete(self) -> None:
        row = self.writable_row()
        await self.press("d")
        if row is not None:
            expected = self.model.objectives[row.id]
            self.last = (row.id, expected.archived, expected.deleted)
            expected.archived = expected.deleted = True

    async def undo(self) -> None:
        await self.press("u")
        if self.last is not None:
            oid, archived, deleted = self.last
            expected = self.model.objectives[oid]
            expected.archived, expected.deleted = archived, deleted
            self.last = None

    async def checkin(self) -> None:
        row = self.writable_row()
        await self.press("c")
        if row is None:
            return
        screen = self.app.screen
        assert isinstance(screen, CheckInScreen)
        for plan in list(screen.plans):
            if self.rng.random() < 0.2:
                await self.press("ctrl+n")  # skip this KR
                continue
            value = str(self.rng.randint(0, 99))
            await self.pilot.press("ctrl+u", *value, "enter", "ctrl+u", str(self.rng.randint(0, 9)))
            await self.press("ctrl+s")
            self.model.checkins[plan.kr.id] += 1
        if self.app.screen is screen:
            await self.press("escape")
        assert isinstance(self.app.screen, DashboardScreen)

    async def draft(self) -> None:
        """Start a draft and leave it for later (the next app run resumes it)."""
        if self.dashboard.data is None or self.dashboard.data.locked:
            return
        before = self.store_ids(Draft)
        await self.press("n")
        assert isinstance(self.app.screen, WizardScreen)
        await self.pilot.press(*f"Win {self.rng.randint(0, 999)}")
        await self.press("escape")
        assert isinstance(self.app.screen, LeaveModal)
        await self.press("k")
        new = self.store_ids(Draft) - before
        assert len(new) == 1, "keeping a draft must store exactly one"
        self.model.drafts |= new

    async def peek_retro(self) -> None:
        """Open the cycle's retro and leave untouched: nothing may be written."""
        await self.press("R")
        await self.press("escape")
        assert isinstance(self.app.screen, DashboardScreen)

    async def resume_draft(self) -> None:
        """At start-up: resume the newest kept draft and finish it as an objective."""
        if not isinstance(self.app.screen, ResumeModal):
            return
        before = self.store_ids(Objective)
        await self.press("r")
        assert isinstance(self.app.screen, WizardScreen)
        self.app.screen.query_one("#title", Input).focus()
        await self.press("ctrl+n")
        await self.press("enter", "ctrl+n")
        await self.press("ctrl+u", *"Cut tickets from 300 to 200")
        await self.press("pagedown")
        await self.press("ctrl+u", *"Raise NPS from 20 to 45")
        await self.press("ctrl+s")
        assert isinstance(self.app.screen, DashboardScreen), self.app.screen
        [new] = self.store_ids(Objective) - before
        self.model.drafts = {d for d in self.model.drafts if d in self.store_ids(Draft)}
        self.model.add(new, [k.id for k in self.app.store.key_results(new)])
        self.counts["resume_draft"] = self.counts.get("resume_draft", 0) + 1


async def test_pilot_soak_keeps_every_record(paths: AppPaths) -> None:
    from tests.tui.dashboard_seed import mixed_cycle, write

    write(paths, *mixed_cycle())
    model = Model()
    with open_store(paths) as store:
        for objective in store.all(Objective):
            model.add(objective.id, [k.id for k in store.key_results(objective.id)])
        for kr_id in model.checkins:
            model.checkins[kr_id] = len(store.checkins(kr_id))
    rng = random.Random(1124)
    counts: dict[str, int] = {}
    runs = 2
    for _ in range(runs):
        app = make_app(paths, today=TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            soak = PilotSoak(pilot, model, rng)
            await soak.resume_draft()
            await soak.run(PILOT_ACTIONS // runs)
            await soak.draft()  # resumed by the next run; the last one is left for the doctor
            compare(model, app.store)
            for name, count in soak.counts.items():
                counts[name] = counts.get(name, 0) + count
    assert counts.get("resume_draft"), counts
    with open_store(paths, read_only=True) as store:
        compare(model, store)
    doctor_is_healthy(paths)
