"""The widgets of each retro step, built once the retro's scope is known."""

from __future__ import annotations

from collections.abc import Iterator
from enum import IntEnum

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from okrcoach.domain.models import TEXT_MAX, DecisionAction, GoalType, RetroFormat, Retrospective
from okrcoach.domain.retro import (
    ACTION_LABELS,
    ACTIONS_KEY,
    ACTIONS_TO_DRAFTS_KEY,
    FORMAT_NAMES,
    FORMAT_PROMPTS,
    QUESTIONS,
    SPIRIT,
    LearningOutcome,
    outcome_key,
)
from okrcoach.domain.scoring import kr_progress
from okrcoach.services.retros import Scope
from okrcoach.tui.safe import safe, safe_block
from okrcoach.tui.widgets.text_block import TextBlock
from okrcoach.tui.widgets.toggles import MarkedCheckbox

STEPS = ("Set the stage", "Score", "Reflect", "Calibrate ambition", "Decide", "Summary")


class RetroStep(IntEnum):
    """The retro's steps, in order (an unfinished retro stores the number)."""

    STAGE = 0
    SCORE = 1
    REFLECT = 2
    CALIBRATE = 3
    DECIDE = 4
    SUMMARY = 5


LOG_PROMPTS = 6


def stage(scope: Scope, retro: Retrospective) -> Iterator[Widget]:
    if scope.objective is not None:
        what = f"One objective, mid-cycle: [b]{safe(scope.objective.title)}[/b]"
    else:
        count = len(scope.objectives)
        what = f"The whole cycle: {count} objective{'s' if count != 1 else ''}"
    lines = [f"[b]{safe(scope.cycle.name)}[/b] · {what}"]
    if scope.objective is None:
        lines += [f"  • {safe(o.title)}" for o in scope.objectives[:8]]
        if len(scope.objectives) > 8:
            lines.append(f"  … and {len(scope.objectives) - 8} more")
    yield Static("\n".join(lines), id="scope")
    yield Label("Who is taking part?", classes="field-label")
    yield Input(
        retro.participants, id="participants", placeholder="names, or just 'me'", max_length=200
    )
    yield Static(f"[b]The spirit[/b]\n{SPIRIT}", id="spirit", classes="box")


def score(scope: Scope, retro: Retrospective) -> Iterator[Widget]:
    yield Static(
        "Score each key result from 0.0 to 1.0. It starts at the progress measured; "
        "change it when the number misses the truth, and say why.",
        classes="muted",
    )
    by_kr = {s.kr_id: s for s in retro.scores}
    index = 0
    for objective in scope.objectives:
        kind = f"{objective.goal_type.value} · {objective.commitment.value}"
        yield Static(f"[b]{safe(objective.title)}[/b] [$text-muted]({kind})[/]", classes="obj")
        krs = scope.krs.get(objective.id, [])
        if not krs:
            yield Static("  No key results to score.", classes="muted")
        for kr in krs:
            given = by_kr.get(kr.id)
            value = f"{given.score:.1f}" if given is not None else ""
            with_progress = f"progress {round(kr_progress(kr) * 100)}%"
            yield Static(f"{safe(kr.title)} [$text-muted]· {with_progress}[/]", classes="kr")
            with Horizontal(classes="score-row"):
                yield Input(value, id=f"score-{index}", classes="score", max_length=5, compact=True)
                yield Input(
                    given.justification if given else "",
                    id=f"why-{index}",
                    classes="why",
                    placeholder="why this score?",
                    max_length=1000,
                    compact=True,
                )
            if objective.goal_type is GoalType.LEARNING:
                chosen = retro.answers.get(outcome_key(kr.id), Select.NULL)
                yield Select(
                    [(o.label, o.value) for o in LearningOutcome],
                    value=chosen,
                    prompt="What did it show? (learning)",
                    id=f"outcome-{index}",
                    classes="outcome",
                    compact=True,
                )
            yield Static("", id=f"note-{index}", classes="coach-note")
            index += 1
    yield Static("", id="score-error", classes="field-error")


def reflect(scope: Scope, retro: Retrospective) -> Iterator[Widget]:
    entries = sorted(scope.learning, key=lambda e: e.at, reverse=True)[:LOG_PROMPTS]
    if entries:
        notes = "\n".join(f"• {safe(e.text)}" for e in entries)
        yield Static(f"[b]From your learning log[/b]\n{notes}", id="log-prompts", classes="box")
    else:
        yield Static(
            "Nothing in the learning log this cycle: think back over the check-ins.",
            id="log-prompts",
            classes="box muted",
        )
    for number, question in enumerate(QUESTIONS):
        yield Label(f"{number + 1}. {question}", classes="field-label")
        yield TextBlock(
            retro.answers.get(question, ""), id=f"q-{number}", classes="answer", max_length=TEXT_MAX
        )
    yield Label("Pick a format for the rest:", classes="field-label")
    yield Select(
        [(FORMAT_NAMES[f], f.value) for f in RetroFormat],
        value=retro.format.value,
        allow_blank=False,
        id="format",
    )
    for fmt, prompts in FORMAT_PROMPTS.items():
        with Vertical(classes=f"fmt fmt-{fmt.value}") as box:
            box.display = fmt is retro.format
            for key, label, hint in prompts:
                yield Label(f"{label}: {hint}", classes="field-label")
                yield TextBlock(
                    retro.answers.get(key, ""), id=f"a-{key}", classes="answer", max_length=TEXT_MAX
                )


def calibrate() -> Iterator[Widget]:
    yield Static("", id="chart", classes="box")
    yield Static("", id="verdict")
    yield Static("", id="committed", classes="muted")


def decide(scope: Scope, retro: Retrospective) -> Iterator[Widget]:
    yield Static(
        "Decide what happens to each objective next cycle. Keep and change carry it over; "
        "a learning goal that worked can graduate into a performance goal.",
        classes="muted",
    )
    for index, objective in enumerate(scope.objectives):
        yield Static(f"[b]{safe(objective.title)}[/b]", classes="obj")
        yield Static("", id=f"hint-{index}", classes="coach-note")
        actions = [
            a
            for a in DecisionAction
            if a is not DecisionAction.GRADUATE or objective.goal_type is GoalType.LEARNING
        ]
        with Horizontal(classes="decide-row"):
            yield Select(
                [(ACTION_LABELS[a], a.value) for a in actions],
                allow_blank=False,
                id=f"action-{index}",
                classes="action",
                compact=True,
            )
            yield Input(
                id=f"dnote-{index}",
                placeholder="a note (what to change?)",
                classes="why",
                compact=True,
            )
    yield Label("Action items, one a line:", classes="field-label")
    yield TextBlock(
        retro.answers.get(ACTIONS_KEY, ""), id="actions", classes="answer", max_length=TEXT_MAX
    )
    yield MarkedCheckbox(
        "Make each action item a draft objective in the next cycle",
        value=retro.answers.get(ACTIONS_TO_DRAFTS_KEY) == "yes",
        id="actions-drafts",
    )


def summary_text(lines: list[str]) -> str:
    if not lines:
        return ""
    return "[b]Saved.[/b] " + " ".join(safe_block(line) for line in lines)
