"""Who owns what: owners' names and the dashboard's "whose objectives" filter.

On a team store the people come from the store (a role, a name, a team); on the
local store the owners are whatever names the objectives carry, and there are no
teams. Either way the screens get plain choices in words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class PersonLike(Protocol):
    role: str
    name: str
    team: str


@dataclass(frozen=True)
class Who:
    """Whose objectives are shown: everyone, one owner (by role), or one team."""

    owner: str = ""
    team: str = ""
    label: str = "everyone"

    @property
    def everyone(self) -> bool:
        return not self.owner and not self.team


EVERYONE = Who()


def people_of(store: Any) -> list[Any]:
    """The team store's people; none for the local store."""
    people = getattr(store, "people", None)
    return list(people()) if callable(people) else []


def owner_names(people: Iterable[PersonLike]) -> dict[str, str]:
    """Role -> the name shown for it."""
    return {p.role: p.name or p.role for p in people}


def owner_role(typed: str, people: Iterable[PersonLike]) -> str:
    """The role a typed owner means on a team store: a role as it is, a person's name as
    their role; anything else unchanged (the store then says who may own it)."""
    found = list(people)
    if not found or any(p.role == typed for p in found):
        return typed
    by_name = {p.name.casefold(): p.role for p in found}
    return by_name.get(typed.strip().casefold(), typed)


def owner_name(owner: str, names: dict[str, str]) -> str:
    """The name to show for an objective's owner (a role on a team store)."""
    return names.get(owner, owner)


def who_choices(people: Sequence[PersonLike], owners: Iterable[str], me: str = "") -> list[Who]:
    """What the filter offers: everyone, mine, each team, then each person by name."""
    names = owner_names(people)
    choices = [EVERYONE]
    if me:
        choices.append(Who(owner=me, label=f"mine ({owner_name(me, names)})"))
    teams = sorted({p.team for p in people if p.team}, key=str.casefold)
    choices += [Who(team=team, label=f"team {team}") for team in teams]
    roles = {p.role for p in people} | {o for o in owners if o}
    for role in sorted(roles, key=lambda r: owner_name(r, names).casefold()):
        if role != me:
            choices.append(Who(owner=role, label=owner_name(role, names)))
    return choices


def next_who(current: Who, choices: Sequence[Who]) -> Who:
    """The choice after ``current`` (round to everyone)."""
    if current not in choices:
        return EVERYONE
    return choices[(choices.index(current) + 1) % len(choices)]


def owned_by(owner: str, who: Who, people: Sequence[PersonLike]) -> bool:
    """Whether an objective owned by ``owner`` is shown under ``who``."""
    if who.everyone:
        return True
    if who.owner:
        return owner == who.owner
    return any(p.role == owner and p.team == who.team for p in people)


def who_phrase(who: Who) -> str:
    """How the view line says it: "" for everyone, else "of team Support", "of Alice"."""
    return "" if who.everyone else f"of {who.label}"


def who_heading(who: Who) -> str:
    """How the picker lists ``who``: our own words capitalised, a person's name or role as
    written ("okr_owner" stays "okr_owner")."""
    if who.everyone:
        return "Everyone"
    if who.team:
        return f"Team {who.team}"
    if who.label.startswith("mine ("):
        return "M" + who.label[1:]
    return who.label


def who_command(who: Who) -> str:
    """The command palette's words for showing ``who``'s objectives."""
    if who.everyone:
        return "Show everyone's objectives"
    if who.team:
        return f"Show {who.label}"
    if who.label.startswith("mine"):
        return "Show only mine"
    return f"Show {who.label}'s objectives"


def may_change(owner: str, me: str, admin: bool) -> bool:
    """Whether ``me`` may change an objective owned by ``owner`` (and its KRs, check-ins).

    On the local store (no ``me``) everything is yours; on a team store only the
    owner or an admin may. The database enforces the same rule; this says it early.
    """
    return not me or admin or owner == me


def not_yours(title: str, owner: str) -> str:
    """Who may change an objective, in the words the team store uses when it refuses."""
    who = f"{owner} (the owner)" if owner else "its owner"
    return f"Only {who} or an admin can change «{title}»."


def is_mine(store: Any, owner: str) -> bool:
    """Whether an objective with ``owner`` is the person's own (always, on the local store)."""
    me = getattr(store, "me", "")
    return not me or owner == me


def may_check_in(store: Any, owner: str) -> bool:
    """Whether the person may change (and check in on) an objective owned by ``owner``."""
    return may_change(owner, getattr(store, "me", ""), bool(getattr(store, "is_admin", False)))
