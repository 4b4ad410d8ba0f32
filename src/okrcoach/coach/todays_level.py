"""Where a metric stands today, written beside a figure: that figure is a baseline.

"Churn 4% (now 6%)", "Headcount at 140 today", "Runway is 14 months", "from a 22%
average": each number is where the metric is or starts, never a level to reach. The
line may still name its target elsewhere.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from okrcoach.coach.parse import Quantity

_LOOKBEHIND = 64  # as far back as ``parse`` reads the words before a number


# Words that say a number is where the metric stands now, not where it should go:
# "(now 11 h)", "(currently 6)", "(was $1.8M)", "(baseline 38%)", "(today: 4 days)",
# "(vs 31% last quarter)", or just after it: "(62% today)", "(0.8% currently)",
# "(avg 96 now)", "(4 last quarter)".
_NOW_BEFORE = frozenset({"now", "currently", "was", "were", "baseline", "today", "vs", "versus"})
_MOVES = frozenset({"higher", "lower", "better", "up", "down", "faster", "slower", "more", "less"})
_NOW_AFTER = re.compile(
    r"\s+(?:today|currently|now\b(?!\s+(?:on|that|than|onwards?)\b)|right\s+now|ytd"
    r"|this\s+morning|so\s+far|to\s+date"
    r"|last\s+(?:week|month|quarter|year|term|cycle|sprint|season|test|survey|audit|run|count)"
    r"|in\s+last\s+(?:week|month|quarter|year|term)(?:'s|’s)"
    r"|at\s+(?:the\s+)?last\s+(?:audit|survey|test|count|check|review|assessment|census"
    r"|weigh-in))\b"
    # "31 → TBD": where it should go is not decided.
    r"|\s*(?:→|->)\s*(?:tbd|tbc|tba|\?)",
    re.I,
)
# The word just after such a number, for the one test that gates the pattern above.
_NOW_AFTER_WORDS = frozenset(
    {"today", "currently", "now", "last", "at", "right", "ytd", "tbd", "tbc", "tba"}
)
# Words after a number that open such a phrase only with the word named here: "to date",
# "in last year's survey", "this morning", "so far". Tested by ``in`` before the pattern.
_NOW_AFTER_IF = {"to": "date", "in": "last", "this": "morning", "so": "far"}
# "1,900 open today", "~110 per day now", "340 open lines as of today", "30% of roles
# currently off-band": a few words between the number and its "today", none of them a
# bar or a date ("3% by Q4", "90% every week starting today").
_NOW_AFTER_WORD = re.compile(
    r"(?:\s+(?!(?:to|by|under|below|above|over|at|least|most|from|target|goal|within|less"
    r"|more|than|or|starting|since|until|before|and)\b)[a-z~'’/-]+){1,4}?\s+"
    r"(?:today|currently|right\s+now|now\b(?!\s+(?:on|that|than|onwards?)\b))\b",
    re.I,
)
# "Runway is 14 months", "Error rate on the checkout API is 1.2%": a figure the line ends
# on after "is" states where things are; "is 2% or lower", "is 50 by Q4" are bars.
_ENDS_HERE = re.compile(r"\s*[.!]?\s*$")
# Where a metric sits now: "CSAT sits at 4.2", "margin stands at 9%", "hovering around 30%".
_SITS_BEFORE = re.compile(
    r"\b(?:sits|sitting|stands|standing|hovers|hovering|stuck)\s+(?:at|around|near)\s*[~≈]?\s*"
    r"[$€£₹]?$",
    re.I,
)
# Just before the number, the last measurement names it: "burned last quarter: 40%",
# "last count: 7", "latest scan: 42", "at last weigh-in: 84kg".
_LAST_BEFORE = re.compile(
    r"\b(?:last|latest|previous|prior|most\s+recent)\s+"
    r"(?:week|month|quarter|year|term|cycle|sprint|season|test|survey|audit|run|count|check"
    r"|reading|scan|review|census|weigh-in|measurement|assessment|snapshot|tally|pulse)"
    r"\s*[:=]\s*[~≈]?\s*[$€£₹]?$",
    re.I,
)
# Later in the same brackets, a word that dates the figure to now or the past: "(avg 11
# pages/week today)", "(€140k in FY24)", "(14 months in 2024)"; a target word in them
# makes it a target again ("(goal 2,000 in 2027)").
_DATED_IN_BRACKETS = re.compile(
    r"[^()]{0,32}?\b(?:today|now|currently|so\s+far|to\s+date|last\s+[a-z]+|ytd|this\s+morning"
    r"|right\s+now|class\s+of\s+(?:19|20)\d\d"
    r"|in\s+(?:fy\s?\d{2,4}|(?:19|20)\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*))"
    r"\b[^()]*\)",
    re.I,
)
# Today's figure named just before it: "faster than today's 11 h average", "from the
# current 40%", "beat our current 3.1".
_TODAYS_BEFORE = re.compile(
    r"\b(?:today'?s|today’s|(?:the|our|my|its|their)\s+current)\s+[~≈]?\s*[$€£₹]?$", re.I
)
_TARGET_IN_BRACKETS = re.compile(r"\b(?:target|goal|aim|by|to|until|before)\b|→|->", re.I)
# A line that opens on where things stand: "Current savings rate 8%", "Today's NPS 31".
# "Current customers renew at 90%" names who, and "at 90%" is a bar.
_OPENS_ON_TODAY = re.compile(
    r"^\W*(?:current|today'?s|today’s|present)\s+(?!(?:customers?|users?|clients?|members?"
    r"|staff|employees?|students?|pupils?|accounts?|subscribers?|players?|patients?)\b)",
    re.I,
)
_FIRST_DIGIT = re.compile(r"\d")
# "shrinks from a 22% average", "from an average of 40": still where it starts.
_FROM_FILLER = frozenset({"a", "an", "average", "of"})
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:an?\s+)?(?:average\s+(?:of\s+)?)?[~≈]?[$€£₹]?$", re.I)
_BAR_BEFORE = frozenset({"at", "to", "above", "below", "under", "over", "least", "most", "reach"})
# "Headcount at 140 people today" is where it sits; "to 140 people today" is a bar.
_BAR_BEFORE_NOT_AT = _BAR_BEFORE - {"at"}
# Inside brackets, an approximate figure or one from the last measurement is today's
# level, never a target: "(~340 open)", "(roughly £2.1k)", "(last test 14%)", and so is
# one the brackets open on as today's: "(current OTIF: 81%)".
_TODAY_IN_BRACKETS = re.compile(
    r"\((?:[^()]*\b(?:last|latest|previous|prior)\b[^()\d]{0,24}"
    # "(today's median: 42 minutes)", "(current OTIF: 81%)"
    r"|\s*(?:today'?s|today’s|current|currently|present)\b"
    r"(?![^()\d]{0,30}?\b(?:target|goal|aim)\b)[^()\d]{0,30}?[:=]?\s*[~≈]?\s*[$€£₹]?"
    r"|\s*(?:~|≈|about\b|around\b|roughly\b|approx\b\.?|approximately\b|c\.)\s*[^()\w]{0,2})$",
    re.I,
)


# "within 7 days instead of 28", "in 48h instead of the current 6 days": what it replaces.
_INSTEAD_BEFORE = re.compile(
    r"\binstead\s+of\s*(?:the\s+)?(?:current\s+|today'?s\s+|today’s\s+|usual\s+)?[~≈]?[$€£₹]?$",
    re.I,
)
# Brackets that open on a past period and its figure: "(Q1: 22%)", "(Q1 closed €800k)",
# "(H1 closed at $2.1M)", "(Q2 avg: 9)"; or say where things stand in a sentence: "(we're
# at ~7)", "(running at ~120/month)", "(we have 2)".
_SAID_IN_BRACKETS = re.compile(
    r"\(\s*(?:"
    r"(?:q[1-4]|h[12]|fy\s?\d{2,4}|(?:19|20)\d\d|last\s+(?:year|quarter|month|term|half))"
    r"(?:\s+(?:avg|average|median|closed|ended|finished|was|came\s+in|landed|actual|result))?"
    r"(?:\s+at)?\s*[:=]?"
    r"|(?:we'?re|we’re|we\s+are|it'?s|it’s|it\s+is|i'?m|i’m|i\s+am|running|sitting"
    r"|tracking|trending|hovering)\s+(?:at|around|on|about|near)?"
    r"|(?:we|i)\s+(?:have|had|get|got|do|did|make|made|spend|are\s+on)(?:\s+about|\s+around)?"
    r")\s*[~≈]?\s*[$€£₹]?$",
    re.I,
)


def after_from(quantity: Quantity, text: str) -> bool:
    """Whether ``quantity`` follows "from": "from 40%", "from a 22% average", "from an
    average of 11 minutes"."""
    before = quantity.before
    return before == "from" or (
        before in _FROM_FILLER and _FROM_BEFORE.search(text, 0, quantity.start) is not None
    )


def starts_here(quantity: Quantity, text: str) -> bool:
    """Whether the words around ``quantity`` mark it as today's level, a baseline: the
    line may still name a target elsewhere ("Win rate 45% (now 31%)"). A number followed
    by how it moves is the move, whatever precedes it ("HRV baseline 10% higher")."""
    if quantity.after in _MOVES:
        return False
    if quantity.before in _NOW_BEFORE:
        return True
    after = quantity.after
    if (
        after in _NOW_AFTER_WORDS or (after in _NOW_AFTER_IF and _NOW_AFTER_IF[after] in text)
    ) and _NOW_AFTER.match(text, quantity.end):
        return True
    if (
        ("today" in text or "urrently" in text or "now" in text)
        and quantity.before not in _BAR_BEFORE_NOT_AT
        and _NOW_AFTER_WORD.match(text, quantity.end)
    ):
        return True
    if quantity.before in ("is", "are") and _ENDS_HERE.match(text, quantity.end):
        return True
    start = quantity.start
    before = text[max(0, start - _LOOKBEHIND) : start]  # ``_before``, without a call
    if (
        "last" in before
        or "latest" in before
        or "previous" in before
        or "prior" in before
        or "recent" in before
    ) and _LAST_BEFORE.search(before):
        return True
    if quantity.before in ("at", "around", "near") and _SITS_BEFORE.search(before):
        return True
    opening = text[:12]
    if (
        ("urrent" in opening or "oday" in opening or "resent" in opening)
        and quantity.before not in _BAR_BEFORE
        and _OPENS_ON_TODAY.match(text)
        and ((first := _FIRST_DIGIT.search(text)) is None or first.start() >= start)
    ):
        return True
    if "instead" in before and _INSTEAD_BEFORE.search(before):
        return True
    if ("oday" in before or "urrent" in before) and _TODAYS_BEFORE.search(before):
        return True
    if "(" not in text:
        return False
    if _TODAY_IN_BRACKETS.search(before) or _SAID_IN_BRACKETS.search(before):
        return True
    opened = text.rfind("(", 0, start)
    if opened < 0 or ")" in text[opened:start]:
        return False
    dated = _DATED_IN_BRACKETS.match(text, quantity.end)
    return dated is not None and not _TARGET_IN_BRACKETS.search(text, opened, dated.end())


# A rhythm or a level in words where the line starts: "from weekly to daily", "fortnightly →
# daily", "from once a month to every week". It names where things stand, with no number
# read as one; the caller tries it only on a line that holds "from" or an arrow.
_FREQUENCY_WORD = (
    r"(?:hourly|daily|nightly|weekly|fortnightly|bi-?weekly|monthly|quarterly|yearly|annually"
    r"|never|rarely|once\s+a\s+[a-z]+|twice\s+a\s+[a-z]+|every\s+(?:other\s+)?[a-z]+)"
)
# A time or a rating where the line starts, which no quantity reads: "from 27:40 to 24:30",
# "pain from 6/10 to 3/10", "9:40 → 8:15".
_SHAPED_LEVEL = r"(?:\d{1,3}:\d\d(?::\d\d)?|\d+(?:\.\d+)?/\d+)"
WORDS_FROM = re.compile(
    rf"\bfrom\s+(?:{_FREQUENCY_WORD}|{_SHAPED_LEVEL})\s+to\b"
    rf"|(?:\b{_FREQUENCY_WORD}|(?<![\d:/.]){_SHAPED_LEVEL})\s*(?:->|=>|→|➜|➔|➡|⇒|⟶)"
    # ...or a rhythm said to be today's: "(today: twice a week)".
    rf"|\((?:today|currently|now)\b[\s:=]*{_FREQUENCY_WORD}",
    re.I,
)
