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
        return getattr(self.owner.app, "store", None)

    def _write(self, snapshot: T, seq: int) -> None:
        from okrcoach.store import StoreError

        store = self._store()
        with self._lock:
            if self.finished or store is None or seq != self._seq:
                return  # saved for good, or a newer change is being written
            try:
                self.write(store, snapshot)
                self.kept = True
            except StoreError as error:
                self.owner.app.call_from_thread(
                    self.owner.app.notify,
                    f"Could not keep {self.what}: {error}",
                    severity="warning",
                    markup=False,
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
