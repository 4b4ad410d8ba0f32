"""Run a store call off the UI thread and hand the answer (or the problem) back to a screen."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from textual.screen import Screen
from textual.worker import Worker

from okrcoach.tui.store_ready import workspace

T = TypeVar("T")

# While a team store's server is away, a save is tried again this often.
RETRY_SECONDS = 1.0
WAITING = "What you typed is kept here and is saved as soon as the team store answers again."


def retry_while_away(
    screen: Screen[Any],
    call: Callable[[], T],
    on_wait: Callable[[Exception], None],
) -> tuple[bool, T | None]:
    """``call()``, tried again while the team store's server is away (in a worker thread).

    ``on_wait(error)`` runs once, on the first failure. Gives up, returning
    ``(False, None)``, when the screen is gone or the app stops; any other error
    propagates. ``(True, result)`` once it went through.
    """
    from okrcoach.store import ServerUnavailableError

    pause = threading.Event()
    told = False
    while True:
        try:
            return True, call()
        except Exception as error:
            if not isinstance(error, ServerUnavailableError):
                raise
            if not told:
                on_wait(error)
                told = True
        app = screen.app
        if not app.is_running or screen not in app.screen_stack:
            return False, None
        pause.wait(RETRY_SECONDS)


def today_of(screen: Screen[Any]) -> date:
    """The app's fixed date when it has one (tests, demos), else the real one."""
    return getattr(screen.app, "today", None) or date.today()


def run_in_background(
    screen: Screen[Any],
    call: Callable[[Any], T],
    done: Callable[[T], None],
    *,
    group: str = "store-action",
    failed: Callable[[], None] | None = None,
    on_wait: Callable[[], None] | None = None,
) -> Worker[None] | None:
    """Call ``call(store)`` in a thread; ``done(result)`` runs on the UI thread.

    Store problems (read-only, disk full, a record gone, an edit refused or in
    conflict on a team store) become a notification in words instead of a crash; a
    team store's server that went away is waited for and the call made again
    (``on_wait()`` runs on the UI thread when the wait starts); a damaged file goes
    to the app's store-problem screen, like every other worker's; ``failed()`` then
    runs on the UI thread.
    """
    store = workspace(screen)
    if store is None:
        screen.notify("Your workspace is still opening; try again in a moment.")
        return None

    def work() -> None:
        from okrcoach.store import CorruptFileError, FutureSchemaError, StoreError

        def waiting(error: Exception) -> None:
            screen.app.call_from_thread(
                screen.notify,
                f"{error} {WAITING}",
                title="Waiting for the team store",
                severity="warning",
                timeout=8,
                markup=False,
            )
            if on_wait is not None:
                screen.app.call_from_thread(on_wait)

        try:
            went, result = retry_while_away(screen, lambda: call(store), waiting)
            if not went:
                return
        except (CorruptFileError, FutureSchemaError) as error:
            report = getattr(screen.app, "report_store_problem", None)
            if callable(report):
                screen.app.call_from_thread(report, str(error))
            if failed is not None:
                screen.app.call_from_thread(failed)
            return
        except (StoreError, LookupError, ValueError) as error:
            screen.app.call_from_thread(
                screen.notify, str(error), title="Not saved", severity="error", markup=False
            )
            if failed is not None:
                screen.app.call_from_thread(failed)
            return
        screen.app.call_from_thread(done, result)  # type: ignore[arg-type]

    return screen.run_worker(work, thread=True, group=group, exclusive=False)
