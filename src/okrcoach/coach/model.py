"""Fitted decisions: logistic models over the features in ``features.py``.

The weights are fitted by ``bench/train_coach.py`` on the training split of the labelled
corpus and shipped as ``data/weights.json``; inference is a sum of weights, pure Python.
Each decision keeps the features that pushed it hardest, so it can say why in words.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache, reduce
from importlib import resources
from itertools import repeat
from operator import add, itemgetter, mul

from okrcoach.coach import lexicon as lx
from okrcoach.coach.features import WORD, Evidence

FALLBACK = {
    True: "nothing in the wording points the other way",
    False: "nothing in the wording points this way",
}


_WORDY = ("w:", "b:", "v:")
# Words that carry weight but make poor reasons on their own ("the word 'about'"): shown
# only when nothing else pushed the answer.
_FUNCTION_WORDS = lx.STOPWORDS | lx.wordset(
    "about with into onto from over under more most less up down off than via"
)
# The weighed word features made only of such words ("w:about", "b:about our"), filled
# once when the models are read: a set look-up, not a test of each word, on every review.
_FUNCTION_FEATURES: set[str] = set()
_ABSENT = ("pred:none", "no-number", "q:none", "len:")


def _rank(feature: str) -> int:
    """Facts first, then single words, then absences ("it has no number") last."""
    return 2 if feature.startswith(_ABSENT) else 1 if feature.startswith(_WORDY) else 0


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]


class Decision:
    """A yes/no answer, how sure it is, and the strongest evidence for it, in words.

    The evidence is kept and weighed again only when reasons are asked for, so a
    decision whose reasons nobody reads costs one sum. A plain class with slots: one is
    made for every model on every review.
    """

    __slots__ = (
        "_cues",
        "_reasons",
        "evidence",
        "extra",
        "probability",
        "top",
        "weights",
        "yes",
    )

    def __init__(
        self,
        yes: bool,
        probability: float,  # of "yes"
        evidence: Evidence | None = None,
        weights: dict[str, float] | None = None,
        top: int = 3,
        extra: Evidence | None = None,  # weighed after ``evidence``, merged only when shown
    ) -> None:
        self.yes = yes
        self.probability = probability
        self.evidence = evidence if evidence is not None else {}
        self.weights = weights if weights is not None else {}
        self.top = top
        self.extra = extra
        self._reasons: tuple[str, ...] | None = None
        self._cues: int | None = None

    @property
    def confidence(self) -> float:
        return self.probability if self.yes else 1 - self.probability

    def _pushes(self, worded: bool) -> list[tuple[float, str, str]]:
        """(-|push|, feature, words) of the features that pushed towards the answer (only
        those with words when ``worded``), in evidence order."""
        weights = self.weights
        evidence = {**self.evidence, **self.extra} if self.extra else self.evidence
        # -|push| is -push for a push up, the push itself for a push down.
        if self.yes:
            return [
                (-push, feature, words)
                for feature, (value, words) in evidence.items()
                if (words or not worded)
                and feature in weights
                and (push := weights[feature] * value) > 0
            ]
        return [
            (push, feature, words)
            for feature, (value, words) in evidence.items()
            if (words or not worded)
            and feature in weights
            and (push := weights[feature] * value) < 0
        ]

    def _toward(self) -> list[tuple[float, str, str]]:
        """(-|push|, feature, words) of the features that pushed towards the answer,
        strongest first."""
        found = self._pushes(worded=False)
        found.sort()
        return found

    def _strongest(self, count: int) -> list[tuple[float, str, str]]:
        """The first ``count`` of the worded features that pushed towards the answer,
        strongest first."""
        return sorted(self._pushes(worded=True))[:count]

    @property
    def reasons(self) -> tuple[str, ...]:
        """The strongest features behind the answer: facts, then single words, then absences."""
        if self._reasons is None:
            strongest = self._strongest(self.top + 2)
            # Ranked as ``_rank`` ranks them, written out: this runs on every review.
            ranked = sorted(
                [
                    (
                        2
                        if f.startswith(_ABSENT)
                        else (3 if f in _FUNCTION_FEATURES else 1)
                        if f.startswith(_WORDY)
                        else 0,
                        strength,
                        f,
                        words,
                    )
                    for strength, f, words in strongest
                ]
            )
            kept = [entry for entry in ranked if entry[0] != 3] or ranked
            # Each reason says something new: one that quotes only words an earlier reason
            # quoted ('"calls" is a unit of work' after 'what it acts on, "calls", is a
            # unit of effort') gives way to the next.
            # (Written with operators, not calls: reasons are read on most reviews.)
            shown: list[str] = []
            quoted: dict[str, bool] = {}
            room = self.top
            for _, _, f, words in kept:
                reason = words if words != WORD else words_of(f, words)
                if reason in shown:
                    continue
                if '"' in reason:
                    cited = reason.split('"')[1::2]
                    fresh = False
                    for word in cited:
                        if word not in quoted:
                            fresh = quoted[word] = True
                    if not fresh:
                        continue
                shown += (reason,)
                room -= 1
                if not room:
                    break
            self._reasons = tuple(shown) or (FALLBACK[self.yes],)
        return self._reasons

    @property
    def cues(self) -> int:
        """How many real cues (not single words, not absences) back the answer."""
        if self._cues is None:
            self._cues = sum(
                1
                for strength, feature, _ in self._pushes(worded=False)
                if strength <= -0.3 and not feature.startswith(_WORDY + _ABSENT)
            )
        return self._cues


def words_of(feature: str, words: str) -> str:
    """A feature's words; single-word features say their word (made only when shown)."""
    if words != WORD:
        return words
    kind, _, token = feature.partition(":")
    if kind == "v":
        return f'the verb "{token}"'
    return f'the words "{token}"' if kind == "b" else f'the word "{token}"'


@lru_cache(maxsize=1)
def models() -> dict[str, Model]:
    """Every fitted model, read once from the package's data file."""
    text = resources.files("okrcoach.coach").joinpath("data", "weights.json").read_text("utf-8")
    raw = json.loads(text)
    every = {
        name: Model(bias=float(entry["bias"]), weights=dict(entry["weights"]))
        for name, entry in raw["models"].items()
    }
    _FUNCTION_FEATURES.update(
        feature
        for model in every.values()
        for feature in model.weights
        if feature.startswith(_WORDY)
        and all(word in _FUNCTION_WORDS for word in feature[2:].split())
    )
    return every


def _probability(total: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def decide(name: str, evidence: Evidence, extra: Evidence | None = None, top: int = 3) -> Decision:
    """Apply model ``name`` to ``evidence`` (and ``extra``): yes when P(yes) >= 0.5."""
    model = models()[name]
    weights = model.weights
    total = _weighed(model.bias, weights, evidence)
    if extra:
        total = _weighed(total, weights, extra)
    probability = _probability(total)
    return Decision(probability >= 0.5, probability, evidence, weights, top, extra or None)


def _weighed(start: float, weights: dict[str, float], evidence: Evidence) -> float:
    """``start`` plus weight times value for each feature, in evidence order.

    The sum runs in C (``reduce`` over ``map``) but adds the same terms in the same order
    as a loop would; a feature the model does not weigh adds 0.0, which changes no sum.
    """
    values = map(_VALUE, evidence.values())
    return reduce(add, map(mul, map(weights.get, evidence, repeat(0.0)), values), start)


_VALUE = itemgetter(0)
_SECOND = itemgetter(1)
_NO_WEIGHTS = (0.0, 0.0, 0.0)


class _Table(dict[str, tuple[float, float, float]]):
    """Each feature's weights in three models; a feature none of them weighs reads as
    zeros (and is not added: the table stays the size the models made it)."""

    def __missing__(self, feature: str) -> tuple[float, float, float]:
        return _NO_WEIGHTS


class _Weights(dict[str, float]):
    """One model's weights; a feature it does not weigh reads as 0.0 (and is not added)."""

    def __missing__(self, feature: str) -> float:
        return 0.0


@lru_cache(maxsize=8)
def _joint(first: str, second: str, third: str) -> tuple[_Table, Model, float, Model, _Weights]:
    """The weights of three models side by side, 0.0 where a model has none, with the first
    model, the second's bias, the third model and its weights alone: one cached call."""
    every = models()
    tables = [every[name].weights for name in (first, second, third)]
    joint = _Table()
    for feature in dict.fromkeys(f for table in tables for f in table):
        a, b, c = (table.get(feature, 0.0) for table in tables)
        joint[feature] = (a, b, c)
    return joint, every[first], every[second].bias, every[third], _Weights(tables[2])


def decide_three(
    names: tuple[str, str, str], evidence: Evidence, extra: Evidence | None = None
) -> tuple[Decision, bool, bool]:
    """``decide`` for three models over the same evidence, each weight looked up once
    (``extra`` is weighed by the third model only): the first model's decision, then
    the other two's yes or no. Each answer, and each sum to the last bit, is the one
    ``decide`` gives on its own."""
    joint, first, second_bias, third, third_weights = _joint(*names)
    # One pass over the features: each weight looked up once, the three sums added term by
    # term in evidence order (as ``_weighed`` adds them; a loop beats three passes in C
    # over a line's dozen or so features).
    a, b, c = first.bias, second_bias, third.bias
    for feature, (value, _) in evidence.items():
        for_first, for_second, for_third = joint[feature]
        a += for_first * value
        b += for_second * value
        c += for_third * value
    if extra:
        for feature, (value, _) in extra.items():
            c += third_weights[feature] * value
    # ``_probability`` written out, the same sums to the last bit.
    pa = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, a))))
    return (
        Decision(pa >= 0.5, pa, evidence, first.weights, 3),
        1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, b)))) >= 0.5,
        1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, c)))) >= 0.5,
    )
