"""Rewrite scaffolds: turn a task-shaped KR into a question about its outcome.

Built from the user's own words: "Launch the help centre" becomes
"What changes once the help centre is live? e.g. 'Cut support tickets about X
from N to M a week'".
"""

from __future__ import annotations

import re

from okrcoach.coach import lexicon as lx
from okrcoach.coach.lexicon import wordset
from okrcoach.coach.prompts import example_outcome
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
        rest = re.split(rf"\b{re.escape(sig.done_state)}\b", text, maxsplit=1, flags=re.I)[0]
    rest = _DEADLINE_TAIL.sub("", rest.strip()).strip(" ,.")
    if rest[:4].lower() == "the ":
        rest = "the " + rest[4:]
    return rest


def _with_article(phrase: str) -> str:
    low = phrase.lower()
    if not phrase or low.startswith(_DETERMINERS) or re.match(r"v?\d", low):
        return phrase
    return "the " + phrase[0].lower() + phrase[1:] if not phrase[:2].isupper() else "the " + phrase


def scaffold(sig: Signals) -> str:
    """A one-line question that points from the work to the change it should cause."""
    example = example_outcome(sig.tokens)
    thing = _object_phrase(sig)
    if not thing:
        return f"What should change because of this work? e.g. '{example}'"
    if sig.effort_head:
        noun = next(t for t in sig.tokens if t in lx.ACTIVITY_NOUNS)
        return f"What should more {noun} lead to? e.g. '{example}'"
    if sig.activity:
        counted = sig.activity.split(None, 1)[-1]
        return f"What should the {counted} lead to? e.g. '{example}'"
    if sig.lead in _ACTIVITY:
        return f"What should {thing} lead to? e.g. '{example}'"
    if sig.lead in _LIVE or sig.done_state in ("live", "launched", "shipped", "released"):
        return f"What changes once {_with_article(thing)} is live? e.g. '{example}'"
    if sig.lead in _IN_PLACE:
        return f"What changes once {_with_article(thing)} is in place? e.g. '{example}'"
    if sig.lead:
        return f"What changes once you {sig.lead} {thing}? e.g. '{example}'"
    return f"What changes once {_with_article(thing)} is done? e.g. '{example}'"
