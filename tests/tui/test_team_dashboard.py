"""The app on a team store: owners by name, whose objectives, live refresh, conflicts, refusals.

Every test runs against a real PostgreSQL server (the team fixtures), with alice,
bob (members) and carol (admin) each connecting as their own role.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.content import Content
from textual.widgets import Input, Static

from okrcoach.domain.models import Cycle, KeyResult, Objective
from okrcoach.location import Given
from okrcoach.paths import AppPaths
from okrcoach.services.checkins import record_checkin
from okrcoach.tui.app import make_app
from okrcoach.tui.screens.checkin import CheckInScreen
from okrcoach.tui.screens.wizard import WizardScreen
from okrcoach.tui.widgets.objective_card import ObjectiveCard
from tests.tui.conftest import TODAY, settle
from tests.tui.dashboard_seed import Q4
from tests.tui.screen_text import screen_text

WAIT_SECONDS = 20.0  # a busy machine may take a while; the condition ends the wait early


async def until(pilot: Any, condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition()`` holds (a wait for a condition, not a sleep)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await pilot.pause(0.05)


def cards(app: Any) -> str:
    return "\n".join(
        Content.from_markup(card.render()).plain for card in app.screen.query(ObjectiveCard)
    )


def titles(app: Any) -> list[str]:
    return [card.row.objective.title for card in app.screen.query(ObjectiveCard)]


def step_title(app: Any) -> str:
    return str(app.screen.query_one("#kr-title", Static).render())


def titles_said(app: Any) -> str:
    return "\n".join(n.title or "" for n in app._notifications)


def messages(app: Any) -> str:
    return "\n".join(n.message for n in app._notifications)


def seed(team: Any) -> dict[str, Any]:
    """Alice (Support) and Bob (Sales), one objective with two key results each, in Q4."""
    alice, bob = team.open("alice"), team.open("bob")
    alice.save(Cycle(id=Q4.id, name=Q4.name, start=Q4.start, end=Q4.end))
    made: dict[str, Any] = {}
    for who, store, title, kr_title in (
        ("alice", alice, "Delight support customers", "Cut first reply time from 24 h to 4 h"),
        ("bob", bob, "Win the northern region", "Grow signed deals from 10 to 25"),
    ):
        objective = store.save(Objective(id=f"{who}-o", cycle_id=Q4.id, title=title))
        kr = store.save(
            KeyResult(
                id=f"{who}-kr", objective_id=objective.id, title=kr_title, baseline=0, target=25
            )
        )
        store.save(
            KeyResult(
                id=f"{who}-kr2",
                objective_id=objective.id,
                title="Raise satisfaction from 70 to 85",
                baseline=70,
                target=85,
                position=1,
            )
        )
        made[who] = (store, objective, kr)
    return made


def app_as(team: Any, paths: AppPaths, role: str) -> Any:
    return make_app(paths, today=TODAY, store=Given(team.url(role), "--store"))


async def test_objectives_show_their_owners_by_name(team, paths: AppPaths) -> None:
    seed(team)
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = cards(app)
        assert "Delight support customers" in text and "Win the northern region" in text
        assert "Alice" in text and "Bob" in text  # names, not the roles alice and bob
        assert "Alice" in app.sub_title and "alice-pw" not in app.sub_title


async def test_whose_lists_a_role_without_a_name_as_written(team, paths: AppPaths) -> None:
    seed(team)
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        options = app.screen.query_one("#who-list")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "okr_owner" in labels and "Okr_owner" not in labels  # the database owner


async def test_the_dashboard_filters_by_team_and_by_owner(team, paths: AppPaths) -> None:
    seed(team)
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        options = app.screen.query_one("#who-list")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[:2] == ["Everyone", "Mine (Alice)"]
        assert "Team Sales" in labels and "Bob" in labels
        await pilot.press(*["down"] * labels.index("Team Sales"), "enter")
        await settle(pilot)
        assert titles(app) == ["Win the northern region"]
        view = str(app.screen.query_one("#view-line", Static).render())
        assert "Showing all objectives of team Sales" in view
        # The command palette offers the same choices by name.
        commands = [title for title, _, _ in app.screen.palette_commands()]
        assert "Show only mine" in commands and "Show everyone" in commands
        dict((t, c) for t, _, c in app.screen.palette_commands())["Show only mine"]()
        await settle(pilot)
        assert titles(app) == ["Delight support customers"]


async def test_someone_elses_check_in_shows_up_without_a_restart(team, paths: AppPaths) -> None:
    made = seed(team)
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "confidence 3/10" not in cards(app)
        bob, _, kr = made["bob"]
        record_checkin(bob, kr, 12, 3, "two big deals slipped", today=TODAY)
        await until(pilot, lambda: "confidence 3/10" in cards(app), "bob's check-in on screen")
        assert "12" in cards(app)


async def test_an_edit_made_elsewhere_meanwhile_is_refused_with_who_and_when(
    team, paths: AppPaths
) -> None:
    made = seed(team)
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")  # alice's own objective is the first card
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        # Meanwhile alice, in another window, renames it.
        other = team.open("alice")
        current = other.get(Objective, "alice-o")
        other.save(current.touched(title="Delight every support customer"))
        title = app.screen.query_one("#title", Input)
        title.focus()
        await pilot.press("end", *" this quarter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "was changed by" in messages(app), "the conflict message")
        said = messages(app)
        assert "was changed by Alice" in said and "your edit was not saved" in said
        assert isinstance(app.screen, WizardScreen)  # still open, what was typed kept
        assert title.value == "Delight support customers this quarter"
        stored = team.open("alice").get(Objective, "alice-o")
        assert stored.title == "Delight every support customer"
    assert made  # alice's first store stayed as it was


async def test_bob_cannot_change_alices_objective_through_the_app(team, paths: AppPaths) -> None:
    seed(team)
    app = app_as(team, paths, "bob")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert titles(app)[0] == "Delight support customers"  # bob reads it
        for key in ("e", "c", "a", "d"):
            await pilot.press(key)
            await settle(pilot)
            assert not isinstance(app.screen, (WizardScreen, CheckInScreen)), key
        said = messages(app)
        assert "Only Alice (the owner) or an admin can change «Delight support customers»" in said
    stored = team.open("alice").get(Objective, "alice-o")
    assert stored.title == "Delight support customers" and not stored.archived
    assert not stored.deleted


async def test_bobs_save_refused_by_the_database_is_said_in_words(team, paths: AppPaths) -> None:
    """Even past the app's own check (a stale screen), the database's refusal is a message."""
    seed(team)
    app = app_as(team, paths, "bob")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        from okrcoach.services.objectives import archive
        from okrcoach.tui.screens.background import run_in_background

        run_in_background(app.screen, lambda store: archive(store, "alice-o"), lambda _: None)
        await until(pilot, lambda: "Only Alice" in messages(app), "the refusal")
        assert app.is_running
    assert not team.open("alice").get(Objective, "alice-o").archived


async def test_a_check_in_typed_while_the_server_is_away_is_saved_once_it_is_back(
    team, paths: AppPaths
) -> None:
    made = seed(team)
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("9", "enter", "6", "enter", "n", "e", "w", " ", "m", "a", "c", "r", "o")
        team.cluster.stop()
        try:
            await pilot.press("ctrl+s")
            await until(pilot, lambda: "Waiting" in titles_said(app), "the waiting message")
            assert isinstance(app.screen, CheckInScreen)  # what was typed stays on screen
            assert app.screen.query_one("#value", Input).value == "9"
        finally:
            team.cluster.start()
        await until(pilot, lambda: "Key result 2 of 2" in step_title(app), "the save")
        assert app.is_running
    _, _, kr = made["alice"]
    saved = team.open("alice").checkins(kr.id)
    assert [(c.value, c.confidence, c.note) for c in saved] == [(9, 6, "new macro")]


async def test_the_alignment_tree_spans_the_organisation(team, paths: AppPaths) -> None:
    made = seed(team)
    alice, objective, _ = made["alice"]
    alice.save(objective.touched(parent_id="bob-o"))  # alice's serves bob's
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        from textual.widgets import Tree

        tree = app.screen.query_one(Tree)
        (root,) = tree.root.children
        assert str(root.label).startswith("Win the northern region")
        assert "Bob" in str(root.label)
        (child,) = root.children
        assert str(child.label).startswith("Delight support customers")
        assert "Alice" in str(child.label)


async def test_opening_while_the_server_is_away_offers_to_try_again(team, paths: AppPaths) -> None:
    from okrcoach.tui.screens.notice import StoreProblemModal

    seed(team)
    app = app_as(team, paths, "alice")
    team.cluster.stop()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, StoreProblemModal), "the problem")
            await settle(pilot)
            text = str(app.screen.query_one("#problem-text", Static).render())
            assert "cannot be reached" in text and "alice-pw" not in text
            assert app.screen.query_one("#retry")
            keys = {b.binding.description for b in app.screen.active_bindings.values()}
            assert "Try again" in keys and "Open read-only" not in keys  # what r does here
            team.cluster.start()
            await pilot.press("r")
            await until(pilot, lambda: bool(titles(app)), "the dashboard")
            assert "Delight support customers" in titles(app)
    finally:
        if not team.cluster.started:
            team.cluster.start()


async def test_the_store_setting_opens_the_team_store_and_local_overrides_it(
    team, paths: AppPaths
) -> None:
    seed(team)
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text(f'store = "{team.url("bob")}"\n', encoding="utf-8")
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Win the northern region" in titles(app)
        assert "Bob" in app.sub_title
    # --store local (or a demo) opens the local folder whatever the settings say.
    app = make_app(paths, today=TODAY, store=Given(None, "--store"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert titles(app) == []
        assert paths.data_file.exists()


async def test_the_detail_view_names_the_owner(team, paths: AppPaths) -> None:
    seed(team)
    app = app_as(team, paths, "bob")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # alice's objective, the first card
        await settle(pilot)
        from okrcoach.tui.screens.detail import DetailScreen

        assert isinstance(app.screen, DetailScreen)
        assert "owner Alice" in screen_text(app)


async def test_an_edit_kept_as_a_draft_and_resumed_later_is_still_refused_after_a_change(
    team, paths: AppPaths
) -> None:
    from okrcoach.domain.models import Draft

    seed(team)
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")  # alice's own objective is the first card
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        title = app.screen.query_one("#title", Input)
        title.focus()
        await pilot.press("end", *" this quarter")
        await settle(pilot)

        def drafted() -> list[Draft]:
            kept = [d for d in team.open("alice").drafts() if d.target_id == "alice-o"]
            return [d for d in kept if "this quarter" in d.data.get("title", "")]

        # The wizard keeps the edit as a draft as it is typed; the app then goes away.
        await until(pilot, lambda: bool(drafted()), "the edit kept as a draft")
    # Meanwhile carol (an admin) renames it.
    carol = team.open("carol")
    carol.save(carol.get(Objective, "alice-o").touched(title="Delight every support customer"))
    (draft,) = drafted()
    app = app_as(team, paths, "alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(WizardScreen(draft=draft))
        await settle(pilot)
        typed = app.screen.query_one("#title", Input).value
        assert typed == "Delight support customers this quarter"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "was changed by" in messages(app), "the conflict message")
        assert "was changed by Carol" in messages(app)
        assert isinstance(app.screen, WizardScreen)  # still open, what was typed kept
    assert team.open("alice").get(Objective, "alice-o").title == "Delight every support customer"
