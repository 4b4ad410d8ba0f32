"""Fitted decisions: logistic models over the features in ``features.py``.

The weights are fitted by ``bench/train_coach.py`` on the training split of the labelled
corpus and shipped as ``data/weights.json``; inference is a sum of weights, pure Python.
Each decision keeps the features that pushed it hardest, so it can say why in words.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from okrcoach.coach.features import Evidence

_FALLBACK = {
    True: "nothing in the wording points the other way",
    False: "nothing in the wording points this way",
}


_WORDY = ("w:", "b:", "v:")


def _strength(push: tuple[float, str, str]) -> float:
    return -abs(push[0])


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]


@dataclass(frozen=True)
class Decision:
    """A yes/no answer, how sure it is, and the strongest evidence for it, in words."""

    yes: bool
    probability: float  # of "yes"
    reasons: tuple[str, ...]

    @property
    def confidence(self) -> float:
        return self.probability if self.yes else 1 - self.probability


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
    pushes: list[tuple[float, str, str]] = []
    for feature, (value, words) in evidence.items():
        weight = weights.get(feature)
        if weight is None:
            continue
        push = weight * value
        total += push
        if words:  # structural features (length) tip decisions but are no reason to give
            pushes.append((push, feature, words))
    probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
    yes = probability >= threshold
    toward = sorted((p for p in pushes if (p[0] > 0) == yes and p[0] != 0), key=_strength)
    # Of the strongest, plain features first: "it counts activity" says more than a word.
    toward = sorted(toward[: top + 2], key=lambda p: (p[1].startswith(_WORDY), _strength(p)))
    reasons = tuple(dict.fromkeys(words for _, _, words in toward[:top]))
    return Decision(yes=yes, probability=probability, reasons=reasons or (_FALLBACK[yes],))
