"""The database owner's jobs: create or migrate the schema, let people in, list them.

``init_schema`` runs the missing migrations in one transaction under an
advisory lock (two owners running it at once cannot both apply a step), and
refuses a schema newer than this code. ``add_person`` needs a role that already
exists on the server (the owner creates it, with a password they choose);
it grants ``okr_member`` (and ``okr_admin`` with ``admin``) and records the
person. Role names reach SQL only as ``psycopg.sql.Identifier`` or parameters.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from okrcoach.domain.errors import describe
from okrcoach.domain.models import Person
from okrcoach.store.errors import StoreError
from okrcoach.store.team.connecting import connect, raise_database_error
from okrcoach.store.team.opening import check_version, schema_version
from okrcoach.store.team.schema import ADMIN_ROLE, MEMBER_ROLE, MIGRATIONS, TEAM_SCHEMA_VERSION
from okrcoach.store.team.urls import redact

_LOCK = "SELECT pg_advisory_xact_lock(hashtext('okrcoach team schema'))"
_PEOPLE = "SELECT role, name, team, admin FROM okrcoach.people ORDER BY name, role"


def _owner_job(url: str, doing: str, work: Any) -> Any:
    conn = connect(url, autocommit=True)  # first: it says how to install a missing driver
    import psycopg

    try:
        return work(conn)
    except psycopg.Error as error:
        raise_database_error(error, redact(url), doing)
    finally:
        conn.close()


def init_schema(url: str) -> str:
    """Create or migrate the team schema at ``url``; returns what was done, in words.

    The role running it (the database owner) is listed in ``people`` as an admin.
    """

    def work(conn: Any) -> str:
        with conn.transaction():
            conn.execute(_LOCK)
            before = schema_version(conn, url)
            check_version(before, url)
            for step in range(before, TEAM_SCHEMA_VERSION):
                conn.execute(MIGRATIONS[step])
                conn.execute(
                    "INSERT INTO okrcoach.schema_version (version) VALUES (%(v)s)",
                    {"v": step + 1},
                )
            me = conn.execute("SELECT current_user AS me").fetchone()["me"]
            conn.execute(
                "INSERT INTO okrcoach.people (role, name, admin) VALUES (%(r)s, %(r)s, true) "
                "ON CONFLICT (role) DO NOTHING",
                {"r": me},
            )
        where = redact(url)
        if before == TEAM_SCHEMA_VERSION:
            return f"The team store at {where} is up to date (schema version {before})."
        if before == 0:
            return f"Created the team store at {where} (schema version {TEAM_SCHEMA_VERSION})."
        return (
            f"Updated the team store at {where} from schema version {before} "
            f"to {TEAM_SCHEMA_VERSION}."
        )

    return _owner_job(url, "creating the team schema", work)  # type: ignore[no-any-return]


def _person(role: str, name: str, team: str, admin: bool) -> Person:
    try:
        return Person(role=role, name=name, team=team, admin=admin)
    except ValidationError as error:
        raise StoreError(f"Not added: {describe(error)}.") from None


def add_person(url: str, role: str, *, name: str, team: str = "", admin: bool = False) -> Person:
    """Let the existing database role ``role`` in as ``name``; returns the person."""
    from psycopg import sql

    person = _person(role, name, team, admin)

    def work(conn: Any) -> Person:
        with conn.transaction():
            version = schema_version(conn, url)
            if version == 0:
                raise StoreError(
                    f"The team store at {redact(url)} has no okrcoach tables yet; "
                    "run `okrcoach team init URL` first."
                )
            check_version(version, url)
            exists = conn.execute(
                "SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": role}
            ).fetchone()
            if exists is None:
                raise StoreError(
                    f"There is no database role «{role}» on the server at {redact(url)}. "
                    "Create it first with a password you choose (for example in psql: "
                    f"CREATE ROLE \"{role}\" LOGIN PASSWORD '…'), then run this again."
                )
            who = sql.Identifier(role)
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(MEMBER_ROLE), who))
            verb = "GRANT {} TO {}" if admin else "REVOKE {} FROM {}"
            conn.execute(sql.SQL(verb).format(sql.Identifier(ADMIN_ROLE), who))
            row = conn.execute(
                "INSERT INTO okrcoach.people (role, name, team, admin) "
                "VALUES (%(role)s, %(name)s, %(team)s, %(admin)s) ON CONFLICT (role) DO UPDATE "
                "SET name = EXCLUDED.name, team = EXCLUDED.team, admin = EXCLUDED.admin "
                "RETURNING role, name, team, admin",
                person.model_dump(),
            ).fetchone()
        return Person.model_validate(row)

    return _owner_job(url, f"adding {role}", work)  # type: ignore[no-any-return]


def list_people(url: str) -> list[Person]:
    """Everyone in the team at ``url``, by name."""

    def work(conn: Any) -> list[Person]:
        version = schema_version(conn, url)
        if version == 0:
            raise StoreError(
                f"The team store at {redact(url)} has no okrcoach tables yet; "
                "run `okrcoach team init URL` first."
            )
        return [Person.model_validate(r) for r in conn.execute(_PEOPLE).fetchall()]

    return _owner_job(url, "listing the people", work)  # type: ignore[no-any-return]
