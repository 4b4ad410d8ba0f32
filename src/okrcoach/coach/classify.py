"""Learning goal or performance goal, from the wording and the skill's maturity.

The kind is what the goal aims at: to build a capability (learning) or to deliver a
result (performance). Learning cues (learn, understand, explore, practise, experiment, a
hypothesis, "get better at", a skill or habit) are weighed against performance cues (a
number to hit, a metric noun, a verb that moves a number or delivers a result).

A known maturity decides when the wording leaves the aim open, as the method's table
says (new -> learning; improving -> learning with light performance tracking;
mastered -> performance). When the wording plainly aims at a result on a skill still
being built ("I've never run a race, but finish the 10k in under an hour"), the goal is a
performance goal and the coach says so, with the method's advice beside it: learn first,
perform next.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from okrcoach.coach import lexicon as lx
from okrcoach.coach.features import goal_evidence
from okrcoach.coach.model import decide
from okrcoach.coach.signals import Signals
from okrcoach.coach.words import verb_classes
from okrcoach.domain.models import Maturity

_GROWTH = re.compile(
    r"\b(get|getting|become|becoming|be|grow|growing)\s+(a\s+|an\s+|more\s+)?"
    r"(better|more\s+\w+|stronger|comfortable|confident|fluent|proficient|familiar|competent"
    r"|skilled|calmer|good)\b"
    r"|\bgrow(ing)?\s+as\b|\b(feel|sense|intuition|eye)\s+for\b|\bhow\s+to\b|\b(find|work)\s+out\b|\bfigure\s+out\b|\btest\s+(whether|if)\b"
    r"|\bwhether\b|\b(my|our)\s+(ability|skills?|understanding|knowledge)\b"
    r"|\b(build|develop|gain|deepen|improve|grow|strengthen)\s+(my\s+|our\s+)?"
    r"(skills?|confidence|understanding|knowledge|experience|capabilit\w+|expertise|fluency)\b",
    re.I,
)


class GoalClassification(BaseModel):
    goal_type: str  # "learning" | "performance"
    confidence: float
    reasons: list[str]
    light_tracking: bool = False


def _wording(sig: Signals) -> tuple[float, float, list[str], list[str]]:
    """(learning weight, performance weight, learning reasons, performance reasons)."""
    learn = perform = 0.0
    why_learn: list[str] = []
    why_perform: list[str] = []
    if "learning" in sig.lead_classes and sig.lead not in ("test", "find", "figure"):
        learn += 3
        why_learn.append(f'it starts with "{sig.lead}", which is about building ability')
    growth = _GROWTH.search(sig.text)
    if growth:
        learn += 2.5
        why_learn.append(f'"{growth.group(0).lower()}" describes growth in a person')
    cues = [t for t in sig.tokens if t in lx.LEARNING_NOUNS]
    verbs = [
        t
        for t in sig.tokens[sig.lead_index + 1 :]
        if "learning" in verb_classes(t) and t not in ("test", "tests", "testing", "find")
    ]
    if cues or verbs:
        learn += 2 + 0.75 * (len(cues) + len(verbs) - 1)
        why_learn.append(f"it mentions {', '.join(dict.fromkeys(cues + verbs))}")
    if sig.measurable and not sig.activity:
        perform += 2
        why_perform.append("it names a number to hit")
    if sig.metric_nouns:
        perform += 1 + 0.25 * (len(sig.metric_nouns) - 1)
        why_perform.append(f'it names a result metric ("{sig.metric_nouns[0]}")')
    if sig.lead_classes & {"increase", "decrease", "reach", "maintain"}:
        perform += 1.5
        why_perform.append(f'"{sig.lead}" asks for a result to deliver')
    elif "delivery" in sig.lead_classes and "learning" not in sig.lead_classes:
        perform += 1
        why_perform.append(f'"{sig.lead}" asks for something to deliver')
    if sig.deadline:
        perform += 0.5
    return learn, perform, why_learn, why_perform


def classify_goal(text: str, maturity: Maturity | str | None = None) -> GoalClassification:
    """Learning or performance, with a confidence 0..1 and the reasons in plain words.

    The wording is read by the fitted goal model. A known maturity decides when the
    wording agrees with it or leaves the aim open; wording that plainly aims the other
    way decides, and the reasons say what the skill's maturity advises.
    """
    decided = decide("goal", goal_evidence(text or ""))
    by_words = "learning" if decided.yes else "performance"
    margin = abs(decided.probability - 0.5) * 2
    wording = [f"{reason}" for reason in decided.reasons]
    level = Maturity(maturity) if maturity else None
    if level is None:
        if not (text or "").strip():
            return GoalClassification(
                goal_type="performance",
                confidence=0.5,
                reasons=["there is no wording yet, so it reads as a result to deliver"],
            )
        confidence = round(min(0.97, 0.5 + 0.47 * margin), 2)
        if not decided.cues:
            # Nothing but single words and absences: say so, and do not sound sure.
            confidence = min(confidence, 0.58)
            wording = [
                "no learning cue in the wording, so it reads as a result to deliver"
                if by_words == "performance"
                else "only its words lean towards learning; say what you want to be able to do"
            ]
        return GoalClassification(goal_type=by_words, confidence=confidence, reasons=wording)
    by_table = "performance" if level is Maturity.MASTERED else "learning"
    if by_words == by_table:
        confidence = round(min(0.98, 0.85 + 0.13 * margin), 2)
        return GoalClassification(
            goal_type=by_table,
            confidence=confidence,
            reasons=[_MATURITY_REASON[level], *wording],
            light_tracking=level is Maturity.IMPROVING,
        )
    if margin < WORDING_DECIDES or not decided.cues:
        # The wording leaves the aim open: the skill's maturity decides.
        return GoalClassification(
            goal_type=by_table,
            confidence=round(max(0.6, 0.8 - 0.2 * margin), 2),
            reasons=[_MATURITY_REASON[level], _LEANS[by_words]],
            light_tracking=level is Maturity.IMPROVING,
        )
    # The wording plainly aims the other way: that is the goal's kind, and the method's
    # sequence is said beside it.
    return GoalClassification(
        goal_type=by_words,
        confidence=round(min(0.9, 0.5 + 0.4 * margin), 2),
        reasons=[*wording, _AGAINST_MATURITY[level]],
    )


# How plainly (0..1, from the goal model's margin) the wording must aim at one kind to
# decide it against the skill's maturity: fitted on the training goals that state one.
WORDING_DECIDES = 0.5
_LEANS = {
    "performance": "the wording leans towards a result, but a skill still being built "
    "comes first: learn, then perform",
    "learning": "the wording leans towards learning, and a mastered skill is ready for a "
    "result target",
}
_AGAINST_MATURITY = {
    Maturity.NEW: "the skill is new to you: learn first, perform next (a learning goal "
    "beside this one keeps the result from failing early)",
    Maturity.IMPROVING: "you are still improving this skill: track what you learn on the "
    "way, not only the result",
    Maturity.MASTERED: "you have mastered a skill, and this goal builds a new one: keep "
    "it a learning goal",
}
_MATURITY_REASON = {
    Maturity.NEW: "the skill is new to you, so the goal is to learn it first",
    Maturity.IMPROVING: "you are still improving this skill: learn, with light tracking of results",
    Maturity.MASTERED: "you have mastered this skill, so the goal is a result to deliver",
}
