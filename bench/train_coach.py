"""Fit the coach's models on the training split and write ``coach/data/weights.json``.

Logistic regression, pure Python: full-batch gradient descent with Adagrad steps and L2
regularisation, stronger on single words (``w:``, ``b:``, ``v:``) than on the
interpretable features, so the concept carries the decision and the words only refine
it. Five-fold cross-validation on the training split is printed first; the blind split
is never read here.

Run: python bench/train_coach.py [--cv-only]
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
from okrcoach.coach.features import (
    Evidence,
    goal_evidence,
    kr_evidence,
    measurable_evidence,
    objective_evidence,
)

OUT = Path(__file__).resolve().parent.parent / "src" / "okrcoach" / "coach" / "data"
WORDY = ("w:", "b:", "v:")
# L2 strength per feature family: (interpretable, words).
L2 = {
    "kind": (0.005, 0.1),
    "vanity": (0.005, 0.1),
    "measurable": (0.005, 1.0),
    "goal": (0.1, 1.0),
    "objective": (0.005, 0.1),
}
EPOCHS = 150


Example = tuple[dict[str, float], int]


def examples(task: str, split: corpus.Split) -> list[Example]:
    rows: list[tuple[Evidence, int]] = []
    if task == "kind":
        rows = [(kr_evidence(r["text"]), r["kind"] == "task") for r in split.krs if r.get("kind")]
    elif task == "vanity":
        rows = [
            (kr_evidence(r["text"]), bool(r["vanity"]))
            for r in split.krs
            if r.get("vanity") is not None
        ]
    elif task == "measurable":
        rows = [
            ({**kr_evidence(r["text"]), **measurable_evidence(r["text"])}, bool(r["measurable"]))
            for r in split.krs
            if r.get("measurable") is not None
        ]
    elif task == "goal":
        rows = [(goal_evidence(r["text"]), r["label"] == "learning") for r in split.goals]
    elif task == "objective":
        rows = [(objective_evidence(r["text"]), r["quality"] == "bad") for r in split.objectives]
    return [({k: v for k, (v, _) in ev.items()}, int(y)) for ev, y in rows]


def fit(data: list[Example], l2: tuple[float, float]) -> tuple[float, dict[str, float]]:
    weights: dict[str, float] = {}
    grad_sq: dict[str, float] = {}
    bias, bias_sq = 0.0, 0.0
    rate = 0.5
    n = len(data)
    for _ in range(EPOCHS):
        grads: dict[str, float] = {}
        bias_grad = 0.0
        for features, y in data:
            z = bias + sum(weights.get(f, 0.0) * v for f, v in features.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            error = p - y
            bias_grad += error
            for f, v in features.items():
                grads[f] = grads.get(f, 0.0) + error * v
        for f in set(grads) | set(weights):
            strength = l2[1] if f.startswith(WORDY) else l2[0]
            g = grads.get(f, 0.0) / n + strength * weights.get(f, 0.0) / n * 10
            grad_sq[f] = grad_sq.get(f, 0.0) + g * g
            weights[f] = weights.get(f, 0.0) - rate * g / (math.sqrt(grad_sq[f]) + 1e-8)
        g = bias_grad / n
        bias_sq += g * g
        bias -= rate * g / (math.sqrt(bias_sq) + 1e-8)
    return bias, {f: round(w, 4) for f, w in weights.items() if abs(w) >= 0.005}


def predict(model: tuple[float, dict[str, float]], features: dict[str, float]) -> int:
    bias, weights = model
    return int(bias + sum(weights.get(f, 0.0) * v for f, v in features.items()) >= 0)


def cross_validate(task: str, data: list[Example], folds: int = 5) -> float:
    shuffled = list(data)
    random.Random(7).shuffle(shuffled)
    right = 0
    for k in range(folds):
        test = shuffled[k::folds]
        train = [row for i, row in enumerate(shuffled) if i % folds != k]
        model = fit(train, L2[task])
        right += sum(predict(model, x) == y for x, y in test)
    return right / len(shuffled)


def main(argv: list[str]) -> int:
    train = corpus.load("train")
    out: dict[str, dict] = {}
    tasks: dict[str, Callable[[], list[Example]]] = {
        task: (lambda task=task: examples(task, train)) for task in L2
    }
    for task, make in tasks.items():
        data = make()
        if "--no-cv" not in argv:
            print(f"{task:10} n={len(data):5}  5-fold CV accuracy {cross_validate(task, data):.1%}")
        if "--cv-only" in argv:
            continue
        bias, weights = fit(data, L2[task])
        out[task] = {"bias": round(bias, 4), "weights": dict(sorted(weights.items()))}
    if "--cv-only" not in argv:
        OUT.mkdir(parents=True, exist_ok=True)
        payload = {
            "about": "Logistic weights fitted by bench/train_coach.py on the training split.",
            "models": out,
        }
        (OUT / "weights.json").write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n")
        print(f"wrote {OUT / 'weights.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
