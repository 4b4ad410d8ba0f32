"""TeamStore: the local Store's public API on a PostgreSQL server shared by a team.

Every call is one round trip (or one transaction) on the store's connection,
so a read shows what others saved; the one exception is the dashboard's
read-ahead (``readahead``), at most a second old and dropped by any change
this store makes or hears of. Who may change what is decided by the database
(row-level security); this class only turns its refusals, conflicts and
outages into messages. ``on_change`` reports
other people's changes from a background listener.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from okrcoach.domain.models import (
    CheckIn,
    Cycle,
    Draft,
    JournalEntry,
    KeyResult,
    Objective,
    Person,
    Record,
    Retrospective,
)
from okrcoach.store.errors import NotAllowedError, ReadOnlyError, StoreError
from okrcoach.store.team.listener import ANYTHING, ChangeListener
from okrcoach.store.team.readahead import KEY_RESULTS_OF_CYCLE, ReadAhead, latest_of_cycle
from okrcoach.store.team.records import MODEL_OF, from_row, select, statements, table_of
from okrcoach.store.team.saving import Writer, children_first, explain_refusal, ordered
from okrcoach.store.team.schema import TEAM_SCHEMA_VERSION
from okrcoach.store.team.session import Session

R = TypeVar("R", bound=Record)
_OBJECTIVE_ORDER = "position, created_at, id"
_KR_ORDER = "position, created_at, id"

_PEOPLE = "SELECT role, name, team, admin FROM okrcoach.people ORDER BY name, role"


class TeamStore:
    """The organisation's records on the server, as seen (and changeable) by one role."""

    def __init__(
        self, session: Session, *, me: str, is_admin: bool, read_only: bool = False
    ) -> None:
        self._session = session
        self.me = me
        self.is_admin = is_admin
        self.read_only = read_only
        self.location = session.location
        self.schema_version = TEAM_SCHEMA_VERSION
        self._names: dict[str, str] = {}
        self._people: list[Person] | None = None  # kept while listening (see ``people``)
        self._people_generation = 0  # bumped by each change heard, so a late read is not kept
        self._people_lock = threading.Lock()
        self._listener = ChangeListener(session.url, lambda: session.backend_pid)
        self._readahead = ReadAhead()
        self._listening = False

    # -- lifecycle -------------------------------------------------------------

    def close(self) -> None:
        self._listener.close()
        self._session.close()

    def __enter__(self) -> TeamStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def on_change(self, callback: Callable[[str], None]) -> Callable[[], None]:
        """Call ``callback(table)`` (from a background thread) when someone else changes data.

        ``table`` is a table name (``"objectives"``, ``"checkins"``...) or ``"*"`` after the
        server was away (anything may have changed). The first call waits until the
        listener is connected (a few seconds at most), so call it off the UI thread.
        Returns a function that unsubscribes ``callback``.
        """
        if not self._listening:
            self._listener.subscribe(self._readahead.clear)  # before the caller hears of it
            self._listener.subscribe(self._people_changed)
            self._listening = True
            self._people_changed(ANYTHING)  # read before anyone listened: not to be trusted
        return self._listener.subscribe(callback)

    # -- people ----------------------------------------------------------------

    def people(self) -> list[Person]:
        """Everyone in the team, by name. Kept while the store listens for changes (the
        dashboard reads it on every load) and read again once someone changes ``people``
        or the server was away; without a listener, read every time."""
        with self._people_lock:
            if self._people is not None:
                return list(self._people)
            generation = self._people_generation
        rows = self._session.run("reading the people", lambda c: c.execute(_PEOPLE).fetchall())
        found = [Person.model_validate(r) for r in rows]
        with self._people_lock:
            self._names = {p.role: p.name for p in found}
            if self._listening and generation == self._people_generation:
                self._people = found  # no change was heard while it was read
        return list(found)

    def _people_changed(self, table: str) -> None:
        if table in ("people", ANYTHING):
            with self._people_lock:
                self._people = None
                self._people_generation += 1

    def name_of(self, role: str) -> str:
        """The person's name for a role (the role itself if they are not in ``people``)."""
        if role not in self._names:
            try:
                self.people()
            except StoreError:
                return role
        return self._names.get(role, role)

    # -- saving ----------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError("The team store is open read-only, so this change was not saved.")

    def _write(
        self, doing: str, puts: list[Record], removes: list[tuple[type[Record], str]]
    ) -> tuple[list[Record], int]:
        import psycopg

        self._check_writable()
        checked = [type(r).model_validate(r.model_dump()) for r in puts]
        order = ordered(range(len(checked)), lambda i: checked[i])
        puts = [checked[i] for i in order]
        for model, _ in removes:
            table_of(model)
        names = dict(self._names)

        def name_of(role: str) -> str:
            return names.get(role) or self.name_of(role)

        def work(conn: Any) -> tuple[list[Record], int]:
            writer = Writer(conn, self.me, name_of)
            try:
                with conn.transaction():
                    stored = writer.put_all(puts)
                    gone = sum(writer.delete(model, rid) for model, rid in children_first(removes))
                back = [stored[order.index(i)] for i in range(len(stored))]  # the caller's order
                return back, gone
            except psycopg.errors.InsufficientPrivilege:
                why = explain_refusal(conn, puts, self.me, self.is_admin, name_of)
                if why is not None:
                    raise why from None
                raise

        self._readahead.clear()
        try:
            return self._session.run(doing, work)
        finally:
            self._readahead.clear()

    def save(self, record: R) -> R:
        """Save one record; returns it as stored (keep using the returned copy)."""
        return self._write("saving", [record], [])[0][0]  # type: ignore[return-value]

    def save_many(
        self, records: Iterable[Record], delete: Iterable[tuple[type[Record], str]] = ()
    ) -> list[Record]:
        """Save ``records`` and delete ``delete`` (model, id) in one all-or-nothing change."""
        return self._write("saving", list(records), list(delete))[0]

    def delete(self, model: type[Record], record_id: str) -> bool:
        return self.delete_many([(model, record_id)]) == 1

    def delete_many(self, items: Iterable[tuple[type[Record], str]]) -> int:
        unique = list(dict.fromkeys(items))
        return self._write("deleting", [], unique)[1]

    # -- reads -----------------------------------------------------------------

    def _rows(
        self, name: str, where: str = "", order: str = "", params: dict[str, Any] | None = None
    ) -> list[Any]:
        query = select(name, where, order)
        rows = self._session.run("reading", lambda c: c.execute(query, params or {}).fetchall())
        return [from_row(name, r) for r in rows]

    def get(self, model: type[R], record_id: str) -> R | None:
        name = table_of(model)
        query = statements(name).get
        row = self._session.run("reading", lambda c: c.execute(query, {"id": record_id}).fetchone())
        return from_row(name, row) if row is not None else None  # type: ignore[return-value]

    def all(self, model: type[R]) -> list[R]:
        return self._rows(table_of(model), order="created_at, id")

    def counts(self) -> dict[str, int]:
        from psycopg import sql

        query = sql.SQL(" UNION ALL ").join(
            sql.SQL("SELECT {} AS name, count(*) AS n FROM {}").format(
                sql.Literal(name), statements(name).table
            )
            for name in MODEL_OF
        )
        rows = self._session.run("counting", lambda c: c.execute(query).fetchall())
        return {r["name"]: r["n"] for r in rows}

    def cycles(self) -> list[Cycle]:
        return self._rows("cycles", order='start, "end", created_at, id')

    def current_cycle(self, today: date | None = None, length: str = "quarter") -> Cycle:
        """As the local store: the cycle holding ``today``, preferring the calendar period."""
        today = today or date.today()
        _, p_start, p_end = Cycle.period_of(today, length)
        holding = [c for c in self.cycles() if c.contains(today)]
        if holding:
            holding.sort(key=lambda c: (not (c.start == p_start and c.end == p_end), c.start))
            return holding[0]
        cycle = Cycle.for_period(today, length)
        if self.read_only:
            return cycle
        return self.save(cycle)

    def objectives(
        self, cycle_id: str | None = None, *, include_archived: bool = False
    ) -> list[Objective]:
        where = "(%(cycle)s::text IS NULL OR cycle_id = %(cycle)s) AND (%(all)s OR NOT archived)"
        params = {"cycle": cycle_id, "all": include_archived}
        if cycle_id is None:
            return self._rows("objectives", where, _OBJECTIVE_ORDER, params)
        return self._cycle_with_read_ahead(where, params)

    def _cycle_with_read_ahead(self, where: str, params: dict[str, Any]) -> list[Objective]:
        """The cycle's objectives, and its KRs and latest check-ins for the calls that follow."""
        queries = (
            select("objectives", where, _OBJECTIVE_ORDER),
            select("key_results", KEY_RESULTS_OF_CYCLE, _KR_ORDER),
            latest_of_cycle(),
        )

        def work(conn: Any) -> list[list[Any]]:
            with conn.transaction():
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                return [conn.execute(q, params).fetchall() for q in queries]

        rows = self._session.run("reading", work)
        objectives = [from_row("objectives", r) for r in rows[0]]
        krs = [from_row("key_results", r) for r in rows[1]]
        latest = [from_row("checkins", r) for r in rows[2]]
        self._readahead.fill([o.id for o in objectives], krs, latest)  # type: ignore[arg-type]
        return objectives  # type: ignore[return-value]

    def key_results(self, objective_id: str) -> list[KeyResult]:
        known = self._readahead.key_results(objective_id)
        if known is not None:
            return known
        params = {"o": objective_id}
        return self._rows("key_results", "objective_id = %(o)s", _KR_ORDER, params)

    def checkins(self, kr_id: str) -> list[CheckIn]:
        return self._rows("checkins", "kr_id = %(k)s", "at, created_at, id", {"k": kr_id})

    def latest_checkin(self, kr_id: str) -> CheckIn | None:
        known, latest = self._readahead.latest(kr_id)
        if known:
            return latest
        found = self._rows(
            "checkins", "kr_id = %(k)s", "at DESC, created_at DESC, id LIMIT 1", {"k": kr_id}
        )
        return found[0] if found else None

    def journal(self, objective_id: str | None = None) -> list[JournalEntry]:
        where = "(%(o)s::text IS NULL OR objective_id = %(o)s)"
        return self._rows("journal", where, "at, created_at, id", {"o": objective_id})

    def retros(self, cycle_id: str | None = None) -> list[Retrospective]:
        where = "(%(c)s::text IS NULL OR cycle_id = %(c)s)"
        return self._rows("retros", where, "created_at, id", {"c": cycle_id})

    def drafts(self, kind: str | None = None) -> list[Draft]:
        where = "(%(k)s::text IS NULL OR kind = %(k)s)"
        return self._rows("drafts", where, "updated_at DESC, created_at DESC, id", {"k": kind})

    # -- backups ---------------------------------------------------------------

    def last_backup(self) -> None:
        return None

    def backup_now(self, reason: str = "") -> None:
        raise StoreError(
            "Backups of a team store are the database owner's job (for example with pg_dump); "
            "okrcoach does not take them."
        )


def check_member(store: TeamStore, found: Person | None) -> None:
    if found is None:
        raise NotAllowedError(
            f"The database role «{store.me}» is not in the team at {store.location}. "
            f'Ask the owner to run `okrcoach team add {store.me} --name "Your Name"`.'
        )
