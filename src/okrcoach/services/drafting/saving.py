"""Saving the form: objectives with their KRs, autosaved drafts, and what the wizard loads."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from pydantic import ValidationError

from okrcoach.domain.errors import describe
from okrcoach.domain.models import (
    Cycle,
    Draft,
    GoalType,
    KeyResult,
    Maturity,
    Objective,
    ObjectiveStatus,
)
from okrcoach.services.cycles import current_cycle, next_cycle
from okrcoach.services.draft_offer import DRAFT_KIND
from okrcoach.services.drafting.checks import WHOLE_FORM, FormInvalid
from okrcoach.services.drafting.form import DraftForm
from okrcoach.services.drafting.readiness import save_blockers
from okrcoach.services.drafting.records import build_kr, build_objective, form_of
from okrcoach.services.people import owner_role, people_of
from okrcoach.services.versions import at_version
from okrcoach.store import Store


@dataclass
class SaveResult:
    objective_id: str
    next_objective_id: str | None = None  # the performance objective of a learn-first split


def save_objective(
    store: Store,
    form: DraftForm,
    *,
    status: ObjectiveStatus,
    today: date | None = None,
    objective_id: str | None = None,
    draft_id: str | None = None,
    cycle_length: str = "quarter",
    opened_version: int | None = None,
) -> SaveResult:
    """Save a new or edited objective with its KRs; FormInvalid if it cannot be saved.

    A new objective joins the current cycle, made as a ``cycle_length`` period if none holds
    ``today``. ``opened_version`` is the edited objective's version when the form was
    filled from it: a team store refuses the save if someone changed it since.
    """
    errors, step = save_blockers(form, status)
    if errors:
        raise FormInvalid(errors, step)
    keep = store.get(Objective, objective_id) if objective_id else None
    if keep is not None:
        keep = at_version(keep, opened_version)
    people = people_of(store)
    if people and form.owner:  # a team store: "Bob" means bob's role
        form = replace(form, owner=owner_role(form.owner, people))
    cycle_id = keep.cycle_id if keep is not None else current_cycle(store, today, cycle_length).id
    try:
        objective = build_objective(form, cycle_id, status, keep)
        old = {kr.id: kr for kr in store.key_results(objective.id)} if keep else {}
        krs = [
            build_kr(kr, objective.id, position, old.get(kr.id or ""))
            for position, (_, kr) in enumerate(form.filled_krs())
        ]
    except ValidationError as error:
        raise FormInvalid({WHOLE_FORM: describe(error)}, 0) from None
    if keep is None:
        objective = objective.model_copy(
            update={"position": len(store.objectives(cycle_id, include_archived=True))}
        )
    removed = set(old) - {kr.id for kr in krs}
    result = SaveResult(objective.id)
    later: list[Cycle | Objective] = []
    if form.split and keep is None:
        later = _next_performance(store, form, cycle_id, objective, cycle_length)
        result.next_objective_id = later[-1].id
    gone = [(KeyResult, kr_id) for kr_id in removed] + ([(Draft, draft_id)] if draft_id else [])
    store.save_many([objective, *krs, *later], delete=gone)  # one change: no draft left behind
    return result


def _next_performance(
    store: Store, form: DraftForm, cycle_id: str, learning: Objective, length: str = "quarter"
) -> list[Cycle | Objective]:
    """Learn first, perform next: the performance objective waits as a draft in the next cycle."""
    cycle = store.get(Cycle, cycle_id) or current_cycle(store, length=length)
    following = next_cycle(store, cycle, length)
    new_cycle = [following] if store.get(Cycle, following.id) is None else []
    later = learning.copy_to(
        following.id,
        why=f"Graduates from the learning objective of {cycle.name}: {learning.title}",
        goal_type=GoalType.PERFORMANCE,
        maturity=Maturity.IMPROVING,
        status=ObjectiveStatus.DRAFT,
        position=len(store.objectives(following.id, include_archived=True)),
    )
    return [*new_cycle, later]


def load_for_edit(store: Store, objective_id: str) -> DraftForm:
    objective = store.get(Objective, objective_id)
    if objective is None:
        raise LookupError("That objective no longer exists.")
    return form_of(objective, store.key_results(objective_id))


def autosave(
    store: Store,
    draft_id: str,
    form: DraftForm,
    step: int,
    target_id: str | None = None,
) -> Draft | None:
    """Keep the wizard's state as a Draft record; nothing is kept for an untouched form."""
    if form.is_empty() and target_id is None:
        store.delete(Draft, draft_id)
        return None
    existing = store.get(Draft, draft_id)
    values = {"kind": DRAFT_KIND, "step": step, "target_id": target_id, "data": form.to_data()}
    if existing is not None:
        return store.save(existing.touched(**values))
    return store.save(Draft(id=draft_id, **values))


def parent_choices(store: Store, exclude_id: str | None = None) -> list[tuple[str, str]]:
    """(label, id) of every active objective in any cycle, for the alignment picker."""
    names = {cycle.id: cycle.name for cycle in store.cycles()}
    found = [
        o
        for o in store.objectives()
        if o.status is ObjectiveStatus.ACTIVE and not o.deleted and o.id != exclude_id
    ]
    found.sort(key=lambda o: (names.get(o.cycle_id, ""), o.position, o.created_at))
    return [(f"{o.title} ({names.get(o.cycle_id, '?')})", o.id) for o in found]
