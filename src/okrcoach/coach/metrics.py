"""The metric library: for each area of work, the outcomes a task there usually serves.

Used for rewrites ("What should change once the help centre is live? e.g. 'Raise the
self-serve resolution rate from 40% to 60%'"), for alternatives to vanity counts
("instead of downloads: week-4 retention") and for learning key results (practice with
feedback, a rubric score that rises, something you can now explain).

The areas and their metrics are in ``metric_library.py``. Every example, there and here,
is written to pass the coach's own review with no problem finding; a test enumerates them
all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from okrcoach.coach.caching import PER_LINE
from okrcoach.coach.metric_library import AREAS, DEFAULT_METRIC, Area, Metric

__all__ = [
    "AREAS",
    "DEFAULT_METRIC",
    "LEARNING_KR_TEMPLATES",
    "VANITY_ALTERNATIVES",
    "Area",
    "Metric",
    "areas_for",
    "every_example",
    "example_for",
    "learning_krs",
    "metric_phrase",
    "outcome_kr",
    "suggest_metrics",
    "vanity_alternative",
]


# Alternatives to vanity counts: what to measure instead of the count. A two-word key
# ("podcast downloads") is tried before its last word alone ("downloads").
VANITY_ALTERNATIVES: dict[str, str] = {
    "downloads": "week-4 retention of new users",
    "installs": "week-4 retention of new users",
    "podcast downloads": "the share of listeners who come back for the next episode",
    "podcast listens": "the share of listeners who come back for the next episode",
    "listens": "the share of listeners who finish an episode",
    "followers": "clicks from social posts that become sign-ups",
    "likes": "sign-ups from social posts",
    "views": "the share of visitors who sign up",
    "video views": "the share of viewers who watch to the end",
    "pageviews": "the share of visitors who sign up",
    "visits": "the share of visitors who sign up",
    "gym visits": "a measure of fitness, such as resting heart rate or a 5 km time",
    "check-ins": "a measure of fitness, such as resting heart rate or a 5 km time",
    "visitors": "the share of visitors who sign up",
    "traffic": "visitor-to-signup conversion",
    "impressions": "click-through to a sign-up",
    "signups": "the share of sign-ups who activate in week one",
    "registrations": "the share of registrations who activate in week one",
    "webinar registrations": "the share of attendees who book a demo",
    "subscribers": "the share of subscribers who open and click",
    "hours": "what those hours should produce, such as cycle time or quality",
    "meetings": "decisions made or problems solved",
    "emails": "replies that lead to a meeting",
    "calls": "the share of calls that lead to a next step",
    "posts": "sign-ups or leads the posts bring",
    "tickets": "tickets per customer, or the self-serve resolution rate",
    "features": "adoption of what shipped",
    "points": "lead time for changes, or adoption of what shipped",
    "commits": "lead time for changes, or defects after release",
    "lines": "defects after release, or lead time for changes",
    "attendees": "the share of attendees who take the next step",
    "lessons": "what pupils can now do, such as the share at the expected standard",
    "scans": "the time it takes to fix what the scans find",
    "reports": "the decisions the reports change, or the hours they save",
}

# Learning key results: growth shown, practised with feedback, or reflected on.
LEARNING_KR_TEMPLATES: tuple[str, ...] = (
    "Practise {skill} 6 times with feedback and raise my rubric score from 2 to 4 out of 5",
    "Explain {skill} to 3 colleagues and have all 3 rate my explanation 4 out of 5 or better",
    "Raise my self-assessment of {skill} from 3 to 7 out of 10",
    "Raise a mentor's rating of my {skill} from 2 to 4 out of 5 in real situations",
)


def _areas_by_word() -> dict[str, tuple[int, ...]]:
    """For each trigger word, the areas (by position in ``AREAS``) it points to."""
    found: dict[str, list[int]] = {}
    for index, area in enumerate(AREAS):
        for word in area.triggers:
            found.setdefault(word, []).append(index)
    return {word: tuple(indices) for word, indices in found.items()}


_AREAS_BY_WORD = _areas_by_word()


def _tokens(text: str) -> set[str]:
    """The words of ``text`` in lower case, with and without the punctuation around them."""
    tokens = set(text.lower().replace("/", " ").split())
    return tokens | {t.strip(".,:;!?()'\"") for t in tokens}


def _hits(text: str) -> dict[int, int]:
    """For each area (by position) whose words appear in ``text``: how many of them."""
    tokens = _tokens(text)
    hits: dict[int, int] = {}
    for token in _AREAS_BY_WORD.keys() & tokens:
        for index in _AREAS_BY_WORD[token]:
            hits[index] = hits.get(index, 0) + 1
    return hits


def areas_for(text: str) -> list[Area]:
    """The areas whose words appear in ``text``, most matches first."""
    scored = sorted((-count, index) for index, count in _hits(text).items())
    return [AREAS[index] for _, index in scored]


def _ranked(area: Area, tokens: set[str]) -> list[Metric]:
    """The area's metrics, those whose cues ``tokens`` hold most first (then in order)."""
    order = sorted(range(len(area.metrics)), key=lambda i: -len(area.metrics[i].cues & tokens))
    return [area.metrics[i] for i in order]


def suggest_metrics(text: str, limit: int = 5) -> list[str]:
    """Outcome metrics a task like ``text`` usually serves, best first (never empty)."""
    tokens = _tokens(text)
    names: list[str] = []
    for area in areas_for(text):
        names += [m.name for m in _ranked(area, tokens) if m.name not in names]
    return (names or [DEFAULT_METRIC.name])[:limit]


@lru_cache(maxsize=PER_LINE)
def example_for(text: str) -> Metric:
    """The library's best illustrative outcome for the words of ``text``: from the area
    most of its words point to, the metric whose cues it holds most."""
    hits = _hits(text)
    if not hits:
        return DEFAULT_METRIC
    _, first = min((-count, index) for index, count in hits.items())
    return _ranked(AREAS[first], _tokens(text))[0]


def vanity_alternative(term: str) -> str:
    """What to measure instead of a vanity count ("downloads" -> week-4 retention,
    "podcast downloads" -> listeners who come back)."""
    words = term.lower().split()
    for index in range(len(words) - 1, -1, -1):
        pair = " ".join(words[index - 1 : index + 1]) if index else ""
        for key in (pair, words[index], words[index].rstrip("s") + "s"):
            if key in VANITY_ALTERNATIVES:
                return VANITY_ALTERNATIVES[key]
    return "a rate, a conversion or retention that shows someone got value"


def learning_krs(skill: str) -> list[str]:
    """Learning-shaped key results for ``skill``."""
    return [template.format(skill=skill) for template in LEARNING_KR_TEMPLATES]


def every_example() -> list[str]:
    """Every illustrative key result the library can offer (for the self-consistency test)."""
    return [m.example for area in AREAS for m in area.metrics] + [DEFAULT_METRIC.example]


def _number(value: float, unit: str) -> str:
    shown = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    if not unit:
        return shown
    if unit in ("%", "k", "M"):
        return f"{shown}{unit}"
    if unit in ("€", "$", "£"):
        return f"{unit}{shown}"
    return f"{shown} {unit}"


# A metric named by the people or things it counts: "listeners who finish an episode",
# "students meeting the standard", "accounts protected by MFA".
_COUNTED_BY_CLAUSE = re.compile(r"\b(?:who|that|which)\b|\b\w+(?:ing|ed)\s+(?:by|the|on|to|a|an)\b")


def metric_phrase(metric: str, unit: str = "") -> str:
    """How a metric reads after "Raise" or "Cut": "the share of listeners who finish an
    episode" in %, "the number of ..." in a count; other names as they are."""
    name = metric.strip().rstrip(".")
    if not _COUNTED_BY_CLAUSE.search(name) or name.lower().startswith(("the ", "my ", "our ")):
        return name
    return f"the share of {name}" if unit == "%" else f"the number of {name}" if not unit else name


def outcome_kr(metric: str, baseline: float, target: float, unit: str = "") -> str:
    """A complete key result from a metric and two values: "Cut first-reply time from 24 h
    to 4 h", "Raise activation rate from 35% to 50%"; "Keep ... at" when they are equal."""
    name = metric_phrase(metric, unit)
    if target == baseline:
        return f"Keep {name} at {_number(target, unit)}"
    verb = "Raise" if target > baseline else "Cut"
    return f"{verb} {name} from {_number(baseline, unit)} to {_number(target, unit)}"
