"""Which numbers in a line are names or versions, not amounts.

"ISO 27001", "Year 9", "Kubernetes 1.30", "GPT-4", "Ward 4", "9am", "by 15/07", "a 3-pane
editor", "the 0800 224 117 hotline": each holds a number that says which thing, not how
much of it. ``number_roles`` and ``measurability`` ask this module where such names are,
and read the other numbers as amounts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from okrcoach.coach import lexicon as lx
from okrcoach.coach.plain import is_plain, plain_twin
from okrcoach.coach.words import verb_classes

# Three groups by what a name's first character is (a letter, a digit, a currency sign):
# at any position at most one group can match, and each keeps its alternatives in their
# order, so the match at every position is the one the alternatives written one after
# another give. Each group's guard is one cheap test, so most positions are passed over
# without trying a single alternative.
_NAMED_SOURCE = (
    # A letter group's name is letters (at most two words), maybe a space or a dash, then a
    # digit: checked before any of its alternatives is tried.
    r"\b(?=[a-z]++(?:\s+[a-z]++)?\.?[\s-]*\d)(?:"
    # A part of a book or course: "ch. 12", "chapter 3", "lesson 4", "episode 9".
    r"(?:ch\.?|chapters?|lessons?|episodes?|ep\.?|vol\.?|volume|pp?\.)\s?\d+\b|"
    # A teaching set: "pupils in set 3", "sets 3 and 4" (not "Set 3 goals", a command).
    r"(?:(?<=\bin\s)sets?|sets(?=\s\d+\s*(?:and|&|–|-|to)\s*\d))\s\d+\b|"
    r"(?:iso|years?|grades?|key stages?|ks|line|modules?|unit|warehouse|levels?|step|phases?"
    r"|tier|v"
    # "P1 incidents" names a priority; "P95" is a latency percentile, a metric.
    r"|version|python|react|postgres|java|node|openapi|soc|q|h|fy|web|type"
    r"|p(?![\s-]?(?:50|75|90|95|99|999)\b)|sev"
    # A platform's release: "iOS 18", "Android 15", "Windows 11", "Ubuntu 24".
    r"|ios|ipados|android|windows|macos|ubuntu|debian|rhel|centos|php|ruby|rails|django"
    r"|angular|vue|kubernetes|mysql|postgresql|redis|elasticsearch|terraform|\.net|dotnet"
    r")[\s-]?\d+"
    # A race named by its distance: "run the 10k in under 50 minutes", "Couch to 5K" (not
    # "a 5k MRR" nor "to 5k subscribers").
    r"|(?:a|the|my|first|couch\s+to)\s+\d{1,3}\s?k\b(?=\s*$|[,.!;)]|\s+(?:run|race|in|under"
    r"|below|without|this|next|by|on|at|with|programme|program|plan|training|time|pb|pr)\b)"
    # The size of a group that only says who: "my family of 5", "a team of 8" (not "a team
    # of 8 engineers", a count).
    r"|(?:family|team|class|group|squad|household|cohort|crew)\s+of\s+\d+\b"
    r"(?!\s+(?:[a-z]+\s+)?[a-z]+s\b)"
    # An introduction named the way courses are: "Finance 101", "a SQL 101 session".
    r"|[a-z]+\s101\b(?!\s?%)(?!\s+(?:[a-z]+\s+)?[a-z]+s\b)"
    # A place or a rule named by its number: "outpatient clinic 3", "ward 4b", "SOX 404" (not
    # "3 times a week" after it: "walk the site 3 times").
    r"|(?:clinic|ward|gate|room|building|site|branch|terminal|lab|studio|depot|aisle|zone"
    r"|hall)\s?\d+[a-z]?\b(?!\s+[a-z]+s\b)"
    r"(?!\s*(?:times|x|%|per|a\s+(?:day|week|month)|hours?|days?|weeks?|months?)\b)"
    r"|sox\s?\d+\b"
    r"|(?:ifrs|gaap|pci|dss|nist|wcag|tls|ssl|http|ipv|section|article|form|round|gen|gpt"
    r"|term|semester|cohort|wave|batch|season|sprint|covid|kr|okr)[\s-]?\d+"
    # A name joined to its number: "GPT-4", "COVID-19", "F-35" ("top-10" is a count).
    r"|(?!(?:top|sub|under|over|below|above|less|more|at|to|by|up|down)-)[a-z]{2,}-\d+\b"
    # A form or visa named by one letter and its number: "Form I-9", "W-2s", "H-1B".
    r"|(?<![\w-])[a-z]-\d+[a-z]?s?\b(?!-)"
    # An age group: "over-65s", "aged 18-24".
    r"|(?:over|under)-\d{2}s\b|aged\s+\d+(?:\s?[–-]\s?\d+|\+)?"
    # Letters and digits glued into one name: "B1", "EC2", "PSD2", "K8s", "HbA1c".
    r"|(?!x\d)(?!p(?:50|75|90|95|99|999)\b)[a-z]{1,5}\d+[a-z\d]*\b"
    # A date: "by 15/07", "on 30/09/2026".
    r"|(?:by|on|before|until|till|due)\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
    r"|(?:week|day|month|year|wk)-\d+\b"
    r"|(?:in|of|from|by|after)\s+(?:week|sprint|lesson|chapter|month|day|year|term|module)\s+\d+\b"
    r")"
    r"|\b(?=\d)(?:"
    r"\d(?:g|fa)\b"
    # A race named by its distance where the line opens, before what is timed: "5k parkrun
    # time from 27:40", "10k in 49:59", "5k under 24:30" (not "10k in revenue").
    r"|^\d{1,3}\s?k\b(?=\s+(?:parkrun|run|race|time|pb|pr)\b"
    r"|\s+(?:in|under|below|sub)\s+(?:under\s+)?\d{1,3}(?::\d\d|\s*min))"
    # A multiple that names a kind of person or mood: "10x-engineer energy".
    r"|\d+x-(?!fold\b)[a-z]+"
    # An age group: "the 18–34 segment".
    r"|\d{1,2}\s?[–-]\s?\d{1,2}\s+(?:segment|demographic|bracket|age|year-old|cohort|audience"
    r"|group|crowd)"
    # A method named by its number: "360 reviews", "360-degree feedback".
    r"|360(?:-degree)?\s+(?:reviews?|feedback|appraisals?)\b"
    r"|\d+\.\d+\.\d+|(?:19|20)\d\d\b"
    # A clock time: "stand-ups at 9am", "8:45 registration" (not "in bed by 10:30pm").
    r"|(?<!\bby\s)(?<!\bbefore\s)(?<!\buntil\s)(?<!\btill\s)(?<![:\d.])"
    r"(?:\d{1,2}(?::\d\d)?\s?(?:am\b|pm\b|a\.m\.|p\.m\.)|\d{1,2}:\d\d\b)"
    # A split: "the 50/50 lead split".
    r"|(?:50/50|60/40|40/60|70/30|30/70|80/20|20/80|90/10|10/90)\b"
    r"|\d+(?:\.\d+)?\.x\b|\d+/7\b|1:1s?\b|\d+(?:st|nd|rd|th)\b"
    # A plan named by its section: "the 401(k) match".
    r"|\d{3}\([a-z]\)"
    r")"
    # A price that names a plan: "the $99 Starter plan", "our £5 tier".
    r"|[€$£₹]\d+(?:\.\d\d)?\s+(?:[a-z]+\s+)?(?:plan|tier|package|bundle|membership|box)\b"
)
_NAMED = re.compile(_NAMED_SOURCE, re.I)


# A release or tool version: a decimal straight after a word, with no unit after it
# ("Kubernetes 1.30 rollout", "Release 3.0"), unlike "CSAT ≥ 4.3" or "under 1.5 s". It
# starts at a word's first letter, tested first: most positions fail that one test.
_VERSION = re.compile(
    r"\b(?=[^\W\d])(?<![<>≤≥~=:])(?:[a-z][\w-]*\s+)(?<!\bat\s)(?<!\bto\s)(?<!\bunder\s)(?<!\bbelow\s)"
    r"(?<!\babove\s)(?<!\bover\s)(?<!\bfrom\s)(?<!\bof\s)(?<!\bby\s)"
    # ...nor after a word that says where a metric stands: "(currently 4.2)", "now 1.8".
    r"(?<!\bnow\s)(?<!currently\s)(?<!\btoday\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)"
    r"(?<!\bare\s)(?<!\bavg\s)(?<!average\s)(?<!baseline\s)(?<!\bvs\s)(?<!\babout\s)"
    r"(?<!\baround\s)(?<!roughly\s)(?<!\breach\s)(?<!\bhit\s)(?<!\bclosed\s)"
    r"\d+\.\d+(?![\d.%/+×★☆]|\s*(?:%|/|→|->|[<>≤≥]|(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?"
    r"|hours?|days?|weeks?|months?|years?|x|k|m|bn|mmol|mg|kg|km|stars?|points?|pts|pp|out|or"
    r"|and|to|times|percent)\b))",
    re.I,
)


# A run of digits with its separators: "1,200", "4.6", "9/10", "1:1".
DIGIT_RUN = re.compile(r"\d+(?:[.,:/]\d+)*")


# The rest of a named range: "years 5–6", "grades 3 to 5", "key stages 2 and 3".
_NAME_RANGE = re.compile(r"\s?(?:[–-]|to\s|and\s|&\s?)\s?\d+\b(?![.,]\d|\s?%)")


# How far around a number its name can reach ("key stage 3", "Kubernetes 1.30 rollout").
_BEFORE, _AFTER = 40, 16


_MAX_RUNS = 64


# A number joined to the word after it names a kind of thing: "a 3-pane editor", "12-factor
# apps", "the 1,000-piece puzzle", "a 2-day process" ("3-fold" is a multiple).
_COMPOUND = re.compile(r"\b\d+(?:,\d{3})*(?:\.\d+)?%?-(?!fold\b|times\b)[a-z][\w-]*", re.I)


# ...unless it is the level itself: "down to a 2-day process", "under a 30-second wait".
_COMPOUND_LEVEL = re.compile(
    r"\b(?:to|under|within|below|than|in|most|max|maximum|from|of)\s+(?:a|an|one)?\s*$"
)
# ...or the feat itself, held or done for that long: "hold a 2-minute plank", "a 15-minute
# conversation in Spanish" (a "15-minute stand-up" is a meeting's format, a name).
_FEAT_COMPOUND = re.compile(
    r"\d+(?:\.\d+)?-(?:second|sec|minute|min|hour)s?\s+(?:[a-z]+\s+)?"
    r"(?:planks?|conversations?|chats?|speech|talks?|presentations?|runs?|jogs?|swims?|rides?"
    r"|walks?|hikes?|meditations?|handstands?|wall\s+sits?|dead\s+hangs?|workouts?|improv"
    r"|monologues?|recitals?|performances?|sets?|solos?)\b"
)


# A capitalised word and a number, the way places, products and groups are named ("Pro 14
# laptops", "Ward 4", "Band 5", "Route 66", "Summer 24"), unless the word is a metric
# ("NPS 45") or the number has a unit or bound after it.
_CAPITAL_NAME = re.compile(r"\b([A-Z][a-z]+)\s(\d+)\b(?![.,]\d|\s?(?:%|[kKmMxX×+/<>]|-\w))")


_NAME_PATTERNS = ((_NAMED, "name"), (_VERSION, "version"), (_COMPOUND, "compound"))
# The same patterns matching case as written: on lower-case ASCII text they find exactly
# what they find ignoring case (only "ı", "ſ" and the Kelvin sign fold onto ASCII letters,
# and no capital is left), and they skip a letter that cannot start a word cheaper.
_LOWER_ASCII_PATTERNS = tuple(
    (re.compile(pattern.pattern), kind) for pattern, kind in _NAME_PATTERNS
)


# A number fused with capitals is a code that names something: "Lean 5S", "3D scans",
# "2FA", "4Ls retros"; but never a unit or a scale ("50K", "10X", "2GB", "5PM", "1ST").
_CODE = re.compile(r"(?<![\w.,])(\d+)([A-Z][A-Za-z]*)\b")
_NOT_CODES = lx.wordset(
    """k m b bn mm x kb mb gb tb pb h hr hrs d w y pm am ms km kg lb lbs min mins sec secs
    pp pt pts st nd rd th bps fps qps rps rpm"""
)


def _code_names(text: str) -> list[tuple[int, int]]:
    """The spans of the digits of code names (see ``_CODE``), unless the line shouts."""
    codes = [m for m in _CODE.finditer(text) if m.group(2).lower() not in _NOT_CODES]
    if not codes or _shouts(text):
        return []  # none, or an ALL CAPS line: "CUT P95 TO 200MS" holds units, not codes
    return [m.span(1) for m in codes]


def _shouts(text: str) -> bool:
    """Whether most of the line's letters are capitals."""
    return len(_UPPER.findall(text)) * 2 > len(_LETTER.findall(text))


_UPPER = re.compile(r"[^\W\d_a-z]")
_LETTER = re.compile(r"[^\W\d_]")


def _capital_names(text: str) -> list[tuple[int, int]]:
    """The spans of the digits in "Ward 4"-like names (see ``_CAPITAL_NAME``) and of code
    names ("Lean 5S")."""
    spans = _code_names(text)
    for m in _CAPITAL_NAME.finditer(text):
        if _names_a_place(m, text):
            spans.append(m.span(2))
    return spans


def _names_a_place(m: re.Match[str], text: str) -> bool:
    """Whether a match of ``_CAPITAL_NAME`` is a name, not a command or a metric."""
    word = m.group(1).lower()
    if m.start() == 0 and not _leads_a_name(word, text, m.end()):
        return False  # the first word is most often a command: "Upload 40 recordings"
    if verb_classes(word):
        return False
    if word in lx.METRIC_NOUNS or word in lx.RATE_WORDS or word in _NAME_SKIP:
        return False
    return not (word in lx.STOPWORDS or word in lx.NUMBER_WORDS)


def _code_at(text: str, start: int, end: int) -> bool:
    """Whether the digits ``text[start:end]`` are a code's (``_code_names`` finds them,
    the line's shouting aside): a match of ``_CODE`` starts at ``start`` exactly when it
    holds these digits, and such matches never overlap, so ``finditer`` finds this one."""
    if end >= len(text) or not "A" <= text[end] <= "Z":
        return False  # the code's letters follow its digits
    m = _CODE.match(text, start)
    return m is not None and m.end(1) == end and m.group(2).lower() not in _NOT_CODES


def _capital_at(text: str, start: int, end: int) -> bool:
    """Whether the digits ``text[start:end]`` are a "Ward 4"-like name's (``_capital_names``
    finds them): the match would start at the capital before the lower-case letters that
    end just before the one space before ``start``, and such matches never overlap."""
    if start < 3 or not "a" <= text[start - 2] <= "z":
        return False
    first = len(text[: start - 1].rstrip(_LOWER_LETTERS)) - 1  # the capital, if any
    if first < 0 or not "A" <= text[first] <= "Z":
        return False
    m = _CAPITAL_NAME.match(text, first)
    return m is not None and m.span(2) == (start, end) and _names_a_place(m, text)


_LOWER_LETTERS = "abcdefghijklmnopqrstuvwxyz"


# The words after a name's number are the thing it names ("Route 66 store reopened"),
# never what a count counts ("Print 300 raffle tickets", "Fill 6 night-shift nursing
# vacancies") or a unit.
_NAMED_THING = re.compile(r"\s([a-z]{3,})(?:-[a-z]+)*\b(?:\s([a-z]+)\b)?(?:\s([a-z]+)\b)?")


def _counted_noun(word: str) -> bool:
    """A plural a count can count: "tickets", but not "rates" or "scores"."""
    return word.endswith("s") and not word.endswith("ss") and word[:-1] not in _MEASURES


_MEASURES = frozenset({"rate", "score", "ratio", "level", "time"})


def _leads_a_name(word: str, text: str, end: int) -> bool:
    """Whether a line that opens with a capitalised word and a number opens with a name:
    the word is no plural or command, and no plural follows the number closely."""
    if word.endswith("s") and not word.endswith("ss"):
        return False
    after = _NAMED_THING.match(text, end)
    if after is None:
        return False
    thing = after.group(1)
    if any(_counted_noun(w) for w in after.groups("")):
        return False  # what a count counts: "Print 300 raffle tickets"
    return not (
        verb_classes(thing)
        or thing in lx.STOPWORDS
        or thing in lx.TIME_UNITS
        or thing in _NAME_SKIP
        or thing in ("percent", "per", "points", "more", "less", "new", "extra")
    )


_NAME_SKIP = lx.wordset(
    """score scores rating reach hit get hire hires sell win close ship run host hold make
    grow cut add sign book save lose raise lift top keep about over under nearly almost
    just only least most and or by to at in on of for from with per than"""
)


# A phone number: a leading 0 and more groups ("0800 224 117", "020-7946-0018"), or the
# North American toll-free "1-800" (and its like). No amount is written this way.
_PHONE = re.compile(r"0\d{2,4}(?:[\s-]\d{2,4}){1,3}\b|0\d{3,}\b|1-8\d\d\b(?:-\d{3}-\d{4})?")


# A number that a bound follows is a level to reach, never a name.
_LEVEL_AFTER = re.compile(
    r"\s*(?:\+(?!\w)|or\s+(?:higher|more|above|better|greater|less|lower|fewer|below|under)\b"
    r"|and\s+(?:above|up|over|higher)\b)"
)


# The same patterns for plain lines (``plain.py``): the same matches, found cheaper.
_PLAIN_NAME_PATTERNS = tuple((plain_twin(pattern), kind) for pattern, kind in _NAME_PATTERNS)
_PLAIN_RUN, _PLAIN_PHONE, _PLAIN_RANGE = map(plain_twin, (DIGIT_RUN, _PHONE, _NAME_RANGE))


# The word just before a number, when only spaces, a colon or a slash come between.
_LAST_WORD = re.compile(r"([a-z][\w-]*)[\s:/]*$")
_METRIC_WORDS = lx.METRIC_NOUNS | lx.RATE_WORDS | lx.wordset("mau dau wau gini index")


def _metric_before(low: str, start: int) -> bool:
    """Whether the word just before ``start`` names a metric ("csat 4.3", "mau 0.35")."""
    word = _LAST_WORD.search(low, max(0, start - 24), start)
    return word is not None and word.group(1) in _METRIC_WORDS


# A number that is not a year, then "to", just before a number: "1,500 to ".
_COUNT_TO = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d[\d,.]*\s?(?:k|%)?\s+to\s+$")
# The word just after a number.
_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _year_counts(low: str, start: int, end: int) -> bool:
    """Whether the number ``low[start:end]``, shaped like a year, is a count or a level as
    ``parse`` reads it: a level word leads to it ("reach 2000", "from 1500 to 2000") or,
    unless it is a recent year, it counts something ("2000 members")."""
    if end - start != 4 or not low.startswith(("19", "20"), start):
        return False
    before = _LAST_WORD.search(low, max(0, start - 24), start)
    if before is not None and before.group(1) in lx.LEVEL_BEFORE_YEAR:
        return True
    if _COUNT_TO.search(low, max(0, start - 24), start):
        return True  # "from 1,500 to 2000": a count leads to it
    if low.startswith(("201", "202", "203"), start):
        return False  # "the 2025 sales kickoff": a recent year names what follows it
    after = _NEXT_WORD.match(low, end)
    return after is not None and (
        after.group(1) in lx.METRIC_NOUNS or after.group(1) in lx.ACTIVITY_NOUNS
    )


# The metric guess and the measurable facts both ask for the same line's names: read once.
@lru_cache(maxsize=16)
def name_spans(
    low: str, text: str, plain: bool | None = None
) -> tuple[tuple[tuple[int, int], ...], bool, bool]:
    """The text with numbers that are names or versions blanked out, and whether any
    name or any version was found. Each number is looked at only in a window around it:
    searching the whole text for every kind of name made long lines slow. ``plain``:
    whether ``low`` is plain (``plain.py``), when the caller knows; every caller passes it
    the same way, so each line is read once."""
    spans: list[tuple[int, int]] = []
    named = version = False
    covered = -1
    # Names written with capitals ("Ward 4", "Lean 5S") are asked for number by number.
    capitals = len(text) == len(low) and not text.islower()
    shouts: bool | None = None
    if plain is None:
        plain = is_plain(low)
    if plain:
        patterns, runs, phones, ranges = (
            _PLAIN_NAME_PATTERNS,
            _PLAIN_RUN,
            _PLAIN_PHONE,
            _PLAIN_RANGE,
        )
    else:
        lower = low.isascii() and low.islower()
        patterns = _LOWER_ASCII_PATTERNS if lower else _NAME_PATTERNS
        runs, phones, ranges = DIGIT_RUN, _PHONE, _NAME_RANGE
    for index, run in enumerate(runs.finditer(low)):
        if index >= _MAX_RUNS:
            break  # a pasted wall of numbers: the rest count as numbers
        start, end = run.span()
        if start < covered:
            continue
        after = low[end : end + 4]
        if (after[:1] == "+" or after in (" or ", " and")) and _LEVEL_AFTER.match(low, end):
            continue  # "the module 4.3 or higher": a bar, whatever word comes before it
        phone = phones.match(low, start) if low[start] in "01" else None
        if phone is not None:  # "the 0800 224 117 hotline", "the 1-800 number"
            spans.append(phone.span())
            covered, named = phone.end(), True
            continue
        lo, hi = max(0, start - _BEFORE), min(len(low), end + _AFTER)
        for pattern, kind in patterns:
            is_version = kind == "version"
            if is_version and "." not in run.group():
                continue
            if kind == "compound" and "-" not in low[end : end + 2]:
                continue
            hit: tuple[int, int] | None = None
            for m in pattern.finditer(low, lo, hi):
                if m.start() >= end:
                    break  # every later match starts later still
                if m.end() > start:
                    hit = m.span()
                    break
            if hit and is_version and _metric_before(low, start):
                hit = None  # "CSAT 4.3", "DAU/MAU 0.35": a metric's level, not a version
            if (
                hit
                and kind == "name"
                and hit[0] < start
                and (low.startswith("%", end) or low.endswith("per ", 0, hit[0]))
            ):
                hit = None  # "core modules 54%", "points per sprint 40": a level, no name
            if hit == (start, end) and kind == "name" and _year_counts(low, start, end):
                hit = None  # "reach 2000 members", "from 1500 to 2000": a level, no year
            if (
                hit
                and kind == "compound"
                and (
                    _COMPOUND_LEVEL.search(low, start - 16, start)
                    or _FEAT_COMPOUND.match(low, start)
                )
            ):
                hit = None
            if hit is None and kind == "name" and capitals:
                if _capital_at(text, start, end):
                    hit = (start, end)
                elif _code_at(text, start, end):
                    if shouts is None:
                        shouts = _shouts(text)
                    if not shouts:
                        hit = (start, end)
            if hit is not None:
                # "version 2.0": the name covers the whole number, not only "version 2".
                span = (min(hit[0], start), max(hit[1], end))
                # "Years 5–6", "grades 3 to 5": the range names a group too.
                more = ranges.match(low, span[1])
                if more is not None:
                    span = (span[0], more.end())
                if spans and spans[-1][1] > span[0]:
                    span = (spans.pop()[0], max(span[1], covered))
                spans.append(span)
                covered = span[1]
                named, version = named or not is_version, version or is_version
    return tuple(spans), named, version


def names(low: str, text: str = "", plain: bool | None = None) -> tuple[str, bool, bool]:
    """The text with numbers that are names or versions blanked out, and whether any
    name or any version was found."""
    spans, named, version = name_spans(low, text, is_plain(low) if plain is None else plain)
    if not spans:
        return low, False, False
    parts, last = [], 0
    for start, end in spans:
        parts += [low[last:start], " "]
        last = end
    parts.append(low[last:])
    return "".join(parts), named, version
