"""Rewrites: a question built from the user's own words, and an example outcome.

"Launch the help centre" becomes "What changes once the help centre is live? e.g.
'Raise the self-serve resolution rate from 40% to 60%'". Every finding that has a
rewrite gets one (task, activity count, vague, no target, vanity, no baseline); the
examples come from the metric library and pass the coach's own review.
"""

from __future__ import annotations

import re
from functools import lru_cache

from okrcoach.coach import lexicon as lx
from okrcoach.coach.lexicon import wordset
from okrcoach.coach.metrics import example_for, vanity_alternative
from okrcoach.coach.signals import Signals

_LIVE = wordset("launch ship release deploy publish roll open")
_IN_PLACE = wordset(
    """build create implement set establish introduce adopt install configure integrate automate
    design develop define document draft standardise standardize form assemble map outline"""
)
_ACTIVITY = wordset(
    """hold run host organise organize conduct attend make send write post call visit present
    give speak participate join produce record film tweet blog email interview survey demo
    teach mentor coach train"""
)
_DEADLINE_TAIL = re.compile(
    r"\s+(?:by|before|until|in|within|during)\s+(?:the\s+)?(?:end\s+of\s+)?\S+(?:\s+\d{1,4})?[.!]?$",
    re.I,
)
_DETERMINERS = ("the ", "a ", "an ", "our ", "my ", "your ", "their ", "all ", "every ", "this ")
_PARTICLES = ("out ", "up ", "off ")


@lru_cache(maxsize=64)
def _done_split(state: str) -> re.Pattern[str]:
    """Where a done-state word ("launched", "in place") stands, as a whole word."""
    return re.compile(rf"\b{re.escape(state)}\b", re.I)


def _object_phrase(sig: Signals) -> str:
    """The words after the lead verb, without a trailing deadline."""
    text = sig.text.rstrip(" .!")
    if sig.lead_index >= 0:
        parts = text.split(None, sig.lead_index + 1)
        rest = parts[sig.lead_index + 1] if len(parts) > sig.lead_index + 1 else ""
        for particle in _PARTICLES:
            if rest.lower().startswith(particle):
                rest = rest[len(particle) :]
    else:
        rest = _done_split(sig.done_state).split(text, maxsplit=1)[0]
    rest = _DEADLINE_TAIL.sub("", rest.strip()).strip(" ,.")
    if rest[:4].lower() == "the ":
        rest = "the " + rest[4:]
    return rest


def _with_article(phrase: str) -> str:
    low = phrase.lower()
    if not phrase or low.startswith(_DETERMINERS) or re.match(r"v?\d", low):
        return phrase
    return "the " + phrase[0].lower() + phrase[1:] if not phrase[:2].isupper() else "the " + phrase


def task_question(sig: Signals) -> str:
    """What should change once the work is done, in the user's words and good grammar."""
    thing = _object_phrase(sig)
    if sig.activity:
        counted = sig.activity.split(None, 1)[-1]
        return f"What should those {counted} change?"
    if sig.effort_head:
        noun = next(t for t in sig.tokens if t in lx.ACTIVITY_NOUNS)
        return f"What should more {noun} change?"
    if not thing:
        return "What should change because of this work?"
    if sig.lead in _ACTIVITY:
        return f"What should change because you {sig.lead} {thing}?"
    if sig.lead in _LIVE or sig.done_state in ("live", "launched", "shipped", "released"):
        return f"What changes once {_with_article(thing)} is live?"
    if sig.lead in _IN_PLACE:
        return f"What changes once {_with_article(thing)} is in place?"
    if sig.lead:
        return f"What changes once you {sig.lead} {thing}?"
    if sig.done_state:
        return f"What changes once {_with_article(thing)} is {sig.done_state}?"
    return f"What changes once {_with_article(thing)} is done?"


def _subject(sig: Signals) -> str:
    """What a vague KR is about: "onboarding" in "Improve onboarding"."""
    thing = _object_phrase(sig) if sig.lead_index >= 0 else sig.text.rstrip(" .!")
    return _with_article(thing) if thing else "it"


def rewrite_for(rule_id: str, sig: Signals, vanity_term: str = "") -> tuple[str, str | None]:
    """(question, example KR or None) for a finding, or ("", None) when it has none."""
    if rule_id in ("kr.task", "kr.activity-count"):
        return task_question(sig), example_for(sig.text).example
    if rule_id == "kr.vague":
        question = f"Which number would show that {_subject(sig)} got better, and by how much?"
        return question, example_for(sig.text).example
    if rule_id == "kr.no-target":
        return "How much, from what to what, by the end of the cycle?", example_for(
            sig.text
        ).example
    if rule_id == "kr.vanity":
        instead = vanity_alternative(vanity_term or sig.text)
        question = f"Instead of counting {vanity_term or 'this'}, measure {instead}."
        return question, example_for(sig.text).example
    if rule_id == "kr.no-baseline":
        return 'Where does it stand today? Write it as "from X to Y".', None
    return "", None


def scaffold(sig: Signals) -> str:
    """A one-line question that points from the work to the change it should cause."""
    question, example = rewrite_for("kr.task", sig)
    return f"{question} e.g. '{example}'" if example else question
