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

from okrcoach.coach import lexicon as lx
from okrcoach.coach.measurability import comparative, measurable_evidence
from okrcoach.coach.reading import Reading, reading

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
_COUNT_OF_WORK = lx.ACTIVITY_NOUNS | lx.wordset(
    """hours hires candidates recruits roadshows doors outreach touchpoints followups
    follow-ups contacts prospects leads pitches assets commits prs deploys deployments
    releases tickets"""
)
_FILLER_Q = re.compile(r"\d")


def _digits(token: str) -> bool:
    """Whether a token holds a digit (a word of letters only never does)."""
    return not token.isalpha() and _FILLER_Q.search(token) is not None


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


def _head_class(token: str) -> str:
    if token in lx.VANITY_NOUNS:
        return "vanity"
    if token in _EFFORT_UNITS:
        return "effort"
    if token in lx.RATE_WORDS or token in lx.METRIC_NOUNS:
        return "metric"
    if token in _PEOPLE:
        return "people"
    if token in lx.DELIVERABLE_NOUNS:
        return "deliverable"
    return "other"


def _heads(read: Reading, evidence: Evidence) -> None:
    """The noun a number or a change is about: "emails" in "Cold emails: 80 -> 120"."""
    tokens = read.tokens
    if read.predicate and read.predicate_index == read.sig.lead_index and not read.subject_first:
        start = read.predicate_index + 1
        for tok in tokens[start : start + 6]:
            if tok in lx.STOPWORDS or _digits(tok):
                continue
            if tok in _HEAD_STOPS:
                break
            cls = _head_class(tok)
            if cls != "other":
                _set(evidence, f"object:{cls}", f'what it acts on, "{tok}", is {_HEAD_WORDS[cls]}')
                break
        return
    head = ""
    for tok in tokens:
        if tok in _HEAD_STOPS or _digits(tok):
            if head:
                break
            continue
        if tok not in lx.STOPWORDS:
            head = tok
    if head:
        cls = _head_class(head)
        _set(evidence, f"head:{cls}", f'what it measures, "{head}", is {_HEAD_WORDS[cls]}')


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
    # Tokens with a digit in them ("4%", "q3") say nothing as words; each is checked once.
    numeric = {tok for tok in tokens if not tok.isalpha() and _FILLER_Q.search(tok)}
    for tok in dict.fromkeys(tokens):
        if tok not in _WORD_STOP and tok not in numeric:
            evidence[f"w:{tok}"] = value
    for first, second in itertools.pairwise(tokens):
        if (first in _WORD_STOP and second in _WORD_STOP) or first in numeric or second in numeric:
            continue
        evidence[f"b:{first} {second}"] = value


def _set(evidence: Evidence, name: str, words: str, value: float = 1.0) -> None:
    evidence[name] = (value, words)


def _predicate(read: Reading, evidence: Evidence) -> None:
    verb = read.predicate
    if not verb:
        _set(evidence, "pred:none", "no verb says what changes or what is done")
        return
    where = (
        "lead"
        if read.predicate_index == read.sig.lead_index and not read.subject_first
        else "later"
    )
    for name in read.predicate_classes:
        words = _CLASS_WORDS.get(name, name)
        _set(evidence, f"pred:{name}", "")  # the same fact as below, said once
        _set(
            evidence,
            f"pred:{name}@{where}",
            f'"{verb}" {words}, after its subject'
            if where == "later"
            else f'it starts with "{verb}", which {words}',
        )
    if read.subject_first:
        _set(evidence, "subject-first", f'a subject comes first and then "{verb}"')
    if read.pronoun_subject:
        _set(evidence, "person-subject", "a person or team is the subject: it says what they do")
    _set(evidence, f"v:{verb}", WORD, 0.5)


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


def _shared(read: Reading, evidence: Evidence) -> None:
    sig = read.sig
    guess = sig.guess
    _predicate(read, evidence)
    for _, _, cls in read.verbs[1:4]:
        for c in cls:
            _set(evidence, f"verb-any:{c}", "", 0.5)  # weighed, but a side verb is no reason
    wish = comparative(read.tokens)
    if sig.lead in lx.CAUSATIVE_VERBS and (
        wish
        or any(
            t in lx.STATE_WORDS or t.endswith(_STATE_SUFFIXES) or t in _PERCEIVED
            for t in sig.tokens[sig.lead_index + 1 :]
        )
    ):
        _set(evidence, "causes-state", f'"{sig.lead}" brings about a state people will notice')
    if wish:
        _set(evidence, "comparative", f'"{wish}" wants a change in how much or how well')
    if sig.rate:
        _set(evidence, "rate", "it measures a rate or ratio")
    if sig.metric_nouns:
        _set(evidence, "metric-noun", f'it names a metric ("{sig.metric_nouns[0]}")')
    if sig.activity:
        _set(evidence, "activity-count", f'it counts activity ("{sig.activity}")')
    if sig.effort_head:
        _set(evidence, "effort-head", "what it counts is effort")
    if sig.done_state or read.done_participle:
        state = sig.done_state or read.done_participle
        _set(evidence, "done-state", f'it reports work done ("{state}")')
    if sig.passive_change:
        _set(evidence, "passive-change", f'"{sig.passive_change}" reports a number moved')
    if sig.deliverable:
        _set(evidence, "deliverable", "it names a thing to make")
    if sig.deadline:
        _set(evidence, "deadline", "it sets a deadline")
    if sig.milestone:
        _set(evidence, "milestone", "it names a milestone (a beta, an MVP)")
    if sig.comparator:
        _set(evidence, "bound", "it sets a bound (under, at least)")
    if guess.baseline is not None and guess.target is not None:
        _set(evidence, "from-to", "it moves a value from a start to a target")
    elif guess.target is not None:
        _set(evidence, "target", "it names a target")
    if guess.factor is not None or read.multiply:
        _set(evidence, "factor", "it multiplies a value (doubles, halves)")
    if guess.change is not None:
        _set(evidence, "change", "it names the size of a change")
    kind = guess.metric_kind.value if guess.metric_kind is not None else "none"
    _set(evidence, f"q:{kind}", _QUANTITY_WORDS.get(kind, f"a {kind} value"))
    if sig.count_quantity:
        _set(evidence, "q:count", "it counts things")
    if not sig.quantities:
        _set(evidence, "no-number", "it has no number")
    if read.up_down:
        _set(evidence, "up-down", "it says how far a number moves (up 25%, +25%)")
    if read.arrow:
        _set(evidence, "arrow", "an arrow moves a value from a start to a target")
    if read.ability:
        _set(evidence, "ability", "it is about being able to do something")
    if read.modal:
        _set(evidence, "modal", "it says what will or should happen")
    for phrase in read.phrases:
        _set(evidence, f"p:{phrase}", _PHRASE_WORDS.get(phrase, ""))
    tokens = read.tokens
    if not _QUALIFIERS.isdisjoint(tokens):
        word = next(t for t in tokens if t in _QUALIFIERS)
        _set(evidence, "qualified-count", f'it counts only "{word}" people or things')
    if not lx.VANITY_NOUNS.isdisjoint(tokens):
        word = next(t for t in tokens if t in lx.VANITY_NOUNS)
        _set(evidence, "vanity-noun", f'"{word}" grows with effort or popularity')
    if not _WORK_UNITS.isdisjoint(tokens):
        word = next(t for t in tokens if t in _WORK_UNITS)
        _set(evidence, "work-noun", f'"{word}" is a unit of work')
    if not lx.DONE_STATES.isdisjoint(tokens):
        _set(evidence, "done-word", "a word says something is done")
    length = len(tokens)
    _set(
        evidence,
        "len:short" if length <= 3 else "len:long" if length > 12 else "len:mid",
        "",
    )


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
    "or-above": "it sets a bound (above, under)",
    "by-date": "it sets a date to be done by",
    "percent-of": "it sets a share of a group (N% of)",
    "all-of": "it covers all or every one of a group",
}
_QUANTITY_WORDS = {
    "percent": "a percentage",
    "currency": "an amount of money",
    "time": "a length of time",
    "count": "a count",
    "none": "no quantity it could measure",
    "milestone": "a done-or-not milestone",
    "ratio": "a ratio",
    "number": "a number",
}


@lru_cache(maxsize=8192)
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
        _set(evidence, "named-numbers", 'its numbers are names ("v2", "Year 10"), not amounts')
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
        _set(evidence, "moved-work", "the number it moves counts work done, not its effect")
    if done:
        at = read.tokens.index(done)
        if at and read.tokens[at - 1].endswith("s") and read.tokens[at - 1] not in lx.RATE_WORDS:
            noun = read.tokens[at - 1]
            _set(evidence, "done-count", f'it counts "{noun}" {done}: work done, not its effect')
    if done and (
        not _SERVICE_TIME.isdisjoint(read.tokens)
        or not read.phrases.isdisjoint(("within-time", "percent-of"))
    ):
        _set(evidence, "service-level", f'"{done}" within a time is a service level people feel')


@lru_cache(maxsize=4096)
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
        _set(evidence, "credential", f'"{word}": the credential is the result')
    if not _LEARNING_ACTS.isdisjoint(tokens):
        word = next(t for t in tokens if t in _LEARNING_ACTS)
        _set(evidence, "learning-act", f'"{word}" is a way of learning')
    if not _GROWTH_ADJ.isdisjoint(tokens):
        word = next(t for t in tokens if t in _GROWTH_ADJ)
        _set(evidence, "growth-word", f'"{word}" describes growth in a person')
    if not lx.LEARNING_NOUNS.isdisjoint(tokens):
        word = next(t for t in tokens if t in lx.LEARNING_NOUNS)
        _set(evidence, "learning-noun", f'"{word}" is about ability')
    if not _RESULT_WORDS.isdisjoint(tokens):
        word = next(t for t in tokens if t in _RESULT_WORDS)
        _set(evidence, "result-word", f'"{word}" is a result to deliver')
    for _, base, classes in read.verbs:
        if "learning" in classes:
            _set(evidence, "learning-verb", f'"{base}" is about building ability')
            break
    _words(read, evidence)
    return evidence


@lru_cache(maxsize=4096)
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
        _set(evidence, "generic", "it names nothing specific: no one and nothing")
    elif len(content) == 1:
        _set(evidence, "nearly-generic", f'only "{content[0]}" says what it is about')
    if not _NEGATIVE.isdisjoint(tokens):
        word = next(t for t in tokens if t in _NEGATIVE)
        _set(evidence, "negative", f'"{word}" frames it as something to stop or avoid')
    if tokens[0] in lx.BAU_WORDS or read.predicate in lx.BAU_WORDS:
        verb = tokens[0] if tokens[0] in lx.BAU_WORDS else read.predicate
        _set(evidence, "bau", f'"{verb}" keeps things as they are')
    joins = sum(1 for t in tokens if t in ("and", "&", "while", "plus"))
    verbs = len({i for i, _, _ in read.verbs})
    if joins and verbs >= 2:
        _set(evidence, "compound", 'two aims joined by "and"')
    elif joins:
        _set(evidence, "and", 'it joins things with "and"')
    _words(read, evidence)
    return evidence
