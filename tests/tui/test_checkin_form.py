"""The check-in form under fast typing: keys land where the screen says they will."""

from __future__ import annotations

from textual.widgets import Input, Static

from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.tui.app import make_app
from okrcoach.tui.screens.checkin import CheckInScreen
from okrcoach.tui.screens.confirm import ConfirmModal
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import Q4, kr, objective, write


def seed(paths: AppPaths) -> None:
    write(
        paths,
        Q4,
        objective("o", "Grow the newsletter"),
        kr("k1", "o", "Reach 100 paying readers", baseline=0, target=100, current=20, confidence=5),
        kr("k2", "o", "Keep churn under 3%", baseline=5, target=3, current=4, confidence=6),
    )


async def open_checkin(pilot) -> CheckInScreen:
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CheckInScreen)
    return screen


async def test_a_new_step_focuses_the_value_with_its_text_selected_at_once(
    paths: AppPaths,
) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        note = screen.query_one("#note")
        screen.set_focus(note)
        screen.step = 1
        screen._show_step()
        # No pause: the very next key must already go to the value field and replace it.
        value = screen.query_one("#value", Input)
        assert screen.focused is value
        assert value.selected_text == "4"


async def test_fast_typing_replaces_pre_filled_value_and_confidence(paths: AppPaths) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        await pilot.press("5", "7", "enter", "8", "enter", "o", "k", "enter")
        await settle(pilot)
        assert "Key result 2 of 2" in str(app.screen.query_one("#kr-title", Static).render())
    with open_store(paths, read_only=True) as store:
        saved = store.checkins("k1")
        assert [(c.value, c.confidence, c.note) for c in saved] == [(57, 8, "ok")]


async def test_enter_outside_a_field_goes_to_the_value_and_does_not_save(
    paths: AppPaths,
) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        screen.set_focus(None)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.focused is screen.query_one("#value", Input)
        assert str(screen.query_one("#error", Static).render()) == ""
    with open_store(paths, read_only=True) as store:
        assert store.checkins("k1") == []


async def test_escape_asks_before_throwing_typed_values_away(paths: AppPaths) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("3", "0")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#value", Input).value == "30"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, (CheckInScreen, ConfirmModal))


async def test_escape_on_an_untouched_step_leaves_without_asking(paths: AppPaths) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, (CheckInScreen, ConfirmModal))


async def test_first_check_in_speaks_of_the_current_value_not_last_time(
    paths: AppPaths,
) -> None:
    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        screen.query_one("#value", Input).value = "57"
        await pilot.pause()
        preview = str(screen.query_one("#preview", Static).render())
        last = str(screen.query_one("#last", Static).render())
        assert "No check-in yet · current 20" in last
        assert "+37 from the current value (20 → 57)" in preview
        assert "since last time" not in preview


async def test_save_waits_for_keys_still_queued_in_the_fields(paths: AppPaths) -> None:
    """On a busy machine Enter can run before a field has taken the keys typed before it."""
    from textual import events

    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        value = screen.query_one("#value", Input)
        confidence = screen.query_one("#confidence", Input)
        value.value = ""
        confidence.value = ""
        # Keys delivered to each field's queue but not yet handled, then save at once.
        for key in "57":
            value.post_message(events.Key(key, key))
        confidence.post_message(events.Key("8", "8"))
        screen.action_save()
        await settle(pilot)
        assert str(screen.query_one("#error", Static).render()) == ""
    with open_store(paths, read_only=True) as store:
        assert [(c.value, c.confidence) for c in store.checkins("k1")] == [(57, 8)]


async def test_a_pasted_multi_line_note_keeps_every_line(paths: AppPaths) -> None:
    from textual import events

    seed(paths)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("5", "7", "enter", "8", "enter")
        note = screen.query_one("#note")
        assert screen.focused is note
        # As a terminal delivers a paste: to the app, which hands it to the focused field.
        app.post_message(
            events.Paste("Two launches\nOne slipped to next week\n- the referral offer")
        )
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
    with open_store(paths, read_only=True) as store:
        [saved] = store.checkins("k1")
        assert saved.note == "Two launches\nOne slipped to next week\n- the referral offer"
