"""Keep a screen's work in progress: a moment after the last change, on every step, on quit.

The wizard (an objective draft) and the retro (an unfinished retrospective)
share this helper: one debounce, one write sequence (a newer change makes an
older pending write moot) and one lock, so a final save or a leave never races
an autosave that is still being written.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual.timer import Timer
from textual.widget import Widget

if TYPE_CHECKING:
    from okrcoach.store import Store

T = TypeVar("T")
AUTOSAVE_DELAY = 0.4  # seconds of quiet before the work is written
RETRY_SECONDS = 1.0  # while a team store's server is away, a write is tried again this often


class Autosaver(Generic[T]):
    """Writes ``snapshot()`` with ``write(store, snapshot)`` in a thread worker.

    ``snapshot`` returns a copy of what is on screen (None: nothing to keep yet);
    ``what`` names it in the warning shown when the disk refuses ("the draft").
    """

    def __init__(
        self,
        owner: Widget,
        snapshot: Callable[[], T | None],
        write: Callable[[Store, T], Any],
        *,
        what: str,
        group: str,
        delay: float = AUTOSAVE_DELAY,
    ) -> None:
        self.owner = owner
        self.snapshot = snapshot
        self.write = write
        self.what = what
        self.group = group
        self.delay = delay
        self.dirty = False
        self.finished = False  # saved for good or left: nothing more to keep
        self.kept = False  # at least one write succeeded
        self.failing = False  # the last write failed (and the user was told, once)
        self._seq = 0
        self._timer: Timer | None = None
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the write lock (a final save, a leave) so no autosave runs meanwhile."""
        with self._lock:
            yield

    def changed(self) -> None:
        """Something was typed: write once the user pauses."""
        self.dirty = True
        self.cancel()
        self._timer = self.owner.set_timer(self.delay, self.now)

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def now(self) -> None:
        """Write now (a step change, leaving), in a thread worker."""
        self.cancel()
        if not self.dirty or self.finished:
            return
        snapshot = self.snapshot()
        if snapshot is None:
            return
        self._seq += 1
        seq = self._seq
        self.owner.run_worker(
            lambda: self._write(snapshot, seq), thread=True, group=self.group, exclusive=False
        )

    def _store(self) -> Store | None:
        from okrcoach.tui.store_ready import workspace

        return workspace(self.owner)

    def _write(self, snapshot: T, seq: int) -> None:
        """Write ``snapshot`` unless a newer change took over; while a team store's server
        is away, try again every moment. A failure is said once, and so is the next
        write that goes through."""
        from okrcoach.store import ServerUnavailableError, StoreError

        store = self._store()
        pause = threading.Event()
        while True:
            with self._lock:
                if self.finished or store is None or seq != self._seq:
                    return  # saved for good, or a newer change is being written
                try:
                    self.write(store, snapshot)
                except StoreError as error:
                    self._failed(error)
                    if not isinstance(error, ServerUnavailableError):
                        return  # the next change tries again
                else:
                    self.kept = True
                    self._kept_again()
                    return
            if not self._still_open():
                return
            pause.wait(RETRY_SECONDS)

    def _still_open(self) -> bool:
        app = self.owner.app
        return bool(app.is_running and self.owner.is_attached)

    def _failed(self, error: Exception) -> None:
        from okrcoach.store import ServerUnavailableError

        if self.failing:
            return  # said already
        self.failing = True
        away = isinstance(error, ServerUnavailableError)
        then = (
            "It is kept as soon as the team store answers again."
            if away
            else "It stays on screen; the next change tries again."
        )
        self.owner.app.call_from_thread(
            self.owner.app.notify,
            f"Could not keep {self.what}: {error} {then}",
            severity="warning",
            markup=False,
        )

    def _kept_again(self) -> None:
        if not self.failing:
            return
        self.failing = False
        what = self.what[:1].upper() + self.what[1:]
        self.owner.app.call_from_thread(
            self.owner.app.notify, f"{what} is kept again.", markup=False
        )

    def flush(self) -> None:
        """On unmount (quit mid-flow): write what is on screen now, on this thread."""
        from okrcoach.store import StoreError

        self.cancel()
        if not self.dirty or self.finished:
            return
        store, snapshot = self._store(), self.snapshot()
        if store is None or snapshot is None:
            return
        with self._lock, contextlib.suppress(StoreError):
            self.write(store, snapshot)
            self.kept = True
