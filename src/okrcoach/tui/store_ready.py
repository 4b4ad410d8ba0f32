"""One "the workspace is open" message for the screens that read it.

The store opens in a worker after the first frame. A screen that reads it mixes
in ``LoadsFromStore`` and handles ``StoreOpened``: the message comes once the
store is open, whether that happened before the screen mounted (it is sent on
mount) or after (the app sends it to every screen on the stack).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from okrcoach.store import Store


class StoreOpened(Message):
    """The workspace is open (read-only or not): load from ``store`` now."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store


class ChangedElsewhere(Message):
    """Someone else changed the team store: a screen showing those records reloads."""

    def __init__(self, tables: frozenset[str]) -> None:
        super().__init__()
        self.tables = tables


class LoadsFromStore:  # a Screen at runtime
    """Mixed into a screen: it receives ``StoreOpened`` once the workspace is open."""

    def _on_mount(self, _event: events.Mount) -> None:
        app: Any = self.app  # type: ignore[attr-defined]
        store = getattr(app, "store", None)
        if store is not None:
            self.post_message(StoreOpened(store))  # type: ignore[attr-defined]
