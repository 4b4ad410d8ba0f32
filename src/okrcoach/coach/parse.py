"""Read the numbers in a key result so the wizard can pre-fill baseline and target.

``parse_metric("Cut median first-reply time from 24 h to 4 h")`` gives baseline 24,
target 4, unit "h", direction decrease. Dates, quarters, versions and ordinals are
not quantities and are skipped. The guess is deliberately conservative: a field it
cannot read is ``None`` rather than invented.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from okrcoach.coach import lexicon as lx
from okrcoach.coach.caching import PER_LINE
from okrcoach.coach.number_roles import not_levels
from okrcoach.coach.todays_level import after_from, starts_here
from okrcoach.coach.unchecked import unchecked
from okrcoach.coach.words import NO_CLASSES as _NONE
from okrcoach.coach.words import VERB_CLASSES as _CLASSES
from okrcoach.coach.words import comparative, words
from okrcoach.domain.models import Direction, MetricKind

_WISH_CLASSES = frozenset({"increase", "decrease", "vague"})
_WORK_CLASSES = frozenset({"delivery", "effort"})

_NUMBER = re.compile(
    # "2:05" and "4:1" are clock times and ratios: their halves are not quantities.
    r"(?<![\w.,/])(?<!\d:)(?P<cur>[€$£¥₹])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    # Not a rating or a date ("4/5", "15/07"), but a rate is a number: "700/month".
    r"(?![\d:]|,\d|/(?!(?:day|week|wk|month|mo|year|yr|quarter|sprint|hour|hr|shift|term)\b))"
    r"(?P<tail>\s?(?:%|[a-zA-Z]+))?"
)
_WORD_NUMBER = re.compile(r"\b(" + "|".join(lx.NUMBER_WORDS) + r")\b(?!\s+of\b)", re.I)
# A target in words after a figure it moves from: "from 3 days to under one", "from 20% to
# a third". "One" alone is rarely a count, so only a bar before it makes it one here.
_WORD_TARGET = re.compile(
    r"\bto\s+(?:under\s+|below\s+|over\s+|above\s+|just\s+|at\s+least\s+|at\s+most\s+"
    r"|less\s+than\s+|more\s+than\s+)?(one|a\s+third|half|a\s+quarter|two\s+thirds"
    r"|three\s+quarters)\b(?![-'’])",
    re.I,
)
_WORD_TARGET_VALUE = {"one": (1.0, ""), "a third": (33.3, "%"), "half": (50.0, "%")}
_WORD_TARGET_VALUE |= {"a quarter": (25.0, "%"), "two thirds": (66.7, "%")}
_WORD_TARGET_VALUE |= {"three quarters": (75.0, "%")}
_IDENTIFIER_TAIL = lx.wordset(
    "type certification certified compliance compliant audit standard report accreditation"
)
_QUANTITY_CONTEXT = lx.LEVEL_BEFORE_YEAR | {"from", "to"}
_PERCENT_WORDS = ("percent", "per cent", "percentage points", "pp", "points")


class Quantity(NamedTuple):
    """One number found in the text, with what surrounds it (a tuple: cheap to make)."""

    value: float
    unit: str
    kind: MetricKind
    start: int
    end: int
    before: str  # the word just before the number, lower case
    after: str  # the word just after the number and its unit, lower case


class MetricGuess(BaseModel):
    """Structured values read from a KR's wording; every field may be unknown."""

    model_config = ConfigDict(frozen=True)

    baseline: float | None = None
    target: float | None = None
    unit: str = ""
    direction: Direction | None = None
    metric_kind: MetricKind | None = None
    change: float | None = None  # a relative step ("by 20%") when no absolute target is given
    factor: float | None = None  # "double", "halve", "3x"
    numbers: int = 0  # how many quantities were read


# How far back the word (or acronym) before a number is looked for: searching the whole
# text before every number made a pasted wall of numbers quadratic.
_LOOKBEHIND = 64
# Non-word characters, then ASCII letters, read from the end of a window backwards.
_WORD_BACKWARDS = re.compile(r"\W*([A-Za-z]+)")
_COUNTED_NUMBER_WORDS = frozenset(lx.NUMBER_WORDS) - {"one"}
# One of those words as a whole run of the letters a to z, found in one search.
_COUNTED_RUN = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(sorted(_COUNTED_NUMBER_WORDS, key=len, reverse=True))
    + r")(?![a-z])"
)
# A number word that ``find_quantities`` counts stands between non-word characters: when
# none of them joins it to a token's other letters ("-", "'", "’"), it is a whole token,
# maybe with a "%" after it. On such a line one look-up in the set of its word tokens
# tells whether it holds one, instead of a scan of every position of the text.
COUNTED_TOKENS = _COUNTED_NUMBER_WORDS | {f"{word}%" for word in _COUNTED_NUMBER_WORDS}
_WORD_AFTER = re.compile(r"\W*([A-Za-z][A-Za-z-]*)")
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}\W*$")
_ORDINAL_TAIL = re.compile(r"(st|nd|rd|th)\b")
_PAIR_JOIN = re.compile(
    r"\s*(?:[a-z%/ -]{0,30}?\s)?"
    # a short label in brackets may date the first figure: "14 min (Q2) -> 10 min"
    r"(?:\([^()]{1,12}\)\s*)?"
    r"(to|->|=>|→|➜|➔|➡|⇒|⟶|–|—|-)\s*"
    # a bound or a sign may open the target: "→ under 2%", "→ <1%", "→ +30", "to under 5"
    r"(?:(?:under|below|over|above|fewer\s+than|less\s+than|more\s+than|at\s+most|at\s+least"
    r"|no\s+more\s+than|max|min|[<>≤≥~≈+]=?)\s*)?"
    r"[€$£¥₹]?\s*"
)
_ARROWS = frozenset(("->", "=>", "→", "➜", "➔", "➡", "⇒", "⟶"))
_ARROW_AFTER = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:->|=>|→|➜|➔|➡|⇒|⟶)")
_DIGIT = re.compile(r"\d")
_NEW = tuple.__new__  # a Quantity made as a plain tuple of its fields, without a call in Python


def _before(text: str, start: int) -> str:
    """The short stretch of text just before ``start``."""
    return text[max(0, start - _LOOKBEHIND) : start]


def _word_before(text: str, start: int) -> str:
    """The ASCII word just before ``start`` (only non-word characters between), lower case.

    The same answer as searching the window before ``start`` for "letters, then nothing
    but non-word characters to its end", read backwards so no position is tried twice.
    """
    low = max(0, start - _LOOKBEHIND)
    match = _WORD_BACKWARDS.match(text[low:start][::-1])
    if match is None:
        return ""
    end = start - match.start(1)
    first = start - match.end(1)
    if first == low:
        floor = max(0, first - _LOOKBEHIND)
        while first > floor and text[first - 1].isascii() and text[first - 1].isalpha():
            first -= 1  # the word began before the window: take the rest of it too
    return text[first:end].lower()


def _word_after(text: str, end: int) -> str:
    match = _WORD_AFTER.match(text, end)
    return match.group(1).lower() if match else ""


def _read_tail(tail: str, has_currency: bool) -> tuple[float, str, MetricKind, bool]:
    """Multiplier, unit, kind, and whether the tail was consumed as a unit."""
    word = tail.strip().lower()
    if word == "%":
        return 1.0, "%", MetricKind.PERCENT, True
    if (word in lx.MULTIPLIERS and (has_currency or word not in ("m", "b"))) or word in ("k", "bn"):
        kind = MetricKind.CURRENCY if has_currency else MetricKind.NUMBER
        return lx.MULTIPLIERS[word], "", kind, True
    if word in ("m", "b"):
        return lx.MULTIPLIERS[word], "", MetricKind.NUMBER, True
    if word in lx.CURRENCY_CODES:
        return 1.0, lx.CURRENCY_CODES[word], MetricKind.CURRENCY, True
    if word in lx.TIME_UNITS:
        return 1.0, lx.TIME_UNITS[word], MetricKind.NUMBER, True
    if word in ("percent", "pp"):
        return 1.0, "%" if word == "percent" else "pp", MetricKind.PERCENT, True
    if word == "x":
        return 1.0, "x", MetricKind.NUMBER, True
    if word in lx.MEASURE_UNITS:
        return 1.0, lx.MEASURE_UNITS[word], MetricKind.NUMBER, True
    return 1.0, "", MetricKind.NUMBER, False


def _is_date_like(
    text: str, value: float, raw: str, start: int, end: int, unit: str, after: str
) -> bool:
    """A year, a day of a month, an ordinal or a standard's name rather than a quantity
    (``after`` is the word after the number, already read)."""
    if unit:
        return False
    if (value >= 1000 or after in _IDENTIFIER_TAIL) and _ACRONYM_BEFORE.search(
        _before(text, start)
    ):
        return True  # a standard's name, not a quantity: "ISO 27001", "SOC 2 Type II"
    plain = "." not in raw and "," not in raw
    if plain and 1990 <= value <= 2100:
        counted = after in lx.METRIC_NOUNS or after in lx.ACTIVITY_NOUNS
        return _word_before(text, start) not in _QUANTITY_CONTEXT and not counted
    if (
        value <= 31
        and "." not in raw
        and (after in lx.MONTHS or _word_before(text, start) in lx.MONTHS)
    ):
        return True
    return _ORDINAL_TAIL.match(text[end : end + 3].lower()) is not None


@lru_cache(maxsize=PER_LINE)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text`` in reading order (dates and versions left out)."""
    return find_quantities(text)


def find_quantities(
    text: str,
    lowered: str | None = None,
    digit: bool | None = None,
    number_words: bool | None = None,
) -> tuple[Quantity, ...]:
    """``quantities(text)``, read afresh, for a caller that reads each text once and has
    it in lower case already (``lowered``), and knows whether it holds a digit
    (``digit``) or a number word it counts (``number_words``, see ``COUNTED_TOKENS``)."""
    found: list[Quantity] = []
    if digit if digit is not None else _DIGIT.search(text) is not None:
        for match in _NUMBER.finditer(text):
            currency, raw, tail = match.groups("")
            value = float(raw.replace(",", ""))
            multiplier, unit, kind, used = _read_tail(tail, bool(currency))
            end = match.end() if used else match.end("num")
            if not used and tail[:1] != " " and tail.strip()[:1].isalpha():
                continue  # glued letters: "1st", "3rd", "2fa" are not quantities
            if currency:
                unit, kind = lx.CURRENCY_SYMBOLS[currency], MetricKind.CURRENCY
            after = _WORD_AFTER.match(text, end)  # ``_word_after``, written out
            after_word = after.group(1).lower() if after else ""
            if not used:
                if after_word in lx.CURRENCY_CODES:
                    unit, kind = lx.CURRENCY_CODES[after_word], MetricKind.CURRENCY
                elif text[end:].lower().lstrip().startswith(("percent", "per cent")):
                    unit, kind = "%", MetricKind.PERCENT
                elif after_word in lx.TIME_UNITS and text[end : end + 1] != "/":
                    unit = lx.TIME_UNITS[after_word]  # "700/month" is a rate, not months
                elif after_word in ("points", "pp"):
                    unit = "pp"
            start = match.start()
            number_start = match.start("num")
            # A number with a unit is never date-like: only one without is looked at.
            if not (unit or currency) and _is_date_like(
                text, value, raw, number_start, end, "", after_word
            ):
                continue
            found.append(
                _NEW(
                    Quantity,
                    (
                        value * multiplier,
                        unit,
                        kind,
                        start,
                        end,
                        _word_before(text, start),
                        after_word,
                    ),
                )
            )
    # A number word stands alone between non-word characters, so it is a whole run of
    # letters of the lower-cased text: most texts hold none and skip the pattern ("one"
    # is never counted, so it alone does not make the pattern worth trying).
    if (
        number_words
        if number_words is not None
        else _COUNTED_RUN.search(text.lower() if lowered is None else lowered) is not None
    ):
        for match in _WORD_NUMBER.finditer(text):
            word = match.group(1).lower()
            number = lx.NUMBER_WORDS.get(word)
            if word == "one" or number is None:
                continue  # "one" is rarely a count; "ſix" matches the pattern, no word we know
            found.append(
                Quantity(
                    float(number),
                    "",
                    MetricKind.NUMBER,
                    match.start(),
                    match.end(),
                    _word_before(text, match.start()),
                    _word_after(text, match.end()),
                )
            )
        found.sort(key=_position)
    if (
        found
        and " to " in text
        and ("one" in text or "third" in text or "half" in text or "quarter" in text)
    ):
        _word_target(text, found)
    return tuple(found)


def _word_target(text: str, found: list[Quantity]) -> None:
    """Add the target in words that follows the line's last figure, if there is one."""
    match = _WORD_TARGET.search(text, found[-1].end)
    if match is None:
        return
    value, unit = _WORD_TARGET_VALUE[" ".join(match.group(1).lower().split())]
    kind = MetricKind.PERCENT if unit else found[-1].kind
    unit = unit or found[-1].unit
    start = match.start(1)
    found.append(
        Quantity(
            value,
            unit,
            kind,
            start,
            match.end(1),
            _word_before(text, start),
            _word_after(text, match.end(1)),
        )
    )


def _position(quantity: Quantity) -> int:
    return quantity.start


def _pair(text: str, found: tuple[Quantity, ...]) -> tuple[Quantity, Quantity] | None:
    """A baseline -> target pair: "from X to Y", "X -> Y", "X to Y"."""
    for first, second in pairwise(found):
        between = text[first.end : second.start].lower()
        joined = _PAIR_JOIN.fullmatch(between)
        if joined and (first.before == "from" or joined.group(1) in _ARROWS):
            return first, second
        if joined and joined.group(1) == "to" and len(between.split()) <= 2:
            return first, second
    return None


@lru_cache(maxsize=PER_LINE)
def parse_metric(text: str) -> MetricGuess:
    """Guess baseline, target, unit, direction and kind from a KR's wording."""
    return guess_metric(text, quantities(text), words(text))


def guess_metric(
    text: str,
    found: tuple[Quantity, ...],
    tokens: tuple[str, ...],
    lowered: str | None = None,
    wish_word: str | None = None,
    plain: bool | None = None,
) -> MetricGuess:
    """``parse_metric(text)`` from its quantities and word tokens, already read (and, when
    the caller has them, the text in lower case, ``comparative(tokens)`` and whether the
    lower case is plain, see ``plain.py``). Numbers
    that are names, windows or filters ("Year 9", "in the first 14 days", "deals over
    $50k") are never read as a target or a baseline."""
    lead: frozenset[str] = frozenset()
    for tok in tokens[:4]:
        lead = _CLASSES.get(tok, _NONE)
        if lead:
            break
    if found:
        # "Happier buyers in 3 markets": a wish's "3 markets" says where, not how far.
        wished = lead & _WISH_CLASSES or (comparative(tokens) if wish_word is None else wish_word)
        wish = bool(wished) and not lead & _WORK_CLASSES
        skip = not_levels(text, wish, lowered, not lead and not wish, plain)
        if skip:
            found = tuple(q for q in found if not any(a <= q.start < b for a, b in skip))
    factor = None
    if not lx.FACTOR_WORDS.keys().isdisjoint(tokens):
        factor = next(
            (
                lx.FACTOR_WORDS[t]
                for i, t in enumerate(tokens)
                # "half" multiplies only in "by half" or "in half"; "the 2nd half" is a period
                # and "half of" a share.
                if t in lx.FACTOR_WORDS
                and (t != "half" or (i and tokens[i - 1] in ("by", "in")))
                # "Double down on LinkedIn", "doubles as a demo": idioms, no factor.
                and (i + 1 == len(tokens) or tokens[i + 1] not in lx.FACTOR_IDIOM_NEXT)
            ),
            None,
        )
    # "3x" multiplies, but "currently 2.1x" is where it stands and "from 2x" where it starts.
    today_x: tuple[Quantity, ...] = ()
    for q in found:
        if q.unit == "x":
            if q.before == "from" or starts_here(q, text):
                today_x += (q,)
            else:
                factor = q.value
    baseline = target = change = None
    anchor: Quantity | None = None
    base_q = target_q = None
    pair = _pair(text, found)
    if pair:
        baseline, target = pair[0].value, pair[1].value
        base_q, target_q = pair
        anchor = pair[1] if pair[1].unit else pair[0]
    else:
        # "3 days → same day": a figure an arrow leads away from is where it starts.
        arrow = "→" in text or ">" in text or "➜" in text or "➔" in text or "⇒" in text
        for q in found:
            if q.unit == "x" and q not in today_x:
                continue
            if q.before == "by" and target is None and change is None:
                change, anchor = q.value, q
            elif (
                after_from(q, text)
                or starts_here(q, text)
                or (arrow and _ARROW_AFTER.match(text, q.end))
            ) and baseline is None:
                baseline, base_q = q.value, q
                anchor = anchor or q
            elif target is None:
                target, anchor, target_q = q.value, q, q
    if pair and found:
        for q in found:
            if q.before == "by" and q is not pair[0] and q is not pair[1]:
                change = q.value
    if (
        base_q is not None
        and target_q is not None
        and base_q.unit in _SECONDS
        and target_q.unit in _SECONDS
        and base_q.unit != target_q.unit
    ):
        # "within 4 hours (currently 3 days)": where it starts, in the target's unit.
        baseline = round(base_q.value * _SECONDS[base_q.unit] / _SECONDS[target_q.unit], 2)
    unit = anchor.unit if anchor else ""
    kind = anchor.kind if anchor else None
    if pair and not unit:
        unit, kind = pair[0].unit, pair[0].kind
    bound = anchor.before if anchor else ""
    direction = _direction(tokens, lead, baseline, target, bound)
    if kind is None and factor is not None:
        kind = MetricKind.NUMBER
    # Each value is already of its field's type (floats, enums, a count): made unchecked.
    return unchecked(
        MetricGuess,
        {
            "baseline": baseline,
            "target": target,
            "unit": unit,
            "direction": direction,
            "metric_kind": kind,
            "change": change,
            "factor": factor,
            "numbers": len(found),
        },
    )


# Each unit of time in seconds, to compare a start and a target written in different units.
_SECONDS = {"ms": 0.001, "s": 1, "min": 60, "h": 3600, "days": 86400, "weeks": 604800}


def _direction(
    tokens: tuple[str, ...],
    lead: frozenset[str],
    baseline: float | None,
    target: float | None,
    bound: str,
) -> Direction | None:
    if "maintain" in lead:
        return Direction.MAINTAIN
    if "decrease" in lead:
        return Direction.DECREASE
    if "increase" in lead:
        return Direction.INCREASE
    if baseline is not None and target is not None and baseline != target:
        return Direction.INCREASE if target > baseline else Direction.DECREASE
    if bound in lx.CEILING_WORDS or "zero" in tokens or "no" in tokens[:1]:
        return Direction.DECREASE
    if "reach" in lead or bound in lx.FLOOR_WORDS:
        return Direction.INCREASE
    return None
