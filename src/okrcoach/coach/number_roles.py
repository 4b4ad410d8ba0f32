"""Which numbers in a line are levels to reach, and which only name or pick things.

A number can be a name or a version (``number_names``), or it can pick which things count
rather than say how many ("deals over $50k", "teams with 5+ seats"), point at a known set
("the 4 regions") or a window ("in their first 14 days"). ``measurability`` and the metric
guess ask this module to blank those out, and treat what is left as the line's levels.
"""

from __future__ import annotations

import re

from okrcoach.coach.bar_shapes import NUMBER_WORDS
from okrcoach.coach.number_names import name_spans
from okrcoach.coach.plain import is_plain, plain_twin

_WORK_CLASSES = frozenset({"delivery", "effort"})


# A number that picks which things count, not a level to reach: "deals over $50k",
# "invoices older than 60 days". With "every" or "100% of" in front it scopes a bar.
_SCOPE_NUMBER = re.compile(
    # A verb's -s form before the bound bounds the metric: "CPA stays under £60".
    r"(?:\b(?!(?:stays|remains|keeps|sits|stands|averages|lands|ends|comes|peaks|tops|settles"
    r"|drops|falls|dips|rises|grows|shrinks|trends|goes|gets|runs|holds|lasts|takes|is|was"
    r"|does|waits|spends|costs|weighs|scores|measures)\b)[a-z][\w-]*s|\b(?:every|each|any)\s+[a-z][\w-]*)\s+"
    r"(?:(?:over|above|under|below|worth|(?:older|larger|bigger|smaller|more)"
    r"\s+than)\s+|(?<=\s)[<>]=?\s*)[€$£₹]?\d[\d,.]*\s?"
    r"(?:k|m|bn|days?|weeks?|months?|years?|%|kb|mb|gb|tb|kg|lbs?|km|miles?)?\b",
    re.I,
)


# A number that points at a known set rather than a level to reach: "on the top 20
# articles", "across the 4 regions", "for the 12 team leads".
# Every alternative starts at a word's first letter, tested once before any of them.
_DEFINITE_SET = re.compile(
    r"\b(?=[^\W\d])(?:"
    r"(?:(?:the|our|my|their|its|these|those|all)\s+"
    r"|(?<!\bin\s)(?<!into\s)(?<!\bto\s)(?:the|our|my|their)\s+top[\s-]?)"
    r"\d+(?:,\d{3})*(?:\s+|-)(?=[a-z])(?!(?:for|in|on|of|by|at|to|with|across|and|or)\b)"
    # An amount is no set: "lose the 4 kg I put on", "recover the 2 M lost".
    r"(?!(?:kg|kgs|kilos?|lbs?|pounds|stone|km|miles?|k|m|bn|percent)\b)"
    # "teams with 5+ seats", "systems holding >10k records": which things, not how many.
    r"|(?:with|holding|having)\s+(?:[<>≥≤]\s?\d[\d,.]*\s?[km]?|\d[\d,.]*\s?[km]?\+)"
    r"\s+[a-z][\w-]*"
    r")",
    re.I,
)


# A number that says where or for whom a wish holds, not how far it goes: "happier
# customers in 3 markets", "better conversion on the 2 pricing pages", "stronger ties with
# top 20 partners". Read only when the line wishes for better and sets no amount.
_WISH_SCOPE = re.compile(
    r"\b(?:(?:in|for|on|among|across|at|with|between)\s+(?:(?:the|our|all|its|their|my)\s+)?"
    r"|(?:for|on|among|across|at|with)\s+top[\s-]?)"
    r"\d+(?:,\d{3})*\s+(?!(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|seconds?"
    r"|secs?|quarters?|sprints?|business|working|calendar|consecutive|straight)\b)"
    r"(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*s\b",
    re.I,
)


_PERIOD = r"(?:days?|weeks?|months?|quarters?|years?|terms?|sprints?)\b"
# A window that says when, not how much: "in their first 14 days", "during the first 6 weeks".
_WINDOW = re.compile(
    r"\b(?:in|during|over|for|after)\s+(?:the|their|its|his|her|my|our|your|a)\s+"
    r"(?:first|last|next|opening|final)\s+(?:\d+|" + NUMBER_WORDS + r")\s*-?\s*(?:[a-z]+)"
    # ...or the time in which an event the metric counts happens: "tickets reopened
    # within 7 days" counts reopenings, it sets no time to reach.
    r"|\b(?:re-?opened|re-?admitted|rolled\s+back|reverted|returning|churned|churning"
    r"|cancell?ed|refunded|escalated|bounced|abandoned"
    # ...or names the events themselves: "repeat contacts within 7 days", "readmissions
    # within 30 days" count what happens in that time.
    r"|repeat\s+[a-z]+|re-?admissions?|readmissions?|re-?opens|reopenings?|rollbacks"
    r"|chargebacks|dropouts?|drop-?offs?)\s+(?:with)?in\s+\d+\s*-?\s*(?:[a-z]+)"
    # ...or the stretch a metric is read over: "open rate, rolling 30 days", "deal size –
    # trailing 90 days", "acceptance rate, last 6 months", "quiz scores, first 4 weeks".
    r"|\b(?:rolling|trailing)\s+\d+\s*-?\s*"
    + _PERIOD
    + r"|(?:[,–—(:]|\s-)\s*(?:the\s+|over\s+the\s+)?"
    r"(?:last|past|first|next)\s+\d+\s*-?\s*" + _PERIOD,
    re.I,
)


def _may_window(low: str) -> bool:
    """Whether ``low`` (lower case) could hold a window: it names one of the window's
    words ("first", "within"), or holds a letter outside ASCII (ignoring case, "ſ" matches
    an "s")."""
    return (
        not low.isascii()
        or "first" in low
        or "last" in low
        or "next" in low
        or "opening" in low
        or "final" in low
        or "in " in low
        or "rolling" in low
        or "trailing" in low
        or "past" in low
    )


def not_levels(
    text: str,
    wish: bool = False,
    lowered: str | None = None,
    bare: bool = False,
    plain: bool | None = None,
) -> list[tuple[int, int]]:
    """Where ``text`` holds numbers that are names, windows or filters, not levels to
    reach: the metric guess reads its target and baseline from the other numbers only
    ("Happier customers in their first 14 days" has no target of 14). ``wish``: the line
    wishes for better without work ("Happier buyers in 3 markets" says where, not how far).
    ``lowered``: the text in lower case, when the caller has it, and ``plain``: whether
    that is plain (``plain.py``)."""
    low = text.lower() if lowered is None else lowered
    if len(low) != len(text):
        return []
    if plain is None:
        plain = is_plain(low)
    named, _, _ = name_spans(low, text, plain)
    spans: list[tuple[int, int]] = list(named)
    window, scope_number, wish_scope, _ = _PLAIN_FILTERS if plain else _FILTERS
    if _may_window(low):
        spans += [m.span() for m in window.finditer(low)]
    if (
        " than " in low
        or " over " in low
        or " above " in low
        or " under " in low
        or " below " in low
        or " >" in low
        or " <" in low
    ):
        spans += [m.span() for m in scope_number.finditer(low) if _filter(m, bare) == " "]
    if wish:
        spans += [m.span() for m in wish_scope.finditer(low)]
    elif bare and ("our " in low or "the " in low or "their " in low or "my " in low):
        # "Reading scores for our 2 feeder primaries": a metric for a known set of things.
        spans += [m.span() for m in (_PLAIN_KNOWN_SET if plain else _KNOWN_SET).finditer(low)]
    return spans


_ATTRIBUTE = re.compile(
    r"[€$£₹]|\d\s?(?:k|m|bn|days?|weeks?|months?|years?|%|kb|mb|gb|tb|kg|lbs?|km|miles?)\b"
    r"|\bthan\b"
)


# "accounts over 500 seats": what the number counts follows it. Words that merely end in
# "s" ("this year", "is met", "across sites") do not.
_PER_PERIOD_AFTER = re.compile(
    r"\s*(?:a|an|per|each|every|/)\s*(?:day|week|month|quarter|year|shift|sprint|mo|wk)\b"
)
_PLURAL_AFTER = re.compile(
    r"\s*(?!(?:this|is|was|has|its|as|us|plus|less|across|always|unless|thus|yes)\b)"
    r"[a-z][\w-]*s\b"
)


_TIME_METRIC = re.compile(
    r"\b(?:time|times|cycle|duration|turnaround|lead-time|latency|age|changeover|wait|delay"
    r"|payback|period|runway|dso|dpo|dio|mttr|mttd|mtta|mttf|mtbf|rto|rpo|aht|ttfb|p50|p90|p95|p99)\b"
)


_TIME_UNIT = re.compile(
    r"\d\s?(?:(?:business|working|calendar|school)\s+)?(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b"
)


# Things a line counts by their worth: "accounts over $50k", "deals above €25k". The money
# after them picks which ones, even when no other number is the bar ("Renewals for
# accounts over €50k"); "spend under £300" and "write-offs below £30k" bound an amount.
_POPULATION = re.compile(
    r"(?:accounts|customers|clients|deals|opportunities|opps|contracts|invoices|orders"
    r"|suppliers|vendors|claims|transactions|renewals|leads|prospects|companies|merchants"
    r"|partners|logos)\s+(?:over|above|under|below)\b"
)


def _filter(match: re.Match[str], bare: bool = False) -> str:
    """Blank a number that picks which things count by what they are worth, how old or
    how big they are ("deals over $50k", "tickets older than 3 days", "accounts over 500
    seats"), but keep a bound on how many there are ("Escaped defects below 3 per release").
    ``bare``: the line names a metric and no work; its one amount of money is then the bar
    ("Bad debt write-offs under £30k", "CAC for self-serve plans below €180")."""
    found = match.group()
    line = match.string
    # The unit may follow: "15 minutes", "3 business days".
    around = line[match.start() : match.end() + 18]
    # The metric may be the filter's own noun ("Delivery times under 2 days"): the rest of
    # the match is a bound and a number, which hold no such word.
    if _TIME_UNIT.search(around) and _TIME_METRIC.search(line, 0, match.end()):
        return found  # "Sales cycle for SMB deals under 30 days": the bound on the cycle
    plural = _PLURAL_AFTER.match(line, match.end())
    if plural is not None and not _PER_PERIOD_AFTER.match(line, plural.end()):
        return " "  # "accounts over 500 seats"; "complaints below 50 tickets a month" bounds
    if bare and _MONEY.search(found) and not _POPULATION.match(found):
        rest = _DATE.sub(" ", line[: match.start()] + " " + line[match.end() :])
        if not any(c.isdigit() for c in rest):
            return found
    return " " if _ATTRIBUTE.search(found) else found


# Money after "over/under/below": "[€$£₹]180", "30k" without a time or size unit.
_MONEY = re.compile(r"[€$£₹]\s?\d|(?:over|above|under|below|worth)\s+\d[\d,.]*\s?(?:k|m|bn)\b")
# A date or a period, not another amount: "by Q3", "in H2", "FY26", "in 2026".
_DATE = re.compile(r"\b(?:q[1-4]|h[12]|fy\d{2,4}|(?:19|20)\d\d)\b")


def picks_by_size(unnamed: str) -> bool:
    """Whether a number in ``unnamed`` picks things by their size, worth or age ("invoices
    older than 45 days", "deals over $50k"), as ``unscoped`` reads such filters."""
    return _SCOPE_NUMBER.search(unnamed) is not None


def unscoped(
    unnamed: str,
    scope_cue: bool,
    classes: frozenset[str],
    wish: bool = False,
    plain: bool | None = None,
) -> str:
    """``unnamed`` with the numbers that pick, point at or window things blanked out.
    ``scope_cue``: the line holds a word such filters need ("over", "under", "than");
    ``classes``: its predicate's verb classes ("Migrate the 40 services" is a count);
    ``wish``: the line wishes for better ("happier", "improve") without saying how much;
    ``plain``: whether ``unnamed`` is plain (``plain.py``), when the caller knows."""
    bare = not classes and not wish  # no predicate and no wish: a metric and its bar
    window, scope_number, wish_scope, definite_set = (
        _PLAIN_FILTERS if (is_plain(unnamed) if plain is None else plain) else _FILTERS
    )
    scoped = scope_number.sub(lambda m: _filter(m, bare), unnamed) if scope_cue else unnamed
    if _may_window(scoped):
        scoped = window.sub(" ", scoped)
    if not classes & _WORK_CLASSES:
        scoped = definite_set.sub(" ", scoped)
        if wish:
            scoped = wish_scope.sub(" ", scoped)
    elif "the " in scoped or "our " in scoped or "my " in scoped or "their " in scoped:
        scoped = (_PLAIN_KNOWN_FEW if plain else _KNOWN_FEW).sub(" ", scoped)
    return scoped


# Work on a few things the line points at ("Migrate the 3 legacy services", "Set up alerts
# in our 2 EU regions") names which ones, it sets no count to reach; "all 4 offices" covers
# them, and "the 40 cron jobs" is a count of work.
_KNOWN_FEW = re.compile(
    r"\b(?:the|our|my|their|its)\s+[1-5](?:\s+|-)(?=[a-z])"
    # "the 3 month-end reconciliations": a time word joined to the next one describes them.
    r"(?!(?:for|in|on|of|by|at|to|with|across|and|or|x|times|minutes?|hours?|days?|weeks?"
    r"|months?|quarters?|years?|sprints?|terms?)\b(?!-[a-z]))",
    re.I,
)
_PLAIN_KNOWN_FEW = plain_twin(_KNOWN_FEW)


# A known set a metric is read for: "for our 2 feeder primaries", "across the 4 regions".
_KNOWN_SET = re.compile(
    r"\b(?:for|across|among|in|at)\s+(?:the|our|their|my)\s+\d+\s+"
    r"(?!(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|seconds?|quarters?)\b)"
    r"(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*s\b",
    re.I,
)
_PLAIN_KNOWN_SET = plain_twin(_KNOWN_SET)


# The patterns that pick, point at or window things, and the same for plain lines.
_FILTERS = (_WINDOW, _SCOPE_NUMBER, _WISH_SCOPE, _DEFINITE_SET)
_PLAIN_FILTERS = (
    plain_twin(_WINDOW),
    plain_twin(_SCOPE_NUMBER),
    plain_twin(_WISH_SCOPE),
    plain_twin(_DEFINITE_SET),
)
