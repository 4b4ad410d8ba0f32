"""Evidence for the fitted models: named features of a reading, each with plain words.

A feature is a fact about the sentence ("the predicate is a verb that delivers work",
"a percentage of a count", "the word 'webinars'"). The models in ``model.py`` weigh
them with weights fitted on the labelled corpus; whatever tips a decision is shown to
the user as the feature's words, so every answer can say why.

Word features (``w:``) are the user's own words, kept weakly weighted by strong
regularisation: the interpretable features carry the concept, the words only refine.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from operator import itemgetter

from okrcoach.coach import lexicon as lx
from okrcoach.coach.caching import PER_LINE
from okrcoach.coach.measurability import measurable_evidence
from okrcoach.coach.reading import LINE_CUES, Reading, reading
from okrcoach.coach.words import VERB_CLASS_NAMES
from okrcoach.domain.models import MetricKind

__all__ = [
    "WORD",
    "Evidence",
    "goal_evidence",
    "kr_evidence",
    "measurable_evidence",
    "objective_evidence",
]

Evidence = dict[str, tuple[float, str]]
# The words of a single-word feature are made from its name only when shown (model.py).
WORD = "\x00word"

_WORD_STOP = lx.STOPWORDS | lx.wordset("we i will kr key result q1 q2 q3 q4 by end")
_GENERIC = lx.wordset(
    """be become better best good great more things everything stuff all improve improved do
    make get grow growth success successful excellent awesome amazing world-class win winning
    well further next level new way ways it us we our ourselves work stronger bigger faster"""
)
_NEGATIVE = lx.wordset(
    """stop stopping quit avoid avoiding prevent no not never don't dont cannot can't fewer
    lose losing lost waste wasting failing fail failure blame fault lazy sloppy mistakes
    problems complaining complaints excuses nothing bad worst terrible"""
)
# Praise that names no change: "world-class support", "sales excellence", "amazing
# experiences", "really pop".
SUPERLATIVE = lx.wordset(
    """world-class best-in-class excellence excellent amazing awesome incredible outstanding
    exceptional stellar top-notch next-level epic legendary fantastic brilliant superb
    wow pop rockstar ninja"""
)
# A skill already held, put to use for a result: "use my video-editing skills to finish",
# "put my Portuguese to work", "drawing on knowledge I already have", "as a confident cook".
_HELD_SKILL = re.compile(
    r"\b(?:use|using|put|putting|apply|applying|draw\s+on|drawing\s+on|leverage|leveraging)"
    r"\s+(?:my|our|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:skills?|knowledge|experience"
    r"|expertise|know-how)\b|\bput\s+(?:my|our)\s+[\w-]+\s+to\s+work\b"
    r"|\bas\s+an?\s+(?:confident|experienced|seasoned|fluent|certified|skilled|qualified)\s+[a-z]+"
    r"|\b(?:i|we)\s+already\s+(?:have|know|hold|master)\b|\balready\s+have\s+down\b"
)
# Grand words that promise everything and name no change: "to new heights", "unlock the
# full potential", "transform operations for the future", "my healthiest, happiest life".
_GRAND = re.compile(
    r"\b(?:to\s+new\s+heights|full\s+potential|chang(?:e|es|ing)\s+the\s+world|for\s+the\s+future"
    r"|next\s+level|game[- ]chang\w*|revolutioni[sz]\w*|reimagin\w*|transform(?:s|ed|ing)?\b"
    r"|unlock\w*|synerg\w*|value\s+creation|total\s+[a-z]+|ultimate|limitless|holistic"
    r"|paradigm\w*|(?:best|healthiest|happiest)\s+(?:version|life|self))"
)
# The work said with what it is for: "Launch offline mode so inspectors can finish reports",
# "Automate approvals so managers spend minutes on them", "in order to".
_PURPOSE = re.compile(
    r"\bso\s+that\b|\bin\s+order\s+to\b"
    r"|\bso\s+(?:we|they|you|i|our|their|its|every|each|all|customers?|users?|staff|managers?"
    r"|people|teams?|students?|pupils?|patients?|buyers?|clients?|agents?|engineers?|reps?)\b"
    r"|\bso\s+(?:[a-z'’-]+\s+){1,3}?(?:can|could|will|would|never|always|no\s+longer|actually"
    r"|finally)\b"
)
_CREDENTIAL = lx.wordset(
    """exam exams certification certifications certificate certified cert license licence
    accreditation accredited qualification diploma degree test grade badge belt"""
)
_RESULT_WORDS = lx.wordset(
    """win won sell sold ship shipped close closed hit beat pass passed earn earned finish
    finished complete run deliver land secure rank qualify medal podium record pb marathon
    race tournament championship quota"""
)
_LEARNING_ACTS = lx.wordset(
    """course courses class classes bootcamp workshop workshops mentor mentoring mentorship
    coach coaching tutor tutoring lessons lesson book books reading study studying practice
    practise practising practicing drills exercises shadow shadowing pairing pair apprentice
    apprenticeship curriculum module modules tutorial tutorials"""
)
_GROWTH_ADJ = lx.LEARNING_ADJECTIVES | lx.wordset("comfortable fluent conversational literate")
_QUALIFIERS = lx.wordset(
    """paying paid active activated retained returning repeat qualified engaged net weekly
    monthly daily recurring loyal converted successful"""
)
# Words before a count of people or things that keep only those who got value (each one
# of ``_QUALIFIERS``).
_VALUED = lx.wordset(
    "paying active activated retained returning repeat qualified engaged converted loyal"
)
_COUNT_OF_WORK = lx.ACTIVITY_NOUNS | lx.wordset(
    """hours hires candidates recruits roadshows doors outreach touchpoints followups
    follow-ups contacts prospects leads pitches assets commits prs deploys deployments
    releases tickets"""
)
# Points a score moves by, not story points: "up 10 points", "by 5 points", "+8 points".
_POINTS_MOVED = re.compile(
    r"(?:\b(?:up|down|by|gains?|rises?|falls?)\s+|[+−-])\d+(?:\.\d+)?\s*points\b"
)
# People, not documents: "my reports", "her direct reports".
_PEOPLE_REPORTS = re.compile(r"\b(?:my|his|her|their|direct)\s+reports\b")
_FILLER_Q = re.compile(r"\d")
_NO_TOKENS: frozenset[str] = frozenset()
_UNIT = itemgetter(1)  # a quantity's unit


_STATE_SUFFIXES = ("less", "ful", "able", "ible")
# Units of effort people spend or produce: counted, they measure work, not its effect.
_EFFORT_UNITS = _COUNT_OF_WORK | lx.wordset(
    """hours minutes days shifts sessions visits walks laps miles kilometres kilometers km
    mileage steps reps sets entries check-ins checkins emails messages texts inmails dms
    chats coffees drawings sketches handouts worksheets recordings uploads labels maps
    assemblies trainings workshops classes lessons pages words chapters articles posts
    blogs videos episodes tweets threads stories newsletters mailings flyers leaflets calls
    dials touches sequences cadences outreaches applications submissions proposals quotes
    audits inspections reviews assessments screens screenings interviews deliveries"""
)
# Lengths of time measure results as often as effort ("from 8 to 3 days", "migraine days").
_WORK_UNITS = _EFFORT_UNITS - lx.wordset("hours minutes days")
# How something comes across: "Make our website feel modern", "Pages look clean".
_PERCEIVED = lx.wordset("feel feels look looks seem seems sound sounds")
_PEOPLE = lx.wordset(
    """customers customer users user students student pupils pupil employees employee staff
    managers manager buyers buyer members member patients patient readers reader learners
    learner teams team reps agents agent engineers engineer developers developer clients client
    parents parent volunteers volunteer donors donor subscribers subscriber candidates hires
    teachers teacher nurses nurse players player athletes shoppers visitors guests partners
    accounts workspaces tenants households families residents citizens colleagues leaders"""
)
_HEAD_STOPS = lx.wordset(
    """up down from to by at in on of per a an the is are was were will be reach reaches hit
    hits under over above below within less more fewer than least rises drops falls grows
    doubles halves stays remains goes gets average averages"""
)


# What a noun that heads what a line measures is (any other word: "other"). A word in
# several lists is the first of vanity, effort, metric, people, deliverable (listed here
# last to first, so the first one written over the others stays).
_HEAD_CLASSES = {
    token: cls
    for cls, table in (
        ("deliverable", lx.DELIVERABLE_NOUNS),
        ("people", _PEOPLE),
        ("metric", lx.RATE_WORDS | lx.METRIC_NOUNS),
        ("effort", _EFFORT_UNITS),
        ("vanity", lx.VANITY_NOUNS),
    )
    for token in table
}


def _heads(read: Reading, evidence: Evidence) -> None:
    """The noun a number or a change is about: "emails" in "Cold emails: 80 -> 120"."""
    tokens = read.tokens
    if read.predicate and read.predicate_index == read.sig.lead_index and not read.subject_first:
        start = read.predicate_index + 1
        for tok in tokens[start : start + 6]:
            if tok in lx.STOPWORDS or (not tok.isalpha() and _FILLER_Q.search(tok)):
                continue
            if tok in _HEAD_STOPS:
                break
            cls = _HEAD_CLASSES.get(tok, "other")
            if cls != "other":
                evidence[f"object:{cls}"] = (
                    1.0,
                    f'what it acts on, "{tok}", is {_HEAD_WORDS[cls]}',
                )
                break
        return
    head = ""
    for tok in tokens:
        if tok in _HEAD_STOPS or (not tok.isalpha() and _FILLER_Q.search(tok)):
            if head:
                break
            continue
        if tok not in lx.STOPWORDS:
            head = tok
    if head:
        cls = _HEAD_CLASSES.get(head, "other")
        evidence[f"head:{cls}"] = (1.0, f'what it measures, "{head}", is {_HEAD_WORDS[cls]}')


_HEAD_WORDS = {
    "vanity": "a count of attention",
    "effort": "a unit of effort",
    "metric": "a result metric",
    "people": "people whose behaviour changes",
    "deliverable": "a thing to make",
    "other": "a thing",
}


def _words(read: Reading, evidence: Evidence, weight: float = 1.0) -> None:
    tokens = read.tokens
    value = (weight, WORD)
    # Tokens with a digit in them ("4%", "q3") say nothing as words; each is checked once
    # (a line without a digit has none: its tokens are pieces of it).
    numeric = (
        {tok for tok in tokens if not tok.isalpha() and _FILLER_Q.search(tok)}
        if read.digit
        else _NO_TOKENS
    )
    for tok in dict.fromkeys(tokens):
        if tok not in _WORD_STOP and tok not in numeric:
            evidence[f"w:{tok}"] = value
    for first, second in itertools.pairwise(tokens):
        if (first in _WORD_STOP and second in _WORD_STOP) or first in numeric or second in numeric:
            continue
        evidence[f"b:{first} {second}"] = value


# Facts that are weighed but never shown on their own.
_UNWORDED = (1.0, "")
_SIDE_VERB = (0.5, "")


def _predicate(read: Reading, evidence: Evidence) -> None:
    verb = read.predicate
    if not verb:
        evidence["pred:none"] = (1.0, "no verb says what changes or what is done")
        return
    where = (
        "lead"
        if read.predicate_index == read.sig.lead_index and not read.subject_first
        else "later"
    )
    for name in read.predicate_classes:
        words = _CLASS_WORDS.get(name, name)
        plain, placed = _PREDICATE_NAMES[name, where]
        evidence[plain] = _UNWORDED  # the same fact as below, said once
        evidence[placed] = (
            1.0,
            f'"{verb}" {words}, after its subject'
            if where == "later"
            else f'it starts with "{verb}", which {words}',
        )
    if read.subject_first:
        evidence["subject-first"] = (1.0, f'a subject comes first and then "{verb}"')
    if read.pronoun_subject:
        evidence["person-subject"] = (1.0, "a person or team is the subject: it says what they do")
    evidence[f"v:{verb}"] = (0.5, WORD)


_CLASS_WORDS = {
    "increase": "moves a number up",
    "decrease": "moves a number down",
    "reach": "names a level to reach",
    "maintain": "keeps a level",
    "vague": "wishes for change without a size",
    "delivery": "is work done or delivered",
    "learning": "is about building ability",
    "effort": "spends effort",
}
# Each verb class's feature names, made once: (class, where) -> (plain, placed).
_PREDICATE_NAMES = {
    (name, where): (f"pred:{name}", f"pred:{name}@{where}")
    for name in VERB_CLASS_NAMES
    for where in ("lead", "later")
}
_SIDE_NAMES = {name: f"verb-any:{name}" for name in VERB_CLASS_NAMES}


def _shared(read: Reading, evidence: Evidence) -> None:
    sig = read.sig
    guess = sig.guess
    _predicate(read, evidence)
    for _, _, cls in read.verbs[1:4]:
        for c in cls:
            evidence[_SIDE_NAMES[c]] = _SIDE_VERB  # weighed, but a side verb is no reason
    wish = read.wish
    if sig.lead in lx.CAUSATIVE_VERBS and (
        wish
        or any(
            True
            for t in sig.tokens[sig.lead_index + 1 :]
            if t in lx.STATE_WORDS or t.endswith(_STATE_SUFFIXES) or t in _PERCEIVED
        )
    ):
        evidence["causes-state"] = (1.0, f'"{sig.lead}" brings about a state people will notice')
    if wish:
        evidence["comparative"] = (1.0, f'"{wish}" wants a change in how much or how well')
    if sig.rate:
        evidence["rate"] = (1.0, "it measures a rate or ratio")
    if sig.metric_nouns:
        evidence["metric-noun"] = (1.0, f'it names a metric ("{sig.metric_nouns[0]}")')
    if sig.activity:
        evidence["activity-count"] = (1.0, f'it counts activity ("{sig.activity}")')
    if sig.effort_head:
        evidence["effort-head"] = (1.0, "what it counts is effort")
    if sig.done_state or read.done_participle:
        state = sig.done_state or read.done_participle
        evidence["done-state"] = (1.0, f'it reports work done ("{state}")')
    if sig.passive_change:
        evidence["passive-change"] = (1.0, f'"{sig.passive_change}" reports a number moved')
    if sig.deliverable:
        evidence["deliverable"] = (1.0, "it names a thing to make")
    if sig.deadline:
        evidence["deadline"] = (1.0, "it sets a deadline")
    if sig.milestone:
        evidence["milestone"] = (1.0, "it names a milestone (a beta, an MVP)")
    if sig.comparator:
        evidence["bound"] = (1.0, _BOUND_WORDS)
    if guess.baseline is not None and guess.target is not None:
        evidence["from-to"] = (1.0, "it moves a value from a start to a target")
    elif guess.target is not None:
        evidence["target"] = (1.0, "it names a target")
    if guess.factor is not None or read.multiply:
        evidence["factor"] = (1.0, "it multiplies a value (doubles, halves)")
    if guess.change is not None:
        evidence["change"] = (1.0, "it names the size of a change")
    name, words = _KIND_FEATURES[guess.metric_kind]
    evidence[name] = (1.0, words)
    if "" in map(_UNIT, sig.quantities):  # ``sig.count_quantity``, without a call in Python
        evidence["q:count"] = (1.0, "it counts things")
    if not sig.quantities:
        evidence["no-number"] = (1.0, "it has no number")
    if read.up_down:
        evidence["up-down"] = (1.0, "it says how far a number moves (up 25%, +25%)")
    if read.arrow:
        evidence["arrow"] = (1.0, "an arrow moves a value from a start to a target")
    if read.ability:
        evidence["ability"] = (1.0, "it is about being able to do something")
    if read.modal:
        evidence["modal"] = (1.0, "it says what will or should happen")
    for phrase in read.phrases:
        name, fact = _PHRASE_FEATURES.get(phrase) or (f"p:{phrase}", _UNWORDED)
        evidence[name] = fact
    tokens = read.tokens
    qualified = not _QUALIFIERS.isdisjoint(tokens)
    if qualified:
        word = next(t for t in tokens if t in _QUALIFIERS)
        evidence["qualified-count"] = (1.0, f'it counts only "{word}" people or things')
    if not lx.VANITY_NOUNS.isdisjoint(tokens):
        word = next(t for t in tokens if t in lx.VANITY_NOUNS)
        evidence["vanity-noun"] = (1.0, f'"{word}" grows with effort or popularity')
        # "150 paying newsletter subscribers", "active users": only those who got value.
        if qualified and not _VALUED.isdisjoint(tokens):
            index = tokens.index(word)
            valued = [t for t in tokens[max(0, index - 2) : index] if t in _VALUED]
            if valued:
                evidence["valued-count"] = (
                    1.0,
                    f'it counts only "{valued[0]} {word}", who show value',
                )
    if not _WORK_UNITS.isdisjoint(tokens):
        word = next(t for t in tokens if t in _WORK_UNITS)
        if (word != "points" or not _POINTS_MOVED.search(read.lowered)) and (
            word != "reports" or not _PEOPLE_REPORTS.search(read.lowered)
        ):
            evidence["work-noun"] = (1.0, f'"{word}" is a unit of work')
    if not lx.DONE_STATES.isdisjoint(tokens):
        evidence["done-word"] = (1.0, "a word says something is done")
    if read.held & _FEAT_BITS and _feat(read):
        evidence["feat"] = _FEAT_FACT
    length = len(tokens)
    evidence["len:short" if length <= 3 else "len:long" if length > 12 else "len:mid"] = _UNWORDED


# A feat done to a standard is a result of training, not work: "Run 5 km without
# stopping", "Hold a 2-minute plank", "Swim 1 km non-stop", "Finish a half marathon". The
# same verb over a period is a habit's volume ("Run 30 km a week", "Run 1,000 km this
# year"), and "Run 10k scans" counts scans.
_FEAT_CUES = (
    *("km", "mile", "marathon", "5k", "0k", "ironman", "triathlon", "-up", "plank", "handstand"),
    *("stopping", "walking", "non-stop", "nonstop", "unassisted", "sub-", "sub "),
)
_FEAT_BITS = LINE_CUES.add([_FEAT_CUES]).bits(_FEAT_CUES)
_FEAT_VERBS = lx.wordset("run swim cycle ride hike climb hold do complete finish row walk")
_FEAT = re.compile(
    r"\d\s?(?:km\b|miles?\b)|(?<![$€£\d,.])(?:5|10|15|21|42)\s?k\b(?!\s+(?:[a-z]+\s+)?[a-z]+s\b)"
    r"|marathon|ironman|triathlon"
    r"|\b(?:pull|push|chin|sit)-?ups?\b|\bplanks?\b|handstand|without\s+(?:stopping|walking)"
    r"|\bnon-?stop\b|\bunassisted\b|\bsub[\s-]?\d",
    re.I,
)
_FEAT_VOLUME = re.compile(
    r"\b(?:a|per|each|every)\s+(?:day|week|month|year|weekend)\b|\bthis\s+(?:year|month)\b"
    r"|\b(?:daily|weekly|monthly|nightly)\b|\bin\s+(?:total|20\d\d)\b|/\s?(?:wk|week|day|mo)",
    re.I,
)
_FEAT_FACT = (1.0, "it sets a standard for a feat (a distance, a time, without stopping)")


def _feat(read: Reading) -> bool:
    return (
        read.tokens[0] in _FEAT_VERBS
        and _FEAT.search(read.lowered) is not None
        and _FEAT_VOLUME.search(read.lowered) is None
    )


# A bound read from its comparator or from a phrase ("or above") is said one way, so the
# reasons never give it twice.
_BOUND_WORDS = "it sets a bound to stay within (under, at least, or above)"
_PHRASE_WORDS = {
    "set-up": 'it sets something up ("set up")',
    "roll-out": 'it rolls something out ("roll out")',
    "go-live": "it reports something going live",
    "in-place": "it reports something in place",
    "reach-out": 'it counts contact made ("reach out")',
    "follow-up": 'it is a follow-up to do ("follow up")',
    "sign-up": 'people sign up ("sign up")',
    "per-time": "it counts per day, week or month",
    "within-time": "it sets a time limit (within N)",
    "from-to": "it moves a value from a start to a target",
    "at-least": "it sets a floor or ceiling (at least, or more)",
    "or-above": _BOUND_WORDS,
    "by-date": "it sets a date to be done by",
    "percent-of": "it sets a share of a group (N% of)",
    "all-of": "it covers all or every one of a group",
}
# The feature names and facts above made once, not on every line: (name, (1.0, words)).
_PHRASE_FEATURES = {
    phrase: (f"p:{phrase}", (1.0, words)) for phrase, words in _PHRASE_WORDS.items()
}
_QUANTITY_WORDS = {
    "percent": "it names a percentage",
    "currency": "it names an amount of money",
    "time": "it names a length of time",
    "count": "it names a count",
    "none": "it names no quantity it could measure",
    "milestone": "it names a done-or-not milestone",
    "ratio": "it names a ratio",
    "number": "it names a number",
}
# Each kind of quantity a guess can hold (or none): its feature and words, made once.
_KIND_FEATURES: dict[MetricKind | None, tuple[str, str]] = {
    kind: (f"q:{name}", _QUANTITY_WORDS.get(name, f"it names a {name} value"))
    for kind, name in [(None, "none"), *((k, k.value) for k in MetricKind)]
}


@lru_cache(maxsize=PER_LINE)
def kr_evidence(text: str) -> Evidence:
    """Features for a key result's kind (outcome or task) and vanity."""
    read = reading(text)
    evidence: Evidence = {}
    if not read.tokens:
        return evidence
    _shared(read, evidence)
    _heads(read, evidence)
    _combined(read, evidence)
    if "m:only-named-numbers" in measurable_evidence(text):
        evidence["named-numbers"] = (1.0, 'its numbers are names ("v2", "Year 10"), not amounts')
    _words(read, evidence)
    return evidence


_MOVED = ("up-down", "arrow", "from-to", "change", "factor", "pred:increase", "passive-change")
_WORK_COUNTED = ("activity-count", "object:effort", "head:effort", "effort-head")
_SERVICE_TIME = lx.wordset("within same next")


def _combined(read: Reading, evidence: Evidence) -> None:
    """Facts that only mean something together: a count of work that moves is still work
    ("Outbound calls from 50 to 80 a week"), work reported done within a time is a service
    level people feel ("Refund requests resolved same day")."""
    done = read.done_participle if read.predicate_index < 0 else ""
    if any(map(evidence.__contains__, _MOVED)) and (
        done or any(map(evidence.__contains__, _WORK_COUNTED))
    ):
        evidence["moved-work"] = (1.0, "the number it moves counts work done, not its effect")
    if done:
        at = read.tokens.index(done)
        if at and read.tokens[at - 1].endswith("s") and read.tokens[at - 1] not in lx.RATE_WORDS:
            noun = read.tokens[at - 1]
            evidence["done-count"] = (1.0, f'it counts "{noun}" {done}: work done, not its effect')
    if done and (
        not _SERVICE_TIME.isdisjoint(read.tokens)
        or not read.phrases.isdisjoint(("within-time", "percent-of"))
    ):
        evidence["service-level"] = (1.0, f'"{done}" within a time is a service level people feel')


@lru_cache(maxsize=PER_LINE)
def goal_evidence(text: str) -> Evidence:
    """Features for learning or performance."""
    read = reading(text)
    evidence: Evidence = {}
    if not read.tokens:
        return evidence
    _shared(read, evidence)
    tokens = read.tokens
    if not _CREDENTIAL.isdisjoint(tokens):
        word = next(t for t in tokens if t in _CREDENTIAL)
        evidence["credential"] = (1.0, f'"{word}": the credential is the result')
    if not _LEARNING_ACTS.isdisjoint(tokens):
        word = next(t for t in tokens if t in _LEARNING_ACTS)
        evidence["learning-act"] = (1.0, f'"{word}" is a way of learning')
    if not _GROWTH_ADJ.isdisjoint(tokens):
        word = next(t for t in tokens if t in _GROWTH_ADJ)
        evidence["growth-word"] = (1.0, f'"{word}" describes growth in a person')
    if not lx.LEARNING_NOUNS.isdisjoint(tokens):
        word = next(t for t in tokens if t in lx.LEARNING_NOUNS)
        evidence["learning-noun"] = (1.0, f'"{word}" is about ability')
    if not _RESULT_WORDS.isdisjoint(tokens):
        word = next(t for t in tokens if t in _RESULT_WORDS)
        evidence["result-word"] = (1.0, f'"{word}" is a result to deliver')
    for _, base, classes in read.verbs:
        if "learning" in classes:
            evidence["learning-verb"] = (1.0, f'"{base}" is about building ability')
            break
    held = _HELD_SKILL.search(read.lowered)
    if held:
        evidence["held-skill"] = (1.0, f'"{held.group()}": it puts a skill already held to use')
    _words(read, evidence)
    return evidence


@lru_cache(maxsize=PER_LINE)
def objective_evidence(text: str) -> Evidence:
    """Features for whether an objective is ready, or one a coach would send back."""
    read = reading(text)
    evidence: Evidence = {}
    if not read.tokens:
        return evidence
    _shared(read, evidence)
    tokens = read.tokens
    content = [t for t in tokens if t not in lx.STOPWORDS and t not in _GENERIC]
    if not content:
        evidence["generic"] = (1.0, "it names nothing specific: no one and nothing")
    elif len(content) == 1:
        evidence["nearly-generic"] = (1.0, f'only "{content[0]}" says what it is about')
    if not _NEGATIVE.isdisjoint(tokens):
        word = next(t for t in tokens if t in _NEGATIVE)
        evidence["negative"] = (1.0, f'"{word}" frames it as something to stop or avoid')
    if tokens[0] in lx.BAU_WORDS or read.predicate in lx.BAU_WORDS:
        verb = tokens[0] if tokens[0] in lx.BAU_WORDS else read.predicate
        evidence["bau"] = (1.0, f'"{verb}" keeps things as they are')
    joins = sum(1 for t in tokens if t in ("and", "&", "while", "plus"))
    verbs = len({i for i, _, _ in read.verbs})
    if joins and verbs >= 2:
        evidence["compound"] = (1.0, 'two aims joined by "and"')
    elif joins:
        evidence["and"] = (1.0, 'it joins things with "and"')
    if not SUPERLATIVE.isdisjoint(tokens):
        word = next(t for t in tokens if t in SUPERLATIVE)
        evidence["superlative"] = (1.0, f'"{word}" praises without saying what changes')
    low = read.lowered
    if (" so " in low or " in order to " in low) and _PURPOSE.search(low):
        evidence["purpose"] = (1.0, "it says what the work is for")
    grand = _GRAND.search(low)
    if grand:
        evidence["grand"] = (1.0, f'"{grand.group()}" is a grand claim that names no change')
    _words(read, evidence)
    return evidence
