"""Run a store call off the UI thread and hand the answer (or the problem) back to a screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from textual.screen import Screen
from textual.worker import Worker

T = TypeVar("T")


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
) -> Worker[None] | None:
    """Call ``call(store)`` in a thread; ``done(result)`` runs on the UI thread.

    Store problems (read-only, disk full, a record gone) become a notification
    in words instead of a crash; a damaged file goes to the app's store-problem
    screen, like every other worker's; ``failed()`` then runs on the UI thread.
    """
    store = getattr(screen.app, "store", None)
    if store is None:
        screen.notify("Your workspace is still opening; try again in a moment.")
        return None

    def work() -> None:
        from okrcoach.store import CorruptFileError, FutureSchemaError, StoreError

        try:
            result = call(store)
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
        screen.app.call_from_thread(done, result)

    return screen.run_worker(work, thread=True, group=group, exclusive=False)
