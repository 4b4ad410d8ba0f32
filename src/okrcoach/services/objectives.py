"""Archive, trash, restore, undo and carry-over of objectives: every change reversible.

Archive hides an objective from the dashboard (it stays in its cycle, shown on
request). Delete moves it to the trash: ``deleted`` and ``archived`` are both
set so any list that ignores archived objectives ignores it too. Restoring
from the trash clears both. Purging is the only permanent removal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from okrcoach.domain.models import (
    CheckIn,
    Cycle,
    Direction,
    KeyResult,
    MetricKind,
    Objective,
    ObjectiveStatus,
)
from okrcoach.services.cycles import next_cycle
from okrcoach.services.versions import at_version, version_of
from okrcoach.store import Store


@dataclass(frozen=True)
class Change:
    """What an action did, with the records as they were so it can be undone."""

    verb: str
    before: list[Objective]
    after: list[Objective] = field(default_factory=list)  # as saved: the versions undo builds on

    @property
    def title(self) -> str:
        return self.before[0].title if self.before else ""


def _require(store: Store, objective_id: str) -> Objective:
    objective = store.get(Objective, objective_id)
    if objective is None:
        raise LookupError("That objective no longer exists.")
    return objective


def _change(store: Store, objective_id: str, verb: str, **fields: object) -> Change:
    before = _require(store, objective_id)
    after = store.save(before.touched(**fields))
    return Change(verb, [before], [after])


def archive(store: Store, objective_id: str) -> Change:
    return _change(store, objective_id, "archived", archived=True)


def unarchive(store: Store, objective_id: str) -> Change:
    return _change(store, objective_id, "unarchived", archived=False)


def delete(store: Store, objective_id: str) -> Change:
    """Move to the trash (restorable)."""
    return _change(store, objective_id, "moved to the trash", deleted=True, archived=True)


def restore(store: Store, objective_id: str) -> Change:
    """Bring back from the trash onto its cycle's dashboard."""
    return _change(store, objective_id, "restored", deleted=False, archived=False)


def undo(store: Store, change: Change) -> None:
    """Put the objectives back exactly as they were before ``change``.

    Built on the versions the change saved: if someone changed an objective since,
    a team store refuses the undo rather than overwrite their edit."""
    versions = {o.id: version_of(o) for o in change.after}
    store.save_many(at_version(o.touched(), versions.get(o.id)) for o in change.before)


def trash(store: Store) -> list[Objective]:
    """Every deleted objective, most recently deleted first."""
    found = [o for o in store.objectives(include_archived=True) if o.deleted]
    return sorted(found, key=lambda o: o.updated_at, reverse=True)


def purge(store: Store, objective_id: str) -> int:
    """Delete for good: the objective, its KRs and their check-ins. Only from the trash."""
    objective = _require(store, objective_id)
    if not objective.deleted:
        raise ValueError("Only objectives in the trash can be deleted for good.")
    items: list[tuple[type, str]] = [(Objective, objective_id)]
    for kr in store.key_results(objective_id):
        items.append((KeyResult, kr.id))
        items.extend((CheckIn, c.id) for c in store.checkins(kr.id))
    return store.delete_many(items)


def carried_kr(kr: KeyResult, objective_id: str) -> KeyResult:
    """A copy starting where the old one stopped: its last value is the new baseline."""
    baseline = kr.current if kr.current is not None else kr.baseline
    reached = (
        baseline is not None
        and kr.target is not None
        and baseline == kr.target
        and (kr.direction is not Direction.MAINTAIN or kr.metric_kind is MetricKind.MILESTONE)
    )
    if reached:
        baseline = kr.baseline
    return KeyResult(
        objective_id=objective_id,
        title=kr.title,
        metric_kind=kr.metric_kind,
        unit=kr.unit,
        baseline=baseline,
        target=kr.target,
        current=None,
        direction=kr.direction,
        confidence=None,
        position=kr.position,
    )


def carry_over(store: Store, objective_id: str) -> tuple[Objective, Cycle]:
    """Copy an objective and its KRs into the next cycle; mark the original carried over."""
    original = _require(store, objective_id)
    cycle = store.get(Cycle, original.cycle_id)
    if cycle is None:
        raise LookupError("The objective's cycle no longer exists.")
    target = next_cycle(store, cycle)
    copy = original.copy_to(target.id)
    krs = [carried_kr(kr, copy.id) for kr in store.key_results(objective_id)]
    marked = original.touched(status=ObjectiveStatus.CARRIED_OVER)
    store.save_many([target, copy, *krs, marked])
    return copy, target


def create_cycle(store: Store, name: str, start: date, end: date) -> Cycle:
    """A custom cycle (a sprint, a half-year); validation errors say what is wrong."""
    return store.save(Cycle(name=name, start=start, end=end))


def reopen_cycle(store: Store, cycle_id: str) -> Cycle:
    cycle = store.get(Cycle, cycle_id)
    if cycle is None:
        raise LookupError("That cycle no longer exists.")
    if cycle.reopened and not cycle.closed:
        return cycle
    return store.save(cycle.touched(closed=False, reopened=True))
