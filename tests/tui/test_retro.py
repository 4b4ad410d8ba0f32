"""The guided retrospective in the app: whole cycle, one objective, graduation, resume."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.widgets import Input, Markdown, Select, Static, TextArea

from okrcoach.domain.models import (
    Commitment,
    GoalType,
    KRScore,
    Objective,
    ObjectiveStatus,
    Retrospective,
)
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from okrcoach.tui.app import make_app
from okrcoach.tui.screens.retro import RetroScreen
from okrcoach.tui.screens.retro_history import RetroHistoryScreen
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import Q3, Q4, checkin, kr, objective, write


def retro_records() -> list[Any]:
    """A past cycle with a finished retro, and this cycle: a learning and a performance goal."""
    return [
        Q3,
        objective("old", "Answer the phone faster", cycle=Q3),
        kr("old-kr", "old", "Pick up within 3 rings", baseline=0, target=1, current=1),
        Retrospective(
            id="past-retro",
            cycle_id=Q3.id,
            participants="Ana",
            scores=[KRScore(kr_id="old-kr", score=0.9)],
            finished=True,
        ),
        Q4,
        objective(
            "learn",
            "Become fluent in async Python",
            goal_type=GoalType.LEARNING,
            commitment=Commitment.ASPIRATIONAL,
            position=0,
        ),
        kr("learn-kr", "learn", "Rate my async skill from 3 to 7", baseline=3, target=7, current=6),
        checkin("learn-kr", date(2026, 11, 20), 6, 7, learned="Blocking calls stall the loop"),
        objective("ship", "Customers get answers the same day", position=1),
        kr(
            "ship-kr",
            "ship",
            "Cut reply time from 24 h to 4 h",
            baseline=24,
            target=4,
            current=4,
            direction="decrease",
        ),
    ]


def seeded(paths: AppPaths) -> Any:
    write(paths, *retro_records())
    return make_app(paths, today=TODAY)


async def open_retro(pilot: Any, objective_id: str | None = None) -> RetroScreen:
    await settle(pilot)
    pilot.app.action_start_retro(objective_id)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RetroScreen)
    return screen


def step_title(screen: RetroScreen) -> str:
    return str(screen.query_one("#step-title", Static).render())


async def type_into(pilot: Any, selector: str, text: str) -> None:
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    await pilot.press(*text)


def stored(paths: AppPaths) -> tuple[list[Retrospective], list[Objective]]:
    with open_store(paths, read_only=True) as store:
        return store.retros(), store.objectives(include_archived=True)


async def test_full_cycle_retro_scores_reflects_and_carries_forward(paths: AppPaths) -> None:
    app = seeded(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_retro(pilot)
        assert "Step 1 of 6: Set the stage" in step_title(screen)
        await pilot.press(*"Alex and Ben")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "Step 2 of 6: Score" in step_title(screen)
        assert screen.query_one("#score-0", Input).value == "0.8"  # 3 -> 6 of 7
        assert screen.query_one("#score-1", Input).value == "1.0"  # 24 h down to 4 h
        note = str(screen.query_one("#note-1", Static).render())
        assert "Was it a stretch at all?" in note
        # A committed KR scored below 1.0 needs an explanation before moving on.
        screen.query_one("#score-1", Input).value = "0.6"
        await pilot.pause()
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "Step 2 of 6" in step_title(screen)
        assert "need a word on what got in the way" in str(
            screen.query_one("#score-error", Static).render()
        )
        assert screen.focused is screen.query_one("#why-1", Input)
        await pilot.press(*"Holidays")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "Step 3 of 6: Reflect" in step_title(screen)
        assert "Blocking calls stall the loop" in str(
            screen.query_one("#log-prompts", Static).render()
        )
        await pilot.press(*"Mostly")
        screen.query_one("#format", Select).value = "mad-sad-glad"
        await pilot.pause()
        assert screen.query_one("#a-glad", TextArea).parent.display  # type: ignore[union-attr]
        assert not screen.query_one("#a-start", TextArea).parent.display  # type: ignore[union-attr]
        await type_into(pilot, "#a-glad", "Pairing")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "Calibrate ambition" in step_title(screen)
        chart = str(screen.query_one("#chart", Static).render())
        assert "2026-Q3" in chart and "0.90" in chart and "0.70" in chart
        assert "0.6 and 0.85" in str(screen.query_one("#verdict", Static).render())
        assert "0 of 1" in str(screen.query_one("#committed", Static).render())
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "Decide" in step_title(screen)
        assert screen.query_one("#action-0", Select).value == "graduate"
        assert screen.query_one("#action-1", Select).value == "keep"
        await pilot.click("#next")
        await settle(pilot)
        assert "Step 6 of 6: Summary" in step_title(screen)
        summary = screen.query_one(Markdown).source
        assert "Taking part: Alex and Ben" in summary and "Holidays" in summary
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, RetroScreen)
    retros, objectives = stored(paths)
    [retro] = [r for r in retros if r.cycle_id == Q4.id]
    assert retro.finished and retro.participants == "Alex and Ben"
    assert retro.answers["Are we measuring the right things?"] == "Mostly"
    assert retro.answers["glad"] == "Pairing"
    assert {s.kr_id: s.score for s in retro.scores} == {"learn-kr": 0.8, "ship-kr": 0.6}
    by_id = {o.id: o for o in objectives}
    assert by_id["ship"].status is ObjectiveStatus.CARRIED_OVER
    assert by_id["learn"].status is ObjectiveStatus.DONE
    later = [o for o in objectives if o.cycle_id not in (Q3.id, Q4.id)]
    assert sorted(o.title for o in later) == [
        "Become fluent in async Python",
        "Customers get answers the same day",
    ]


async def test_single_objective_retro_closes_it_as_achieved(paths: AppPaths) -> None:
    app = seeded(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_retro(pilot, "ship")
        assert "Customers get answers the same day" in step_title(screen)
        for _ in range(4):
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert not screen.query("#score-1")  # only this objective's KR is scored
        assert screen.query_one("#action-0", Select).value == "achieved"
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "closed as achieved" in str(screen.query_one("#applied", Static).render())
    retros, objectives = stored(paths)
    [retro] = [r for r in retros if r.cycle_id == Q4.id]
    assert retro.objective_id == "ship" and retro.finished
    assert {o.id: o.status for o in objectives}["ship"] is ObjectiveStatus.DONE
    assert {o.id: o.status for o in objectives}["learn"] is ObjectiveStatus.ACTIVE


async def test_graduation_drafts_a_performance_goal_in_the_next_cycle(paths: AppPaths) -> None:
    app = seeded(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_retro(pilot, "learn")
        await pilot.press("ctrl+n")
        await settle(pilot)
        screen.query_one("#score-0", Input).value = "0.3"
        screen.query_one("#outcome-0", Select).value = "validated"
        await pilot.pause()
        for _ in range(3):
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert "graduate it into a performance goal" in str(
            screen.query_one("#hint-0", Static).render()
        )
        assert screen.query_one("#action-0", Select).value == "graduate"
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "graduated" in str(screen.query_one("#applied", Static).render())
    _, objectives = stored(paths)
    [draft] = [o for o in objectives if o.cycle_id not in (Q3.id, Q4.id)]
    assert draft.goal_type is GoalType.PERFORMANCE
    assert draft.status is ObjectiveStatus.DRAFT
    assert "Blocking calls stall the loop" in draft.why
    assert "hypothesis validated" in draft.why


async def test_quitting_mid_retro_loses_nothing(paths: AppPaths) -> None:
    app = seeded(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_retro(pilot)
        await pilot.press(*"Ana")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_into(pilot, "#q-1", "Setup is where people give up")
        # Quit straight away: no time for the debounced autosave.
    again = make_app(paths, today=TODAY)
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await open_retro(pilot)
        assert "Step 3 of 6: Reflect" in step_title(screen)
        assert screen.query_one("#q-1", TextArea).text == "Setup is where people give up"
        assert screen.query_one("#participants", Input).value == "Ana"
    retros, _ = stored(paths)
    assert len([r for r in retros if r.cycle_id == Q4.id]) == 1


async def test_history_lists_past_retros_and_opens_one(paths: AppPaths) -> None:
    app = seeded(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_retro_history()
        await settle(pilot)
        assert isinstance(app.screen, RetroHistoryScreen)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RetroScreen)
        assert "Summary" in step_title(screen)
        assert "Taking part: Ana" in screen.query_one(Markdown).source
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert "Summary" in step_title(screen)  # a finished retro is read, not re-run


async def test_palette_offers_the_retro_commands(paths: AppPaths) -> None:
    app = seeded(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Start a retrospective" in titles and "Past retrospectives" in titles
