"""What a goal's wording says, read once and shared by every rule.

Signals are facts about the words (the verb it starts with, whether a number
counts activity, whether a rate is measured), not verdicts. The verdicts live in
``kr.py``, ``objective.py`` and ``classify.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from okrcoach.coach import lexicon as lx
from okrcoach.coach.caching import PER_LINE
from okrcoach.coach.lexicon import wordset
from okrcoach.coach.parse import (
    COUNTED_TOKENS,
    MetricGuess,
    Quantity,
    find_quantities,
    guess_metric,
)
from okrcoach.coach.plain import plain_twin
from okrcoach.coach.words import NO_CLASSES as _NONE
from okrcoach.coach.words import VERB_CLASSES as _CLASSES
from okrcoach.coach.words import (
    comparative,
    lead_classes,
    lead_verb,
    strip_settled,
    tokens_of,
    verb_base,
    words,
)
from okrcoach.domain.models import MetricKind

_CHANGE = frozenset({"increase", "decrease", "reach"})
# A factor verb that opens an idiom ("double down on", "triple up on") names effort.
_FACTOR_VERBS = frozenset(lx.forms(lx.FACTOR_WORDS))
_IDIOM_NEXT = lx.FACTOR_IDIOM_NEXT - {"as"}
_EFFORT = frozenset({"effort"})
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
_FROM_TO = re.compile(r"\bfrom\b[^,;]*?\bto\b", re.I)
_DIGIT = re.compile(r"\d")
_PLAIN_DIGIT = plain_twin(_DIGIT)
# Word sets each rule asks about, joined once here rather than on every reading.
_MADE = lx.ACTIVITY_NOUNS | lx.DELIVERABLE_NOUNS
_BOUND_WORDS = lx.CEILING_WORDS | lx.FLOOR_WORDS | {"at"}
_RATE_CUES = lx.RATE_WORDS | {"per", "adoption"}
_VANITY_CUES = lx.VANITY_NOUNS | lx.WORK_ITEM_NOUNS | {"hours", "lines", "loc"}
_DEADLINE_WORDS = frozenset(("by", "before", "until", "in", "within", "during"))
_MOVED = _CHANGE | {"maintain"}
_JOINS = frozenset(("and", "while"))
_UNIT = itemgetter(1)  # a quantity's unit
_BEFORE = itemgetter(5)  # the word before a quantity
_NEW = tuple.__new__
_PERCENT, _CURRENCY = MetricKind.PERCENT, MetricKind.CURRENCY


class Signals(NamedTuple):
    """Facts about one text's words (a tuple: made once per text, cheaply)."""

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
    # The line as read once for every later reader (``reading.py``, ``measurability.py``):
    present: frozenset[str]  # the set of its tokens
    lowered: str  # the text in lower case
    wish: str  # the first word that wishes for more or better ("faster"), "" when none
    plain: bool  # the lower case is plain: printable ASCII (``plain.py``)
    digit: bool  # the text holds a digit (lower-casing makes and takes away none)

    @property
    def measurable(self) -> bool:
        g = self.guess
        return g.target is not None or g.factor is not None or g.change is not None

    @property
    def count_quantity(self) -> bool:
        return "" in map(_UNIT, self.quantities)


def _activity(text: str, lead_classes: frozenset[str], found: tuple[Quantity, ...]) -> str:
    """A count of effort next to its number: "50 sales calls", "40 hours of training"."""
    if "decrease" in lead_classes:
        return ""
    for q in found:
        if q.kind is _PERCENT or q.kind is _CURRENCY or (q.unit and q.unit != "h"):
            continue
        following = words(text[q.end : q.end + 48])[:4]
        if q.unit == "h":
            if (
                not lx.EFFORT_WORDS.isdisjoint(following)
                or following[:1] == ("of",)
                or "effort" in lead_classes
            ):
                return text[q.start : q.end + len(" ".join(following[:2])) + 1].strip()
            continue
        for index, tok in enumerate(following[:3]):
            if tok in lx.ACTIVITY_NOUNS or (
                tok in lx.WORK_ITEM_NOUNS
                and (
                    lead_classes & {"delivery", "reach"}
                    or not lx.CLOSING_WORDS.isdisjoint(following)
                )
            ):
                # The noun may go on: "200 outreach emails", not "200 outreach".
                end = index + 1
                while end < len(following) and (
                    following[end] in lx.ACTIVITY_NOUNS
                    or following[end] in lx.WORK_ITEM_NOUNS
                    or following[end] in lx.VANITY_NOUNS  # "10k page views"
                ):
                    end += 1
                span = " ".join(following[:end])
                return f"{text[q.start : q.end].strip()} {span}"
            if tok in ("of", "per", "to", "from", "by", "in"):
                break
    return ""


def _vanity(
    sig_tokens: tuple[str, ...],
    present: frozenset[str],
    activity: str,
    effort_head: bool,
    rate: bool,
) -> str:
    if rate:
        return ""
    if activity:
        return activity
    if not present.isdisjoint(_VANITY_CUES):
        closing = not present.isdisjoint(lx.CLOSING_WORDS)
        for index, tok in enumerate(sig_tokens):
            if tok in lx.VANITY_NOUNS:
                prev = sig_tokens[index - 1] if index else ""
                return f"{prev} {tok}".strip() if prev in ("page", "social", "website") else tok
            if tok in lx.WORK_ITEM_NOUNS and closing:
                return f"{tok} closed"
            if tok == "hours" and not present.isdisjoint(lx.EFFORT_WORDS):
                return "hours worked"
            if tok in ("lines", "loc") and "code" in present:
                return "lines of code"
    if effort_head:
        return next(t for t in sig_tokens if t in lx.ACTIVITY_NOUNS)
    return ""


def _rate(tokens: tuple[str, ...], present: frozenset[str], guess: MetricGuess) -> bool:
    """A rate or ratio: "per customer", a rate word, or a percentage with a target.
    ``tokens`` has metric words that only qualify another noun blanked out."""
    if not present.isdisjoint(_RATE_CUES):
        for index, tok in enumerate(tokens):
            if tok == "per":
                nxt = tokens[index + 1] if index + 1 < len(tokens) else ""
                if nxt and nxt not in _TIME_NOUNS and nxt not in lx.ACTIVITY_NOUNS:
                    return True
            elif tok in lx.RATE_WORDS or tok == "adoption":
                return True
    return guess.metric_kind is _PERCENT and (
        guess.target is not None or guess.baseline is not None
    )


def _deadline(tokens: tuple[str, ...], present: frozenset[str]) -> bool:
    if present.isdisjoint(_DEADLINE_WORDS):
        return False
    for index, tok in enumerate(tokens):
        if tok in _DEADLINE_WORDS:
            ahead = tokens[index + 1 : index + 4]
            if not _DEADLINE_HEADS.isdisjoint(ahead):
                return True
    return False


def _may_be_done(text: str, low: str) -> bool:
    """Whether ``text`` (``low`` in lower case) could hold a phrase of ``_DONE_PHRASES``:
    one of its words, in any case, or a letter outside ASCII ("ſ" matches an "s")."""
    if not text.isascii():
        return True
    return "place" in low or "running" in low or "set up" in low or "live" in low or "off" in low


def _compound(tokens: tuple[str, ...], present: frozenset[str], text: str, low: str) -> bool:
    change_verbs = 1 if tokens and _CLASSES.get(tokens[0], _NONE) & _CHANGE else 0
    if not present.isdisjoint(_JOINS):
        for index in range(1, len(tokens)):
            if tokens[index - 1] in _JOINS and _CLASSES.get(tokens[index], _NONE) & _CHANGE:
                change_verbs += 1
    if change_verbs >= 2:
        return True
    return low.count("from") >= 2 and len(_FROM_TO.findall(text)) >= 2


@lru_cache(maxsize=PER_LINE)
def read(text: str) -> Signals:
    """All signals for one piece of text (cached: the same text gives the same answer)."""
    text, settled = strip_settled(text.strip())
    # Stripping a settled text again changes nothing, so its words are read straight away.
    tokens = tokens_of(text) if settled else words(text)
    present = frozenset(tokens)
    lowered = text.lower()
    # Plain as ``plain.is_plain`` says (a lower case holds no capitals), read once here.
    plain = lowered.isascii() and lowered.isprintable()
    wish = comparative(tokens)
    index, token = lead_verb(tokens)
    classes = lead_classes(token) if token else frozenset()
    if token in _FACTOR_VERBS and index + 1 < len(tokens) and tokens[index + 1] in _IDIOM_NEXT:
        classes = _EFFORT  # "Double down on webinars": more effort, not twice a number
    lead = verb_base(token) if token else ""
    digit = (_PLAIN_DIGIT if plain else _DIGIT).search(lowered) is not None
    # The tokens of a settled text are its lower case's own, so they can tell whether it
    # holds a number word (``parse.COUNTED_TOKENS``); a text stripped again has others.
    number_words = None
    if settled and "-" not in lowered and "'" not in lowered and "’" not in lowered:
        number_words = not COUNTED_TOKENS.isdisjoint(present)
    found = find_quantities(text, lowered, digit, number_words)
    guess = guess_metric(text, found, tokens, lowered, wish, plain)
    metric_nouns: tuple[str, ...] = ()
    rate_tokens = tokens
    metric_words = present & lx.METRIC_NOUNS
    if metric_words:
        # A metric word heads its phrase unless a deliverable or an activity follows it
        # ("satisfaction surveys" is a thing to make, not a metric).
        # One pass sorts them into heads and qualifiers (no list of flags, no generator).
        last = len(tokens) - 1
        heads: list[str] = []
        qualifiers: set[str] = set()
        for i, tok in enumerate(tokens):
            if tok in metric_words:
                if i >= last or tokens[i + 1] not in _MADE:
                    heads.append(tok)
                else:
                    qualifiers.add(tok)
        metric_nouns = tuple(heads)
        if qualifiers:
            rate_tokens = tuple("" if t in qualifiers else t for t in tokens)
    rate = _rate(rate_tokens, present, guess)
    activity = _activity(text, classes, found)
    effort_head = (
        not activity
        and not rate
        and "decrease" not in classes
        and not (metric_words - lx.ACTIVITY_NOUNS)
        and not present.isdisjoint(lx.ACTIVITY_NOUNS)
        and not lx.ACTIVITY_NOUNS.isdisjoint(tokens[index + 1 :])
        and bool(found or classes & _CHANGE)
    )
    done_state = ""
    passive_change = ""
    if index < 0:
        for tok in tokens[1:]:
            if tok in lx.DONE_STATES:
                done_state = tok
                break
            if _CLASSES.get(tok, _NONE) & _MOVED and tok.endswith(("ed", "cut")):
                passive_change = tok
                break
        if not done_state and not passive_change and _may_be_done(text, lowered):
            phrase = _DONE_PHRASES.search(text)
            if phrase:
                done_state = phrase.group(1).lower()
    # Made as a plain tuple of its fields: the same Signals, without a call in Python.
    return _NEW(
        Signals,
        (
            text,
            tokens,
            index,
            lead,
            classes,
            guess,
            found,
            metric_nouns,
            rate,
            activity,
            effort_head,
            done_state,
            passive_change,
            not present.isdisjoint(lx.DELIVERABLE_NOUNS),
            _deadline(tokens, present),
            not present.isdisjoint(_MILESTONE_WORDS),
            _vanity(tokens, present, activity, effort_head, rate),
            _compound(tokens, present, text, lowered),
            not _BOUND_WORDS.isdisjoint(map(_BEFORE, found)),
            present,
            lowered,
            wish,
            plain,
            digit,
        ),
    )
