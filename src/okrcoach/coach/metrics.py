"""The metric library: for each area of work, the outcomes a task there usually serves.

Used for rewrites ("What should change once the help centre is live? e.g. 'Raise the
self-serve resolution rate from 40% to 60%'"), for alternatives to vanity counts
("instead of downloads: week-4 retention") and for learning key results (practice with
feedback, a rubric score that rises, something you can now explain).

Every example here is written to pass the coach's own review with no problem finding;
a test enumerates them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from okrcoach.coach.caching import PER_LINE
from okrcoach.coach.lexicon import wordset


@dataclass(frozen=True)
class Metric:
    """An outcome metric with an illustrative key result built on it."""

    name: str  # "self-serve resolution rate"
    example: str  # "Raise the self-serve resolution rate from 40% to 60%"


@dataclass(frozen=True)
class Area:
    name: str
    triggers: frozenset[str]
    metrics: tuple[Metric, ...]


def _m(name: str, example: str) -> Metric:
    return Metric(name, example)


AREAS: tuple[Area, ...] = (
    Area(
        "support",
        wordset(
            """help support faq ticket tickets helpdesk centre center chatbot docs macros
            agents chat chats inbox escalation escalations knowledge-base article articles
            answer answers answered respond resolve resolved complaint complaints refund
            refunds callback callbacks"""
        ),
        (
            _m(
                "self-serve resolution rate", "Raise the self-serve resolution rate from 40% to 60%"
            ),
            _m("tickets per customer", "Cut tickets per 100 customers from 12 to 8 a month"),
            _m("first-reply time", "Cut median first-reply time from 24 h to 4 h"),
            _m("customer satisfaction (CSAT)", "Raise CSAT from 4.1 to 4.6"),
        ),
    ),
    Area(
        "sales",
        wordset(
            """call calls sales lead leads prospect prospects deal deals outreach pipeline
            demo demos sdr sdrs quota crm proposal proposals pitch pitches account accounts"""
        ),
        (
            _m("win rate", "Raise the win rate on qualified deals from 18% to 25%"),
            _m(
                "meetings that become opportunities",
                "Raise demo-to-opportunity conversion from 30% to 45%",
            ),
            _m("sales cycle length", "Cut the median sales cycle from 60 to 45 days"),
            _m("new annual recurring revenue", "Grow new ARR from €400k to €550k"),
        ),
    ),
    Area(
        "marketing",
        wordset(
            """blog post posts content seo newsletter newsletters video videos webinar
            webinars campaign campaigns ads social brand podcast podcasts landing traffic
            followers downloads impressions views"""
        ),
        (
            _m(
                "visitor-to-signup conversion", "Raise visitor-to-signup conversion from 2% to 3.5%"
            ),
            _m(
                "leads that become opportunities",
                "Raise the share of leads that become opportunities from 12% to 20%",
            ),
            _m("cost per acquired customer", "Cut customer acquisition cost from €220 to €160"),
            _m(
                "week-4 retention of new sign-ups",
                "Raise week-4 retention of new sign-ups from 25% to 35%",
            ),
        ),
    ),
    Area(
        "product",
        wordset(
            """feature features onboarding signup sign-up trial activation tutorial app
            release releases launch redesign dashboard beta mvp pricing checkout billing"""
        ),
        (
            _m("activation rate", "Raise new-user activation from 35% to 50% in the first week"),
            _m(
                "feature adoption",
                "Raise weekly active use of the feature from 10% to 25% of accounts",
            ),
            _m("trial-to-paid conversion", "Raise trial-to-paid conversion from 8% to 12%"),
            _m("week-4 retention", "Raise week-4 retention from 30% to 40%"),
        ),
    ),
    Area(
        "engineering",
        wordset(
            """test tests testing bug bugs refactor qa deploy deploys deployment pipeline ci
            migration migrate infrastructure database api service services kubernetes cloud
            monitoring alerts code commits"""
        ),
        (
            _m(
                "defects found after release",
                "Cut defects found after release from 20 to 8 a month",
            ),
            _m("change failure rate", "Cut the change failure rate from 15% to 5%"),
            _m("lead time for changes", "Cut lead time for changes from 5 days to 1 day"),
            _m("uptime", "Raise monthly uptime from 99.5% to 99.9%"),
        ),
    ),
    Area(
        "performance",
        wordset("page pages website site mobile performance speed cache latency load slow"),
        (
            _m("page load time", "Cut the median page load time from 3.2 s to 1.5 s"),
            _m("p95 latency", "Cut p95 API latency from 800 ms to 300 ms"),
        ),
    ),
    Area(
        "security",
        wordset(
            """security phishing mfa sso vulnerability vulnerabilities patch patches pen
            audit audits soc iso edr access laptops keys secrets"""
        ),
        (
            _m(
                "phishing report rate",
                "Raise the share of staff who report a test phish from 30% to 70%",
            ),
            _m(
                "time to patch critical issues",
                "Cut median time to patch critical vulnerabilities from 30 to 7 days",
            ),
            _m(
                "security incidents",
                "Cut security incidents with customer impact from 4 to 0 a year",
            ),
        ),
    ),
    Area(
        "finance",
        wordset(
            """finance budget budgets invoice invoices invoicing close month-end payroll cash
            forecast forecasting expenses spend procurement suppliers payments accounts"""
        ),
        (
            _m("days to close the books", "Cut month-end close from 9 to 4 working days"),
            _m("days sales outstanding", "Cut days sales outstanding from 52 to 40"),
            _m("forecast accuracy", "Raise forecast accuracy from 85% to 95%"),
            _m("gross margin", "Raise gross margin from 58% to 63%"),
        ),
    ),
    Area(
        "people",
        wordset(
            """hire hiring recruit recruiting recruiters engineers interview interviews
            candidates onboard onboarded employees staff team culture engagement survey
            surveys managers one-on-ones 1:1s"""
        ),
        (
            _m("time to fill a role", "Cut the time to fill an open role from 60 to 40 days"),
            _m("offer acceptance rate", "Raise the offer acceptance rate from 70% to 85%"),
            _m("engagement score", "Raise the engagement score from 6.8 to 7.5"),
            _m("regretted attrition", "Cut regretted attrition from 12% to 7%"),
        ),
    ),
    Area(
        "operations",
        wordset(
            """warehouse shipping delivery deliveries orders order stock inventory supplier
            suppliers logistics process processes shifts rota fleet maintenance"""
        ),
        (
            _m("on-time delivery", "Raise on-time delivery from 88% to 96%"),
            _m("order-to-ship time", "Cut order-to-ship time from 48 h to 24 h"),
            _m("stock-outs", "Cut stock-outs from 30 to 10 a month"),
        ),
    ),
    Area(
        "education",
        wordset(
            """students student pupils pupil class classes lesson lessons teacher teachers
            course courses curriculum homework exam exams school worksheets reading"""
        ),
        (
            _m(
                "students meeting the standard",
                "Raise the share of pupils at the expected standard from 60% to 75%",
            ),
            _m("course completion", "Raise course completion from 45% to 65%"),
            _m("assessment scores", "Raise the median end-of-unit score from 58% to 70%"),
        ),
    ),
    Area(
        "speaking",
        wordset("talk talks speaking speech speeches presentation presentations conference stage"),
        (
            _m("audience rating", "Raise my average audience rating from 3.6 to 4.3 out of 5"),
            _m("talks accepted", "Get 3 of my talk proposals accepted, up from 0 last year"),
            _m(
                "self-rated nerves",
                "Lower my self-rated nerves before a talk from 8 to 4 out of 10",
            ),
        ),
    ),
    Area(
        "health",
        wordset(
            """gym running workout workouts training swim cycling steps sleep
            weight diet yoga fitness marathon half-marathon race races km strength stretch
            meditate meditation walk walking hike"""
        ),
        (
            _m("resting heart rate", "Lower my resting heart rate from 72 to 64"),
            _m("5 km time", "Cut my 5 km time from 31 to 27 minutes"),
            _m("nights of 7 hours' sleep", "Sleep at least 7 hours on 5 of 7 nights, up from 2"),
        ),
    ),
    Area(
        "community",
        wordset("community forum members meetup meetups events event volunteers volunteer"),
        (
            _m(
                "members who return",
                "Raise the share of members active again within 30 days from 20% to 35%",
            ),
            _m(
                "questions answered by members",
                "Raise the share of forum questions answered by members from 30% to 60%",
            ),
        ),
    ),
)

DEFAULT_METRIC = _m(
    "the share of people who get the result",
    "Raise the share of customers who reach the result from 40% to 55%",
)

# Alternatives to vanity counts: what to measure instead of the count.
VANITY_ALTERNATIVES: dict[str, str] = {
    "downloads": "week-4 retention of new users",
    "installs": "week-4 retention of new users",
    "followers": "clicks from social posts that become sign-ups",
    "likes": "sign-ups from social posts",
    "views": "the share of visitors who sign up",
    "pageviews": "the share of visitors who sign up",
    "visits": "the share of visitors who sign up",
    "visitors": "the share of visitors who sign up",
    "traffic": "visitor-to-signup conversion",
    "impressions": "click-through to a sign-up",
    "signups": "the share of sign-ups who activate in week one",
    "registrations": "the share of registrations who activate in week one",
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


def _hits(text: str) -> dict[int, int]:
    """For each area (by position) whose words appear in ``text``: how many of them."""
    tokens = set(text.lower().replace("/", " ").split())
    tokens |= {t.strip(".,:;!?()'\"") for t in tokens}
    hits: dict[int, int] = {}
    for token in _AREAS_BY_WORD.keys() & tokens:
        for index in _AREAS_BY_WORD[token]:
            hits[index] = hits.get(index, 0) + 1
    return hits


def areas_for(text: str) -> list[Area]:
    """The areas whose words appear in ``text``, most matches first."""
    scored = sorted((-count, index) for index, count in _hits(text).items())
    return [AREAS[index] for _, index in scored]


def suggest_metrics(text: str, limit: int = 5) -> list[str]:
    """Outcome metrics a task like ``text`` usually serves, best first (never empty)."""
    names: list[str] = []
    for area in areas_for(text):
        names += [m.name for m in area.metrics if m.name not in names]
    return (names or [DEFAULT_METRIC.name])[:limit]


@lru_cache(maxsize=PER_LINE)
def example_for(text: str) -> Metric:
    """The library's best illustrative outcome for the words of ``text``."""
    hits = _hits(text)
    if not hits:
        return DEFAULT_METRIC
    _, first = min((-count, index) for index, count in hits.items())
    return AREAS[first].metrics[0]


def vanity_alternative(term: str) -> str:
    """What to measure instead of a vanity count ("downloads" -> week-4 retention)."""
    words = term.lower().split()
    for word in reversed(words):
        for key in (word, word.rstrip("s") + "s"):
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


def outcome_kr(metric: str, baseline: float, target: float, unit: str = "") -> str:
    """A complete key result from a metric and two values: "Cut first-reply time from 24 h
    to 4 h", "Raise activation rate from 35% to 50%"; "Keep ... at" when they are equal."""
    name = metric.strip().rstrip(".")
    if target == baseline:
        return f"Keep {name} at {_number(target, unit)}"
    verb = "Raise" if target > baseline else "Cut"
    return f"{verb} {name} from {_number(baseline, unit)} to {_number(target, unit)}"
