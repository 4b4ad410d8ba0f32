"""What a goal's wording says, read once and shared by every rule.

Signals are facts about the words (the verb it starts with, whether a number
counts activity, whether a rate is measured), not verdicts. The verdicts live in
``kr.py``, ``objective.py`` and ``classify.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from okrcoach.coach import lexicon as lx
from okrcoach.coach.lexicon import wordset
from okrcoach.coach.parse import MetricGuess, Quantity, parse_metric, quantities
from okrcoach.coach.words import lead_verb, strip_prefix, verb_base, verb_classes, words

_CHANGE = frozenset({"increase", "decrease", "reach"})
_TIME_NOUNS = wordset(
    "day days week weeks month months quarter quarters year years sprint sprints hour"
)
_DEADLINE_HEADS = (
    lx.MONTHS
    | {"end", "eoq", "eoy", "eom", "week", "sprint", "quarter", "year", "launch", "summer"}
    | {"winter", "spring", "autumn", "fall", "h1", "h2", "q1", "q2", "q3", "q4", "next", "mid"}
)
_MILESTONE_WORDS = wordset("mvp beta v1 prototype pilot alpha first-version go-live")
_DONE_PHRASES = re.compile(r"\b(in place|up and running|set up|go(?:es)? live|signed off)\b", re.I)


@dataclass(frozen=True)
class Signals:
    text: str
    tokens: tuple[str, ...]
    lead_index: int
    lead: str  # the lead verb's base form, "" when the goal does not start with a verb
    lead_classes: frozenset[str]
    guess: MetricGuess
    quantities: tuple[Quantity, ...]
    metric_nouns: tuple[str, ...]
    rate: bool
    activity: str  # the counted effort ("50 sales calls"), "" when none
    effort_head: bool  # the thing measured is an activity, even without a count next to it
    done_state: str  # "launched", "live"... when a noun phrase reports a deliverable done
    passive_change: str  # "reduced", "increased"... in a noun-first KR
    deliverable: bool
    deadline: bool
    milestone: bool
    vanity_term: str
    compound: bool
    comparator: bool  # "under 200 ms", "at least 95%"

    @property
    def measurable(self) -> bool:
        g = self.guess
        return g.target is not None or g.factor is not None or g.change is not None

    @property
    def count_quantity(self) -> bool:
        return any(q.unit == "" for q in self.quantities)


def _activity(text: str, lead_classes: frozenset[str]) -> str:
    """A count of effort next to its number: "50 sales calls", "40 hours of training"."""
    if "decrease" in lead_classes:
        return ""
    for q in quantities(text):
        if q.kind.value in ("percent", "currency"):
            continue
        following = words(text[q.end : q.end + 48])[:4]
        if q.unit == "h" and (
            any(t in lx.EFFORT_WORDS for t in following)
            or following[:1] == ("of",)
            or "effort" in lead_classes
        ):
            return text[q.start : q.end + len(" ".join(following[:2])) + 1].strip()
        if q.unit:
            continue
        for index, tok in enumerate(following[:3]):
            if tok in lx.ACTIVITY_NOUNS or (
                tok in lx.WORK_ITEM_NOUNS
                and (
                    lead_classes & {"delivery", "reach"}
                    or any(t in lx.CLOSING_WORDS for t in following)
                )
            ):
                span = " ".join(following[: index + 1])
                return f"{text[q.start : q.end].strip()} {span}"
            if tok in ("of", "per", "to", "from", "by", "in"):
                break
    return ""


def _vanity(sig_tokens: tuple[str, ...], activity: str, effort_head: bool, rate: bool) -> str:
    if rate:
        return ""
    if activity:
        return activity
    for index, tok in enumerate(sig_tokens):
        if tok in lx.VANITY_NOUNS:
            prev = sig_tokens[index - 1] if index else ""
            return f"{prev} {tok}".strip() if prev in ("page", "social", "website") else tok
        if tok in lx.WORK_ITEM_NOUNS and any(t in lx.CLOSING_WORDS for t in sig_tokens):
            return f"{tok} closed"
        if tok == "hours" and any(t in lx.EFFORT_WORDS for t in sig_tokens):
            return "hours worked"
        if tok in ("lines", "loc") and "code" in sig_tokens:
            return "lines of code"
    if effort_head:
        return next(t for t in sig_tokens if t in lx.ACTIVITY_NOUNS)
    return ""


def _rate(tokens: tuple[str, ...], guess: MetricGuess) -> bool:
    for index, tok in enumerate(tokens):
        if tok == "per":
            nxt = tokens[index + 1] if index + 1 < len(tokens) else ""
            if nxt and nxt not in _TIME_NOUNS and nxt not in lx.ACTIVITY_NOUNS:
                return True
        elif tok in lx.RATE_WORDS or tok == "adoption":
            return True
    return (
        guess.metric_kind is not None
        and guess.metric_kind.value == "percent"
        and (guess.target is not None or guess.baseline is not None)
    )


def _heads(tokens: tuple[str, ...]) -> list[bool]:
    """Whether each word is a metric noun that heads its phrase; a metric word that only
    qualifies a deliverable or an activity ("satisfaction surveys") is not a metric."""
    made = lx.ACTIVITY_NOUNS | lx.DELIVERABLE_NOUNS
    return [
        tok in lx.METRIC_NOUNS and (i + 1 >= len(tokens) or tokens[i + 1] not in made)
        for i, tok in enumerate(tokens)
    ]


def _deadline(tokens: tuple[str, ...]) -> bool:
    for index, tok in enumerate(tokens):
        if tok in ("by", "before", "until", "in", "within", "during"):
            ahead = tokens[index + 1 : index + 4]
            if any(t in _DEADLINE_HEADS for t in ahead):
                return True
    return False


def _compound(tokens: tuple[str, ...], text: str) -> bool:
    change_verbs = 0
    for index, tok in enumerate(tokens):
        if verb_classes(tok) & _CHANGE and (index == 0 or tokens[index - 1] in ("and", "while")):
            change_verbs += 1
    pairs = len(re.findall(r"\bfrom\b[^,;]*?\bto\b", text, re.I))
    return change_verbs >= 2 or pairs >= 2


@lru_cache(maxsize=8192)
def read(text: str) -> Signals:
    """All signals for one piece of text (cached: the same text gives the same answer)."""
    text = strip_prefix(text.strip())
    tokens = words(text)
    index, token = lead_verb(tokens)
    classes = verb_classes(token) if token else frozenset()
    lead = verb_base(token) if token else ""
    guess = parse_metric(text)
    found = quantities(text)
    heads = _heads(tokens)
    metric_nouns = tuple(t for t, head in zip(tokens, heads, strict=True) if head)
    qualifiers = {
        t for t, head in zip(tokens, heads, strict=True) if t in lx.METRIC_NOUNS and not head
    }
    rate = _rate(tuple("" if t in qualifiers else t for t in tokens), guess)
    activity = _activity(text, classes)
    effort_head = (
        not activity
        and not rate
        and "decrease" not in classes
        and not any(t in lx.METRIC_NOUNS and t not in lx.ACTIVITY_NOUNS for t in tokens)
        and any(t in lx.ACTIVITY_NOUNS for t in tokens[index + 1 :])
        and bool(found or classes & _CHANGE)
    )
    done_state = ""
    passive_change = ""
    if index < 0:
        for tok in tokens[1:]:
            if tok in lx.DONE_STATES:
                done_state = tok
                break
            if verb_classes(tok) & (_CHANGE | {"maintain"}) and tok.endswith(("ed", "cut")):
                passive_change = tok
                break
        phrase = _DONE_PHRASES.search(text)
        if not done_state and not passive_change and phrase:
            done_state = phrase.group(1).lower()
    deliverable = any(t in lx.DELIVERABLE_NOUNS for t in tokens)
    return Signals(
        text=text,
        tokens=tokens,
        lead_index=index,
        lead=lead,
        lead_classes=classes,
        guess=guess,
        quantities=found,
        metric_nouns=metric_nouns,
        rate=rate,
        activity=activity,
        effort_head=effort_head,
        done_state=done_state,
        passive_change=passive_change,
        deliverable=deliverable,
        deadline=_deadline(tokens),
        milestone=any(t in _MILESTONE_WORDS for t in tokens),
        vanity_term=_vanity(tokens, activity, effort_head, rate),
        compound=_compound(tokens, text),
        comparator=any(q.before in lx.CEILING_WORDS | lx.FLOOR_WORDS | {"at"} for q in found),
    )
