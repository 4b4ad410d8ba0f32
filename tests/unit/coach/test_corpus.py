"""Accuracy floors on the labelled corpus (set a little below what is measured)."""

from __future__ import annotations

import json
from pathlib import Path

from okrcoach.coach import classify_goal, review_key_result, review_objective

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _load(name: str) -> list[dict]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _accuracy(pairs: list[tuple[object, object]]) -> float:
    return sum(want == got for want, got in pairs) / len(pairs)


def test_corpus_is_large_labelled_and_sourced() -> None:
    names = ["kr_kind", "kr_vanity", "kr_measurable", "goal_type", "objectives"]
    rows = [row for name in names for row in _load(f"{name}.jsonl")]
    assert len(rows) >= 300
    assert all(row["text"].strip() and row["source"] for row in rows)


def test_outcome_or_task_accuracy() -> None:
    rows = _load("kr_kind.jsonl")
    assert _accuracy([(r["label"], review_key_result(r["text"]).kind) for r in rows]) >= 0.95


def test_vanity_accuracy() -> None:
    rows = _load("kr_vanity.jsonl")
    assert _accuracy([(r["vanity"], review_key_result(r["text"]).vanity) for r in rows]) >= 0.92


def test_measurable_and_baseline_accuracy() -> None:
    rows = _load("kr_measurable.jsonl")
    reviews = [(r, review_key_result(r["text"])) for r in rows]
    assert _accuracy([(r["measurable"], rv.measurable) for r, rv in reviews]) >= 0.93
    assert _accuracy([(r["has_baseline"], rv.has_baseline) for r, rv in reviews]) >= 0.93


def test_learning_or_performance_accuracy() -> None:
    rows = _load("goal_type.jsonl")
    pairs = [(r["label"], classify_goal(r["text"], maturity=r["maturity"]).goal_type) for r in rows]
    assert _accuracy(pairs) >= 0.95


def test_objective_accuracy() -> None:
    rows = _load("objectives.jsonl")
    assert _accuracy([(r["kind"], review_objective(r["text"]).kind) for r in rows]) >= 0.92
    flags = {"obj.has-number", "obj.bau", "obj.too-short", "obj.too-long"}
    found = [
        sorted(
            f.rule_id.removeprefix("obj.")
            for f in review_objective(r["text"], why="a reason").findings
            if f.rule_id in flags
        )
        for r in rows
    ]
    assert _accuracy(list(zip([sorted(r["flags"]) for r in rows], found, strict=True))) >= 0.92
