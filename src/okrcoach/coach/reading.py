"""A reading of one goal sentence: where its predicate is, what it acts on, how it is built.

The older signals (``signals.py``) look at the first verb only. A reading finds the
predicate anywhere: verb-first ("Cut churn"), subject-first and present tense ("Churn
drops below 2%", "Our agents resolve 80% of chats"), noun-first with a change word
("Signups up 25%", "Paying workspaces double"), passive or done-state ("Help centre
launched"), future ability ("Students will be able to read a balance sheet"), and
team or list prefixes ("Support:", "KR 2 -", "- [ ]"). Multi-word expressions are
matched as phrases, never split into single words.

A reading holds facts, not verdicts; ``features.py`` turns them into the evidence the
fitted models weigh.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from okrcoach.coach import lexicon as lx
from okrcoach.coach.caching import PER_LINE
from okrcoach.coach.cues import CueIndex
from okrcoach.coach.plain import plain_twin
from okrcoach.coach.signals import Signals, read
from okrcoach.coach.words import NO_CLASSES as _NONE
from okrcoach.coach.words import VERB_BASES as _BASES
from okrcoach.coach.words import VERB_CLASSES as _CLASSES
from okrcoach.coach.words import verb_classes, verb_forms

# Words after which a verb-looking token is a noun: "the launch", "our hires", "of calls".
_DETERMINERS = lx.wordset(
    """the a an our my your their its his her this that these those of for per each every
    no any some more fewer less most all new first second third last next"""
)
_NOT_PREDICATES = lx.wordset(
    """meeting meetings marketing pricing funding booking bookings ranking setting settings
    customer customers sales lead leads time times cost costs rate rates share shares returns
    return views view likes like calls visits spend training design plan plans review reviews
    report reports test tests survey surveys order orders start record records build builds
    release releases demo demos post posts file files offer offers support answer answers
    process processes interview interviews call hire hires visit mentoring coaching learning
    reading writing testing onboarding engineering hiring speaking running swimming cycling
    programming accounting budgeting forecasting selling monitoring reporting logging"""
)
_PRONOUN_SUBJECTS = lx.wordset("we i you they he she it team everyone everybody nobody people")
_MODALS = lx.wordset("will shall can could should would must may might")
_ABILITY = re.compile(
    r"\b(?:(?:will|can|could|should|to)\s+)?(?:be|become|becoming|being|am|are|is)\s+able\s+to\b"
    r"|\bable\s+to\b|\bget\s+to\s+(?:where|the\s+point)\b|\bcan\s+now\b|\bwell\s+enough\s+to\b"
    r"|\bknow\s+how\s+to\b|\bhow\s+to\b",
    re.I,
)
_ABILITY_WORDS = ("able", "how", "can", "where", "enough", "point")
# Bounded spans keep every pattern linear on a pasted wall of numbers.
_ARROW = re.compile(r"\d[^→➜➔➡⇒⟶>\d]{0,30}(?:→|->|=>|–>|➜|➔|➡|⇒|⟶)\s*[€$£₹]?\d")
_MULTIPLY = lx.wordset(
    """double doubles doubled doubling triple triples tripled halve halves halved halving
    quadruple quadruples 2x 3x 10x twofold threefold"""
)
# A phrase: its name, a word the text must hold for it to be possible, and its pattern,
# written as alternatives. Each alternative may name cues (one of them must appear in the
# text) and whether it needs a digit, so most texts skip most patterns; a phrase is found
# when any alternative matches, exactly as one pattern joined by "|" would. No cue holds an
# "i" or an "s": ignoring case, "ı" and "ſ" match those letters.
_Alternative = tuple[tuple[str, ...], bool, re.Pattern[str]]


def _alternatives(*parts: tuple[tuple[str, ...], bool, str]) -> tuple[_Alternative, ...]:
    return tuple((cues, digit, re.compile(pattern, re.I)) for cues, digit, pattern in parts)


# "up 25%", "+25%", "20% faster": how far a number moves.
_UP_DOWN = _alternatives(
    (("up", "down"), True, r"\b(?:up|down)\s+(?:by\s+)?[+−-]?[€$£₹]?\d"),
    (("%",), True, r"[+−-]\s?\d[\d.,]*\s?%"),
    (
        ("up", "down", "gher", "lower", "more", "le", "fewer", "ter", "cheaper"),
        True,
        r"\d\s*%?\s+(?:up|down|higher|lower|more|less|fewer|better|faster|cheaper)\b",
    ),
)
_PHRASES: tuple[tuple[str, str, tuple[_Alternative, ...]], ...] = (
    ("set-up", "set", _alternatives(((), False, r"\bset(?:ting)?\s+up\b(?!\s+(?:time|cost|fee))"))),
    ("roll-out", "roll", _alternatives(((), False, r"\broll(?:ed|ing)?\s+out\b"))),
    (
        "go-live",
        "live",
        _alternatives(
            (
                (),
                False,
                r"\bgo(?:es)?\s+live\b|\bgo-live\b|\bis\s+live\b|\bare\s+live\b"
                r"|\blive\s+(?:by|in|on|for)\b",
            )
        ),
    ),
    (
        "in-place",
        "p",
        _alternatives(
            (("place",), False, r"\bin\s+place\b"),
            (("runn",), False, r"\bup\s+and\s+running\b"),
            (("off",), False, r"\bsigned\s+off\b"),
        ),
    ),
    ("reach-out", "out", _alternatives(((), False, r"\breach(?:ed|ing)?\s+out\b"))),
    ("follow-up", "follow", _alternatives(((), False, r"\bfollow(?:ed|ing)?\s+up\b"))),
    ("sign-up", "sign", _alternatives(((), False, r"\bsign(?:ed|ing)?\s+up\b"))),
    (
        "per-time",
        " ",
        _alternatives(
            (("per",), False, r"\bper\s+(?:day|week|month|quarter|year|sprint)\b"),
            (("day", "week", "month"), False, r"\ba\s+(?:day|week|month)\b"),
        ),
    ),
    (
        "within-time",
        "in",
        _alternatives(
            (("th",), True, r"\bwithin\s+\d"),
            (("nder",), True, r"\bin\s+under\s+\d"),
            (("than",), False, r"\bin\s+less\s+than\b"),
        ),
    ),
    (
        "from-to",
        "from",
        _alternatives(((), True, r"\bfrom\s+[^,;\d]{0,30}\d[^,;]{0,30}?\bto\s+[^,;\d]{0,30}\d")),
    ),
    (
        "at-least",
        "",
        _alternatives(
            (("lea",), False, r"\bat\s+least\b"),
            (("most",), False, r"\bat\s+most\b"),
            (("than",), False, r"\bno\s+(?:more|less|fewer)\s+than\b"),
            (
                ("more", "le", "fewer", "better", "gher", "lower", "wider", "longer", "faster"),
                False,
                r"\bor\s+(?:more|less|fewer|better|higher|lower|wider|longer|faster|sooner"
                r"|greater)\b",
            ),
        ),
    ),
    (
        "or-above",
        "",
        _alternatives(
            (
                ("ove", "elow", "nder", "eath"),
                True,
                r"\b(?:above|over|below|under|beneath)\s+[€$£₹]?\d",
            ),
            (("<", ">", "≤", "≥"), True, r"(?<![-=])[<>≤≥]\s*[€$£₹]?\d"),
        ),
    ),
    (
        "by-date",
        "by",
        _alternatives(
            (
                (),
                False,
                r"\bby\s+(?:the\s+)?(?:end|q[1-4]|eo[qym]|h[12]|jan|feb|mar|apr|may|jun|jul|aug"
                r"|sep|oct|nov|dec|\d{1,2}\s+\w+|next|mid|week|month|summer|spring|autumn|fall"
                r"|winter)",
            )
        ),
    ),
    ("percent-of", "%", _alternatives(((), True, r"\d\s*%\s+of\b"))),
    (
        "all-of",
        " ",
        _alternatives(
            (
                ("all", "every", "each"),
                False,
                r"\b(?:all|every|each)\s+(?:of\s+)?(?:our|the|new|active)?\s*\w+",
            )
        ),
    ),
)
# A multiple written with a times sign: "Revenue x2", "pipeline ×3", "2.5× bodyweight".
_TIMES = re.compile(r"(?<![\w.])[x×]\d+(?:\.\d+)?\b|\d×")
# ...or in words: "twice as many deals", "three times as much", "half as many".
_AS_MANY = re.compile(
    r"\b(?:twice|half|(?:\d+|two|three|four|five|ten)\s+times)\s+as\s+(?:many|much|often|fast|likely)\b"
)


_ARROWS = ("→", "->", "=>", "➜", "➔", "➡", "⇒", "⟶")
# Every cue and trigger above read in one pass over the text; each alternative keeps the
# bits of its cues (no cues: always tried). Other readers of a line add their cues to the
# same index at import (measurability.py), so the one pass answers for them too.
LINE_CUES = _CUES = CueIndex(
    [
        *((trigger,) for _, trigger, _ in _PHRASES),
        *(cues for _, _, ways in _PHRASES for cues, _, _ in ways),
        *(cues for cues, _, _ in _UP_DOWN),
        _ABILITY_WORDS,
        _ARROWS,
    ]
)
_Gated = tuple[int, bool, re.Pattern[str]]


def _gated(alternatives: tuple[_Alternative, ...]) -> tuple[_Gated, ...]:
    return tuple(
        (_CUES.bits(cues or ("",)), digit, pattern) for cues, digit, pattern in alternatives
    )


_PHRASE_GATES = tuple(
    (name, _CUES.bits((trigger,)), _gated(ways)) for name, trigger, ways in _PHRASES
)
_UP_DOWN_GATES = _gated(_UP_DOWN)


def _plain_gates(gates: tuple[_Gated, ...]) -> tuple[_Gated, ...]:
    return tuple((cues, digit, plain_twin(pattern)) for cues, digit, pattern in gates)


# The same tables for plain lines (``plain.py``): the same matches, found cheaper.
_PLAIN_PHRASE_GATES = tuple(
    (name, trigger, _plain_gates(ways)) for name, trigger, ways in _PHRASE_GATES
)
_PLAIN_UP_DOWN_GATES = _plain_gates(_UP_DOWN_GATES)
_PLAIN_ABILITY, _PLAIN_ARROW, _PLAIN_TIMES, _PLAIN_AS_MANY = map(
    plain_twin, (_ABILITY, _ARROW, _TIMES, _AS_MANY)
)
_ABILITY_BITS = _CUES.bits(_ABILITY_WORDS)
_ARROW_BITS = _CUES.bits(_ARROWS)


def _matches(lowered: str, alternatives: tuple[_Gated, ...], digit: bool, held: int) -> bool:
    """Whether any alternative matches ``lowered`` (``digit``: it holds a digit; ``held``:
    the bits of the cues it holds)."""
    for cues, needs_digit, pattern in alternatives:
        if cues & held and (digit or not needs_digit) and pattern.search(lowered):
            return True
    return False


def _phrases(lowered: str, digit: bool, held: int, plain: bool = False) -> frozenset[str]:
    """The names of the phrases ``lowered`` holds, in table order (``_matches`` written
    out: this runs on every line; ``plain``: the line is plain, see ``plain.py``)."""
    found = []
    for name, trigger, ways in _PLAIN_PHRASE_GATES if plain else _PHRASE_GATES:
        if trigger & held:
            for cues, needs_digit, pattern in ways:
                if cues & held and (digit or not needs_digit) and pattern.search(lowered):
                    found.append(name)
                    break
    return frozenset(found)


_MODALS_OR_TO = _MODALS | {"to"}
_NEW = tuple.__new__
_VERB_FORMS = verb_forms()
_CHANGE_OR_KEEP = frozenset({"increase", "decrease", "reach", "maintain"})
# Every word that could report work done: a form of a delivery verb, or a done-state.
_DONE_WORDS = frozenset(t for t in _VERB_FORMS if "delivery" in verb_classes(t)) | lx.DONE_STATES
_SUBJECT_METRIC_VERB = lx.wordset(
    """drops drop falls fall rises rise grows grow climbs climb doubles double halves halve
    improves improve increases increase decreases decrease declines decline reaches reach hits
    hit stays stay remains remain exceeds exceed tops top goes go gets get moves move shrinks
    shrink jumps jump lands land averages average sits sit holds hold comes come beats beat
    converts convert retains retain"""
)


class Reading(NamedTuple):
    """Facts about one sentence's structure (a tuple: made once per text, cheaply)."""

    sig: Signals
    predicate_index: int  # the main verb's position, -1 when none was found
    predicate: str  # its base form, "" when none
    predicate_classes: frozenset[str]
    subject_first: bool  # something stands before the predicate: "Churn drops", "We ship"
    pronoun_subject: bool  # the subject is a person or team: "We", "Our agents"
    verbs: tuple[tuple[int, str, frozenset[str]], ...]  # every verb-looking token after 0
    phrases: frozenset[str]  # multi-word expressions found ("set-up", "from-to", ...)
    ability: bool  # "be able to", "get to where I can", "well enough to"
    up_down: bool  # "up 25%", "+25%", "20% faster"
    arrow: bool  # "32 -> 45"
    multiply: bool  # "doubles", "halve", "3x"
    done_participle: str  # a delivery verb reported done after its object: "dashboard delivered"
    modal: bool  # "will", "should"...
    lowered: str  # the text in lower case, read once for every pattern
    digit: bool  # the text holds a digit
    held: int  # the bits of every cue of ``LINE_CUES`` the lowered text holds
    text: str  # the same as ``sig.text``
    tokens: tuple[str, ...]  # the same as ``sig.tokens``
    wish: str  # the first word that wishes for more or better ("faster"), "" when none


def _done_participle(tokens: tuple[str, ...], start: int) -> str:
    """A delivery verb's past participle that reports work done: "Pen test completed"."""
    for index in range(max(1, start), len(tokens)):
        tok = tokens[index]
        if not (tok.endswith(("ed", "en", "lt", "ne", "wn")) or tok in lx.IRREGULAR):
            continue
        classes = _CLASSES.get(tok, _NONE)
        if "delivery" not in classes and tok not in lx.DONE_STATES:
            continue
        if classes & _CHANGE_OR_KEEP:
            continue
        prev = tokens[index - 1]
        if prev in _DETERMINERS or prev in ("have", "has", "had"):
            continue
        return tok
    return ""


# What a work verb turns into a metric's name when it comes first: "Deploy frequency",
# "Build time", "Test coverage", "Review turnaround", "Email open rate".
_MEASURES = (
    lx.wordset(
        """frequency rate ratio time times latency speed cost costs coverage turnaround cadence
        duration success failure accuracy quality reliability throughput lead-time volume"""
    )
    | lx.RATE_WORDS
    | lx.VANITY_NOUNS
) - lx.wordset("per net active paid paying")
# What may follow a metric's name: its level, a bound, what it is per, or nothing.
_MEASURE_GOES_ON = lx.wordset(
    """from to of per at up down under over below above within by in on for is are stays
    remains"""
)
_RELATIVE = lx.wordset("that which who to so and")


def _names_a_measure(
    tokens: tuple[str, ...], lead: int, classes: frozenset[str], lowered: str
) -> bool:
    """Whether the leading "verb" is only part of what is measured, not work to do: a work
    verb followed by a metric's name ("Deploy frequency from weekly to daily", "Email open
    rate 35%") or by a subject that a change verb then moves ("Launch campaign reaches 5M
    impressions"). Never after a change verb ("Cut cost per ticket") or a determiner
    ("Build a cost dashboard")."""
    size = len(tokens)
    if classes & _CHANGE_OR_KEEP or lead + 1 >= size or tokens[lead + 1] in _DETERMINERS:
        return False
    for index in range(lead + 1, min(lead + 3, size)):
        tok = tokens[index]
        if tok in _DETERMINERS:
            return False
        if tok in _MEASURES:
            if index + 1 >= size:
                return True
            after = tokens[index + 1]
            return (
                after in _MEASURE_GOES_ON
                or f"{tok}:" in lowered
                or f"{tok} →" in lowered
                or after[0].isdigit()
                or after[0] in "<>≤≥~+-"
                or _moves(after)
            )
    return any(
        _moves(tokens[index]) and tokens[index - 1] not in _RELATIVE
        for index in range(lead + 2, min(lead + 5, size))
    )


def _moves(tok: str) -> bool:
    """A finite change verb after a subject: "reaches", "halved", "drops"."""
    return tok.endswith(("s", "ed")) and (
        tok in _SUBJECT_METRIC_VERB or _BASES.get(tok, tok) in _SUBJECT_METRIC_VERB
    )


def _multiplies(tokens: tuple[str, ...]) -> bool:
    """Whether a factor word multiplies, not only opens an idiom ("double down on")."""
    last = len(tokens) - 1
    return any(
        tok in _MULTIPLY and (i == last or tokens[i + 1] not in lx.FACTOR_IDIOM_NEXT)
        for i, tok in enumerate(tokens)
    )


@lru_cache(maxsize=PER_LINE)
def reading(text: str) -> Reading:
    """Read ``text`` once; the same text always gives the same reading (cached)."""
    sig = read(text or "")
    tokens = sig.tokens
    verbs: list[tuple[int, str, frozenset[str]]] = []
    for index, tok in enumerate(tokens):
        if tok in _VERB_FORMS:
            # A verb-looking word is a verb unless it names a thing ("meeting", "sales";
            # after a modal or "to" it is a verb again) or a determiner makes it a noun.
            prev = tokens[index - 1] if index else ""
            if (tok in _NOT_PREDICATES and prev not in _MODALS_OR_TO) or prev in _DETERMINERS:
                continue
            verbs.append((index, _BASES.get(tok, tok), _CLASSES[tok]))
    classes: frozenset[str] = _NONE
    predicate_index, predicate = -1, ""
    lowered = sig.lowered
    if sig.lead and not _names_a_measure(tokens, sig.lead_index, sig.lead_classes, lowered):
        predicate_index, predicate, classes = sig.lead_index, sig.lead, sig.lead_classes
    else:
        for index, base, found in verbs:
            if index == 0:
                continue
            tok = tokens[index]
            # A predicate after a subject agrees with it ("drops", "double") or follows a modal.
            if tok.endswith("s") or tokens[index - 1] in _MODALS or tok in _SUBJECT_METRIC_VERB:
                predicate_index, predicate, classes = index, base, found
                break
            prev = tokens[index - 1]
            plural_subject = prev.endswith("s") and prev not in _VERB_FORMS and tok == base
            if prev in _PRONOUN_SUBJECTS or plural_subject:
                predicate_index, predicate, classes = index, base, found
                break
    plain = sig.plain
    digit = sig.digit
    held = _CUES.mask(lowered)
    phrases = _phrases(lowered, digit, held, plain)
    before = tokens[:predicate_index] if predicate_index > 0 else ()
    present = sig.present
    # Made as a plain tuple of its fields: the same Reading, without a call in Python.
    return _NEW(
        Reading,
        (
            sig,
            predicate_index,
            predicate,
            classes,
            predicate_index > 0 and not all(t in lx.FILLER for t in before),
            not _PRONOUN_SUBJECTS.isdisjoint(before[:3]),
            tuple(verbs),
            phrases,
            bool(held & _ABILITY_BITS)
            and bool((_PLAIN_ABILITY if plain else _ABILITY).search(lowered)),
            bool(sig.quantities)
            and _matches(lowered, _PLAIN_UP_DOWN_GATES if plain else _UP_DOWN_GATES, digit, held),
            bool(held & _ARROW_BITS) and bool((_PLAIN_ARROW if plain else _ARROW).search(lowered)),
            (not present.isdisjoint(_MULTIPLY) and _multiplies(tokens))
            or (
                digit
                and ("x" in lowered or "×" in lowered)
                and (_PLAIN_TIMES if plain else _TIMES).search(lowered) is not None
            )
            or (
                " as " in lowered
                and (_PLAIN_AS_MANY if plain else _AS_MANY).search(lowered) is not None
            ),
            _done_participle(tokens, 1)
            if predicate_index <= 0 and not present.isdisjoint(_DONE_WORDS)
            else "",
            not present.isdisjoint(_MODALS),
            lowered,
            digit,
            held,
            sig.text,
            tokens,
            sig.wish,
        ),
    )
