"""On a wide terminal the wizard's first step puts each label beside its field; at 80x24
each label sits above its field, as the narrow column has no room beside it."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label

from okrcoach.tui.app import OkrApp
from okrcoach.tui.screens.wizard import WizardScreen
from tests.tui.conftest import settle
from tests.tui.wizard_keys import open_wizard

FIELDS = ("#title", "#why", "#parent", "#owner")


def label_of(screen: WizardScreen, field: str) -> Label:
    """The field's label the user sees (one wording above the field, a shorter one beside)."""
    shown = [label for label in screen.query_one(f"{field}-field").query(Label) if label.display]
    assert len(shown) == 1, field
    return shown[0]


@pytest.mark.parametrize("size", [(120, 40), (100, 30)], ids=["120x40", "100x30"])
async def test_labels_beside_fields_when_wide(app: OkrApp, size: tuple[int, int]) -> None:
    async with app.run_test(size=size) as pilot:
        await open_wizard(pilot)
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        for field in FIELDS:
            label, widget = label_of(screen, field), screen.query_one(field)
            assert label.region.y == widget.region.y, field
            assert label.region.right <= widget.region.x, field
        # The step's primary field still takes typing, and the first step fits the screen.
        await pilot.press(*"Customers rave about our support")
        await settle(pilot)
        assert screen.query_one("#title", Input).value == "Customers rave about our support"
        owner = screen.query_one("#owner")
        assert owner.region.bottom <= screen.query_one("#nav").region.y


async def test_labels_above_fields_at_80x24(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        for field in ("#title", "#owner"):
            label, widget = label_of(screen, field), screen.query_one(field)
            assert label.region.bottom <= widget.region.y, field
            assert label.region.x == widget.region.x, field
