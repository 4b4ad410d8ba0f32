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


def _rank(feature: str) -> int:
    """Facts first, then single words, then absences ("it has no number") last."""
    return 2 if feature.startswith(_ABSENT) else 1 if feature.startswith(_WORDY) else 0


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

    def _toward(self) -> list[tuple[float, str, str]]:
        """(-|push|, feature, words) of the features that pushed towards the answer,
        strongest first."""
        weights, yes = self.weights, self.yes
        found = []
        for feature, (value, words) in self.evidence.items():
            weight = weights.get(feature)
            if weight is None:
                continue
            push = weight * value
            if push > 0 if yes else push < 0:
                found.append((-abs(push), feature, words))
        found.sort()
        return found

    @cached_property
    def reasons(self) -> tuple[str, ...]:
        """The strongest features behind the answer: facts, then single words, then absences."""
        strongest = [p for p in self._toward() if p[2]][: self.top + 2]
        ranked = sorted((_rank(f), strength, f, words) for strength, f, words in strongest)
        found = tuple(dict.fromkeys(words_of(f, words) for _, _, f, words in ranked[: self.top]))
        return found or (FALLBACK[self.yes],)

    @cached_property
    def cues(self) -> int:
        """How many real cues (not single words, not absences) back the answer."""
        return sum(
            1
            for strength, feature, _ in self._toward()
            if strength <= -0.3 and not feature.startswith(_WORDY + _ABSENT)
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
