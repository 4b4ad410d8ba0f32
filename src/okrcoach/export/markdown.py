"""A Markdown export a person can read and paste into a wiki.

User text is escaped so that a title can never open a heading, a link, an
image, HTML or a table cell of its own, and terminal control characters are
stripped again here even though the models already removed them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from okrcoach.domain.models import Cycle, KeyResult, Objective, Retrospective
from okrcoach.domain.scoring import kr_progress, objective_progress
from okrcoach.export.snapshot import Snapshot
from okrcoach.export.text import clean_block, clean_line, direction_words, kr_values, percent

# Characters that start inline structure anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&])")
# Characters that start block structure at the beginning of a line.
_LINE_START = re.compile(r"^([-+=>]|\d+[.)])")


def escape_inline(text: str) -> str:
    """One line of user text, safe anywhere in Markdown (headings, lists, table cells)."""
    text = _INLINE.sub(r"\\\1", clean_line(text))
    return _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def escape_block(text: str) -> list[str]:
    """Multi-line user text as escaped lines (no indentation, so no code blocks)."""
    return [escape_inline(line) for line in clean_block(text).split("\n") if line.strip()]


def _heading(snapshot: Snapshot) -> list[str]:
    scope = f" — {escape_inline(snapshot.cycle)}" if snapshot.cycle else ""
    when = snapshot.exported_at.strftime("%Y-%m-%d %H:%M UTC")
    return [f"# OKRs{scope}", "", f"Exported {when}.", ""]


def _cycle_line(cycle: Cycle) -> str:
    state = "closed" if cycle.closed else "open"
    return f"{cycle.start:%d %b %Y} – {cycle.end:%d %b %Y} · {state}"


def _objective(
    snapshot: Snapshot, number: int, objective: Objective, titles: dict[str, str]
) -> list[str]:
    krs = snapshot.key_results_of(objective.id)
    facts = [
        f"{objective.goal_type.value} goal",
        objective.commitment.value,
        f"status: {objective.status.value}",
        f"progress {percent(objective_progress(krs))}",
    ]
    if objective.maturity is not None:
        facts.insert(1, f"skill: {objective.maturity.value}")
    if objective.owner:
        facts.append(f"owner: {escape_inline(objective.owner)}")
    if objective.archived:
        facts.append("archived")
    lines = [f"### {number}. {escape_inline(objective.title)}", "", " · ".join(facts), ""]
    if objective.parent_id and objective.parent_id in titles:
        lines += [f"Serves: {titles[objective.parent_id]}", ""]
    why = escape_block(objective.why)
    if why:
        lines += ["Why: " + why[0], *why[1:], ""]
    if krs:
        lines += _kr_table(snapshot, krs)
    else:
        lines += ["No key results yet.", ""]
    return lines


def _kr_table(snapshot: Snapshot, krs: Iterable[KeyResult]) -> list[str]:
    lines = [
        "| Key result | Baseline → current → target | Direction | Progress | Confidence |",
        "|---|---|---|---|---|",
    ]
    for kr in krs:
        latest = snapshot.latest_checkin(kr.id)
        confidence = latest.confidence if latest is not None else kr.confidence
        shown = f"{confidence}/10" if confidence is not None else "–"
        cells = [
            escape_inline(kr.title),
            escape_inline(kr_values(kr)),
            direction_words(kr),
            percent(kr_progress(kr)),
            shown,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _retro(retro: Retrospective, kr_titles: dict[str, str], titles: dict[str, str]) -> list[str]:
    state = "finished" if retro.finished else "in progress"
    lines = [f"#### Retrospective ({retro.format.value}, {state})", ""]
    if retro.participants:
        lines += [f"Participants: {escape_inline(retro.participants)}", ""]
    if retro.scores:
        mean = sum(s.score for s in retro.scores) / len(retro.scores)
        lines.append(f"Scores (average {mean:.2f}):")
        for score in retro.scores:
            name = kr_titles.get(score.kr_id, "a key result not in this export")
            note = escape_block(score.justification)
            tail = f": {' '.join(note)}" if note else ""
            lines.append(f"- {name}: {score.score:.2f}{tail}")
        lines.append("")
    for question, answer in retro.answers.items():
        text = escape_block(answer)
        if text:
            lines += [f"- {escape_inline(question)}: {text[0]}", *[f"  {t}" for t in text[1:]]]
    if retro.answers:
        lines.append("")
    for decision in retro.decisions:
        name = titles.get(decision.objective_id, "an objective not in this export")
        note = " ".join(escape_block(decision.note))
        lines.append(
            f"- Decision on {name}: {decision.action.value}" + (f" ({note})" if note else "")
        )
    if retro.decisions:
        lines.append("")
    return lines


def render_markdown(snapshot: Snapshot) -> str:
    """The whole document: each cycle, its objectives with KR tables, then its retros."""
    titles = {o.id: escape_inline(o.title) for o in snapshot.tables.objectives}
    kr_titles = {k.id: escape_inline(k.title) for k in snapshot.tables.key_results}
    lines = _heading(snapshot)
    cycles = snapshot.cycles_in_order()
    if not cycles:
        lines += ["Nothing to share yet: no cycles.", ""]
    for cycle in cycles:
        lines += [f"## {escape_inline(cycle.name)}", "", _cycle_line(cycle), ""]
        objectives = snapshot.objectives_of(cycle.id)
        if not objectives:
            lines += ["No objectives in this cycle.", ""]
        for number, objective in enumerate(objectives, start=1):
            lines += _objective(snapshot, number, objective, titles)
        for retro in snapshot.retros_of(cycle.id):
            lines += _retro(retro, kr_titles, titles)
    return "\n".join(lines).rstrip("\n") + "\n"
