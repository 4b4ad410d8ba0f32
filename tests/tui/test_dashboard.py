"""The dashboard: what a user sees of a cycle and the keys that change it."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.content import Content
from textual.widgets import Input, Static

from okrcoach.domain.models import CheckIn, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.tui.app import make_app
from okrcoach.tui.screens.checkin import CheckInScreen
from okrcoach.tui.widgets.objective_card import ObjectiveCard
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import Q3, Q4, checkin, kr, mixed_cycle, objective, write


def titles(app) -> list[str]:
    return [card.row.objective.title for card in app.screen.query(ObjectiveCard)]


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def card_text(app) -> str:
    return "\n".join(
        Content.from_markup(card.render()).plain for card in app.screen.query(ObjectiveCard)
    )


async def test_cards_show_type_in_words_health_and_kr_values(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = card_text(app)
        assert "LEARNING" in text and "PERFORMANCE" in text
        assert "24 h → 10 h → 4 h" in text
        assert "✖ off track" in text  # the win-back goal: confidence 2
        assert "confidence 2/10" in text
        assert not app.screen.query_one("#welcome-title").display


async def test_a_kr_without_check_ins_is_never_green(paths: AppPaths) -> None:
    write(
        paths,
        Q4,
        objective("o", "Delight new users"),
        kr("k", "o", "Raise activation from 20% to 40%", baseline=20, target=40),
    )
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "no check-in yet" in card_text(app)
        assert "on track" not in card_text(app)


async def test_filter_cycles_through_learning_performance_and_at_risk(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(titles(app)) == 3
        await pilot.press("f")
        await pilot.pause()
        assert titles(app) == ["Become fluent in async Python"]
        assert "learning goals" in shown(app, "#view-line")
        await pilot.press("f")
        await pilot.pause()
        assert titles(app) == ["Customers get answers the same day", "Win back churned customers"]
        await pilot.press("f")
        await pilot.pause()
        assert titles(app) == ["Win back churned customers"]
        await pilot.press("f")
        await pilot.pause()
        assert len(titles(app)) == 3


async def test_sort_by_progress_puts_the_laggard_first(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert titles(app)[0] == "Win back churned customers"
        assert "progress" in shown(app, "#view-line")


async def test_checkin_shows_change_and_forecast_then_saves(paths: AppPaths) -> None:
    write(
        paths,
        Q4,
        objective("o", "Grow the newsletter"),
        kr("k", "o", "Reach 100 paying readers", baseline=0, target=100, current=20, confidence=6),
        checkin("k", date(2026, 10, 28), 20, 6),
    )
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        value = screen.query_one("#value", Input)
        assert value.value == "20"  # pre-filled with the last value
        value.value = "40"
        await pilot.pause()
        preview = shown(app, "#preview")
        assert "+20 since last time (20 → 40)" in preview
        # A line through 0 at 1 Oct, 20 on 28 Oct and 40 today reaches 67 by 31 Dec.
        assert "At this pace you reach 67% of target" in preview
        screen.query_one("#confidence", Input).value = "7"
        screen.query_one("#note").load_text("Two launches")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CheckInScreen)
        assert "0 → 40 → 100" in card_text(app)
    with open_store(paths, read_only=True) as store:
        saved = store.checkins("k")
        assert [c.value for c in saved] == [20, 40]
        assert saved[-1].note == "Two launches" and saved[-1].confidence == 7
        stored = store.get(KeyResult, "k")
        assert stored is not None and stored.current == 40 and stored.confidence == 7


async def test_checkin_rejects_a_bad_value_in_words(paths: AppPaths) -> None:
    write(
        paths,
        Q4,
        objective("o", "Grow the newsletter"),
        kr("k", "o", "Reach 100 paying readers", baseline=0, target=100),
    )
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#value", Input).value = "lots"
        app.screen.query_one("#confidence", Input).value = "5"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert "is not a number" in shown(app, "#error")
    with open_store(paths, read_only=True) as store:
        assert store.checkins("k") == []


async def test_learning_checkin_asks_what_was_learned(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # the first card: the learning goal
        await settle(pilot)
        assert app.screen.query_one("#learned").display
        for key in "6":
            app.screen.query_one("#value", Input).value = key
        await pilot.press("enter", "enter", "enter")  # value -> confidence -> note -> learned
        app.screen.query_one("#learned").load_text("Tasks need cancelling")
        await pilot.press("enter")
        await settle(pilot)
    with open_store(paths, read_only=True) as store:
        assert store.checkins("learn-kr")[-1].learned == "Tasks need cancelling"


async def test_switching_to_a_past_cycle_is_read_only(paths: AppPaths) -> None:
    write(paths, *mixed_cycle(), Q3, objective("old", "Ship the beta", cycle=Q3))
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("down", "enter")  # newest first: Q4, then Q3
        await settle(pilot)
        assert titles(app) == ["Ship the beta"]
        assert "2026-Q3" in shown(app, "#cycle") and "read-only" in shown(app, "#cycle")
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "Current cycle: 2026-Q4" in shown(app, "#cycle")
        await pilot.press("left_square_bracket")
        await settle(pilot)
        await pilot.press("O")  # reopen
        await settle(pilot)
        assert "read-only" not in shown(app, "#cycle")
    # Reopening is remembered: the next run can still edit that cycle.
    again = make_app(paths, today=TODAY)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "2026-Q3" in shown(again, "#cycle")
        assert "read-only" not in shown(again, "#cycle")


async def test_create_a_custom_cycle(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        app.screen.query_one("#cycle-name", Input).value = "Winter sprint"
        app.screen.query_one("#cycle-start", Input).value = "2027-01-04"
        app.screen.query_one("#cycle-end", Input).value = "2027-01-29"
        app.screen.query_one("#cycle-end", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "Cycle: Winter sprint" in shown(app, "#cycle")
        assert "No objectives in this cycle" in shown(app, "#empty")


async def test_carry_over_copies_with_last_value_as_baseline(paths: AppPaths) -> None:
    write(
        paths,
        Q4,
        Q3,
        objective("old", "Grow the newsletter", cycle=Q3),
        kr("old-kr", "old", "Reach 100 paying readers", baseline=10, target=100, current=30),
    )
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("left_square_bracket")  # to 2026-Q3
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert "carried over" in card_text(app)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert titles(app) == ["Grow the newsletter"]
        assert "30 → – → 100" in card_text(app)
    with open_store(paths, read_only=True) as store:
        assert store.get(Objective, "old").status.value == "carried-over"
        copy = store.objectives(Q4.id)[0]
        assert copy.id != "old"
        assert store.key_results(copy.id)[0].baseline == 30


async def test_archive_hides_and_restores(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")  # the first card
        await settle(pilot)
        assert "Become fluent in async Python" not in titles(app)
        assert "1 archived hidden" in shown(app, "#view-line")
        await pilot.press("A")
        await settle(pilot)
        assert "Become fluent in async Python" in titles(app)
        assert "(archived)" in card_text(app)
        card = next(c for c in app.screen.query(ObjectiveCard) if c.row.id == "learn")
        card.focus()
        await pilot.press("a")  # unarchive
        await settle(pilot)
        assert "(archived)" not in card_text(app)
    with open_store(paths, read_only=True) as store:
        assert not store.get(Objective, "learn").archived


async def test_undo_brings_back_an_archived_objective(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert len(titles(app)) == 2
        await pilot.press("u")
        await settle(pilot)
        assert len(titles(app)) == 3


async def test_delete_moves_to_trash_and_restores(paths: AppPaths) -> None:
    from okrcoach.tui.screens.trash import TrashScreen

    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # the second card
        await pilot.press("d")
        await settle(pilot)
        assert "Customers get answers the same day" not in titles(app)
        assert "archived hidden" not in shown(app, "#view-line")  # trash is not archive
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TrashScreen)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "Customers get answers the same day" in titles(app)
    with open_store(paths, read_only=True) as store:
        restored = store.get(Objective, "perform")
        assert restored is not None and not restored.deleted and not restored.archived
        assert store.checkins("perform-kr")  # history kept


async def test_alignment_tree_shows_three_levels(paths: AppPaths) -> None:
    from textual.widgets import Tree

    write(
        paths,
        Q4,
        objective("company", "Become the easiest tool to start with", owner="CEO"),
        objective(
            "team", "New users reach first success in minutes", owner="Growth", parent_id="company"
        ),
        objective(
            "me",
            "Learn to run user interviews",
            owner="Ben",
            parent_id="team",
            goal_type="learning",
        ),
        objective("lone", "Tidy the billing code"),
    )
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        tree = app.screen.query_one(Tree)
        roots = tree.root.children
        assert [n.data for n in roots] == ["company", "lone"]
        team = roots[0].children[0]
        assert team.data == "team"
        assert [n.data for n in team.children] == ["me"]
        assert "Ben" in str(team.children[0].label) and "learning" in str(team.children[0].label)


async def test_balance_hint_when_only_performance_goals(paths: AppPaths) -> None:
    write(
        paths,
        Q4,
        objective("a", "Customers get answers the same day"),
        objective("b", "Cut churn among small teams"),
    )
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        balance = shown(app, "#balance")
        assert app.screen.query_one("#balance").display
        assert "burn-out" in balance


async def test_learning_log_lists_notes_and_adds_one(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        log = "\n".join(str(s.render()) for s in app.screen.query(".week"))
        assert "Blocking calls stall the loop" in log
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#journal-text", Input).value = "Pairing beats reading"
        await pilot.press("enter")
        await settle(pilot)
        log = "\n".join(str(s.render()) for s in app.screen.query(".week"))
        assert "Pairing beats reading" in log


async def test_detail_shows_history_findings_and_alignment(paths: AppPaths) -> None:
    from textual.widgets import Sparkline

    from okrcoach.tui.screens.detail import DetailScreen

    write(
        paths,
        *mixed_cycle(),
        checkin("perform-kr", date(2026, 11, 1), 18, 6),
        checkin("perform-kr", date(2026, 11, 8), 14, 7),
    )
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert len(app.screen.query(Sparkline)) == 1
        assert [round(v) for v in app.screen.query_one(Sparkline).data] == [18, 14, 10]
        assert "Serves: no parent yet" in shown(app, "#alignment")
        assert shown(app, "#findings")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, DetailScreen)


async def test_help_lists_the_dashboard_keys(paths: AppPaths) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one("#keys")
        rows = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert {"Check in", "Filter", "Cycles", "Move to trash", "Learning log"} <= rows


async def test_user_text_is_shown_literally(paths: AppPaths) -> None:
    write(
        paths,
        Q4,
        objective("o", "[b]Bold[/b] claims", owner="[red]me"),
        kr("k", "o", "Raise [i]x[/i] from 1 to 2", baseline=1, target=2),
    )
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = card_text(app)
        assert "[b]Bold[/b] claims" in text and "[red]me" in text
        assert "Raise [i]x[/i] from 1 to 2" in text


async def test_checkin_history_count_is_not_needed_for_the_dashboard(paths: AppPaths) -> None:
    """A KR's latest check-in drives its health even with a long history."""
    records = [*mixed_cycle()]
    records += [checkin("risky-kr", date(2026, 10, 1 + i), 2, 2) for i in range(20)]
    write(paths, *records)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "✖ off track" in card_text(app)
    with open_store(paths, read_only=True) as store:
        assert len(store.checkins("risky-kr")) == 21
        assert isinstance(store.latest_checkin("risky-kr"), CheckIn)


async def test_on_a_short_terminal_hints_give_way_and_the_arrows_still_scroll_the_welcome(
    paths: AppPaths,
) -> None:
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#empty").display and not screen.query_one("#intro").display
        scroller = screen.query_one("#dashboard")
        assert scroller.max_scroll_y > 0 and scroller.scroll_y == 0
        await pilot.press("down")  # no card to move to: the view scrolls instead
        await settle(pilot)
        assert scroller.scroll_y > 0
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert screen.query_one("#intro").display


async def test_arrows_and_j_k_step_between_cards_and_the_wheel_still_scrolls(
    paths: AppPaths,
) -> None:
    write(paths, *mixed_cycle())
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(60, 16)) as pilot:
        await settle(pilot)
        cards = list(app.screen.query(ObjectiveCard))
        assert len(cards) > 2 and app.focused is cards[0]
        await pilot.press("down", "j")
        assert app.focused is cards[2]
        await pilot.press("up")
        assert app.focused is cards[1]
        scroller = app.screen.query_one("#dashboard")
        scroller.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        wheel = events.MouseScrollDown(cards[1], 5, 1, 0, 1, 0, False, False, False)
        cards[1].post_message(wheel)  # the wheel over a card reaches the scrolling view
        await pilot.pause()
        assert scroller.scroll_y > 0 and app.focused is cards[1]


async def test_detail_says_why_a_kr_ahead_of_pace_is_on_track(paths: AppPaths) -> None:
    write(paths, *mixed_cycle(), checkin("perform-kr", date(2026, 11, 20), 6, 5))
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        text = "\n".join(str(s.render()) for s in app.screen.query("#krs Static"))
        # Ahead of pace with a middling confidence of 5: the numbers speak, and it says so.
        assert "Why on track: at or ahead of pace (70% done, 60% expected by now)" in text


async def test_detail_counts_one_check_in_in_the_singular(paths: AppPaths) -> None:
    from okrcoach.tui.screens.detail import DetailScreen

    write(
        paths,
        Q4,
        objective("o", "Grow the newsletter"),
        kr("k", "o", "Reach 100 paying readers", baseline=0, target=100, current=20),
        checkin("k", date(2026, 11, 1), 20, 6),
    )
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        text = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert "1 check-in · last 1 Nov 2026" in text
        assert "1 check-ins" not in text
