"""Measure the coach on the labelled corpus: accuracy, precision and recall per axis,
and how many key results per second ``review_key_result`` reviews.

Throughput is also shown against a reference measured in the same run (a plain
regular-expression scan of the same texts), so the figure means something on any
machine. Figures are printed, not asserted: the tests pin the floors.

Run: python bench/coach_eval.py [--errors] [--rounds N]

A speed change must not change a single answer: ``--record FILE`` writes every answer
the coach gives on the training texts (each key result, goal and objective review in
full), ``--compare FILE`` checks a later run against it and names each text that moved.
``--answers`` prints the fingerprint of the decisions that tests/unit/coach/
test_same_answers.py pins.
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
from okrcoach.coach import classify_goal, review_key_result, review_objective
from okrcoach.coach.kr import kind_of
from okrcoach.coach.signals import read


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


def _bad(findings: Iterable[object]) -> str:
    return "bad" if any(f.severity == "problem" for f in findings) else "good"


def axes(split: str) -> dict[str, tuple[object, list[tuple[str, object, object]]]]:
    """Per axis: the positive label and (text, expected, predicted) rows."""
    data = corpus.load(split)
    reviews = {r["text"]: review_key_result(r["text"]) for r in data.krs}

    def kr_axis(field: str, got: Callable[[object], object]) -> list[tuple[str, object, object]]:
        return [
            (r["text"], r[field], got(reviews[r["text"]]))
            for r in data.krs
            if r.get(field) is not None
        ]

    goal = [
        (r["text"], r["label"], classify_goal(r["text"], maturity=r.get("maturity")).goal_type)
        for r in data.goals
    ]
    objective = [
        (r["text"], r["quality"], _bad(review_objective(r["text"], why="a reason").findings))
        for r in data.objectives
    ]
    return {
        "kr outcome/task": ("task", kr_axis("kind", lambda v: v.kind)),
        "kr vanity": (True, kr_axis("vanity", lambda v: v.vanity)),
        "kr measurable": (False, kr_axis("measurable", lambda v: v.measurable)),
        "kr has baseline": (True, kr_axis("has_baseline", lambda v: v.has_baseline)),
        "kr bad flagged": ("bad", kr_axis("quality", lambda v: _bad(v.findings))),
        "learning/performance": ("learning", goal),
        "objective bad flagged": ("bad", objective),
    }


def throughput(func: Callable[[str], object], texts: list[str], seconds: float = 0.5) -> float:
    """Calls per second of ``func`` over ``texts`` (caches cleared so each call does the work,
    the first pass included: the accuracy figures above leave every cache warm)."""
    done = 0
    _clear_caches()
    start = time.process_time()
    while time.process_time() - start < seconds:
        for text in texts:
            func(text)
        done += len(texts)
        _clear_caches()
    return done / (time.process_time() - start)


def _clear_caches() -> None:
    """Forget every per-text answer (readings, features, examples), so each call does the
    work; per-word tables (verb classes) stay warm, as they are in any real session."""
    from okrcoach.coach import features, metrics, number_names, parse, reading, signals, words

    for cached in (
        signals.read,
        parse.parse_metric,
        parse.quantities,
        words.words,
        reading.reading,
        features.kr_evidence,
        features.measurable_evidence,
        features.goal_evidence,
        features.objective_evidence,
        metrics.example_for,
        number_names.name_spans,
    ):
        cached.cache_clear()


_REFERENCE = re.compile(r"\b(from|to|by)\s+[€$£]?\d[\d,.]*\s*(%|k|m|h|ms|days?)?", re.I)


def reference_scan(text: str) -> object:
    """A plain regex scan: the cheapest thing a linter could do with the same text."""
    return _REFERENCE.findall(text.lower())


def train_texts() -> list[str]:
    """Every distinct text of the training split, in a stable order."""
    data = corpus.load("train")
    texts = [r["text"] for r in (*data.krs, *data.goals, *data.objectives)]
    return list(dict.fromkeys(texts))


def decisions(text: str) -> list[object]:
    """The coach's decisions on one text, as a user sees them: outcome or task, vanity,
    measurable, baseline, which problems it names, learning or performance, and which
    rules its objective review fires."""
    kr = review_key_result(text)
    return [
        kr.kind,
        kr.vanity,
        kr.measurable,
        kr.has_baseline,
        sorted(f.rule_id for f in kr.findings if f.severity == "problem"),
        classify_goal(text).goal_type,
        sorted(f.rule_id for f in review_objective(text, why="a reason").findings),
    ]


def fingerprint(texts: Iterable[str]) -> str:
    """A short hash of every decision on ``texts``: equal hashes, equal answers."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(json.dumps([text, decisions(text)], ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def full_answers(texts: Iterable[str]) -> dict[str, dict[str, object]]:
    """Every answer in full (scores, messages, reasons, rewrites, examples, guesses)."""
    out: dict[str, dict[str, object]] = {}
    for text in texts:
        out[text] = {
            "kr": review_key_result(text).model_dump(mode="json"),
            "kr-structured": review_key_result(
                text, baseline=10, target=5, direction="increase", commitment="aspirational"
            ).model_dump(mode="json"),
            "goal": classify_goal(text).model_dump(mode="json"),
            "goal-new": classify_goal(text, maturity="new").model_dump(mode="json"),
            "objective": review_objective(text, why="a reason").model_dump(mode="json"),
            "objective-bare": review_objective(text).model_dump(mode="json"),
        }
    return out


def _compare(path: Path) -> int:
    recorded = json.loads(path.read_text(encoding="utf-8"))
    now = full_answers(recorded)
    moved = [text for text, answer in recorded.items() if now[text] != answer]
    for text in moved[:20]:
        for key, answer in recorded[text].items():
            if now[text][key] != answer:
                print(f"changed ({key}): {text}\n  was {answer}\n  now {now[text][key]}")
    print(f"{len(recorded) - len(moved)} of {len(recorded)} texts give the same answers")
    return 1 if moved else 0


def _header(split: str) -> None:
    print(f"[{split}] {'axis':24} {'n':>5} {'accuracy':>9} {'precision':>10} {'recall':>7}  pos")


def _line(split: str, name: str, positive: object, rows: list[tuple[str, object, object]]) -> None:
    result = metrics(((want, got) for _, want, got in rows), positive)
    print(
        f"[{split}] {name:24} {result['n']:>5} {result['accuracy']:>9.1%} "
        f"{result['precision']:>10.1%} {result['recall']:>7.1%}  {positive!r}"
    )


def _option(argv: list[str], name: str) -> str | None:
    return argv[argv.index(name) + 1] if name in argv[:-1] else None


def main(argv: list[str]) -> int:
    if (record := _option(argv, "--record")) is not None:
        answers = full_answers(train_texts())
        Path(record).write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
        print(f"recorded the answers on {len(answers)} texts")
        return 0
    if (compare := _option(argv, "--compare")) is not None:
        return _compare(Path(compare))
    if "--answers" in argv:
        print(fingerprint(train_texts()))
        return 0
    show_errors = "--errors" in argv
    only = [a for a in argv if a in corpus.SPLITS] or list(corpus.SPLITS)
    # Every blind split's rows together: each was written apart and frozen before the
    # tuning after it, so together they are the largest unseen sample there is.
    pooled: dict[str, tuple[object, list[tuple[str, object, object]]]] = {}
    for split in only:
        _header(split)
        for name, (positive, rows) in axes(split).items():
            _line(split, name, positive, rows)
            if split in corpus.BLIND:
                pooled.setdefault(name, (positive, []))[1].extend(rows)
            if show_errors:
                for text, want, got in rows:
                    if want != got:
                        print(f"    expected {want!r:8} got {got!r:8} {text}")
        print()
    if sum(split in corpus.BLIND for split in only) > 1:
        _header("blind, all")
        for name, (positive, rows) in pooled.items():
            _line("blind, all", name, positive, rows)
        print()
    texts = [r["text"] for r in corpus.load("train").krs]
    rounds = max(1, int(_option(argv, "--rounds") or 5))
    # Coach and reference take turns, so a busy machine slows both alike; the medians
    # (and each round's ratio) say more than any single run.
    coach_runs: list[float] = []
    plain_runs: list[float] = []
    for _ in range(rounds):
        coach_runs.append(throughput(review_key_result, texts))
        plain_runs.append(throughput(reference_scan, texts))
    kinds = throughput(lambda t: kind_of(read(t)), texts)
    coach, plain = statistics.median(coach_runs), statistics.median(plain_runs)
    ratio = statistics.median(c / p for c, p in zip(coach_runs, plain_runs, strict=True))
    print(
        f"review_key_result: {coach:,.0f} KRs/s ({1e6 / coach:.0f} µs per KR, uncached; "
        f"median of {rounds} rounds, best {max(coach_runs):,.0f})"
    )
    print(f"  outcome/task only: {kinds:,.0f} KRs/s")
    print(f"  reference regex scan: {plain:,.0f} texts/s; coach/reference = {ratio:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
