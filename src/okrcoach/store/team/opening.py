"""Opening a team store: connect, check the schema's version and that the role is in the team."""

from __future__ import annotations

from typing import Any

from okrcoach.domain.models import Person
from okrcoach.store.errors import (
    FutureSchemaError,
    NotAllowedError,
    ServerUnavailableError,
    StoreError,
)
from okrcoach.store.team.connecting import connect, raise_database_error, unreachable_message
from okrcoach.store.team.repository import TeamStore, check_member
from okrcoach.store.team.schema import TEAM_SCHEMA_VERSION
from okrcoach.store.team.session import Session
from okrcoach.store.team.urls import redact

INIT_HINT = "okrcoach team init URL"


def schema_version(conn: Any, url: str) -> int:
    """The schema version at ``url`` (0: no okrcoach tables); errors in words."""
    import psycopg

    try:
        found = conn.execute("SELECT to_regclass('okrcoach.schema_version') IS NOT NULL AS ok")
        if not found.fetchone()["ok"]:
            return 0
        row = conn.execute("SELECT max(version) AS v FROM okrcoach.schema_version").fetchone()
    except psycopg.errors.InsufficientPrivilege:
        me = conn.execute("SELECT current_user AS me").fetchone()["me"]
        raise NotAllowedError(
            f"The database role «{me}» is not in the team at {redact(url)}. "
            f'Ask the owner to run `okrcoach team add {me} --name "Your Name"`.'
        ) from None
    return int(row["v"] or 0)


def check_version(version: int, url: str) -> None:
    if version > TEAM_SCHEMA_VERSION:
        raise FutureSchemaError(
            f"The team store at {redact(url)} uses schema version {version}, newer than this "
            f"okrcoach understands ({TEAM_SCHEMA_VERSION}). Nothing was changed; "
            "update okrcoach to use it.",
            version=version,
        )


def open_team_store(url: str, *, read_only: bool = False) -> TeamStore:
    """Open the team store at ``url`` as the role the URL logs in with."""
    conn = connect(url)  # first: it says how to install the driver when it is missing
    import psycopg

    try:
        version = schema_version(conn, url)
        if version == 0:
            raise StoreError(
                f"The team store at {redact(url)} has no okrcoach tables yet. "
                f"The database owner creates them with `{INIT_HINT}`."
            )
        check_version(version, url)
        if version < TEAM_SCHEMA_VERSION:
            raise StoreError(
                f"The team store at {redact(url)} uses the older schema version {version}. "
                f"The database owner updates it with `{INIT_HINT}`; nothing was changed."
            )
        me = conn.execute("SELECT current_user AS me, okrcoach.is_admin() AS admin").fetchone()
        row = conn.execute(
            "SELECT role, name, team, admin FROM okrcoach.people WHERE role = current_user"
        ).fetchone()
    except psycopg.OperationalError as error:
        conn.close()
        raise ServerUnavailableError(unreachable_message(url, error)) from None
    except psycopg.Error as error:
        conn.close()
        raise_database_error(error, redact(url), "opening the store")
    except BaseException:
        conn.close()
        raise
    assert me is not None
    store = TeamStore(
        Session(url, conn), me=me["me"], is_admin=bool(me["admin"]), read_only=read_only
    )
    try:
        check_member(store, Person.model_validate(row) if row is not None else None)
    except BaseException:
        store.close()
        raise
    return store
