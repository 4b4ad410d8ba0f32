"""``okrcoach lint``: review a key result (or an objective) and explain the findings.

``okrcoach lint -`` reads one text per line from stdin and prints one JSON line
each; that path imports neither Textual nor rich so it stays fast in scripts.
Exit status: 0 when nothing is a problem, 1 when any finding is a problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from okrcoach.paths import AppPaths


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="review a key result or an objective and suggest improvements",
        description=(
            "Review a key result (or, with --objective, an objective). "
            "Exit 1 when a finding is a problem. Use - to read one text per line from stdin."
        ),
    )
    parser.add_argument("text", help='the text to review, or "-" to read lines from stdin')
    parser.add_argument("--objective", action="store_true", help="review the text as an objective")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def _review(text: str, objective: bool) -> Any:
    from okrcoach.coach import review_key_result, review_objective

    return review_objective(text) if objective else review_key_result(text)


def _has_problem(review: Any) -> bool:
    return any(f.severity == "problem" for f in review.findings)


def _payload(review: Any, objective: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"type": "objective" if objective else "key_result"}
    data.update(review.model_dump(mode="json"))
    return data


def _run_stdin(objective: bool) -> int:
    from okrcoach.domain.text import clean_line

    status = 0
    out = sys.stdout
    for raw in sys.stdin:
        text = clean_line(raw)
        if not text:
            continue
        review = _review(text, objective)
        out.write(json.dumps(_payload(review, objective), ensure_ascii=False) + "\n")
        if _has_problem(review):
            status = 1
    out.flush()
    return status


def _print_rich(review: Any, objective: bool) -> None:
    from rich.console import Console
    from rich.markup import escape

    from okrcoach.domain.text import clean_line

    console = Console(highlight=False, soft_wrap=True)
    label = "Objective" if objective else "Key result"
    console.print(f"[bold]{label}:[/bold] {escape(clean_line(review.text))}")
    facts = [f"kind: {review.kind}"]
    if not objective:
        facts.append("measurable" if review.measurable else "not measurable")
        facts.append("with baseline" if review.has_baseline else "no baseline")
        if review.vanity:
            facts.append("vanity metric")
    facts.append(f"score {review.score}/100")
    console.print("  " + " · ".join(facts), style="dim")
    if not review.findings:
        console.print("  [green]No findings: this reads well.[/green]")
    styles = {"problem": "bold red", "warning": "yellow", "info": "cyan"}
    for finding in review.findings:
        tag = f"[{styles[finding.severity]}]{finding.severity}[/]"
        console.print(f"  {tag} {escape(clean_line(finding.message))} ({finding.rule_id})")
        console.print(f"    next step: {escape(clean_line(finding.suggestion))}")
    rewrite = getattr(review, "rewrite", None)
    if rewrite:
        console.print(f"  [bold]try:[/bold] {escape(clean_line(rewrite))}")


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.domain.text import clean_line

    if args.text == "-":
        return _run_stdin(args.objective)
    text = clean_line(args.text)
    if not text:
        print("Nothing to review: the text is empty.", file=sys.stderr)
        return 2
    review = _review(text, args.objective)
    if args.json:
        print(json.dumps(_payload(review, args.objective), ensure_ascii=False, indent=2))
    else:
        _print_rich(review, args.objective)
    return 1 if _has_problem(review) else 0
