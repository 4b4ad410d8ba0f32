"""Every state shows as a glyph or a word, never only as a colour (NO_COLOR, high contrast)."""

from __future__ import annotations

from textual.content import Content

from okrcoach.paths import AppPaths
from okrcoach.tui.app import make_app
from okrcoach.tui.widgets.objective_card import ObjectiveCard
from okrcoach.tui.widgets.toggles import MarkedCheckbox, MarkedRadioButton
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import mixed_cycle, write
from tests.tui.wizard_keys import open_wizard


def plain(widget) -> str:
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Content) else str(rendered)


async def test_radio_buttons_and_the_split_box_show_their_state_in_glyphs(paths: AppPaths) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot)
        await pilot.press(*"Run great user interviews", "ctrl+n")
        await settle(pilot)
        await pilot.press("enter")  # "No, this is new to me"
        await settle(pilot)
        radios = list(app.screen.query("#maturity MarkedRadioButton").results(MarkedRadioButton))
        marks = [plain(radio).strip("▐▌ ")[0] for radio in radios]
        assert marks == ["●", "○", "○"]
        split = app.screen.query_one("#split", MarkedCheckbox)
        assert "✓" not in plain(split)
        split.value = True
        await settle(pilot)
        assert "✓" in plain(split)


async def test_the_selected_objective_is_marked_by_a_glyph(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY, theme="textual-ansi")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        cards = list(app.screen.query(ObjectiveCard))
        firsts = [Content.from_markup(card.render()).plain[:2] for card in cards]
        assert firsts.count("▶ ") == 1
        assert firsts[[card.has_focus for card in cards].index(True)] == "▶ "
