"""The metric library's contents: areas of work, the words that point to each, and the
outcome metrics a task there usually serves, each with a key result built on it.

A metric may name its own cue words: within its area, the metric whose cues a line holds
is the one offered ("Publish 4 podcast episodes" gets the podcast's listeners, not a
website's visitors). Every example here passes the coach's own review with no problem
finding; a test enumerates them all. ``metrics.py`` reads the library.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrcoach.coach.lexicon import wordset


@dataclass(frozen=True)
class Metric:
    """An outcome metric with an illustrative key result built on it."""

    name: str  # "self-serve resolution rate"
    example: str  # "Raise the self-serve resolution rate from 40% to 60%"
    cues: frozenset[str] = frozenset()  # words that make it its area's best pick


@dataclass(frozen=True)
class Area:
    name: str
    triggers: frozenset[str]
    metrics: tuple[Metric, ...]


def _m(name: str, example: str, cues: str = "") -> Metric:
    return Metric(name, example, wordset(cues))


def _area(name: str, triggers: str, *metrics: Metric) -> Area:
    """An area: its trigger words, plus every metric's cues (a cue points to its area)."""
    words = wordset(triggers).union(*(metric.cues for metric in metrics))
    return Area(name, words, metrics)


AREAS: tuple[Area, ...] = (
    _area(
        "relationships",
        """mum mom dad parents family kids children friends friend partner wife husband
        grandparents grandma grandpa siblings sister brother""",
        _m(
            "how close I feel to my family",
            "Raise how close I feel to my family from 5 to 8 out of 10",
        ),
    ),
    _area(
        "wellbeing",
        """stress stressed calm calmer anxiety anxious mood wellbeing well-being burnout
        mornings evenings screen journaling""",
        _m(
            "self-rated stress",
            "Lower my self-rated stress on weekday mornings from 7 to 4 out of 10",
        ),
        _m(
            "screen time",
            "Cut my daily phone screen time from 4 h to 2 h",
            "screen scrolling doomscrolling",
        ),
    ),
    _area(
        "support",
        """help support faq ticket tickets helpdesk centre center chatbot docs macros agents
        chat chats inbox escalation escalations knowledge-base article articles answer
        answers answered respond resolve resolved complaint complaints refund refunds
        callback callbacks zendesk freshdesk intercom queue""",
        _m(
            "self-serve resolution rate",
            "Raise the self-serve resolution rate from 40% to 60%",
            "faq docs knowledge-base article articles chatbot self-serve",
        ),
        _m("tickets per customer", "Cut tickets per 100 customers from 12 to 8 a month"),
        _m(
            "first-reply time",
            "Cut median first-reply time from 24 h to 4 h",
            "reply replies respond response queue inbox callback callbacks",
        ),
        _m("customer satisfaction (CSAT)", "Raise CSAT from 4.1 to 4.6", "csat satisfaction"),
    ),
    _area(
        "sales",
        """call calls sales lead leads prospect prospects deal deals outreach pipeline demo
        demos sdr sdrs quota crm proposal proposals pitch pitches account accounts vendor
        region territory logos""",
        _m("win rate", "Raise the win rate on qualified deals from 18% to 25%"),
        _m(
            "meetings that become opportunities",
            "Raise demo-to-opportunity conversion from 30% to 45%",
            "demo demos meeting meetings call calls outreach sdr sdrs",
        ),
        _m("sales cycle length", "Cut the median sales cycle from 60 to 45 days", "cycle"),
        _m("new annual recurring revenue", "Grow new ARR from €400k to €550k", "arr revenue"),
    ),
    _area(
        "customer success",
        """renewal renewals churn csm csms qbr qbrs health-score adoption expansion upsell
        success""",
        _m("net revenue retention", "Raise net revenue retention from 98% to 108%"),
        _m("logo churn", "Cut monthly logo churn from 2.5% to 1.5%", "churn renewal renewals"),
    ),
    _area(
        "marketing",
        """blog post posts content seo newsletter newsletters campaign campaigns ads brand
        landing traffic impressions views visits visitors website""",
        _m(
            "visitor-to-signup conversion",
            "Raise visitor-to-signup conversion from 2% to 3.5%",
            "website landing traffic visits visitors views pageviews",
        ),
        _m(
            "leads that become opportunities",
            "Raise the share of leads that become opportunities from 12% to 20%",
            "lead leads mql mqls",
        ),
        _m("cost per acquired customer", "Cut customer acquisition cost from €220 to €160"),
        _m(
            "week-4 retention of new sign-ups",
            "Raise week-4 retention of new sign-ups from 25% to 35%",
        ),
        _m(
            "listeners who finish an episode",
            "Raise the share of listeners who finish an episode from 35% to 50%",
            "podcast podcasts episode episodes listens listeners",
        ),
        _m(
            "viewers who watch to the end",
            "Raise the share of viewers who watch our videos to the end from 20% to 35%",
            "video videos youtube reel reels",
        ),
        _m(
            "social visitors who sign up",
            "Raise click-to-signup conversion from social posts from 1.5% to 3%",
            """social followers follower following likes instagram tiktok linkedin twitter
            facebook shares""",
        ),
        _m(
            "webinar attendees who book a demo",
            "Raise the share of webinar attendees who book a demo from 5% to 12%",
            "webinar webinars event events registrations attendees",
        ),
        _m(
            "newsletter readers who start a trial",
            "Raise the share of newsletter readers who start a trial from 1% to 2.5%",
            "newsletter newsletters email emails subscribers mailing",
        ),
    ),
    _area(
        "product",
        """feature features onboarding signup sign-up trial activation tutorial app release
        releases launch redesign beta mvp pricing checkout billing desktop client mobile
        ios android""",
        _m(
            "activation rate",
            "Raise new-user activation from 35% to 50% in the first week",
            "onboarding signup sign-up signups activation tutorial",
        ),
        _m(
            "feature adoption",
            "Raise weekly active use of the feature from 10% to 25% of accounts",
            "feature features release releases",
        ),
        _m(
            "trial-to-paid conversion",
            "Raise trial-to-paid conversion from 8% to 12%",
            "trial pricing checkout billing paywall",
        ),
        _m(
            "week-4 retention",
            "Raise week-4 retention from 30% to 40%",
            """app desktop client mobile ios android download downloads downloading install
            installs""",
        ),
    ),
    _area(
        "engineering",
        """test tests testing bug bugs refactor qa deploy deploys deployment pipeline ci
        migration migrate infrastructure database api service services kubernetes cloud
        monitoring alerts code commits build builds""",
        _m(
            "defects found after release",
            "Cut defects found after release from 20 to 8 a month",
            "test tests testing bug bugs qa refactor code",
        ),
        _m(
            "change failure rate",
            "Cut the change failure rate from 15% to 5%",
            "deploy deploys deployment rollback rollbacks",
        ),
        _m(
            "lead time for changes",
            "Cut lead time for changes from 5 days to 1 day",
            "pipeline commits points story",
        ),
        _m(
            "uptime",
            "Raise monthly uptime from 99.5% to 99.9%",
            "infrastructure kubernetes cloud database monitoring alerts migration outage",
        ),
        _m(
            "CI build time",
            "Cut the median CI build time from 25 to 10 minutes",
            "ci build builds",
        ),
    ),
    _area(
        "performance",
        "page pages website site mobile performance speed cache latency load slow",
        _m("page load time", "Cut the median page load time from 3.2 s to 1.5 s"),
        _m("p95 latency", "Cut p95 API latency from 800 ms to 300 ms", "api latency"),
    ),
    _area(
        "reporting",
        """report reports reporting dashboard dashboards bi analytics looker tableau
        power-bi kpi kpis spreadsheet spreadsheets""",
        _m(
            "hours spent preparing reports",
            "Cut the hours finance spends on the monthly report pack from 30 to 8",
        ),
        _m(
            "managers who use the dashboard",
            "Raise the share of managers who open the sales dashboard weekly from 20% to 70%",
            "dashboard dashboards",
        ),
    ),
    _area(
        "security",
        """security phishing mfa sso vulnerability vulnerabilities patch patches pen audit
        audits soc iso edr access laptops keys secrets scans scan pentest""",
        _m(
            "phishing report rate",
            "Raise the share of staff who report a test phish from 30% to 70%",
            "phishing phish training awareness",
        ),
        _m(
            "time to patch critical issues",
            "Cut median time to patch critical vulnerabilities from 30 to 7 days",
            "patch patches vulnerability vulnerabilities scans scan pentest",
        ),
        _m(
            "security incidents",
            "Cut security incidents with customer impact from 4 to 0 a year",
            "incident incidents breach breaches",
        ),
        _m(
            "accounts protected by MFA",
            "Raise the share of accounts protected by MFA from 60% to 100%",
            "mfa sso access keys",
        ),
    ),
    _area(
        "finance",
        """finance budget budgets invoice invoices invoicing close month-end payroll cash
        forecast forecasting expenses spend procurement payments""",
        _m(
            "days to close the books",
            "Cut month-end close from 9 to 4 working days",
            "close month-end reconciliation reconciliations",
        ),
        _m(
            "days sales outstanding",
            "Cut days sales outstanding from 52 to 40",
            "invoice invoices invoicing collections overdue",
        ),
        _m("forecast accuracy", "Raise forecast accuracy from 85% to 95%", "forecast forecasting"),
        _m("gross margin", "Raise gross margin from 58% to 63%", "margin pricing"),
    ),
    _area(
        "people",
        """hire hiring recruit recruiting recruiters engineers interview interviews
        candidates onboard onboarded employees staff team culture engagement survey surveys
        managers one-on-ones 1:1s""",
        _m(
            "time to fill a role",
            "Cut the time to fill an open role from 60 to 40 days",
            "hire hiring recruit recruiting recruiters candidates",
        ),
        _m(
            "offer acceptance rate",
            "Raise the offer acceptance rate from 70% to 85%",
            "offer offers interview interviews",
        ),
        _m(
            "engagement score",
            "Raise the engagement score from 6.8 to 7.5",
            """engagement survey surveys culture one-on-ones 1:1s hr newsletter newsletters
            intranet all-hands town-hall""",
        ),
        _m(
            "regretted attrition",
            "Cut regretted attrition from 12% to 7%",
            "attrition leavers retention exit",
        ),
        _m(
            "trainees who use the skill at work",
            "Raise the share of trainees whose manager sees the skill used from 30% to 60%",
            "training trainings course courses learning",
        ),
    ),
    _area(
        "operations",
        """warehouse shipping delivery deliveries orders order stock inventory supplier
        suppliers logistics process processes shifts rota fleet maintenance wms erp
        picking packing carrier carriers freight""",
        _m("on-time delivery", "Raise on-time delivery from 88% to 96%", "delivery deliveries"),
        _m(
            "order-to-ship time",
            "Cut order-to-ship time from 48 h to 24 h",
            "shipping orders order packing",
        ),
        _m("stock-outs", "Cut stock-outs from 30 to 10 a month", "stock inventory"),
        _m("pick accuracy", "Raise pick accuracy from 97.5% to 99.5%", "wms picking pick"),
        _m(
            "unplanned downtime",
            "Cut unplanned machine downtime from 9% to 4% of shift hours",
            "maintenance machine machines line downtime",
        ),
        _m(
            "suppliers delivering on time",
            "Raise on-time supplier deliveries from 82% to 95%",
            "supplier suppliers vendor vendors procurement purchasing",
        ),
    ),
    _area(
        "safety",
        "safety huddle huddles injury injuries near-miss near-misses ppe hazard hazards",
        _m("lost-time injuries", "Cut lost-time injuries from 6 to 2 a year"),
    ),
    _area(
        "clinical care",
        """patient patients ward wards clinic clinics appointment appointments nurse nurses
        nursing gp hospital discharge triage beds clinical""",
        _m(
            "patient falls",
            "Cut patient falls on the ward from 6 to 2 a month",
            "ward wards falls beds nursing",
        ),
        _m(
            "waiting time",
            "Cut the median wait for a first appointment from 21 to 10 days",
            "appointment appointments clinic clinics gp triage",
        ),
        _m("readmissions", "Cut 30-day readmissions from 14% to 10%", "discharge readmissions"),
        _m(
            "missed appointments",
            "Cut missed appointments from 12% to 6%",
            "reminder reminders no-show no-shows",
        ),
    ),
    _area(
        "education",
        """students student pupils pupil class classes lesson lessons teacher teachers
        course courses curriculum homework exam exams school worksheets reading tutoring
        parent evening evenings""",
        _m(
            "students meeting the standard",
            "Raise the share of pupils at the expected standard from 60% to 75%",
        ),
        _m("course completion", "Raise course completion from 45% to 65%", "course courses"),
        _m(
            "assessment scores",
            "Raise the median end-of-unit score from 58% to 70%",
            "exam exams test tests quiz quizzes homework worksheets",
        ),
        _m("attendance", "Raise attendance from 91% to 95%", "attendance absence absences"),
    ),
    _area(
        "speaking",
        "talk talks speaking speech speeches presentation presentations conference stage",
        _m("audience rating", "Raise my average audience rating from 3.6 to 4.3 out of 5"),
        _m("talks accepted", "Get 3 of my talk proposals accepted, up from 0 last year"),
        _m(
            "self-rated nerves",
            "Lower my self-rated nerves before a talk from 8 to 4 out of 10",
        ),
    ),
    _area(
        "health",
        """gym running workout workouts training swim cycling steps sleep weight diet yoga
        fitness marathon half-marathon race races km strength stretch meditate meditation
        walk walking hike treadmill cardio""",
        _m("resting heart rate", "Lower my resting heart rate from 72 to 64", "cardio yoga"),
        _m(
            "5 km time",
            "Cut my 5 km time from 31 to 27 minutes",
            "running race races marathon half-marathon km treadmill parkrun 5k 10k",
        ),
        _m(
            "nights of 7 hours' sleep",
            "Sleep at least 7 hours on 5 of 7 nights, up from 2",
            "sleep bed bedtime",
        ),
        _m(
            "my squat weight",
            "Raise my squat from 60 kg to 80 kg for 5 reps",
            "gym strength lifting weights squat",
        ),
    ),
    _area(
        "money",
        """savings save saving debt credit-card card loan loans money spending pension
        emergency fund mortgage""",
        _m("savings rate", "Raise my savings rate from 5% to 15% of take-home pay"),
        _m(
            "debt",
            "Cut my credit card balance from £4,000 to £1,500",
            "debt credit-card card loan loans",
        ),
    ),
    _area(
        "writing",
        "book novel manuscript chapter chapters writing poems stories story essay essays",
        _m(
            "stories or articles accepted",
            "Get 2 of my short stories accepted by a magazine, up from 0 last year",
        ),
    ),
    _area(
        "languages",
        """spanish french german italian japanese mandarin chinese portuguese arabic
        language languages fluency vocabulary duolingo""",
        _m(
            "my tutor's rating of my speaking",
            "Raise my tutor's rating of my spoken Spanish from 2 to 4 out of 5",
        ),
    ),
    _area(
        "community",
        "community forum members meetup meetups events event volunteers volunteer discord",
        _m(
            "members who return",
            "Raise the share of members active again within 30 days from 20% to 35%",
        ),
        _m(
            "questions answered by members",
            "Raise the share of forum questions answered by members from 30% to 60%",
            "forum questions",
        ),
    ),
)

DEFAULT_METRIC = _m(
    "the share of people who get the result",
    "Raise the share of customers who reach the result from 40% to 55%",
)
