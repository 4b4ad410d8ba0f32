"""The services on a team store: an admin drafting for someone by name, your own due list."""

from __future__ import annotations

from datetime import date

from okrcoach.domain.models import Objective, ObjectiveStatus
from okrcoach.services.drafting import DraftForm, KRForm, save_objective


def _form(owner: str) -> DraftForm:
    return DraftForm(
        title="Win the northern region",
        owner=owner,
        goal_type="performance",
        krs=[
            KRForm(text="Grow signed deals from 10 to 25", baseline="10", target="25"),
            KRForm(text="Raise the win rate from 20% to 30%", baseline="20", target="30", unit="%"),
        ],
    )


def test_an_admin_drafting_for_bob_by_name_makes_it_bobs(team) -> None:
    carol = team.open("carol")
    result = save_objective(carol, _form("Bob"), status=ObjectiveStatus.DRAFT, today=date.today())
    saved = team.open("bob").get(Objective, result.objective_id)
    assert saved is not None and saved.owner == "bob"


def test_a_member_drafting_for_someone_else_is_told_who_may(team) -> None:
    import pytest

    from okrcoach.store import NotAllowedError

    alice = team.open("alice")
    with pytest.raises(NotAllowedError):
        save_objective(alice, _form("Bob"), status=ObjectiveStatus.DRAFT, today=date.today())
    assert team.open("alice").all(Objective) == []


def test_a_cycle_retro_covers_the_objectives_you_may_change(team) -> None:
    from okrcoach.domain.models import Cycle
    from okrcoach.services.retros import load_scope

    alice, bob = team.open("alice"), team.open("bob")
    cycle = alice.save(Cycle(name="2026-Q4", start=date(2026, 10, 1), end=date(2026, 12, 31)))
    alice.save(Objective(cycle_id=cycle.id, title="Delight support customers"))
    bob.save(Objective(cycle_id=cycle.id, title="Win the northern region"))
    assert [o.title for o in load_scope(bob, cycle.id).objectives] == ["Win the northern region"]
    everyone = load_scope(team.open("carol"), cycle.id).objectives  # an admin
    assert len(everyone) == 2
