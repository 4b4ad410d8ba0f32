"""Whose objectives: owners by name, the choices the dashboard offers, and who may change what."""

from __future__ import annotations

from dataclasses import dataclass

from okrcoach.services.people import (
    EVERYONE,
    Who,
    may_change,
    not_yours,
    owned_by,
    owner_role,
    who_choices,
    who_command,
    who_heading,
    who_phrase,
)


@dataclass
class P:
    role: str
    name: str
    team: str = ""


PEOPLE = [P("alice", "Alice", "Support"), P("bob", "Bob", "Sales"), P("dan", "Dan", "Support")]


def test_choices_are_everyone_mine_teams_then_people_by_name() -> None:
    labels = [w.label for w in who_choices(PEOPLE, ["alice", "bob"], me="alice")]
    assert labels == ["everyone", "mine (Alice)", "team Sales", "team Support", "Bob", "Dan"]


def test_the_local_store_offers_the_owners_its_objectives_name() -> None:
    labels = [w.label for w in who_choices([], ["Ana", "", "Ben", "Ana"])]
    assert labels == ["everyone", "Ana", "Ben"]


def test_a_team_filter_keeps_its_members_objectives() -> None:
    support = Who(team="Support", label="team Support")
    assert owned_by("dan", support, PEOPLE) and owned_by("alice", support, PEOPLE)
    assert not owned_by("bob", support, PEOPLE)
    assert owned_by("anyone", EVERYONE, PEOPLE)


def test_the_view_line_and_the_palette_say_it_in_words() -> None:
    assert who_phrase(EVERYONE) == ""
    assert who_phrase(Who(team="Sales", label="team Sales")) == "of team Sales"
    assert who_command(Who(owner="bob", label="Bob")) == "Show Bob's objectives"
    assert who_command(Who(owner="alice", label="mine (Alice)")) == "Show only mine"


def test_only_the_owner_or_an_admin_may_change_on_a_team_store() -> None:
    assert may_change("alice", "alice", admin=False)
    assert not may_change("alice", "bob", admin=False)
    assert may_change("alice", "carol", admin=True)
    assert may_change("Sam", "", admin=False)  # the local store: everything is yours
    assert not_yours("Win", "Alice") == "Only Alice (the owner) or an admin can change «Win»."


def test_a_typed_owner_is_matched_to_a_role_by_name() -> None:
    assert owner_role("Bob", PEOPLE) == "bob"
    assert owner_role("dan", PEOPLE) == "dan"
    assert owner_role("Zoe", PEOPLE) == "Zoe"
    assert owner_role("Sam", []) == "Sam"


def test_the_picker_lists_people_as_written_and_its_own_words_capitalised() -> None:
    people = [P("okr_owner", "okr_owner"), P("bob", "bob b.", "sales")]
    headings = [who_heading(w) for w in who_choices(people, [], me="bob")]
    assert headings == ["Everyone", "Mine (bob b.)", "Team sales", "okr_owner"]
