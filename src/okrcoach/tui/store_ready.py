"""One "the workspace is open" message for the screens that read it.

The store opens in a worker beside the first frame. A screen that reads it mixes
in ``LoadsFromStore`` and handles ``StoreOpened``: the message comes once the
store is open, whether that happened before the screen mounted (it is sent on
mount) or after (the app tells every screen on the stack), and the screen keeps
the store it was given in ``self.store``. Code that is not such a screen asks
``workspace(node)``, the app's typed answer (None while it opens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from textual import events
from textual.message import Message
from textual.message_pump import MessagePump

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


class HoldsWorkspace(Protocol):
    """The app as its screens see it: the workspace, once it is open."""

    store: Store | None


def workspace(node: MessagePump) -> Store | None:
    """The app's open workspace: None while it is still opening, or when it could not open."""
    return cast(HoldsWorkspace, node.app).store


def tell_opened(screen: MessagePump, store: Store) -> None:
    """Give ``store`` to ``screen`` (kept by a ``LoadsFromStore`` screen) and say so."""
    if isinstance(screen, LoadsFromStore):
        screen.store = store
    screen.post_message(StoreOpened(store))


class LoadsFromStore:  # a Screen at runtime
    """Mixed into a screen: it receives ``StoreOpened`` once the workspace is open."""

    store: Store | None = None
    """The workspace this screen was given (None until ``StoreOpened``)."""

    def _on_mount(self, _event: events.Mount) -> None:
        screen = cast(MessagePump, self)
        store = workspace(screen)
        if store is not None:
            tell_opened(screen, store)
