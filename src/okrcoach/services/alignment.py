"""The alignment tree: which objective serves which, across owners and cycles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from okrcoach.domain.models import Objective
from okrcoach.store import Store


@dataclass
class Node:
    objective: Objective
    children: list[Node] = field(default_factory=list)
    outside: bool = False  # a parent from another cycle, shown for context


def build_forest(shown: Sequence[Objective], context: Sequence[Objective] = ()) -> list[Node]:
    """Roots of the tree of ``shown``; ancestors found in ``context`` join as outside nodes.

    An objective whose parent is unknown (or would form a loop) becomes a root.
    """
    by_id = {o.id: o for o in context}
    by_id.update({o.id: o for o in shown})
    shown_ids = {o.id for o in shown}
    included: dict[str, Objective] = {}
    for objective in shown:
        current: Objective | None = objective
        seen: set[str] = set()
        while current is not None and current.id not in seen:
            seen.add(current.id)
            included.setdefault(current.id, current)
            current = by_id.get(current.parent_id) if current.parent_id else None
    nodes = {oid: Node(o, outside=oid not in shown_ids) for oid, o in included.items()}
    roots: list[Node] = []
    for oid, node in nodes.items():
        parent = node.objective.parent_id
        if parent in nodes and not _creates_loop(oid, parent, nodes):
            nodes[parent].children.append(node)
        else:
            roots.append(node)
    return roots


def _creates_loop(child: str, parent: str | None, nodes: dict[str, Node]) -> bool:
    seen = {child}
    while parent is not None:
        if parent in seen:
            return True
        seen.add(parent)
        node = nodes.get(parent)
        parent = node.objective.parent_id if node else None
    return False


def cycle_forest(store: Store, cycle_id: str) -> list[Node]:
    """The tree of a cycle's live objectives, with their parents from any cycle."""
    everything = [o for o in store.objectives(include_archived=True) if not o.deleted]
    shown = [o for o in everything if o.cycle_id == cycle_id and not o.archived]
    return build_forest(shown, everything)


def parent_and_children(
    store: Store, objective: Objective
) -> tuple[Objective | None, list[Objective]]:
    """The objective it serves and the ones that serve it (live ones only)."""
    parent = None
    if objective.parent_id:
        found = store.get(Objective, objective.parent_id)
        parent = found if found is not None and not found.deleted else None
    children = [
        o
        for o in store.objectives(include_archived=True)
        if o.parent_id == objective.id and not o.deleted
    ]
    return parent, children
