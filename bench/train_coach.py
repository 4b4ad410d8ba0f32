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


# (features, label, weight)
Example = tuple[dict[str, float], int, float]
# Sets written to be hard on one side ("team-hard": many lines that look measurable but
# are not) teach which facts matter, but their share of each label is not how often such
# lines occur. Their examples are reweighted so that, within the set, each label carries
# the share it has in the rest of the corpus: the model's prior stays that of ordinary text.
HARD = "team-hard"


def examples(task: str, split: corpus.Split) -> list[Example]:
    rows: list[tuple[Evidence, int, bool]] = []
    if task == "kind":
        rows = [
            (kr_evidence(r["text"]), r["kind"] == "task", r.get("source") == HARD)
            for r in split.krs
            if r.get("kind")
        ]
    elif task == "vanity":
        rows = [
            (kr_evidence(r["text"]), bool(r["vanity"]), r.get("source") == HARD)
            for r in split.krs
            if r.get("vanity") is not None
        ]
    elif task == "measurable":
        rows = [
            (
                {**kr_evidence(r["text"]), **measurable_evidence(r["text"])},
                bool(r["measurable"]),
                r.get("source") == HARD,
            )
            for r in split.krs
            if r.get("measurable") is not None
        ]
    elif task == "goal":
        rows = [(goal_evidence(r["text"]), r["label"] == "learning", False) for r in split.goals]
    elif task == "objective":
        rows = [
            (objective_evidence(r["text"]), r["quality"] == "bad", False) for r in split.objectives
        ]
    weights = _rebalance([(int(y), hard) for _, y, hard in rows])
    return [
        ({k: v for k, (v, _) in ev.items()}, int(y), w)
        for (ev, y, _), w in zip(rows, weights, strict=True)
    ]


def _rebalance(rows: list[tuple[int, bool]]) -> list[float]:
    """Per example: 1.0, or for a hard set's example the weight that gives its label the
    share that label has among the other examples (the hard set's total weight unchanged)."""
    plain = [y for y, hard in rows if not hard]
    hard = [y for y, is_hard in rows if is_hard]
    if not plain or not hard or 0 in (sum(hard), len(hard) - sum(hard)):
        return [1.0] * len(rows)
    share = sum(plain) / len(plain)
    yes = share * len(hard) / sum(hard)
    no = (1 - share) * len(hard) / (len(hard) - sum(hard))
    return [(yes if y else no) if is_hard else 1.0 for y, is_hard in rows]


def fit(data: list[Example], l2: tuple[float, float]) -> tuple[float, dict[str, float]]:
    weights: dict[str, float] = {}
    grad_sq: dict[str, float] = {}
    bias, bias_sq = 0.0, 0.0
    rate = 0.5
    n = sum(w for _, _, w in data)
    for _ in range(EPOCHS):
        grads: dict[str, float] = {}
        bias_grad = 0.0
        for features, y, w in data:
            z = bias + sum(weights.get(f, 0.0) * v for f, v in features.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            error = (p - y) * w
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
        right += sum(predict(model, x) == y for x, y, _ in test)
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
