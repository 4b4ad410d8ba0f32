"""The retrospective's judgement: score suggestions, coach notes, ambition and graduation.

Pure functions over models, so the retro screen, the Markdown export and the
tests all read the same verdicts. Scores are 0.0-1.0 in tenths, as people
grade OKRs; progress is rounded to the nearest tenth to pre-fill them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from okrcoach.domain.models import (
    Commitment,
    DecisionAction,
    GoalType,
    KeyResult,
    KRScore,
    Maturity,
    Objective,
    ObjectiveStatus,
    RetroFormat,
)
from okrcoach.domain.scoring import kr_progress

# The three questions every retro asks; their text is also the answer's key.
QUESTIONS: tuple[str, ...] = (
    "Are we measuring the right things?",
    "What are we learning from our results?",
    "How can we improve?",
)

# Each format's prompts: (answer key, label, hint).
FORMAT_PROMPTS: dict[RetroFormat, tuple[tuple[str, str, str], ...]] = {
    RetroFormat.START_STOP_CONTINUE: (
        ("start", "Start", "What should we begin doing?"),
        ("stop", "Stop", "What is not helping and should end?"),
        ("continue", "Continue", "What worked and should keep going?"),
    ),
    RetroFormat.FOUR_LS: (
        ("liked", "Liked", "What did you enjoy?"),
        ("learned", "Learned", "What did you learn?"),
        ("lacked", "Lacked", "What was missing?"),
        ("longed-for", "Longed for", "What do you wish had happened?"),
    ),
    RetroFormat.MAD_SAD_GLAD: (
        ("mad", "Mad", "What frustrated you?"),
        ("sad", "Sad", "What disappointed you?"),
        ("glad", "Glad", "What made you happy?"),
    ),
}
FORMAT_NAMES: dict[RetroFormat, str] = {
    RetroFormat.START_STOP_CONTINUE: "Start / Stop / Continue",
    RetroFormat.FOUR_LS: "The 4 Ls (Liked, Learned, Lacked, Longed for)",
    RetroFormat.MAD_SAD_GLAD: "Mad / Sad / Glad",
}
ACTIONS_KEY = "action items"
ACTIONS_TO_DRAFTS_KEY = "action items become drafts"
OUTCOME_PREFIX = "outcome:"

SPIRIT = (
    "Be honest: a low score told plainly teaches more than a high one rounded up. "
    "Be blameless: we judge the goals and the system, never the people. "
    "Learning first: the point is a better next cycle, not a grade."
)


class LearningOutcome(StrEnum):
    """What a learning key result showed, judged on learning rather than numbers."""

    VALIDATED = "validated"
    INVALIDATED = "invalidated"
    SKILL_SHOWN = "skill-shown"
    NOT_YET = "not-yet"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]

    @property
    def learned(self) -> bool:
        """An invalidated hypothesis is learning too: only 'not yet' is not."""
        return self is not LearningOutcome.NOT_YET


_OUTCOME_LABELS = {
    LearningOutcome.VALIDATED: "hypothesis validated",
    LearningOutcome.INVALIDATED: "hypothesis invalidated (still learned)",
    LearningOutcome.SKILL_SHOWN: "skill shown",
    LearningOutcome.NOT_YET: "not learned yet",
}

ACTION_LABELS: dict[DecisionAction, str] = {
    DecisionAction.KEEP: "Keep: carry over to the next cycle",
    DecisionAction.CHANGE: "Change: carry over as a draft to rework",
    DecisionAction.ACHIEVED: "Close as achieved",
    DecisionAction.MISSED: "Close as missed",
    DecisionAction.GRADUATE: "Graduate into a performance goal",
    DecisionAction.DROP: "Drop it",
}


def outcome_key(kr_id: str) -> str:
    return f"{OUTCOME_PREFIX}{kr_id}"


# --- scoring ----------------------------------------------------------------------------


def suggest_score(kr: KeyResult) -> float:
    """The KR's progress (direction-aware) rounded to the nearest tenth."""
    return round_score(kr_progress(kr))


def round_score(value: float) -> float:
    clamped = max(0.0, min(1.0, value))
    return int(clamped * 10 + 0.5) / 10


def parse_score(text: str) -> float:
    """'0.7', '.7', '70%' -> 0.7; plain words when it cannot be a score."""
    raw = text.strip().replace(",", ".")
    if not raw:
        raise ValueError("give a score from 0.0 to 1.0")
    percent = raw.endswith("%")
    try:
        value = float(raw.removesuffix("%").strip())
    except ValueError:
        raise ValueError(f"a score is a number from 0.0 to 1.0 (not {text.strip()!r})") from None
    if percent:
        value /= 100
    if value != value or not 0.0 <= value <= 1.0:
        raise ValueError("a score is between 0.0 and 1.0")
    return round(value, 2)


def needs_explanation(score: float, commitment: Commitment) -> bool:
    """A committed KR is expected in full: anything less asks what got in the way."""
    return commitment is Commitment.COMMITTED and score < 1.0


def annotate(score: float, commitment: Commitment, goal_type: GoalType) -> str:
    """The coach's word on one score: plain words, no markup."""
    notes: list[str] = []
    if score >= 1.0:
        if commitment is Commitment.COMMITTED:
            notes.append("Met in full, as a committed goal should be. Was it a stretch at all?")
        else:
            notes.append("1.0 on an aspirational goal: was it too safe? Stretch further next time.")
    elif score < 0.3:
        notes.append("Under 0.3: was it out of reach, or measuring the wrong thing?")
    elif commitment is Commitment.ASPIRATIONAL and 0.6 <= score <= 0.7:
        notes.append("On the intended level for an aspirational goal.")
    elif commitment is Commitment.ASPIRATIONAL and score > 0.7:
        notes.append("Above the usual 0.6–0.7: a strong result. Could it have stretched more?")
    elif commitment is Commitment.ASPIRATIONAL:
        notes.append("Real progress, short of the 0.6–0.7 sweet spot: what held it back?")
    if needs_explanation(score, commitment) and score >= 0.3:
        notes.append("Committed but short of 1.0: say what got in the way.")
    elif needs_explanation(score, commitment):
        notes.append("It was committed: say what got in the way.")
    if goal_type is GoalType.LEARNING:
        notes.append("A learning goal counts what was learned: pick the outcome, not only a score.")
    return " ".join(notes)


# --- ambition ---------------------------------------------------------------------------


def average(scores: Iterable[KRScore]) -> float | None:
    values = [s.score for s in scores]
    return sum(values) / len(values) if values else None


class Ambition(StrEnum):
    STRETCH = "stretch"
    OUT_OF_REACH = "out-of-reach"
    HEALTHY = "healthy"
    LOW = "low"
    HIGH = "high"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verdict:
    kind: Ambition
    message: str


STRETCH_AT = 0.9
REACH_AT = 0.4
HEALTHY = (0.6, 0.85)
CONSISTENT = 2  # cycles in a row that make a pattern


def ambition_verdict(history: Sequence[float]) -> Verdict:
    """Judge the last cycles' averages (oldest first, this cycle last)."""
    if not history:
        return Verdict(Ambition.UNKNOWN, "No scores yet: score the key results first.")
    recent = list(history[-3:])
    now = recent[-1]
    pattern = len(recent) >= CONSISTENT
    if all(v >= STRETCH_AT for v in recent):
        if pattern:
            return Verdict(
                Ambition.STRETCH,
                f"{len(recent)} cycles in a row at 0.9 or more: the goals are too safe. "
                "Stretch further next cycle.",
            )
        return Verdict(
            Ambition.HIGH,
            "0.9 or more this cycle: if it happens again, the goals are too safe.",
        )
    if all(v <= REACH_AT for v in recent):
        if pattern:
            return Verdict(
                Ambition.OUT_OF_REACH,
                f"{len(recent)} cycles in a row at 0.4 or less: the goals were out of reach "
                "or measured the wrong thing. Aim closer, or measure what matters.",
            )
        return Verdict(
            Ambition.LOW,
            "0.4 or less this cycle: out of reach, or the wrong measures? Check both.",
        )
    if HEALTHY[0] <= now <= HEALTHY[1]:
        return Verdict(
            Ambition.HEALTHY, "Between 0.6 and 0.85: ambitious and reachable. Keep this level."
        )
    if now > HEALTHY[1]:
        return Verdict(Ambition.HIGH, "On the high side: make sure the goals still stretch.")
    return Verdict(Ambition.LOW, "On the low side: were the goals realistic and well measured?")


def committed_met(
    scores: Iterable[KRScore], commitment_of: Mapping[str, Commitment]
) -> tuple[int, int]:
    """(met in full, total) for the committed key results."""
    committed = [s for s in scores if commitment_of.get(s.kr_id) is Commitment.COMMITTED]
    return sum(1 for s in committed if s.score >= 1.0), len(committed)


def bar(value: float, width: int = 20) -> str:
    """A text bar for the ambition chart: '████████░░' scaled to ``width``."""
    filled = int(max(0.0, min(1.0, value)) * width + 0.5)
    return "█" * filled + "░" * (width - filled)


# --- decisions and graduation -----------------------------------------------------------

GRADUATE_AT = 0.7


def learning_succeeded(
    objective: Objective,
    scores: Sequence[KRScore],
    outcomes: Mapping[str, LearningOutcome],
) -> bool:
    """A learning goal succeeded when its KRs show learning; scores decide only without it.

    Where the owner judged what each KR showed, that judgement decides: "not learned yet"
    on most of them is never outvoted by a high number.
    """
    if objective.goal_type is not GoalType.LEARNING:
        return False
    chosen = [outcomes[s.kr_id] for s in scores if s.kr_id in outcomes]
    if chosen:
        return sum(o.learned for o in chosen) * 2 >= len(chosen)
    mean = average(scores)
    return mean is not None and mean >= GRADUATE_AT


def graduation_candidates(
    objectives: Sequence[Objective],
    scores_of: Mapping[str, Sequence[KRScore]],
    outcomes: Mapping[str, LearningOutcome],
) -> list[Objective]:
    """Learning goals that succeeded: ready to become performance goals next cycle."""
    return [o for o in objectives if learning_succeeded(o, scores_of.get(o.id, ()), outcomes)]


def suggest_decision(
    objective: Objective,
    scores: Sequence[KRScore],
    outcomes: Mapping[str, LearningOutcome],
) -> DecisionAction:
    """The coach's first guess; the user always chooses."""
    if learning_succeeded(objective, scores, outcomes):
        return DecisionAction.GRADUATE
    mean = average(scores)
    if mean is not None and mean >= 1.0:
        return DecisionAction.ACHIEVED
    return DecisionAction.KEEP


def graduated(
    learning: Objective, cycle_name: str, next_cycle_id: str, learned: Sequence[str], position: int
) -> Objective:
    """The performance goal a learning goal graduates into: a draft, the learning as context."""
    lines = [f"Graduated from the learning goal '{learning.title}' ({cycle_name})."]
    if learned:
        lines.append("What was learned:")
        lines += [f"- {text}" for text in learned]
    if learning.why:
        lines += ["", learning.why]
    why = "\n".join(lines)[:4000]
    return learning.copy_to(
        next_cycle_id,
        why=why,
        goal_type=GoalType.PERFORMANCE,
        maturity=Maturity.IMPROVING,
        status=ObjectiveStatus.DRAFT,
        position=position,
    )


CLOSED_STATUS: dict[DecisionAction, ObjectiveStatus] = {
    DecisionAction.ACHIEVED: ObjectiveStatus.DONE,
    DecisionAction.GRADUATE: ObjectiveStatus.DONE,
    DecisionAction.MISSED: ObjectiveStatus.DROPPED,
    DecisionAction.DROP: ObjectiveStatus.DROPPED,
}


def action_items(text: str) -> list[str]:
    """One action item a line; list bullets and blank lines dropped."""
    items = []
    for line in text.splitlines():
        item = line.strip().lstrip("-*•").strip()
        if item:
            items.append(item[:200])
    return items
