"""Measure the coach on the labelled corpus: accuracy, precision and recall per axis,
and how many key results per second ``review_key_result`` reviews.

Throughput is also shown against a reference measured in the same run (a plain
regular-expression scan of the same texts), so the figure means something on any
machine. Figures are printed, not asserted: the tests pin the floors.

Run: python bench/coach_eval.py [--errors]
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from okrcoach.coach import classify_goal, review_key_result, review_objective
from okrcoach.coach.kr import kind_of
from okrcoach.coach.signals import read

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def load(name: str) -> list[dict]:
    with (CORPUS / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def metrics(pairs: Iterable[tuple[object, object]], positive: object) -> dict[str, float]:
    """Accuracy, and precision/recall of the ``positive`` label."""
    pairs = list(pairs)
    tp = sum(1 for want, got in pairs if want == positive and got == positive)
    fp = sum(1 for want, got in pairs if want != positive and got == positive)
    fn = sum(1 for want, got in pairs if want == positive and got != positive)
    right = sum(1 for want, got in pairs if want == got)
    return {
        "n": len(pairs),
        "accuracy": right / len(pairs) if pairs else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
    }


def axes() -> dict[str, tuple[str, list[tuple[str, object, object]]]]:
    """Per axis: the positive label and (text, expected, predicted) rows."""
    kind = [
        (r["text"], r["label"], review_key_result(r["text"]).kind) for r in load("kr_kind.jsonl")
    ]
    vanity = [
        (r["text"], r["vanity"], review_key_result(r["text"]).vanity)
        for r in load("kr_vanity.jsonl")
    ]
    measurable_rows = load("kr_measurable.jsonl")
    measurable = [
        (r["text"], r["measurable"], review_key_result(r["text"]).measurable)
        for r in measurable_rows
    ]
    baseline = [
        (r["text"], r["has_baseline"], review_key_result(r["text"]).has_baseline)
        for r in measurable_rows
    ]
    goal = [
        (r["text"], r["label"], classify_goal(r["text"], maturity=r["maturity"]).goal_type)
        for r in load("goal_type.jsonl")
    ]
    objective_rows = load("objectives.jsonl")
    objective_kind = [
        (r["text"], r["kind"], review_objective(r["text"]).kind) for r in objective_rows
    ]
    objective_flags = [
        (r["text"], sorted(r["flags"]), _objective_flags(r["text"])) for r in objective_rows
    ]
    return {
        "kr outcome/task": ("task", kind),
        "kr vanity": (True, vanity),
        "kr measurable": (False, measurable),
        "kr has baseline": (True, baseline),
        "learning/performance": ("learning", goal),
        "objective outcome/task": ("task", objective_kind),
        "objective flags (exact)": ([], objective_flags),
    }


def _objective_flags(text: str) -> list[str]:
    wanted = {"obj.has-number", "obj.bau", "obj.too-short", "obj.too-long"}
    found = review_objective(text, why="a reason").findings
    return sorted(f.rule_id.removeprefix("obj.") for f in found if f.rule_id in wanted)


def throughput(func: Callable[[str], object], texts: list[str], seconds: float = 0.5) -> float:
    """Calls per second of ``func`` over ``texts`` (caches cleared so each call does the work)."""
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            func(text)
        done += len(texts)
        _clear_caches()
    return done / (time.perf_counter() - start)


def _clear_caches() -> None:
    from okrcoach.coach import parse, signals, words

    for cached in (signals.read, parse.parse_metric, parse.quantities, words.words):
        cached.cache_clear()


_REFERENCE = re.compile(r"\b(from|to|by)\s+[€$£]?\d[\d,.]*\s*(%|k|m|h|ms|days?)?", re.I)


def reference_scan(text: str) -> object:
    """A plain regex scan: the cheapest thing a linter could do with the same text."""
    return _REFERENCE.findall(text.lower())


def main(argv: list[str]) -> int:
    show_errors = "--errors" in argv
    print(f"{'axis':28} {'n':>4} {'accuracy':>9} {'precision':>10} {'recall':>7}  positive")
    for name, (positive, rows) in axes().items():
        result = metrics(((want, got) for _, want, got in rows), positive)
        print(
            f"{name:28} {result['n']:>4} {result['accuracy']:>9.1%} "
            f"{result['precision']:>10.1%} {result['recall']:>7.1%}  {positive!r}"
        )
        if show_errors:
            for text, want, got in rows:
                if want != got:
                    print(f"    expected {want!r:12} got {got!r:12} {text}")
    texts = [r["text"] for r in load("kr_kind.jsonl")]
    coach = throughput(review_key_result, texts)
    plain = throughput(reference_scan, texts)
    kinds = throughput(lambda t: kind_of(read(t)), texts)
    print()
    print(f"review_key_result: {coach:,.0f} KRs/s ({1e6 / coach:.0f} µs per KR, uncached)")
    print(f"  outcome/task only: {kinds:,.0f} KRs/s")
    print(f"  reference regex scan: {plain:,.0f} texts/s; coach/reference = {coach / plain:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
