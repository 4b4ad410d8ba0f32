"""What one load of the dashboard reads from the store (in a worker, off the UI thread)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass
class DashboardData:
    """What one load of the dashboard found (built in a worker)."""

    portfolio: Any
    cycle_line: str
    is_current: bool
    locked: bool
    neighbours: tuple[str | None, str | None] = (None, None)
    cycle_ids: list[str] = field(default_factory=list)
    balance_asked: bool = False  # the coach was asked for the balance hint (after the paint)
    stamp: str | None = None  # the saved files' fingerprint, when no save landed during the load


def gather(
    store: Any,
    cycle_id: str | None,
    today: date,
    settings: Any,
    *,
    show_archived: bool = False,
    reopened: frozenset[str] | set[str] = frozenset(),
) -> DashboardData:
    """The cycle ``cycle_id`` (the current one when None) as the dashboard shows it on
    ``today``; ``reopened``: the cycles the user reopened in this window."""
    from okrcoach.domain.models import Cycle
    from okrcoach.services.cycles import current_cycle, describe_cycle
    from okrcoach.services.portfolio import cycle_is_locked, load_portfolio

    current = current_cycle(store, today, settings.cycle_length)
    stamp = getattr(store, "files_stamp", None)  # a local workspace's files
    before = stamp() if callable(stamp) else None
    cycle = (store.get(Cycle, cycle_id) if cycle_id else None) or current
    portfolio = load_portfolio(
        store,
        cycle,
        today,
        show_archived=show_archived,
        cadence_days=settings.checkin_cadence_days,
        with_hints=False,
    )
    ids = [c.id for c in store.cycles()]
    if cycle.id not in ids:
        ids.append(cycle.id)
    at = ids.index(cycle.id)
    neighbours = (ids[at - 1] if at > 0 else None, ids[at + 1] if at + 1 < len(ids) else None)
    return DashboardData(
        portfolio=portfolio,
        cycle_line=describe_cycle(cycle, today),
        is_current=cycle.id == current.id,
        locked=cycle_is_locked(cycle, today, cycle.id in reopened) or store.read_only,
        neighbours=neighbours,
        cycle_ids=ids,
        stamp=before if callable(stamp) and stamp() == before else None,
    )
