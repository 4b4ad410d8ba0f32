"""Which cycle is current, and how far through it we are."""

from __future__ import annotations

from datetime import date, timedelta

from okrcoach.domain.models import Cycle
from okrcoach.store import Store


def current_cycle(store: Store, today: date | None = None, length: str = "quarter") -> Cycle:
    """The cycle holding today; created on first use as the calendar period of ``length``.

    ``length`` is the user's default cycle length (settings.cycle_length). A
    read-only store gets that period without saving it.
    """
    today = today or date.today()
    if store.read_only:
        for cycle in store.cycles():
            if cycle.contains(today):
                return cycle
        return Cycle.for_period(today, length)
    return store.current_cycle(today, length)


def next_cycle(store: Store, cycle: Cycle, length: str | None = None) -> Cycle:
    """The cycle after ``cycle``: the earliest stored one holding or starting after its end.

    When none is stored, a new (unsaved) one: the next calendar period of ``length``
    when given, else one of the same kind (a calendar quarter follows a quarter, a
    custom cycle is followed by one as long, named after it).
    """
    day_after = cycle.end + timedelta(days=1)
    later = [
        c
        for c in store.cycles()
        if c.id != cycle.id and (c.start > cycle.end or c.contains(day_after))
    ]
    if later:
        return min(later, key=lambda c: c.start)
    if length is not None:
        return cycle.next_period(length)
    if (cycle.start, cycle.end) == Cycle.quarter_of(cycle.start)[1:]:
        return Cycle.for_quarter(day_after)
    return Cycle(
        name=f"After {cycle.name}"[:80], start=day_after, end=day_after + (cycle.end - cycle.start)
    )


def days_left(cycle: Cycle, today: date | None = None) -> int:
    today = today or date.today()
    return max(0, (cycle.end - today).days)


def describe_cycle(cycle: Cycle, today: date | None = None) -> str:
    """'2026-Q4 · 1 Oct – 31 Dec 2026 · 37 days left'."""
    today = today or date.today()
    span = f"{cycle.start.day} {cycle.start:%b} – {cycle.end.day} {cycle.end:%b %Y}"
    if today > cycle.end:
        when = "ended"
    elif today < cycle.start:
        when = f"starts in {(cycle.start - today).days} days"
    else:
        left = days_left(cycle, today)
        when = f"{left} day{'s' if left != 1 else ''} left"
    return f"{cycle.name} · {span} · {when}"
