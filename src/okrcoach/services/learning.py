"""The learning log: "what I learned" notes from check-ins and free journal entries, by week."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from okrcoach.domain.models import JournalEntry, Objective
from okrcoach.settings import WEEKDAYS
from okrcoach.store import Store


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    text: str
    objective_id: str | None
    objective_title: str
    source: str  # "check-in" or "journal"
    about: str = ""  # the KR a check-in note was about


@dataclass(frozen=True)
class Week:
    start: date
    entries: list[LogEntry]

    @property
    def label(self) -> str:
        """'Week 48, 2026 (from 23 Nov)': the ISO number of the week's middle day.

        For weeks starting on Monday that is the ISO week itself; for other starts it is
        the ISO week holding most of its days.
        """
        year, number, _ = (self.start + timedelta(days=3)).isocalendar()
        return f"Week {number}, {year} (from {self.start.day} {self.start:%b})"


def week_start(day: date, first: str = "monday") -> date:
    """The first day of the week holding ``day``, for weeks that begin on ``first``."""
    offset = (day.weekday() - WEEKDAYS.index(first)) % 7
    return day - timedelta(days=offset)


def collect(store: Store, objectives: Sequence[Objective]) -> list[LogEntry]:
    """Every learning note for these objectives, plus journal entries for them or for none."""
    titles = {o.id: o.title for o in objectives}
    entries: list[LogEntry] = []
    for objective in objectives:
        for kr in store.key_results(objective.id):
            for checkin in store.checkins(kr.id):
                if checkin.learned:
                    entries.append(
                        LogEntry(
                            checkin.at,
                            checkin.learned,
                            objective.id,
                            objective.title,
                            "check-in",
                            kr.title,
                        )
                    )
    for entry in store.journal():
        if entry.objective_id is None or entry.objective_id in titles:
            title = titles.get(entry.objective_id or "", "")
            entries.append(LogEntry(entry.at, entry.text, entry.objective_id, title, "journal"))
    return entries


def by_week(
    entries: Sequence[LogEntry], objective_id: str | None = None, first: str = "monday"
) -> list[Week]:
    """Newest week first, weeks beginning on ``first`` (settings.week_start).

    ``objective_id`` keeps only that objective's notes.
    """
    chosen = [e for e in entries if objective_id is None or e.objective_id == objective_id]
    weeks: dict[date, list[LogEntry]] = {}
    for entry in sorted(chosen, key=lambda e: e.at, reverse=True):
        weeks.setdefault(week_start(entry.at.date(), first), []).append(entry)
    return [Week(start, items) for start, items in weeks.items()]


def add_entry(store: Store, text: str, objective_id: str | None, at: datetime) -> JournalEntry:
    return store.save(JournalEntry(text=text, objective_id=objective_id, at=at))
