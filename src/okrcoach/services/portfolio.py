"""The dashboard's picture of a cycle: objectives with progress, confidence and health.

Loading, filtering and sorting live here so the screen only renders the answer
and a test can check every rule without a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from okrcoach.domain.health import DEFAULT_CADENCE_DAYS, Health, assess_kr, objective_health
from okrcoach.domain.models import CheckIn, Cycle, GoalType, KeyResult, Objective
from okrcoach.domain.scoring import kr_progress, objective_progress
from okrcoach.services.people import EVERYONE, Who, owned_by, owner_name, owner_names, people_of
from okrcoach.services.views import Filter, Sort
from okrcoach.store import Store

__all__ = ["Filter", "Sort"]


@dataclass(frozen=True)
class KRRow:
    kr: KeyResult
    progress: float
    health: Health
    latest: CheckIn | None
    why: str = ""  # the health rule that applied: "confidence 5/10 though the pace is fine"


@dataclass(frozen=True)
class ObjectiveRow:
    objective: Objective
    krs: list[KRRow]
    progress: float
    confidence: int | None  # the lowest latest confidence of its KRs: the honest one
    health: Health
    owner_name: str = ""  # the owner as people know them (a team store's owner is a role)

    @property
    def id(self) -> str:
        return self.objective.id


@dataclass
class Portfolio:
    cycle: Cycle
    rows: list[ObjectiveRow] = field(default_factory=list)
    balance_hints: list[str] = field(default_factory=list)
    archived_count: int = 0
    active: list[Objective] = field(default_factory=list)  # what the balance hints read
    people: list[Any] = field(default_factory=list)  # a team store's people; none locally
    me: str = ""  # the team store's role of whoever is looking
    admin: bool = False  # they may change everyone's objectives


def visible(objective: Objective, show_archived: bool = False) -> bool:
    """Deleted objectives live only in the trash; archived ones only when asked for."""
    return not objective.deleted and (show_archived or not objective.archived)


def objective_row(
    objective: Objective,
    krs: Sequence[KeyResult],
    latest: dict[str, CheckIn | None],
    cycle: Cycle,
    today: date,
    cadence_days: int = DEFAULT_CADENCE_DAYS,
    owner_name: str = "",
) -> ObjectiveRow:
    kr_rows = []
    for kr in krs:
        reading = assess_kr(kr, latest.get(kr.id), cycle, today, objective.commitment, cadence_days)
        kr_rows.append(
            KRRow(kr, kr_progress(kr), reading.health, latest.get(kr.id), reading.reason)
        )
    confidences = [
        row.latest.confidence if row.latest is not None else row.kr.confidence for row in kr_rows
    ]
    known = [c for c in confidences if c is not None]
    return ObjectiveRow(
        objective=objective,
        krs=kr_rows,
        progress=objective_progress(krs),
        confidence=min(known) if known else None,
        health=objective_health(row.health for row in kr_rows),
        owner_name=owner_name or objective.owner,
    )


_WHY = {
    "cycle.only-performance": "Performance without learning risks burn-out.",
    "cycle.only-learning": "Learning without performance drifts without direction.",
}


def balance_hints(objectives: Sequence[Objective]) -> list[str]:
    """The coach's word on the mix of learning and performance goals in a cycle."""
    from okrcoach.coach import review_cycle

    review = review_cycle(list(objectives), {})
    return [
        f"{f.message} {_WHY[f.rule_id]} {f.suggestion}"
        for f in review.findings
        if f.rule_id in _WHY
    ]


def load_portfolio(
    store: Store,
    cycle: Cycle,
    today: date,
    *,
    show_archived: bool = False,
    cadence_days: int = DEFAULT_CADENCE_DAYS,
    with_hints: bool = True,
) -> Portfolio:
    """Every shown objective of ``cycle`` with its KRs, progress, confidence and health.

    ``cadence_days`` is the user's check-in cadence: it decides when a check-in is stale.
    ``with_hints=False`` leaves the coach's balance hints out (``balance_hints(p.active)``
    gives them later): the objectives can then be shown before the coach is even imported.
    """
    everything = store.objectives(cycle.id, include_archived=True)
    shown = [o for o in everything if visible(o, show_archived)]
    people = people_of(store)
    names = owner_names(people)
    rows = []
    for objective in shown:
        krs = store.key_results(objective.id)
        latest = {kr.id: store.latest_checkin(kr.id) for kr in krs}
        name = owner_name(objective.owner, names)
        rows.append(objective_row(objective, krs, latest, cycle, today, cadence_days, name))
    active = [o for o in everything if visible(o)]
    return Portfolio(
        cycle=cycle,
        rows=rows,
        balance_hints=balance_hints(active) if with_hints else [],
        archived_count=sum(1 for o in everything if o.archived and not o.deleted),
        active=active,
        people=people,
        me=getattr(store, "me", ""),
        admin=bool(getattr(store, "is_admin", False)),
    )


def filter_rows(
    rows: Sequence[ObjectiveRow],
    chosen: Filter,
    who: Who = EVERYONE,
    people: Sequence[Any] = (),
) -> list[ObjectiveRow]:
    """The rows of the chosen kind, owned by ``who`` (a person or a team)."""
    if not who.everyone:
        rows = [r for r in rows if owned_by(r.objective.owner, who, people)]
    if chosen is Filter.LEARNING:
        return [r for r in rows if r.objective.goal_type is GoalType.LEARNING]
    if chosen is Filter.PERFORMANCE:
        return [r for r in rows if r.objective.goal_type is GoalType.PERFORMANCE]
    if chosen is Filter.AT_RISK:
        return [r for r in rows if r.health in (Health.AT_RISK, Health.OFF_TRACK)]
    return list(rows)


def sort_rows(rows: Sequence[ObjectiveRow], chosen: Sort) -> list[ObjectiveRow]:
    """Progress and confidence sort lowest first: what needs attention comes to the top."""
    if chosen is Sort.PROGRESS:
        return sorted(rows, key=lambda r: r.progress)
    if chosen is Sort.CONFIDENCE:
        return sorted(rows, key=lambda r: (r.confidence is not None, r.confidence or 0))
    return list(rows)


def cycle_is_locked(cycle: Cycle, today: date, reopened: bool = False) -> bool:
    """A closed or finished cycle is browsable but read-only until it is reopened."""
    if reopened or cycle.reopened:
        return False
    return cycle.closed or cycle.end < today
