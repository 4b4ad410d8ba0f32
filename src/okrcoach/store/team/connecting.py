"""Connecting to the team's server, and turning its errors into plain words.

psycopg is imported here, inside the functions, so that importing the store
(and the local path, and ``okrcoach lint``) never loads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

from okrcoach.store.errors import NotAllowedError, ServerUnavailableError, StoreError
from okrcoach.store.team.urls import redact

if TYPE_CHECKING:
    import psycopg

CONNECT_TIMEOUT = 5  # seconds, unless the URL says otherwise
LIVENESS: dict[str, Any] = {
    "connect_timeout": CONNECT_TIMEOUT,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,  # milliseconds
}
INSTALL_HINT = "pip install 'okrcoach[team]'"


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError(
            "Team mode needs the PostgreSQL driver, which is not installed. "
            f"Install it with: {INSTALL_HINT}"
        ) from None
    return psycopg


def connect(url: str, *, autocommit: bool = True) -> psycopg.Connection[Any]:
    """A connection to ``url`` (rows as dicts), or ServerUnavailableError in words."""
    psycopg = _psycopg()
    from psycopg.rows import dict_row

    # A server that vanishes without closing the connection is noticed within seconds,
    # not after the system's TCP timeout of many minutes; the URL's own values win.
    extra = {name: value for name, value in LIVENESS.items() if name not in url}
    try:
        conn = psycopg.connect(url, autocommit=autocommit, row_factory=dict_row, **extra)
    except psycopg.OperationalError as error:
        raise ServerUnavailableError(unreachable_message(url, error)) from None
    except psycopg.ProgrammingError as error:
        raise StoreError(
            f"The team store address {redact(url)} could not be used: {first_line(error)}."
        ) from None
    return conn  # type: ignore[no-any-return]


def first_line(error: BaseException) -> str:
    """The server's own short reason, without passwords or the connection string."""
    text = str(error).strip().splitlines()
    line = text[0] if text else type(error).__name__
    return line.removeprefix("connection failed: ").rstrip(".")


def unreachable_message(url: str, error: BaseException) -> str:
    reason = first_line(error)
    if "password authentication failed" in reason or "no password supplied" in reason:
        return (
            f"The team store at {redact(url)} refused the login: {reason}. "
            "Check the user name and password (or your ~/.pgpass file)."
        )
    return (
        f"The team store at {redact(url)} cannot be reached: {reason}. "
        "Nothing was changed; check the server is running and try again."
    )


def is_connection_lost(error: BaseException, conn: Any) -> bool:
    """Whether ``error`` means the connection is gone (the server stopped or the net broke)."""
    psycopg = _psycopg()
    if conn is not None and (conn.closed or conn.broken):
        return True
    return isinstance(error, psycopg.OperationalError) and not isinstance(
        error, psycopg.errors.QueryCanceled
    )


def raise_database_error(error: BaseException, location: str, doing: str) -> NoReturn:
    """Re-raise a psycopg error as the store error a user can act on."""
    psycopg = _psycopg()
    errors = psycopg.errors
    reason = first_line(error)
    if isinstance(error, errors.InsufficientPrivilege):
        raise NotAllowedError(
            f"The team store at {location} did not allow {doing}: {reason}."
        ) from None
    if isinstance(error, errors.UndefinedTable | errors.InvalidSchemaName):
        raise StoreError(
            f"The team store at {location} has no okrcoach tables. "
            f"Ask the database owner to run `okrcoach team init URL`. ({reason})"
        ) from None
    if isinstance(error, errors.UntranslatableCharacter | errors.CharacterNotInRepertoire):
        raise StoreError(
            f"Not saved: the text holds a character the team store cannot keep ({reason})."
        ) from None
    raise StoreError(f"The team store at {location} refused {doing}: {reason}.") from None
