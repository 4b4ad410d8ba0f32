"""Live refresh: a background connection LISTENing for other people's changes.

The server's triggers notify ``okrcoach_changes`` with a table name after each
change to shared data. Notifications are gathered for a quarter of a second,
those sent by the store's own connection are dropped, and each subscriber is
called once per changed table, from this thread. When the server goes away the
listener keeps retrying; once back it calls subscribers with ``"*"``
(anything may have changed while it was away).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from okrcoach.store.errors import StoreError
from okrcoach.store.team.connecting import connect
from okrcoach.store.team.schema import CHANNEL, NOTIFYING

ANYTHING = "*"
_BATCH_SECONDS = 0.25
_RETRY_SECONDS = 1.0


class ChangeListener:
    def __init__(self, url: str, own_pid: Callable[[], int | None]) -> None:
        self._url = url
        self._own_pid = own_pid
        self._callbacks: list[Callable[[str], None]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    def subscribe(self, callback: Callable[[str], None]) -> Callable[[], None]:
        with self._lock:
            self._callbacks.append(callback)
            if self._thread is None and not self._stop.is_set():
                self._thread = threading.Thread(
                    target=self._run, name="okrcoach-team-changes", daemon=True
                )
                self._thread.start()
        # Wait briefly for LISTEN, so a change made right after subscribing is seen.
        self._ready.wait(timeout=5)

        def unsubscribe() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._callbacks.remove(callback)

        return unsubscribe

    def _fire(self, tables: set[str]) -> None:
        with self._lock:
            callbacks = list(self._callbacks)
        for table in sorted(tables):
            for callback in callbacks:
                with contextlib.suppress(Exception):  # a subscriber's bug never stops the others
                    callback(table)

    def _listen(self) -> Any:
        conn = connect(self._url)
        conn.execute(f"LISTEN {CHANNEL}")  # a fixed channel name, no user text
        return conn

    def _run(self) -> None:
        import psycopg

        conn: Any = None
        missed = False
        while not self._stop.is_set():
            try:
                if conn is None:
                    conn = self._listen()
                    self._ready.set()
                    if missed:
                        missed = False
                        self._fire({ANYTHING})
                own = self._own_pid()
                tables = {
                    n.payload
                    for n in conn.notifies(timeout=_BATCH_SECONDS)
                    if n.pid != own and n.payload in NOTIFYING  # anyone may NOTIFY: only ours
                }
                if tables:
                    self._fire(tables)
            except (psycopg.Error, StoreError, OSError):
                self._ready.set()  # do not keep a subscriber waiting for a server that is away
                missed = True
                if conn is not None:
                    with contextlib.suppress(Exception):
                        conn.close()
                conn = None
                self._stop.wait(_RETRY_SECONDS)
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()

    def close(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)
