"""One retrospective as a Markdown page: scores, reflection, ambition and decisions.

The same text is the retro's summary page in the app and the file ``x``
exports, so what people read on screen is what they share.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from okrcoach.domain.models import KeyResult, Objective, Retrospective
from okrcoach.domain.retro import (
    ACTION_LABELS,
    ACTIONS_KEY,
    FORMAT_NAMES,
    FORMAT_PROMPTS,
    QUESTIONS,
    LearningOutcome,
    average,
    committed_met,
)
from okrcoach.export.files import write_export
from okrcoach.export.markdown import escape_block, escape_inline


@dataclass(frozen=True)
class RetroPage:
    """Everything the page needs besides the retro itself."""

    title: str  # the cycle, or the cycle and the objective
    objectives: Sequence[Objective]
    krs: Mapping[str, Sequence[KeyResult]]
    outcomes: Mapping[str, LearningOutcome]
    history: Sequence[tuple[str, float]] = ()
    verdict: str = ""


def _answer(label: str, text: str) -> list[str]:
    lines = escape_block(text)
    if not lines:
        return []
    return [f"**{label}**", "", *[f"- {line}" for line in lines], ""]


def render_retro(retro: Retrospective, page: RetroPage) -> str:
    state = "finished" if retro.finished else "in progress"
    lines = [f"# Retrospective: {escape_inline(page.title)}", "", f"Status: {state}.", ""]
    if retro.participants:
        lines += [f"Taking part: {escape_inline(retro.participants)}", ""]
    by_kr = {s.kr_id: s for s in retro.scores}
    commitment = {kr.id: o.commitment for o in page.objectives for kr in page.krs.get(o.id, [])}
    mean = average(retro.scores)
    lines += ["## Scores", ""]
    if mean is not None:
        met, total = committed_met(retro.scores, commitment)
        lines.append(f"Average score: {mean:.2f}.")
        if total:
            lines.append(f"Committed key results met in full: {met} of {total}.")
        lines.append("")
    for objective in page.objectives:
        kind = f"{objective.goal_type.value}, {objective.commitment.value}"
        lines += [f"### {escape_inline(objective.title)}", "", f"_{kind}_", ""]
        for kr in page.krs.get(objective.id, []):
            score = by_kr.get(kr.id)
            shown = f"{score.score:.1f}" if score is not None else "not scored"
            lines.append(f"- {escape_inline(kr.title)}: **{shown}**")
            outcome = page.outcomes.get(kr.id)
            if outcome is not None:
                lines.append(f"  - Learning: {outcome.label}")
            if score is not None and score.justification:
                lines += [f"  - {text}" for text in escape_block(score.justification)]
        lines.append("")
    lines += ["## Reflection", ""]
    for question in QUESTIONS:
        lines += _answer(question, retro.answers.get(question, ""))
    lines += [f"_{FORMAT_NAMES[retro.format]}_", ""]
    for key, label, _hint in FORMAT_PROMPTS[retro.format]:
        lines += _answer(label, retro.answers.get(key, ""))
    if page.history:
        lines += ["## Ambition", ""]
        lines += [f"- {escape_inline(name)}: {value:.2f}" for name, value in page.history]
        lines.append("")
        if page.verdict:
            lines += [page.verdict, ""]
    if retro.decisions:
        titles = {o.id: o.title for o in page.objectives}
        lines += ["## Decisions", ""]
        for decision in retro.decisions:
            name = escape_inline(titles.get(decision.objective_id, "an objective that is gone"))
            note = " ".join(escape_block(decision.note))
            tail = f" ({note})" if note else ""
            lines.append(f"- {name}: {ACTION_LABELS[decision.action]}{tail}")
        lines.append("")
    lines += _answer("Action items", retro.answers.get(ACTIONS_KEY, ""))
    return "\n".join(lines).rstrip("\n") + "\n"


def default_name(title: str, day: date) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:40] or "retro"
    return f"retro-{slug}-{day.isoformat()}.md"


def export_retro(
    text: str, data_dir: Path, title: str, day: date, path: str = "", force: bool = False
) -> Path:
    """Write the page to ``path``, or to ``exports/`` in the data folder; never overwrites
    unless ``force`` (raises TargetExistsError so the app can ask first)."""
    if path.strip():
        target = Path(path.strip()).expanduser()
        if not target.is_absolute():
            inside = target.parts[0] == "exports" if target.parts else False
            target = data_dir / target if inside else data_dir / "exports" / target
    else:
        target = data_dir / "exports" / default_name(title, day)
    if target.parent == data_dir / "exports":
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return write_export(target, text, force=force)


__all__ = ["RetroPage", "default_name", "export_retro", "render_retro"]
