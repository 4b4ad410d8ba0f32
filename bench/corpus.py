"""The labelled corpus, read into one shape for evaluation and training.

Three splits:

- ``train``: the team's files (``tests/corpus/*.jsonl`` and ``tests/corpus/train/``), the
  only text the coach's weights are fitted and tuned on;
- ``blind``: ``tests/corpus/blind/``, written from the method notes and label definitions
  alone by someone who had not read the coach, frozen before any tuning. Never fitted on.
- ``blind2``: ``tests/corpus/blind2/``, a second set written the same way, later and by
  someone else, frozen before the coach was next tuned. Never fitted on either.

Rows: key results (``kind``, ``measurable``, ``has_baseline``, ``vanity``, ``quality``),
goals (``label``, ``maturity``) and objectives (``quality``, ``problem``). A label that is
missing or null is simply not scored on that axis.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
SPLITS = ("train", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8")
BLIND = ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8")


@dataclass(frozen=True)
class Split:
    krs: list[dict]
    goals: list[dict]
    objectives: list[dict]


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _legacy() -> Split:
    """The first corpus: one file per axis, merged per text."""
    krs: dict[str, dict] = {}
    for row in _read(CORPUS / "kr_kind.jsonl"):
        krs.setdefault(row["text"], {"text": row["text"]})["kind"] = row["label"]
    for row in _read(CORPUS / "kr_vanity.jsonl"):
        krs.setdefault(row["text"], {"text": row["text"]})["vanity"] = row["vanity"]
    for row in _read(CORPUS / "kr_measurable.jsonl"):
        entry = krs.setdefault(row["text"], {"text": row["text"]})
        entry["measurable"] = row["measurable"]
        entry["has_baseline"] = row["has_baseline"]
    goals = [
        {"text": r["text"], "label": r["label"], "maturity": r["maturity"]}
        for r in _read(CORPUS / "goal_type.jsonl")
    ]
    objectives = []
    for row in _read(CORPUS / "objectives.jsonl"):
        problems = [f for f in row["flags"] if f in ("has-number", "bau", "too-short")]
        if row["kind"] == "task":
            problems.insert(0, "task")
        objectives.append(
            {
                "text": row["text"],
                "quality": "bad" if problems else "good",
                "problem": (problems[0].replace("has-", "") if problems else None),
            }
        )
    return Split(list(krs.values()), goals, objectives)


def load(split: str) -> Split:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    if split in BLIND:
        folder = CORPUS / split
        return Split(
            _read(folder / "krs.jsonl"),
            _read(folder / "goals.jsonl"),
            _read(folder / "objectives.jsonl"),
        )
    legacy = _legacy()
    folder = CORPUS / "train"
    krs, goals, objectives = list(legacy.krs), list(legacy.goals), list(legacy.objectives)
    for path in sorted(folder.glob("krs_*.jsonl")):
        krs += _read(path)
    for path in sorted(folder.glob("goals_*.jsonl")):
        goals += _read(path)
    for path in sorted(folder.glob("objectives_*.jsonl")):
        objectives += _read(path)
    # A line written independently into both splits is kept out of training, so the
    # blind figures never score text the models were fitted on ("Roadmap" and "roadmap",
    # "Release dark mode" and "Release dark mode 🌙" are the same line).
    held = {
        same_line(r["text"])
        for blind in map(load, BLIND)
        for r in (*blind.krs, *blind.goals, *blind.objectives)
    }
    return Split(
        [r for r in krs if same_line(r["text"]) not in held],
        [r for r in goals if same_line(r["text"]) not in held],
        [r for r in objectives if same_line(r["text"]) not in held],
    )


def same_line(text: str) -> str:
    """A line as compared across splits: only its letters and digits, in lower case
    ("9 h" and "9h", "Fat: 24%" and "Fat 24%", a line with or without an emoji are the
    same line)."""
    return "".join(c for c in text.casefold() if c.isalnum())
