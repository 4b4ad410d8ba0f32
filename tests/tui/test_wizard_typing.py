"""Typing a key result redraws only what changed, so the coach's note keeps up with typing.

Rebuilding the footer or redrawing the coach's panel lays the whole screen out again;
once per keystroke, that held the note back by a frame or more on a busy machine.
"""

from __future__ import annotations

from textual.widgets import Footer, Input

from okrcoach.tui.app import OkrApp
from okrcoach.tui.screens.wizard import WizardScreen
from okrcoach.tui.screens.wizard.coach_reader import note_for
from okrcoach.tui.widgets.coach_panel import CoachPanel, render_note
from tests.tui.conftest import settle
from tests.tui.wizard_keys import open_wizard, type_text

KR = "Cut median first-reply time from 24 h to 4 h"


async def test_typing_a_kr_redraws_footer_and_coach_only_on_change(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await kr_step(app, pilot)
        footer = screen.query_one(Footer)
        panel = screen.query_one(CoachPanel)
        rebuilt: list[int] = []
        drawn: list[int] = []
        recompose, update = footer.recompose, panel.update

        async def counted_recompose() -> None:
            rebuilt.append(1)
            await recompose()

        def counted_update(*args: object, **kwargs: object) -> None:
            drawn.append(1)
            update(*args, **kwargs)  # type: ignore[arg-type]

        footer.recompose = counted_recompose  # type: ignore[method-assign]
        panel.update = counted_update  # type: ignore[method-assign]
        await type_text(pilot, KR)
        await settle(pilot)
        assert screen.query_one("#kr-text", Input).value == KR
        assert len(rebuilt) <= 5, f"footer rebuilt {len(rebuilt)} times for {len(KR)} keys"
        assert len(drawn) <= len(KR) // 3, f"coach redrawn {len(drawn)} times for {len(KR)} keys"
        # What shows is still the newest reading, and the footer still offers what applies.
        assert panel.note is not None
        newest = note_for(screen.form, screen.step, screen.kr_index)
        assert render_note(panel.note) == render_note(newest)
        shown = {key.action for key in footer.query("FooterKey")}
        for action in ("ask_outcome", "apply_rewrite", "learning_kr"):
            assert (action in shown) == bool(screen.check_action(action, ())), action


async def kr_step(app: OkrApp, pilot) -> WizardScreen:  # type: ignore[no-untyped-def]
    await open_wizard(pilot)
    await type_text(pilot, "Customers rave about our support")
    for _ in range(2):
        await pilot.press("ctrl+n")
        await settle(pilot)
    screen = app.screen
    assert isinstance(screen, WizardScreen)
    return screen


async def test_typing_a_short_kr_does_not_lay_the_screen_out_per_key(app: OkrApp) -> None:
    """A line shorter than its field keeps the screen's layout: each key only repaints."""
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await kr_step(app, pilot)
        layouts: list[int] = []
        refresh_layout = screen._refresh_layout

        def counted(*args: object, **kwargs: object) -> None:
            if not kwargs.get("scroll"):
                layouts.append(1)
            refresh_layout(*args, **kwargs)  # type: ignore[arg-type]

        screen._refresh_layout = counted  # type: ignore[method-assign]
        await type_text(pilot, KR)
        await settle(pilot)
        assert screen.query_one("#kr-text", Input).value == KR
        # The coach's note changes height now and then (that lays out); the keys do not.
        assert len(layouts) <= len(KR) // 3, f"{len(layouts)} layouts for {len(KR)} keys"


async def test_a_kr_longer_than_its_field_scrolls_to_the_cursor(app: OkrApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await kr_step(app, pilot)
        field = screen.query_one("#kr-text", Input)
        long = KR + " for enterprise customers in every region we serve"
        await type_text(pilot, long)
        await settle(pilot)
        assert field.value == long
        assert len(long) > field.content_size.width
        assert field.virtual_size.width > field.content_size.width
        assert field.scroll_x > 0  # the end (and the cursor) is in view
        line = "".join(segment.text for segment in field.render_line(0))
        assert "we serve" in line
        await pilot.press("home")
        await settle(pilot)
        assert field.scroll_x == 0
        assert "Cut median" in "".join(segment.text for segment in field.render_line(0))
