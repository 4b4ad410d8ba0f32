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
