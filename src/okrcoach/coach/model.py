"""Fitted decisions: logistic models over the features in ``features.py``.

The weights are fitted by ``bench/train_coach.py`` on the training split of the labelled
corpus and shipped as ``data/weights.json``; inference is a sum of weights, pure Python.
Each decision keeps the features that pushed it hardest, so it can say why in words.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from okrcoach.coach.features import Evidence

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
    """A yes/no answer, how sure it is, and the strongest evidence for it, in words."""

    yes: bool
    probability: float  # of "yes"
    pushes: tuple[tuple[float, str, str], ...] = ()  # (weight x value, feature, words)
    top: int = 3

    @property
    def confidence(self) -> float:
        return self.probability if self.yes else 1 - self.probability

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


@lru_cache(maxsize=1)
def models() -> dict[str, Model]:
    """Every fitted model, read once from the package's data file."""
    text = resources.files("okrcoach.coach").joinpath("data", "weights.json").read_text("utf-8")
    raw = json.loads(text)
    return {
        name: Model(bias=float(entry["bias"]), weights=dict(entry["weights"]))
        for name, entry in raw["models"].items()
    }


def decide(name: str, evidence: Evidence, threshold: float = 0.5, top: int = 3) -> Decision:
    """Apply model ``name`` to ``evidence``: yes when P(yes) >= ``threshold``."""
    model = models()[name]
    weights = model.weights
    total = model.bias
    pushes = []
    for feature, (value, words) in evidence.items():
        weight = weights.get(feature)
        if weight is not None:
            push = weight * value
            total += push
            pushes.append((push, feature, words))
    probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
    return Decision(probability >= threshold, probability, tuple(pushes), top)
