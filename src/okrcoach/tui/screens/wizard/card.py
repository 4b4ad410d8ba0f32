"""The review step's card: the whole objective as it will be saved, escaped for markup."""

from __future__ import annotations

from okrcoach.domain.models import Direction, MetricKind
from okrcoach.services.drafting import DraftForm
from okrcoach.tui.safe import safe, safe_block

_ARROW = {Direction.INCREASE.value: "↑", Direction.DECREASE.value: "↓", "maintain": "="}


def _numbers(kind: str, baseline: str, target: str, unit: str, direction: str) -> str:
    if kind == MetricKind.MILESTONE.value:
        return "milestone"
    if not (baseline.strip() or target.strip()):
        return "no numbers yet"
    tail = f" {safe(unit)}" if unit.strip() else ""
    start = safe(baseline.strip() or "?")
    goal = safe(target.strip() or "?")
    return f"{_ARROW.get(direction, '')} {start} → {goal}{tail}"


def render_card(form: DraftForm, parent_label: str | None, next_cycle: str | None) -> str:
    """Markup for the objective card on the review step."""
    goal_type = form.chosen_goal_type().value
    colour = "$okr-learning" if goal_type == "learning" else "$okr-performance"
    lines = [f"[b]{safe(form.title.strip() or '(no title yet)')}[/b]"]
    if form.why.strip():
        lines.append(f"[$text-muted]Why:[/] {safe_block(form.why)}")
    facts = [f"[{colour}]{goal_type}[/]", safe(form.commitment)]
    if form.maturity:
        facts.append(f"skill: {safe(form.maturity)}")
    lines.append(" · ".join(facts))
    if parent_label:
        lines.append(f"[$text-muted]Serves:[/] {safe(parent_label)}")
    if form.split and next_cycle:
        lines.append(
            f"[$text-muted]Then:[/] a performance objective waits as a draft in {safe(next_cycle)}"
        )
    filled = form.filled_krs()
    if not filled:
        lines.append("[$warning]No key results yet.[/]")
    for number, (_, kr) in enumerate(filled, start=1):
        numbers = _numbers(kr.metric_kind, kr.baseline, kr.target, kr.unit, kr.direction)
        sure = f"  {safe(kr.confidence)}/10" if kr.confidence.strip() else ""
        lines.append(f"{number}. {safe(kr.text)}  [$text-muted]{numbers}{sure}[/]")
    return "\n".join(lines)
