"""Evidence for the measurable model: can a reader tell at the end whether it happened?

A key result is measurable when it sets a level to reach: a target number or threshold
("under 200 ms", "doubles", "from 40% to 60%"), a count ("Host 8 roadshows"), a scope
that is all of a named group ("every repo", "all 14 sites", "the top 20 suppliers"), a
set rhythm ("twice a week", "every Sunday"), none as the bar ("zero P1 incidents") or a
time limit in words ("same day", "within a week"). It is not measurable when it only
names a metric ("Week-8 retention", "Dials per day"), wishes for change without a size
("Happier customers"), or its only numbers are names ("Kubernetes 1.30", "Year 9").

These facts are weighed by the fitted ``measurable`` model together with
``features.kr_evidence``; each has plain words, shown when it tips the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from okrcoach.coach import bar_shapes as shapes
from okrcoach.coach import lexicon as lx
from okrcoach.coach.caching import PER_LINE
from okrcoach.coach.number_names import DIGIT_RUN, name_spans, names
from okrcoach.coach.number_roles import picks_by_size, unscoped
from okrcoach.coach.parse import MetricGuess, Quantity
from okrcoach.coach.plain import plain_twin
from okrcoach.coach.reading import LINE_CUES, reading
from okrcoach.coach.todays_level import after_from, starts_here

Evidence = dict[str, tuple[float, str]]

_WORDS = {
    "m:rating": "it sets a rating to reach (such as 9/10)",
    "m:zero": "it names none or zero as the bar",
    "m:without": 'it names something that must not happen ("without")',
    "m:coverage": "it covers every one of a group (all, every, 100% of)",
    "m:scope-word": "it names a whole group without saying all of it",
    "m:frequency": "it sets how often (twice a week, every Sunday)",
    "m:frequency-name": "its rhythm only names the thing (a monthly report)",
    "m:time-bound": "it sets a time limit in words (same day, within a week)",
    "m:share": "it sets a share of a group (a third of, 9 in 10)",
    "m:fraction": "it moves a value by a fraction (by a third, in half)",
    "m:per-period": "it sets a number per period (300/week)",
    "m:glued-unit": "it names an amount with its unit (6kg)",
    "m:target-word": "it names its target",
    "m:sign": "it sets a sign to reach (cash-flow positive, break even)",
    "m:quoted-grade": "it names the grade someone gives",
    "m:named-number": "its number is a name or version, not a target",
    "m:version": "its number is a version",
    "m:upgrade-version": "it moves to a new version, which is work done",
    "m:top-n": "it counts a named set (the top 20)",
    "m:clock-bar": "it sets a time or ratio to reach (under 24:30, 4:1)",
    "m:named-level": "it names the level to reach (B2, grade 5)",
    "m:grade-bar": "it names the grade to reach (Good or better)",
    "m:counted": "it counts things",
    "m:vague-comparative": "it wants more or better without saying how much",
    "m:inner-state": "it wants people to feel or know something, with no level to check",
    "m:scoped-wish": 'its "every" only says when it wants better, not how much',
    "m:metric-name": "it names a metric but sets no level",
    "m:bare-name": "it only names something: no level, count or state to reach",
    "m:only-named-numbers": "its only numbers are names or versions",
    "m:scope-number": 'its number picks which things count ("deals over $50k")',
    "m:only-scope-numbers": "its only number picks which things count: it sets no level",
    "m:covered-filter": "it covers every one of the things its number picks",
    "m:parsed-target": "a target value can be read from it",
    "m:wish-no-amount": "it wants a number to move but not by how much",
    "m:baseline-only": "it says where it starts but not where it should end",
    "m:threshold-in-words": "it sets a bar in words, not digits",
    "m:no-bar": "it sets no number, count or bar to reach",
    "m:bound-in-words": 'it bounds a count in words ("at most one")',
}
_FREQUENCY_CUES = (
    *("once", "twice", "thrice", "times", "x ", "every", "each", "daily", "weekly", "monthly"),
    *("nightly", "hourly", "quarterly", "fortnightly", "termly", "yearly", "annually"),
)
# (feature, cues of which the text must hold one for the pattern to be tried, pattern):
# the cues keep a review cheap, most patterns are never run on most lines.
_PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("m:rating", ("/", "star", "out of"), shapes.RATING),
    (
        "m:zero",
        ("no", "zero", "none", "never", "nil", "-free", "not ", "eliminat", "eradicat"),
        shapes.ZERO,
    ),
    ("m:without", ("without",), shapes.WITHOUT),
    ("m:coverage", ("all", "every", "each", "100"), shapes.COVERAGE),
    ("m:scope-word", ("whole", "entire", "-wide", "across", "end to end"), shapes.SCOPE),
    ("m:frequency", _FREQUENCY_CUES, shapes.FREQUENCY),
    ("m:frequency-name", ("ly ", "annual"), shapes.FREQUENCY_NAME),
    (
        "m:time-bound",
        (
            "same",
            "next",
            "within",
            "under",
            "inside",
            " in ",
            "first",
            "1st",
            "on time",
            "below",
            "beneath",
            "than",
            "most",
            "max",
        ),
        shapes.TIME_BOUND,
    ),
    ("m:share", ("third", "quarter", "fifth", "tenth", "half", " in ", "out of"), shapes.SHARE),
    ("m:fraction", ("third", "quarter", "half", "fifth"), shapes.FRACTION),
    ("m:per-period", ("/",), shapes.PER_PERIOD),
    ("m:sign", ("positive", "even", "black", "profitable"), shapes.SIGN),
    ("m:quoted-grade", ('"', "“"), shapes.QUOTED_GRADE),
    ("m:top-n", ("top",), shapes.TOP_N),
    (
        "m:named-level",
        ("reach", "get to", "achiev", "attain", "earn", "promoted", "from"),
        shapes.NAMED_LEVEL,
    ),
    (
        "m:grade-bar",
        ("or better", "or higher", "or above", "rated", "graded", "judged"),
        shapes.GRADE_BAR,
    ),
)
_DIGIT_PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("m:glued-unit", ("",), shapes.GLUED_UNIT),
    ("m:target-word", ("target", "goal", "aim"), shapes.TARGET_WORD),
    ("m:clock-bar", (":",), shapes.CLOCK_BAR),
)
_SCOPE_WORDS = (" over ", " above ", " under ", " below ", " than ", " >", " <")
# Every cue above read in one pass over the text; each table row keeps the bits of its cues.
# Inner states nobody can count without asking: "everyone feels they belong", "users love
# the new editor", "a consistent tone across every channel". With no number, "every" or
# "all" says whose state it is, not a level to reach.
_INNER_STATES = lx.wordset(
    """feel feels felt know knows love loves trust trusts understand understands enjoy enjoys
    belong belongs consistent consistently potential aware happy happier proud confident
    valued heard welcome welcomed engaged comfortable supported recognised recognized"""
)
# The strings every one of them holds, for the line's cue bits (one test, no call).
_INNER_CUES = lx.wordset(
    """feel felt know love trust understand enjoy belong consistent potential aware happ proud
    confident valued heard welcome engaged comfortable supported recogni"""
)
_CUES = LINE_CUES.add(
    [*(cues for _, cues, _ in (*_PATTERNS, *_DIGIT_PATTERNS)), _SCOPE_WORDS, _INNER_CUES]
)
_PATTERN_GATES = tuple((name, _CUES.bits(cues), pattern) for name, cues, pattern in _PATTERNS)
_DIGIT_GATES = tuple((name, _CUES.bits(cues), pattern) for name, cues, pattern in _DIGIT_PATTERNS)
_SCOPE_BITS = _CUES.bits(_SCOPE_WORDS)
_INNER_BITS = _CUES.bits(_INNER_CUES)
# The same tables for plain lines (``plain.py``): the same matches, found cheaper.
_PLAIN_PATTERN_GATES = tuple((name, cues, plain_twin(p)) for name, cues, p in _PATTERN_GATES)
_PLAIN_DIGIT_GATES = tuple((name, cues, plain_twin(p)) for name, cues, p in _DIGIT_GATES)
# Facts that set a bar without a digit target.
_BARS = (
    "m:rating",
    "m:per-period",
    "m:glued-unit",
    "m:target-word",
    "m:zero",
    "m:coverage",
    "m:frequency",
    "m:time-bound",
    "m:share",
    "m:fraction",
    "m:sign",
    "m:quoted-grade",
    "m:top-n",
    "m:bound-in-words",
    "m:clock-bar",
    "m:named-level",
    "m:grade-bar",
)

_NUMBER_OR_WORD = re.compile(rf"\d|\b(?:one|{shapes.NUMBER_WORDS})\b")
# How well, with no bar for "well": "payroll runs smoothly every month".
_MANNER = lx.wordset(
    """smoothly well effectively efficiently properly seamlessly steadily nicely strongly
    meaningfully significantly substantially noticeably dramatically quickly sooner
    painlessly"""
)
# A comparative that bounds a count in words: "paged less than twice a week".
_BOUND_IN_WORDS = re.compile(
    rf"\b(?:less|fewer|more|lower|higher)\s+than\s+(?:once|twice|thrice|{shapes.NUMBER_WORDS})\b"
)
# A wish with only these says when or which, not how far: "Fewer findings rated High or
# above".
_WORD_BARS = tuple(b for b in _BARS if b not in ("m:coverage", "m:frequency", "m:grade-bar"))


# Verbs that wish a number up, down or better without saying how far.
_WISH_CLASSES = frozenset({"increase", "decrease", "vague"})


def _counts(unnamed: str, tokens: tuple[str, ...], plain: bool = False) -> bool:
    """A number straight before the plural noun it counts: "8 roadshows", "three bids"
    (``plain``: ``unnamed`` is plain, see ``plain.py``)."""
    runs, after = (
        (_PLAIN_DIGIT_RUN, _PLAIN_COUNTED_AFTER) if plain else (DIGIT_RUN, shapes.COUNTED_AFTER)
    )
    for run in runs.finditer(unnamed):
        if run.group().replace(",", "").isdigit() and after.match(unnamed, run.end()):
            return True
    return not shapes.NUMBER_WORD_SET.isdisjoint(tokens) and bool(
        shapes.COUNTED_WORD.search(unnamed)
    )


_PLAIN_DIGIT_RUN, _PLAIN_COUNTED_AFTER, _PLAIN_DIGIT = map(
    plain_twin, (DIGIT_RUN, shapes.COUNTED_AFTER, shapes.DIGIT)
)


# A target given in words after a baseline: "from 3 days to same day", "from 12 to zero".
_TO_WORDS = re.compile(
    r"(?:\s*(?:a|an|per|/)\s*[a-z]+)?\s*(?:to|->|→|down\s+to)\s+(?:the\s+)?(?:same[\s-](?:working\s+|business\s+)?day"
    r"|next[\s-]day|zero|none|nil|nothing|real[\s-]time|instant)",
    re.I,
)


def _baseline_only(guess: MetricGuess, counted: Sequence[Quantity], text: str) -> bool:
    """Whether the line's only numbers say where it starts ("win rate from 19%"), not
    where it should end; "from 3 pilot customers" counts people, it is no baseline."""
    if guess.baseline is None or guess.target is not None:
        return False
    if guess.change is not None or guess.factor is not None:
        return False
    if counted and _TO_WORDS.match(text, counted[-1].end):
        return False
    if guess.numbers == 1 and len(counted) > 1:
        # The guess read one level, where it starts; the others pick, name or window things
        # ("Overdue receivables > 90 days: currently ₹1.8 crore").
        counted = [q for q in counted if q.value == guess.baseline]
    spans = name_spans(text.lower(), text)[0] if len(counted) > 1 else ()
    return all(
        starts_here(q, text)  # "(currently ~520 tickets)": today's count of them
        or (after_from(q, text) and not shapes.COUNTED_AFTER.match(text, q.end))
        # "Month-1 churn: 12% now": a number that is a name is no level either way.
        or any(start <= q.start < end for start, end in spans)
        for q in counted
    )


def _upgrades(tokens: tuple[str, ...]) -> bool:
    """Whether a word of upgrading does the work ("Upgrade Django from 4 to 5"), not names
    a metric's time ("Cut time to patch critical issues from 30 to 20 days")."""
    return any(
        t in shapes.UPGRADE and (i == 0 or tokens[i - 1] != "to") for i, t in enumerate(tokens)
    )


# Each fact as its evidence holds it, made once: a line sets two on average, each was a
# call in Python and a new tuple.
_FACTS = {name: (1.0, words) for name, words in _WORDS.items()}


@lru_cache(maxsize=PER_LINE)
def measurable_evidence(text: str) -> Evidence:
    """Facts for whether a reader can tell at the end whether it happened; the measurable
    model weighs these together with ``features.kr_evidence(text)``."""
    read = reading(text)
    evidence: Evidence = {}
    if not read.tokens:
        return evidence
    low = read.lowered
    digits = read.digit
    held = read.held
    plain = read.sig.plain  # ``is_plain(low)``, read once
    for name, cues, pattern in _PLAIN_PATTERN_GATES if plain else _PATTERN_GATES:
        if cues & held and pattern.search(low):
            evidence[name] = _FACTS[name]
    if (
        "m:time-bound" in evidence
        and "first" in low
        and shapes.METRIC_FIRST.search(low)
        and not shapes.TIME_BOUND.search(shapes.METRIC_FIRST.sub(" ", low))
    ):
        del evidence["m:time-bound"]  # "Attrition in the first year": when, not how much
    # "Build a monthly budget": the only rhythm names the thing, it sets no rhythm.
    if (
        "m:frequency-name" in evidence
        and "m:frequency" in evidence
        and len(shapes.FREQUENCY.findall(low)) <= len(shapes.FREQUENCY_NAME.findall(low))
    ):
        del evidence["m:frequency"]
    if (
        "m:frequency" in evidence
        and ("today" in low or "currently" in low or "now" in low or "moment" in low)
        and not shapes.FREQUENCY.search(shapes.TODAYS_RHYTHM.sub(" ", low))
    ):
        # "Deploy frequency (today: twice a week)": where it stands, not where it should go.
        del evidence["m:frequency"]
        evidence["m:baseline-only"] = _FACTS["m:baseline-only"]
    if digits:
        for name, cues, pattern in _PLAIN_DIGIT_GATES if plain else _DIGIT_GATES:
            if cues & held and pattern.search(low):
                evidence[name] = _FACTS[name]
    sig = read.sig
    guess = sig.guess
    unnamed, named, version = names(low, read.text, plain) if digits else (low, False, False)
    if named:
        evidence["m:named-number"] = _FACTS["m:named-number"]
        if "m:rating" in evidence and not shapes.RATING.search(unnamed):
            del evidence["m:rating"]  # "our 24/7 chat": a name, not a rating
    if version:
        evidence["m:version"] = _FACTS["m:version"]
    digit_in = _PLAIN_DIGIT if plain else shapes.DIGIT
    only_names = (
        (named or version)
        and not digit_in.search(unnamed)
        and shapes.NUMBER_WORD_SET.isdisjoint(read.tokens)
    )
    if only_names and (
        "m:clock-bar" in evidence
        or "m:named-level" in evidence
        or ("m:time-bound" in evidence and shapes.DURATION_BOUND.search(low))
    ):
        # "under 24:30", "reach B2": the name is the bar itself; "restore under an hour for
        # SEV1s": the bar is in words, the name only says which.
        only_names = False
    counted = (
        [
            q
            for q in sig.quantities
            if not shapes.ZERO_NAME.match(read.text, q.start)
            and not (q.unit == "" and shapes.WORD_COMPOUND.match(read.text, q.start))
        ]
        if "zero" in low or "-" in low
        else sig.quantities
    )
    numbers = bool(counted) and not only_names
    if numbers:
        classes = read.predicate_classes
        wish = bool(classes & _WISH_CLASSES) or bool(read.wish)
        scoped = unscoped(unnamed, bool(held & _SCOPE_BITS), classes, wish, plain)
        if scoped != unnamed:
            evidence["m:scope-number"] = _FACTS["m:scope-number"]
            # "Three new customers over 1,000 seats signed": a count in words stays a count.
            if not digit_in.search(scoped) and not any(
                read.text[q.start].isalpha() for q in counted
            ):
                evidence["m:only-scope-numbers"] = _FACTS["m:only-scope-numbers"]
                numbers = False
            if "m:coverage" in evidence and picks_by_size(unnamed):
                # "Chase every invoice older than 45 days": the number picks the invoices,
                # "every" sets the bar over them.
                evidence["m:covered-filter"] = _FACTS["m:covered-filter"]
    counts = numbers and _counts(unnamed, read.tokens, plain)
    if (
        digits
        and not counts
        and not shapes.UPGRADE.isdisjoint(read.tokens)
        and _upgrades(read.tokens)
        and not any(q.unit for q in sig.quantities)
    ):
        evidence["m:upgrade-version"] = _FACTS["m:upgrade-version"]
        numbers = False  # "Upgrade Django from 4 to 5": versions, not a level to reach
    if numbers and _baseline_only(guess, counted, read.text):
        # "Cut monthly burn from $410k": from, to what?
        evidence["m:baseline-only"] = _FACTS["m:baseline-only"]
        numbers = False
    if only_names:
        evidence["m:only-named-numbers"] = _FACTS["m:only-named-numbers"]
    elif guess.factor is not None or (
        (guess.target is not None or guess.change is not None) and numbers
    ):
        evidence["m:parsed-target"] = _FACTS["m:parsed-target"]
    if numbers and counts:
        evidence["m:counted"] = _FACTS["m:counted"]
    factor = guess.factor is not None or read.multiply
    bounded = "than" in read.tokens and _BOUND_IN_WORDS.search(low) is not None
    loose = not numbers and not factor and not bounded
    # "daily or more often", "Good or better": the "more" bounds a level, it wishes nothing.
    wished_for = (bool(read.wish) and "at-least" not in read.phrases) or not _MANNER.isdisjoint(
        read.tokens
    )
    if (
        loose
        and not wished_for
        and held & _INNER_BITS
        and not _INNER_STATES.isdisjoint(read.tokens)
    ):
        evidence["m:inner-state"] = _FACTS["m:inner-state"]
        wished_for = True
    vague = loose and wished_for
    if loose and read.predicate_classes & _WISH_CLASSES:
        # "Qualified leads grow": by how much?
        evidence["m:wish-no-amount"] = _FACTS["m:wish-no-amount"]
    if vague:
        evidence["m:vague-comparative"] = _FACTS["m:vague-comparative"]
        # "Happier volunteers after each shift": the "each" scopes a wish, it sets no level.
        wished = [evidence.pop(name, None) for name in ("m:coverage", "m:frequency")]
        if any(wished):
            evidence["m:scoped-wish"] = _FACTS["m:scoped-wish"]
    bars = _WORD_BARS if vague else _BARS
    if bounded or (not vague and "at-least" in read.phrases and _NUMBER_OR_WORD.search(low)):
        # "at most one", "no more than two"
        evidence["m:bound-in-words"] = _FACTS["m:bound-in-words"]
    bar = numbers or factor or any(map(evidence.__contains__, bars))
    if not numbers and not factor:
        if ("number" in low or "per" in low) and shapes.METRIC_NAME.search(low):
            evidence["m:metric-name"] = _FACTS["m:metric-name"]
        done = read.sig.done_state or read.done_participle
        if not read.predicate and not done and not bar and len(read.tokens) <= 6:
            evidence["m:bare-name"] = _FACTS["m:bare-name"]
        if bar and not digits:
            evidence["m:threshold-in-words"] = _FACTS["m:threshold-in-words"]
    if not bar:
        evidence["m:no-bar"] = _FACTS["m:no-bar"]
    return evidence
