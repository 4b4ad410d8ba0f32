"""A Markdown export a person can read and paste into a wiki.

User text is escaped so that a title can never open a heading, a link, an
image, HTML or a table cell of its own, and terminal control characters are
stripped again here even though the models already removed them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from okrcoach.domain.models import Cycle, KeyResult, Objective, ObjectiveStatus, Retrospective
from okrcoach.domain.retro import (
    ACTION_LABELS,
    ACTIONS_KEY,
    ACTIONS_TO_DRAFTS_KEY,
    FORMAT_NAMES,
    FORMAT_PROMPTS,
    OUTCOME_PREFIX,
)
from okrcoach.domain.scoring import kr_progress, objective_progress
from okrcoach.export.snapshot import Snapshot
from okrcoach.export.text import clean_block, clean_line, direction_words, kr_values, percent

_STATUS_WORDS = {
    ObjectiveStatus.DRAFT: "a draft",
    ObjectiveStatus.DONE: "done",
    ObjectiveStatus.DROPPED: "dropped",
    ObjectiveStatus.CARRIED_OVER: "carried over",
}
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


def hard_lines(lines: list[str], indent: str = "") -> list[str]:
    """Lines that stay lines when rendered: each but the last ends in a hard break."""
    return [
        (indent if number else "") + line + ("\\" if number < len(lines) - 1 else "")
        for number, line in enumerate(lines)
    ]


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
        *([_STATUS_WORDS[objective.status]] if objective.status in _STATUS_WORDS else []),
        f"progress {percent(objective_progress(krs))}",
    ]
    if objective.maturity is not None:
        facts.insert(1, f"skill: {objective.maturity.value}")
    if objective.owner:
        facts.append(f"owner: {escape_inline(snapshot.owner_name(objective.owner))}")
    if objective.archived:
        facts.append("archived")
    lines = [f"### {number}. {escape_inline(objective.title)}", "", " · ".join(facts), ""]
    if objective.parent_id and objective.parent_id in titles:
        lines += [f"Serves: {titles[objective.parent_id]}", ""]
    why = escape_block(objective.why)
    if why:
        lines += [*hard_lines(["Why it matters: " + why[0], *why[1:]]), ""]
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


def _answer_label(key: str, retro: Retrospective, kr_titles: dict[str, str]) -> str | None:
    """What a person calls an answer's key; None for the app's own bookkeeping."""
    if key == ACTIONS_TO_DRAFTS_KEY:
        return None
    if key.startswith(OUTCOME_PREFIX):
        title = kr_titles.get(key.removeprefix(OUTCOME_PREFIX), "a key result not in this export")
        return f"What {title} showed"
    labels = {k: label for k, label, _hint in FORMAT_PROMPTS[retro.format]}
    labels[ACTIONS_KEY] = "Action items"
    return labels.get(key) or escape_inline(key[:1].upper() + key[1:])


def _retro(retro: Retrospective, kr_titles: dict[str, str], titles: dict[str, str]) -> list[str]:
    """One retrospective at the cycle's level: scores, reflection and decisions as sections."""
    state = "finished" if retro.finished else "in progress"
    lines = [f"### Retrospective: {FORMAT_NAMES[retro.format]}, {state}", ""]
    if retro.participants:
        lines += [f"Taking part: {escape_inline(retro.participants)}", ""]
    if retro.scores:
        mean = sum(s.score for s in retro.scores) / len(retro.scores)
        lines += ["#### Scores", "", f"Average score: {mean:.2f}.", ""]
        for score in retro.scores:
            name = kr_titles.get(score.kr_id, "a key result not in this export")
            note = escape_block(score.justification)
            lines += hard_lines([f"- {name}: {score.score:.2f}", *note], indent="  ")
        lines.append("")
    answers = [
        (label, escape_block(text))
        for key, text in retro.answers.items()
        if (label := _answer_label(key, retro, kr_titles)) is not None and escape_block(text)
    ]
    if answers:
        lines += ["#### Reflection", ""]
        for label, text in answers:
            lines += [f"**{label}**", "", *hard_lines(text), ""]
    if retro.decisions:
        lines += ["#### Decisions", ""]
        for decision in retro.decisions:
            name = titles.get(decision.objective_id, "an objective not in this export")
            note = " ".join(escape_block(decision.note))
            tail = f" ({note})" if note else ""
            lines.append(f"- {name}: {ACTION_LABELS[decision.action]}{tail}")
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
