"""Writing to the team store: one transaction per call, versions checked, refusals explained.

An objective or key result read from the store carries the ``version`` it had;
saving it updates the row only if the version is still the same (a record not
there yet, such as a copy under a new id, is added), otherwise ConflictError
names who changed it and when. The statements of one save are sent together
(a pipeline) and their answers read after, so a save costs one round trip.
Version 0 means a record from outside this store (new, or imported): it is
saved as given. Check-ins are only ever added. When the database's row-level
security refuses a change, the refusal is explained by looking up the owner
(NotAllowedError).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, TypeVar

from okrcoach.domain.models import CheckIn, KeyResult, Objective, Record
from okrcoach.store.errors import ConflictError, NotAllowedError, StoreError
from okrcoach.store.limits import check_draft_size
from okrcoach.store.team.records import (
    SAVE_ORDER,
    VERSIONED,
    from_row,
    statements,
    table_of,
    to_row,
)

NameOf = Callable[[str], str]  # a role -> the person's name
T = TypeVar("T")


def when_words(when: datetime) -> str:
    """'14:02' today, else '2026-11-30 14:02' (local time)."""
    local = when.astimezone()
    today = datetime.now().astimezone().date()
    return f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"


def conflict(title: str, who: str, when: datetime) -> ConflictError:
    return ConflictError(
        f"«{title}» was changed by {who} at {when_words(when)} after you opened it; "
        "your edit was not saved. Reload to see theirs.",
        who=who,
        when=when,
    )


def ordered(items: Iterable[T], record_of: Callable[[T], Record]) -> list[T]:
    """Parents first: an objective is there before its key results are checked."""
    return sorted(items, key=lambda item: SAVE_ORDER.index(table_of(type(record_of(item)))))


def children_first(items: Iterable[tuple[type[Record], str]]) -> list[tuple[type[Record], str]]:
    """Deletes in reverse: check-ins go while their key result still names the owner."""
    return sorted(items, key=lambda item: -SAVE_ORDER.index(table_of(item[0])))


class Writer:
    """The write path of one store call: ``conn`` is inside a transaction."""

    def __init__(self, conn: Any, me: str, name_of: NameOf) -> None:
        self.conn = conn
        self.me = me
        self.name_of = name_of

    def _one(self, query: Any, params: dict[str, Any]) -> dict[str, Any] | None:
        return self.conn.execute(query, params).fetchone()  # type: ignore[no-any-return]

    def _plan(self, record: Record) -> tuple[str, dict[str, Any], Any]:
        """The table, the row and the one statement that saves ``record``."""
        name = table_of(type(record))
        row = to_row(record)
        if name == "drafts":
            check_draft_size(len(record.model_dump_json().encode("utf-8")))
        if name == "objectives" and not row["owner"]:
            row["owner"] = self.me
        done = statements(name)
        if name in VERSIONED and row["version"] > 0:
            return name, row, done.upsert_version
        if name == "checkins":
            return name, row, done.insert_new
        return name, row, done.upsert

    def put_all(self, records: list[Record]) -> list[Record]:
        """Save ``records`` in order: every statement sent at once, the answers read after."""
        import psycopg

        plans = [self._plan(r) for r in records]
        if len(plans) > 1 and psycopg.Pipeline.is_supported():
            with self.conn.pipeline():
                cursors = [self.conn.execute(query, row) for _, row, query in plans]
                found = [cursor.fetchone() for cursor in cursors]
        else:
            found = [self._one(query, row) for _, row, query in plans]
        stored = []
        for record, (name, row, _), got in zip(records, plans, found, strict=True):
            if got is None:  # nothing written: a stale version, or a check-in already there
                if name == "checkins":
                    got = self._same_checkin(record)
                else:
                    got = self._stale(name, record, row)
            stored.append(from_row(name, got))
        return stored

    def _stale(self, name: str, record: Record, row: dict[str, Any]) -> dict[str, Any]:
        """The versioned save changed nothing: someone saved a newer version (or it is not ours)."""
        from psycopg import sql

        now = self._one(
            sql.SQL("SELECT version, updated_by, updated_at FROM {} WHERE id = %(id)s").format(
                statements(name).table
            ),
            {"id": record.id},
        )
        if now is not None and now["version"] != row["version"]:
            raise conflict(record.title, self.name_of(now["updated_by"]), now["updated_at"])  # type: ignore[attr-defined]
        raise refusal(self.conn, record, self.name_of)

    def _same_checkin(self, record: Record) -> dict[str, Any]:
        stored = self._one(statements("checkins").get, {"id": record.id})
        if stored is not None and from_row("checkins", stored) == record:
            return stored
        raise StoreError(
            "Not saved: a check-in is never changed once it is saved; add a new check-in instead."
        )

    def delete(self, model: type[Record], record_id: str) -> bool:
        name = table_of(model)
        if self._one(statements(name).delete, {"id": record_id}) is not None:
            return True
        stored = self._one(statements(name).get, {"id": record_id})
        if stored is None or name in ("journal", "drafts"):
            return False  # not there (a private record of someone else is not there for us)
        raise refusal(self.conn, from_row(name, stored), self.name_of, deleting=True)


def _owner_of(conn: Any, record: Record) -> str | None:
    """The role that owns ``record`` (for KRs and check-ins: their objective's owner)."""
    if isinstance(record, Objective):
        query = "SELECT owner FROM okrcoach.objectives WHERE id = %(id)s"
        params = {"id": record.id}
    elif isinstance(record, KeyResult):
        query = "SELECT owner FROM okrcoach.objectives WHERE id = %(id)s"
        params = {"id": record.objective_id}
    elif isinstance(record, CheckIn):
        query = (
            "SELECT o.owner FROM okrcoach.key_results k JOIN okrcoach.objectives o "
            "ON o.id = k.objective_id WHERE k.id = %(id)s"
        )
        params = {"id": record.kr_id}
    elif table_of(type(record)) == "retros":
        query = "SELECT owner FROM okrcoach.retros WHERE id = %(id)s"
        params = {"id": record.id}
    else:
        return None
    found = conn.execute(query, params).fetchone()
    if found is None and isinstance(record, Objective):
        return record.owner or None
    return found["owner"] if found is not None else None


def _stored(conn: Any, record: Objective) -> bool:
    query = "SELECT 1 FROM okrcoach.objectives WHERE id = %(id)s"
    return conn.execute(query, {"id": record.id}).fetchone() is not None


def _what(conn: Any, record: Record) -> str:
    if isinstance(record, Objective | KeyResult):
        table = "objectives" if isinstance(record, Objective) else "key_results"
        from psycopg import sql

        query = sql.SQL("SELECT title FROM {} WHERE id = %(id)s").format(statements(table).table)
        found = conn.execute(query, {"id": record.id}).fetchone()
        return f"«{found['title'] if found else record.title}»"
    if isinstance(record, CheckIn):
        found = conn.execute(
            "SELECT title FROM okrcoach.key_results WHERE id = %(id)s", {"id": record.kr_id}
        ).fetchone()
        return f"the check-ins of «{found['title']}»" if found else "this check-in"
    kind = table_of(type(record))
    return {"retros": "this retrospective", "cycles": "this cycle"}.get(kind, "this record")


def refusal(
    conn: Any, record: Record, name_of: NameOf, *, deleting: bool = False
) -> NotAllowedError:
    """Why the database refused a change of ``record``, in words naming the owner."""
    what = _what(conn, record)
    verb = "delete" if deleting else "change"
    if isinstance(record, KeyResult | CheckIn) and _owner_of(conn, record) is None:
        return NotAllowedError(
            f"Not saved: {what} belongs to an objective that is not in the team store; "
            "save the objective first."
        )
    owner = _owner_of(conn, record)
    if owner is None:
        return NotAllowedError(f"Only an admin can {verb} {what}.")
    return NotAllowedError(f"Only {name_of(owner)} (the owner) or an admin can {verb} {what}.")


def explain_refusal(
    conn: Any, records: list[Record], me: str, admin: bool, name_of: NameOf
) -> NotAllowedError | None:
    """After a refused transaction: the first record the user may not write, in words."""
    if admin:
        return None
    for record in records:
        if table_of(type(record)) in ("cycles", "journal", "drafts"):
            continue
        owner = _owner_of(conn, record)
        if isinstance(record, Objective) and owner != me and not _stored(conn, record):
            return NotAllowedError(
                f"Not saved: «{record.title}» names {name_of(record.owner)} as its owner, and "
                "only an admin can save an objective for someone else. Leave the owner empty "
                "to make it yours."
            )
        if isinstance(record, Objective) and owner == me and (record.owner or me) != me:
            return NotAllowedError(
                f"Only an admin can hand {_what(conn, record)} to someone else; "
                "ask an admin to change its owner."
            )
        if owner != me:
            return refusal(conn, record, name_of)
    return None
