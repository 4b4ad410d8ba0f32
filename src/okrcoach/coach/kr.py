"""Review one key result: outcome or task, measurable, vanity, direction, stretch.

Outcome or task is decided by weighing evidence, not by a single keyword:

- outcome evidence: a verb that moves a number (cut, raise, reach, keep … at),
  a "from X to Y" pair, a bound ("under 200 ms"), a rate or percentage, a metric noun;
- task evidence: a verb that delivers a thing or performs an activity (launch,
  write, hold, migrate), a count of effort ("50 sales calls"), a noun phrase
  reporting a deliverable done ("help centre launched"), a deliverable noun, a
  deadline, a milestone word (MVP, beta).

Ties go to "outcome" only when there is a measured metric and no effort count.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, PrivateAttr, computed_field

from okrcoach.coach import lexicon as lx
from okrcoach.coach.features import kr_evidence, measurable_evidence
from okrcoach.coach.findings import Finding, score
from okrcoach.coach.model import Decision, decide, decide_three
from okrcoach.coach.parse import MetricGuess
from okrcoach.coach.rewrite import (
    NO_TERM,
    counted_phrase,
    named_count,
    rewrite_for,
    written_baseline,
)
from okrcoach.coach.rules import fire, quote
from okrcoach.coach.signals import Signals, read
from okrcoach.coach.todays_level import WORDS_FROM
from okrcoach.coach.unchecked import unchecked
from okrcoach.domain.models import Commitment, Direction, MetricKind

_CHANGE = frozenset({"increase", "decrease", "reach"})
_STATE_SUFFIXES = ("less", "ful", "able", "ible")


class _Later:
    """What a review needs to word its reasons and its rewrite, kept until they are read:
    the wizard and ``okrcoach lint`` show them, a set review or a count does not."""

    __slots__ = ("decision", "reasons", "rewrite", "sig", "vanity_term")

    def __init__(
        self,
        decision: Decision | None,
        sig: Signals | None,
        vanity_term: str,
        reasons: list[str] | None = None,
        rewrite: tuple[str | None, str | None] | None = None,
    ) -> None:
        self.decision = decision
        self.sig = sig
        self.vanity_term = vanity_term
        self.reasons = reasons
        self.rewrite = rewrite

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Later)  # what it words follows from the review's fields

    __hash__ = None  # type: ignore[assignment]


def _made(fields: dict[str, Any], later: _Later) -> KRReview:
    """A review of ``fields`` (each already of its field's type: the coach computed them),
    made unchecked, with ``later`` as its private state."""
    return unchecked(KRReview, fields, {"_later": later})


class KRReview(BaseModel):
    """A key result's review. ``reasons``, ``rewrite`` and ``example`` are worded when
    first read (and then kept), so a review nobody shows costs no wording."""

    text: str
    kind: str  # "outcome" | "task"
    measurable: bool
    has_baseline: bool
    vanity: bool
    score: int
    findings: list[Finding]
    guess: MetricGuess
    _later: _Later | None = PrivateAttr(default=None)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rewrite(self) -> str | None:
        """The question (and example) for the most important finding that has one."""
        return self._rewritten()[0]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def reasons(self) -> list[str]:
        """Why it reads as an outcome or a task, in plain words."""
        later = self._later or _Later(None, None, "")
        if later.reasons is None:
            decision = later.decision
            later.reasons = list(decision.reasons) if decision is not None else []
        return later.reasons

    @computed_field  # type: ignore[prop-decorator]
    @property
    def example(self) -> str | None:
        """An outcome-shaped key result to put in its place."""
        return self._rewritten()[1]

    def _rewritten(self) -> tuple[str | None, str | None]:
        later = self._later or _Later(None, None, "")
        if later.rewrite is None:
            sig = later.sig
            later.rewrite = _rewrite(self.findings, sig, later.vanity_term) if sig else (None, None)
        return later.rewrite


def causes_state(sig: Signals) -> bool:
    """ "Make billing painless": a verb that brings about a state someone will notice."""
    if sig.lead not in lx.CAUSATIVE_VERBS:
        return False
    after = sig.tokens[sig.lead_index + 1 :]
    if any(t in lx.STATE_WORDS or t.endswith(_STATE_SUFFIXES) for t in after):
        return True
    # "Make support a competitive advantage", "Make our product the easiest way to pay":
    # the thing, then what it becomes ("Make the new billing page for sales" names a thing).
    named = False
    for before, token in zip(("", *after), after, strict=False):
        if named and token in _BECOMES and before not in lx.STOPWORDS:
            return True
        named = named or (token not in lx.STOPWORDS and token not in _POSSESSIVES)
    return False


_BECOMES = lx.wordset("a an the something somewhere someone one into")
_POSSESSIVES = lx.wordset("our my your their his her its")


def weigh(sig: Signals) -> tuple[float, float]:
    """(outcome evidence, task evidence) for a KR's wording."""
    outcome = task = 0.0
    classes = sig.lead_classes
    has_number = sig.measurable
    if causes_state(sig):
        outcome += 1
    elif classes & _CHANGE:
        outcome += 2 if has_number or sig.metric_nouns or "reach" not in classes else 0.5
    elif "maintain" in classes:
        if has_number or sig.metric_nouns:
            outcome += 2
        else:
            task += 2
    elif "vague" in classes:
        outcome += 1
    elif "delivery" in classes:
        task += 2
    elif "learning" in classes:
        task += 1.5
    elif "effort" in classes:
        task += 2
    if sig.passive_change:
        outcome += 2
    if sig.guess.baseline is not None and sig.guess.target is not None:
        outcome += 2
    if sig.comparator:
        outcome += 1
    if sig.rate:
        outcome += 1.5
    if sig.metric_nouns:
        outcome += 1
    if sig.guess.metric_kind is MetricKind.CURRENCY:
        outcome += 1
    if sig.guess.factor is not None:
        outcome += 1
    if sig.activity or sig.effort_head:
        task += 4
    if sig.done_state:
        task += 3
    if sig.deliverable and not sig.metric_nouns:
        task += 1
    if sig.deadline and not has_number:
        task += 0.5
    if sig.milestone:
        task += 1
    return outcome, task


def kind_of(sig: Signals) -> str:
    """Outcome or task, as the fitted model reads the wording."""
    return "task" if kind_decision(sig.text).yes else "outcome"


def kind_decision(text: str) -> Decision:
    """The fitted outcome/task model: yes means a task."""
    return decide("kind", kr_evidence(text))


def vanity_decision(text: str) -> Decision:
    """The fitted vanity model: yes means a count of effort or attention."""
    return decide("vanity", kr_evidence(text))


def _fmt(value: float) -> str:
    return f"{value:g}"


def review_key_result(
    text: str,
    *,
    baseline: float | None = None,
    target: float | None = None,
    direction: Direction | str | None = None,
    commitment: Commitment | str | None = None,
    metric_kind: MetricKind | str | None = None,
) -> KRReview:
    """Review a KR's wording, using structured values when the caller has them."""
    text = text or ""
    sig = read(text)
    guess = sig.guess
    if not sig.tokens:
        finding = fire("kr.empty")
        return _made(
            {
                "text": text,
                "kind": "task",
                "measurable": False,
                "has_baseline": False,
                "vanity": False,
                "score": score([finding]),
                "findings": [finding],
                "guess": guess,
            },
            _Later(None, None, "", ["there are no words to read yet"], (None, None)),
        )
    kind_value = MetricKind(metric_kind) if metric_kind is not None else None
    base = baseline if baseline is not None else guess.baseline
    goal = target if target is not None else guess.target
    way = Direction(direction) if direction is not None else guess.direction
    milestone = kind_value is MetricKind.MILESTONE
    decided, vain, measured = decide_three(
        ("kind", "vanity", "measurable"), kr_evidence(text), measurable_evidence(text)
    )
    kind = "task" if decided.yes else "outcome"
    measurable = measured or target is not None or milestone
    low = sig.lowered
    # "Deploy frequency from weekly to daily": where it starts, said in words.
    has_baseline = base is not None or (
        ("from" in low or "→" in low or ">" in low or "➜" in low or "(" in low)
        and WORDS_FROM.search(low) is not None
    )
    vanity_term = ""
    if vain and way is not Direction.DECREASE:
        vanity_term = sig.vanity_term or _counted(sig)
        if not vanity_term or vanity_term.endswith((" times", " time")):
            # "More people downloading the app", "Videos watched 5,000 times": the count
            # the verb makes.
            vanity_term = next((_ACT_COUNTS[t] for t in sig.tokens if t in _ACT_COUNTS), "")
            vanity_term = vanity_term or sig.vanity_term
        if vanity_term and " " not in vanity_term:
            vanity_term = counted_phrase(sig, vanity_term)
        vanity_term = vanity_term or NO_TERM
    findings: list[Finding] = []

    if kind == "task":
        if sig.activity:
            findings.append(fire("kr.activity-count", count=quote(sig.activity)))
        else:
            # "Demos booked": the first word is a plural, not the verb "demo".
            plural = sig.lead_index == 0 and sig.tokens[0] != sig.lead
            named, done = named_count(sig) if plural else ("", "")
            verb = f"{named} {done}" if named else sig.lead or sig.done_state or sig.tokens[0]
            why = "; ".join(decided.reasons[:2])
            findings.append(fire("kr.task", why, verb=quote(verb)))
    elif not measurable:
        if "vague" in sig.lead_classes or "better" in sig.tokens:
            verb = sig.lead if "vague" in sig.lead_classes else "better"
            findings.append(fire("kr.vague", verb=quote(verb).capitalize()))
        else:
            start = written_baseline(sig) if base is not None else ""
            findings.append(
                fire("kr.no-target", f"it says where it starts, {start}, but not where it ends")
                if start
                else fire("kr.no-target")
            )
    elif not has_baseline and way is not Direction.MAINTAIN and not milestone:
        findings.append(fire("kr.no-baseline"))
    if vanity_term and not (kind == "task" and sig.activity):
        shown = quote(vanity_term) if vanity_term != NO_TERM else "this kind"
        findings.append(fire("kr.vanity", metric=shown))
    if base is not None and goal is not None and not milestone:
        if base == goal and way is not Direction.MAINTAIN:
            findings.append(fire("kr.target-equals-baseline", target=_fmt(goal)))
        elif (way is Direction.DECREASE and goal > base) or (
            way is Direction.INCREASE and goal < base
        ):
            findings.append(
                fire(
                    "kr.direction-mismatch",
                    direction=way.value,
                    target=_fmt(goal),
                    baseline=_fmt(base),
                )
            )
    if commitment is not None and Commitment(commitment) is Commitment.ASPIRATIONAL:
        step = _relative_step(base, goal, guess)
        if step is not None and step < 0.1:
            findings.append(fire("kr.timid-stretch", change=f"{step:.0%}"))
    if way is Direction.MAINTAIN and kind == "outcome":
        findings.append(fire("kr.maintain"))
    if sig.compound:
        findings.append(fire("kr.compound"))
    return _made(
        {
            "text": sig.text,
            "kind": kind,
            "measurable": measurable,
            "has_baseline": has_baseline,
            "vanity": bool(vanity_term),
            "score": score(findings),
            "findings": findings,
            "guess": guess,
        },
        _Later(decided, sig, vanity_term),
    )


# A vanity count the line makes with a verb, and the words for it.
_ACT_COUNTS = {
    **dict.fromkeys(("downloading", "downloaded"), "downloads"),
    **dict.fromkeys(("visiting", "visited"), "visits"),
    **dict.fromkeys(("watching", "watched", "viewing", "viewed"), "views"),
    **dict.fromkeys(("installing", "installed"), "installs"),
    **dict.fromkeys(("liking", "liked"), "likes"),
    **dict.fromkeys(("subscribing", "subscribed"), "subscribers"),
    **dict.fromkeys(("listening", "listened"), "listens"),
}
_REWRITE_ORDER = ("kr.task", "kr.activity-count", "kr.vague", "kr.no-target", "kr.vanity")


def _rewrite(
    findings: list[Finding], sig: Signals, vanity_term: str
) -> tuple[str | None, str | None]:
    """The rewrite for the most important finding that has one: question plus example."""
    fired = {f.rule_id for f in findings}
    for rule_id in (*_REWRITE_ORDER, "kr.no-baseline"):
        if rule_id in fired:
            question, example = rewrite_for(rule_id, sig, vanity_term)
            if question:
                return (f"{question} e.g. '{example}'" if example else question), example
    return None, None


def _relative_step(base: float | None, goal: float | None, guess: MetricGuess) -> float | None:
    """How far the target moves, as a fraction of the baseline."""
    if base is not None and goal is not None and base != 0:
        return abs(goal - base) / abs(base)
    if guess.change is not None and guess.unit == "%":
        return guess.change / 100
    if guess.factor is not None:
        return abs(guess.factor - 1)
    return None


def _counted(sig: Signals) -> str:
    """The thing a count is of: a word for attention first ("opens" in "Newsletter
    opens"), else a unit of work."""
    for nouns in (lx.VANITY_NOUNS, lx.ACTIVITY_NOUNS):
        for tok in sig.tokens:
            if tok in nouns:
                return tok
    return ""
