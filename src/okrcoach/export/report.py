"""The terminal report: a cycle's objectives, key results, health and confidence.

Rich renderables built from the same portfolio the dashboard shows. User text
always goes in as ``Text`` (never parsed as markup) after control characters
are stripped; every colour repeats a word, so the report reads the same when
piped as plain text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from okrcoach.domain.health import Health
from okrcoach.domain.models import Cycle, GoalType, Retrospective
from okrcoach.export.text import clean_line, kr_values, percent

_HEALTH_STYLE = {
    Health.ON_TRACK: "green",
    Health.AT_RISK: "yellow",
    Health.OFF_TRACK: "red",
    Health.NO_DATA: "dim",
}
BAR_WIDTH = 10


def user_text(value: str, style: str = "") -> Text:
    """User text for rich: cleaned, and literal (``[b]`` stays ``[b]``)."""
    return Text(clean_line(value), style=style)


def progress_bar(progress: float, width: int = BAR_WIDTH) -> Text:
    filled = max(0, min(width, round(progress * width)))
    bar = Text("█" * filled, style="cyan")
    bar.append("░" * (width - filled), style="dim")
    bar.append(f" {percent(progress):>4}")
    return bar


def health_text(health: Health) -> Text:
    return Text(health.label, style=_HEALTH_STYLE[health])


def badge(goal_type: GoalType) -> Text:
    word = "LEARNING" if goal_type is GoalType.LEARNING else "PERFORMANCE"
    return Text(word, style="bold magenta" if goal_type is GoalType.LEARNING else "bold blue")


def _confidence(value: int | None) -> str:
    return f"{value}/10" if value is not None else "–"


def _objective_table(number: int, row: object, scores: dict[str, float]) -> Table:
    objective = row.objective  # type: ignore[attr-defined]
    title = Text(f"{number}. ", style="bold")
    title.append_text(user_text(objective.title, "bold"))
    facts = Text()
    facts.append_text(badge(objective.goal_type))
    facts.append(f" · {objective.commitment.value} · progress {percent(row.progress)} · ")  # type: ignore[attr-defined]
    facts.append_text(health_text(row.health))  # type: ignore[attr-defined]
    facts.append(f" · confidence {_confidence(row.confidence)}")  # type: ignore[attr-defined]
    if objective.owner:
        facts.append(" · owner ")
        facts.append_text(user_text(row.owner_name or objective.owner))  # type: ignore[attr-defined]
    title.append("\n")
    title.append_text(facts)
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("Key result", ratio=3, overflow="fold")
    table.add_column("From → now → target", overflow="fold")
    table.add_column("Progress", no_wrap=True)
    table.add_column("Conf.", justify="right", no_wrap=True)
    table.add_column("Health", no_wrap=True)
    if scores:
        table.add_column("Score", justify="right", no_wrap=True)
    for kr_row in row.krs:  # type: ignore[attr-defined]
        latest = kr_row.latest
        confidence = latest.confidence if latest is not None else kr_row.kr.confidence
        cells: list[RenderableType] = [
            user_text(kr_row.kr.title),
            user_text(kr_values(kr_row.kr)),
            progress_bar(kr_row.progress),
            _confidence(confidence),
            health_text(kr_row.health),
        ]
        if scores:
            score = scores.get(kr_row.kr.id)
            cells.append("–" if score is None else f"{score:.2f}")
        table.add_row(*cells)
    if not row.krs:  # type: ignore[attr-defined]
        table.add_row(Text("no key results yet", style="dim"), "", "", "", "")
    return table


def _retro_lines(retros: Iterable[Retrospective]) -> list[Text]:
    lines = []
    for retro in retros:
        state = "finished" if retro.finished else "in progress"
        line = Text(f"Retrospective ({retro.format.value}, {state})")
        if retro.scores:
            mean = sum(s.score for s in retro.scores) / len(retro.scores)
            count = len(retro.scores)
            plural = "s" if count != 1 else ""
            line.append(f": {count} key result{plural} scored, average {mean:.2f}")
        if retro.decisions:
            actions: dict[str, int] = {}
            for decision in retro.decisions:
                actions[decision.action.value] = actions.get(decision.action.value, 0) + 1
            line.append("; decisions: " + ", ".join(f"{k} {v}" for k, v in actions.items()))
        lines.append(line)
    return lines


def build_report(store: object, cycle: Cycle, today: date, cadence_days: int = 7) -> Group:
    """Everything the report prints for one cycle, as one rich renderable."""
    from okrcoach.services.cycles import describe_cycle
    from okrcoach.services.portfolio import load_portfolio

    portfolio = load_portfolio(store, cycle, today, cadence_days=cadence_days)  # type: ignore[arg-type]
    retros = store.retros(cycle.id)  # type: ignore[attr-defined]
    scores = {s.kr_id: s.score for r in retros for s in r.scores}
    heading = Text("OKR report · ", style="bold")
    heading.append_text(user_text(describe_cycle(cycle, today), "bold"))
    parts: list[RenderableType] = [heading]
    rows = portfolio.rows
    if not rows:
        parts.append(Text("No objectives in this cycle yet. Open okrcoach to set the first one."))
    else:
        kr_count = sum(len(r.krs) for r in rows)
        mean = sum(r.progress for r in rows) / len(rows)
        learning = sum(1 for r in rows if r.objective.goal_type is GoalType.LEARNING)
        parts.append(
            Text(
                f"{len(rows)} objective{'s' if len(rows) != 1 else ''} "
                f"({learning} learning, {len(rows) - learning} performance) · "
                f"{kr_count} key result{'s' if kr_count != 1 else ''} · "
                f"average progress {percent(mean)}"
            )
        )
    for number, row in enumerate(rows, start=1):
        parts += [Text(""), _objective_table(number, row, scores)]
    for hint in portfolio.balance_hints:
        parts += [Text(""), Text("Coach: ", style="bold").append_text(user_text(hint))]
    retro_lines = _retro_lines(retros)
    if retro_lines:
        parts.append(Text(""))
        parts += retro_lines
    return Group(*parts)
