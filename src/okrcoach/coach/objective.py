"""Review an objective: is it an objective yet, or one a coach would send back?

The fitted objective model (``model.py``) weighs the wording; detectors then name what
is wrong, each with a question that helps rewrite it: a task or deliverable, several
objectives joined by "and", a wish that names no one and nothing, a number that belongs
in a key result, business as usual, negative framing, a word or two with no direction.
A detector the model does not back is a warning; with the model's backing (or when it is
certain on its own, as a bare number is) it is a problem.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from okrcoach.coach import lexicon as lx
from okrcoach.coach.features import SUPERLATIVE, objective_evidence
from okrcoach.coach.findings import Finding, Severity, score
from okrcoach.coach.kr import causes_state
from okrcoach.coach.model import FALLBACK, decide
from okrcoach.coach.reading import Reading, reading
from okrcoach.coach.rules import fire, quote

MIN_WORDS = 3
MAX_WORDS = 15
# The model alone, with no detector naming the problem, must be this sure to send it back.
NOT_YET_PROBABILITY = 0.7

_NEGATIVE_LEAD = lx.wordset("stop quit avoid prevent eliminate end ban no don't dont never")
_BLAME = lx.wordset(
    """lazy sloppy blame fault incompetent useless stupid careless excuses whining complaining
    failing failure disaster mess"""
)
_LOSS = re.compile(r"\b(losing|lose|wasting|waste|fewer mistakes|no more|less bad)\b", re.I)
_GENERIC = lx.wordset(
    """be become better best good great more things everything stuff all improve improved do
    make get grow growth success successful excellent awesome amazing win winning well further
    next level it us we our ourselves work stronger bigger faster doing"""
)
_THINGS = (lx.DELIVERABLE_NOUNS | lx.ACTIVITY_NOUNS | lx.wordset("dashboard report")) - lx.wordset(
    "team office community brand culture knowledge"
)
_JOINERS = re.compile(r"\s(?:and|&|while|plus|as well as|but also)\s", re.I)
# Digits that are names, not targets: "Web 3", "ISO 27001", "Year 9", "24/7", "Q3".
_NAMED_NUMBER = re.compile(
    r"\b(?:iso|year|grade|key stage|ks|web|v|version|q|h|fy|top|u|under-?|covid-?|24/)\s?\d+"
    r"|\b\d+/\d+\b|\b\d{4}\b|\b\d+(?:st|nd|rd|th)\b",
    re.I,
)


class ObjectiveReview(BaseModel):
    text: str
    kind: str  # "outcome" | "task"
    score: int
    findings: list[Finding]
    reasons: list[str] = []  # why it is, or is not yet, an objective


def _task(read: Reading) -> str:
    sig = read.sig
    classes = sig.lead_classes
    doing = bool(classes & {"delivery", "effort"}) and "learning" not in classes
    if doing and not causes_state(sig) and not classes & {"increase", "decrease", "reach"}:
        return sig.lead
    done = sig.done_state or read.done_participle or (sig.activity and sig.lead)
    if done:
        return done
    if not read.predicate and not any(t in lx.STATE_WORDS for t in sig.tokens):
        # A bare noun phrase naming a thing to make: "A newsletter for the sales team".
        for tok in sig.tokens[:4]:
            single = tok[:-1] if tok.endswith("s") and len(tok) > 3 else tok
            if tok in _THINGS or single in _THINGS:
                return tok
    return ""


def _work(read: Reading) -> str:
    """The work an objective names, as a phrase: "the billing rewrite"."""
    text = read.text.rstrip(" .!")
    words = text.split()
    if read.sig.lead_index >= 0 and len(words) > read.sig.lead_index + 1:
        rest = " ".join(words[read.sig.lead_index + 1 :])
        rest = re.sub(r"\s+(?:by|before|in|within)\s+\S+(?:\s+\d{2,4})?$", "", rest, flags=re.I)
        return f'"{read.sig.lead} {rest}"'
    return quote(text)


def _number(read: Reading) -> str:
    for q in read.sig.quantities:
        span = read.text[q.start : q.end]
        around = read.text[max(0, q.start - 10) : q.end + 2]
        if _NAMED_NUMBER.search(around) and q.kind.value not in ("percent", "currency"):
            continue
        return span.strip()
    return ""


def _compound(read: Reading) -> str:
    parts = [p.strip(" ,.") for p in _JOINERS.split(read.text) if p.strip(" ,.")]
    if len(parts) < 2:
        return ""
    # Two aims: each side has its own verb, or its own subject of change.
    verbs = [i for i, _, _ in read.verbs]
    if len(verbs) >= 2 or all(len(p.split()) >= 2 for p in parts):
        return " / ".join(quote(p, 30) for p in parts[:3])
    return ""


def _negative(read: Reading) -> str:
    tokens = read.tokens
    if tokens and tokens[0] in _NEGATIVE_LEAD:
        return tokens[0]
    blamed = next((t for t in tokens if t in _BLAME), "")
    if blamed:
        return blamed
    loss = _LOSS.search(read.text)
    return loss.group(1).lower() if loss else ""


_DIRECTION = lx.wordset(
    """delight wow win own lead dominate unlock transform empower earn delight love trust
    thrive"""
)


def _has_direction(read: Reading) -> bool:
    """Two words can still say where to go: "Delight customers", "Faster releases"."""
    if len(read.tokens) < 2:
        return False
    return bool(read.predicate) or any(
        t in _DIRECTION
        or t in lx.STATE_WORDS
        or t in lx.LEARNING_ADJECTIVES
        or (t.endswith("er") and len(t) > 4 and t not in lx.STOPWORDS)
        for t in read.tokens
    )


def _generic(read: Reading) -> bool:
    """Nothing specific, or one word of subject after a wish verb ("Improve the product")."""
    content = [t for t in read.tokens if t not in lx.STOPWORDS and t not in _GENERIC]
    if not content:
        return True
    wishing = read.tokens[0] in _GENERIC or "vague" in read.sig.lead_classes
    return len(content) == 1 and wishing and len(read.tokens) <= 4


def review_objective(title: str, *, why: str = "", has_parent: bool = False) -> ObjectiveReview:
    """Review an objective's title, given its stated why and whether it has a parent."""
    read = reading(title or "")
    sig = read.sig
    if not sig.tokens:
        finding = fire("obj.empty")
        return ObjectiveReview(
            text=title or "",
            kind="task",
            score=0,
            findings=[finding],
            reasons=["there is no wording yet"],
        )
    decided = decide("objective", objective_evidence(title))
    bad = decided.yes
    found: list[tuple[Finding, bool]] = []  # (finding, certain without the model)
    count = len(sig.tokens)
    bau = sig.lead in lx.BAU_WORDS or sig.tokens[0] in lx.BAU_WORDS
    generic = _generic(read)
    # "Provide truly world-class support": when the model sends it back, the praise is why.
    praise = "" if generic or not bad else next((t for t in sig.tokens if t in SUPERLATIVE), "")
    task = "" if bau or generic or praise else _task(read)
    if count < MIN_WORDS and not sig.quantities and not generic and not _has_direction(read):
        found.append((fire("obj.too-short", text=quote(sig.text)), count <= 1))
    elif generic:
        found.append((fire("obj.generic", text=quote(sig.text)), True))
    if praise:
        found.append((fire("obj.praise", word=quote(praise)), False))
    if bau:
        found.append((fire("obj.bau", verb=quote(sig.tokens[0]).capitalize()), False))
    if task:
        found.append((fire("obj.task", verb=quote(task), work=_work(read)), bool(sig.done_state)))
    number = _number(read)
    if number:
        found.append((fire("obj.has-number", number=quote(number)), True))
    parts = _compound(read)
    if parts:
        found.append((fire("obj.compound", parts=parts), False))
    negative = _negative(read)
    if negative:
        found.append((fire("obj.negative", word=quote(negative)), False))
    findings: list[Finding] = []
    for finding, certain in found:
        if bad or certain:
            findings.append(finding)
        else:
            findings.append(finding.model_copy(update={"severity": Severity.WARNING}))
    grounded = decided.cues > 0 and decided.reasons[0] != FALLBACK[True]
    sure = decided.probability >= NOT_YET_PROBABILITY and grounded
    if sure and not any(f.severity is Severity.PROBLEM for f in findings):
        findings.append(fire("obj.not-yet", why="; ".join(decided.reasons[:2])))
    if count > MAX_WORDS:
        findings.append(fire("obj.too-long", count=str(count)))
    if not why.strip() and not has_parent:
        findings.append(fire("obj.no-why"))
    is_task = bool(task) and any(f.rule_id == "obj.task" for f in findings)
    return ObjectiveReview(
        text=sig.text,
        kind="task" if is_task else "outcome",
        score=score(findings),
        findings=findings,
        reasons=list(decided.reasons),
    )
