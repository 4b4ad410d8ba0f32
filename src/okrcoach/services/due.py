"""Which key results are overdue for a check-in, given the cadence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from okrcoach.domain.health import DEFAULT_CADENCE_DAYS
from okrcoach.domain.models import KeyResult, Objective, ObjectiveStatus
from okrcoach.domain.numbers import plural
from okrcoach.store import Store

__all__ = ["DEFAULT_CADENCE_DAYS", "Due", "due_checkins"]


@dataclass(frozen=True)
class Due:
    objective: Objective
    kr: KeyResult
    days: int  # since the last check-in, or since the cycle started
    never: bool

    def line(self) -> str:
        since = "no check-in yet" if self.never else f"last check-in {plural(self.days, 'day')} ago"
        return f"{self.objective.title} › {self.kr.title}: {since}"


def due_checkins(store: Store, today: date, cadence_days: int = DEFAULT_CADENCE_DAYS) -> list[Due]:
    """Live KRs of the current cycles whose last check-in (or start) is a cadence or more ago.

    On a team store, only the person's own objectives: the check-ins due are theirs."""
    from okrcoach.services.people import is_mine

    found: list[Due] = []
    for cycle in store.cycles():
        if not cycle.contains(today):
            continue
        for objective in store.objectives(cycle.id):
            if objective.deleted or objective.status is not ObjectiveStatus.ACTIVE:
                continue
            if not is_mine(store, objective.owner):
                continue
            for kr in store.key_results(objective.id):
                latest = store.latest_checkin(kr.id)
                since = latest.at.date() if latest else max(cycle.start, kr.created_at.date())
                days = (today - since).days
                if days >= cadence_days:
                    found.append(Due(objective, kr, days, latest is None))
    return sorted(found, key=lambda d: -d.days)
