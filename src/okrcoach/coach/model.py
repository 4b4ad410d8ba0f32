"""Fitted decisions: logistic models over the features in ``features.py``.

The weights are fitted by ``bench/train_coach.py`` on the training split of the labelled
corpus and shipped as ``data/weights.json``; inference is a sum of weights, pure Python.
Each decision keeps the features that pushed it hardest, so it can say why in words.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from okrcoach.coach.features import WORD, Evidence

FALLBACK = {
    True: "nothing in the wording points the other way",
    False: "nothing in the wording points this way",
}


_WORDY = ("w:", "b:", "v:")
_ABSENT = ("pred:none", "no-number", "q:none", "len:")


def _strength(push: tuple[float, str, str]) -> float:
    return -abs(push[0])


def _plainest(push: tuple[float, str, str]) -> tuple[int, float]:
    """Facts first, then single words, then absences ("it has no number") last."""
    feature = push[1]
    rank = 2 if feature.startswith(_ABSENT) else 1 if feature.startswith(_WORDY) else 0
    return rank, _strength(push)


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]


@dataclass(frozen=True)
class Decision:
    """A yes/no answer, how sure it is, and the strongest evidence for it, in words.

    The evidence is kept and weighed again only when reasons are asked for, so a
    decision whose reasons nobody reads costs one sum.
    """

    yes: bool
    probability: float  # of "yes"
    evidence: Evidence = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    top: int = 3

    @property
    def confidence(self) -> float:
        return self.probability if self.yes else 1 - self.probability

    @cached_property
    def pushes(self) -> tuple[tuple[float, str, str], ...]:
        """(weight x value, feature, words) for every feature the model knows."""
        weights = self.weights
        return tuple(
            (weights[feature] * value, feature, words_of(feature, words))
            for feature, (value, words) in self.evidence.items()
            if feature in weights
        )

    @cached_property
    def reasons(self) -> tuple[str, ...]:
        """The strongest features behind the answer: facts, then single words, then absences."""
        yes = self.yes
        toward = sorted((p for p in self.pushes if (p[0] > 0) == yes and p[2]), key=_strength)
        toward = sorted(toward[: self.top + 2], key=_plainest)
        found = tuple(dict.fromkeys(words for _, _, words in toward[: self.top]))
        return found or (FALLBACK[yes],)

    @cached_property
    def cues(self) -> int:
        """How many real cues (not single words, not absences) back the answer."""
        return sum(
            1
            for push, feature, _ in self.pushes
            if (push > 0) == self.yes
            and abs(push) >= 0.3
            and not feature.startswith(_WORDY + _ABSENT)
        )


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
    return {
        name: Model(bias=float(entry["bias"]), weights=dict(entry["weights"]))
        for name, entry in raw["models"].items()
    }


def decide(name: str, evidence: Evidence, extra: Evidence | None = None, top: int = 3) -> Decision:
    """Apply model ``name`` to ``evidence`` (and ``extra``): yes when P(yes) >= 0.5."""
    model = models()[name]
    weights = model.weights
    total = model.bias
    get = weights.get
    for feature, (value, _) in evidence.items():
        weight = get(feature)
        if weight is not None:
            total += weight * value
    if extra:
        for feature, (value, _) in extra.items():
            weight = get(feature)
            if weight is not None:
                total += weight * value
        evidence = {**evidence, **extra}
    probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
    return Decision(probability >= 0.5, probability, evidence, weights, top)
