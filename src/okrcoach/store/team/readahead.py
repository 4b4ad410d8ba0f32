"""Read-ahead for the dashboard: a cycle's key results and latest check-ins in one snapshot.

Showing a cycle asks for its objectives, then each objective's key results and
each key result's latest check-in: hundreds of round trips for an
organisation. ``objectives(cycle)`` therefore reads all three in one
repeatable-read transaction (one consistent moment) and keeps the answers for
``WINDOW`` seconds, to serve the calls that follow. Any save through this store,
and any change another person makes that the listener hears of, drops them at
once; so at worst a read-ahead answer is ``WINDOW`` seconds old, about what live
refresh takes to arrive anyway. Saves never rely on it: versions are checked on
the server.
"""

from __future__ import annotations

import threading
import time
from functools import cache
from typing import Any

from okrcoach.domain.models import CheckIn, KeyResult
from okrcoach.store.team.records import fields_of

WINDOW = 1.0  # seconds

KEY_RESULTS_OF_CYCLE = (
    "objective_id IN (SELECT id FROM okrcoach.objectives WHERE cycle_id = %(cycle)s)"
)
_LATEST_OF_CYCLE = (
    "SELECT DISTINCT ON (kr_id) {} FROM okrcoach.checkins WHERE kr_id IN ("
    "SELECT k.id FROM okrcoach.key_results k JOIN okrcoach.objectives o "
    "ON o.id = k.objective_id WHERE o.cycle_id = %(cycle)s) "
    "ORDER BY kr_id, at DESC, created_at DESC, id"
)


@cache
def latest_of_cycle() -> Any:
    """The newest check-in of every key result in a cycle (columns: CheckIn's fields)."""
    from psycopg import sql

    columns = sql.SQL(", ").join(sql.Identifier(f) for f in fields_of("checkins"))
    return sql.SQL(_LATEST_OF_CYCLE).format(columns)


class ReadAhead:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._filled_at: float | None = None
        self._krs: dict[str, list[KeyResult]] = {}
        self._latest: dict[str, CheckIn | None] = {}

    def fill(self, objective_ids: list[str], krs: list[KeyResult], latest: list[CheckIn]) -> None:
        by_objective: dict[str, list[KeyResult]] = {oid: [] for oid in objective_ids}
        for kr in krs:
            by_objective.setdefault(kr.objective_id, []).append(kr)
        newest: dict[str, CheckIn | None] = {kr.id: None for kr in krs}
        newest.update({c.kr_id: c for c in latest})
        with self._lock:
            self._krs, self._latest = by_objective, newest
            self._filled_at = time.monotonic()

    def clear(self, *_: Any) -> None:
        with self._lock:
            self._filled_at = None
            self._krs, self._latest = {}, {}

    def _fresh(self) -> bool:
        return self._filled_at is not None and time.monotonic() - self._filled_at < WINDOW

    def key_results(self, objective_id: str) -> list[KeyResult] | None:
        """The objective's key results, or None when the read-ahead does not know."""
        with self._lock:
            if not self._fresh() or objective_id not in self._krs:
                return None
            return [kr.model_copy() for kr in self._krs[objective_id]]

    def latest(self, kr_id: str) -> tuple[bool, CheckIn | None]:
        """(known, the latest check-in or None)."""
        with self._lock:
            if not self._fresh() or kr_id not in self._latest:
                return False, None
            found = self._latest[kr_id]
            return True, found.model_copy() if found is not None else None
