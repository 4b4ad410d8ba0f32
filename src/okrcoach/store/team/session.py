"""One connection to the team store, reopened when it was lost, used under one lock.

``run`` is how every store call reaches the server: it takes the lock, makes
sure a connection is open (reconnecting after the server came back) and turns
a lost connection into ServerUnavailableError; the next call tries again.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from okrcoach.store.errors import ServerUnavailableError, StoreError
from okrcoach.store.team.connecting import (
    connect,
    first_line,
    is_connection_lost,
    raise_database_error,
)
from okrcoach.store.team.urls import redact

T = TypeVar("T")


class Session:
    """The store's connection: opened lazily, closed for good by ``close``."""

    def __init__(self, url: str, conn: Any = None) -> None:
        self.url = url
        self.location = redact(url)
        self.lock = threading.RLock()
        self._conn = conn
        self.closed = False
        self.backend_pid: int | None = conn.info.backend_pid if conn is not None else None

    def connection(self) -> Any:
        if self.closed:
            raise StoreError("The team store is closed; open it again to continue.")
        conn = self._conn
        if conn is None or conn.closed or conn.broken:
            self._drop()
            conn = connect(self.url)
            self._conn = conn
            self.backend_pid = conn.info.backend_pid
        return conn

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):  # already gone: closing is best effort
                conn.close()

    def run(self, doing: str, work: Callable[[Any], T]) -> T:
        """``work(connection)`` under the lock, with the server's errors in plain words."""
        import psycopg

        with self.lock:
            conn = self.connection()
            try:
                return work(conn)
            except psycopg.Error as error:
                if is_connection_lost(error, conn):
                    self._drop()
                    raise ServerUnavailableError(
                        f"The team store at {self.location} went away while {doing} "
                        f"({first_line(error)}). It was not done; okrcoach reconnects on "
                        "the next try."
                    ) from None
                raise_database_error(error, self.location, doing)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            self._drop()
