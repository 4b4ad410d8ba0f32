"""Helpers that drive the wizard by keys, as a user would."""

from __future__ import annotations

from okrcoach.store import Store, open_store
from okrcoach.tui.app import OkrApp
from tests.tui.conftest import settle


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def open_wizard(pilot) -> None:
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)


def store_after(app: OkrApp) -> Store:
    """Open the workspace the app wrote, after it exited (the caller closes it)."""
    return open_store(app.paths)
