"""``okrcoach lint``: review a key result, an objective, or a whole OKR document.

``okrcoach lint FILE.md`` (or ``.csv``) reviews each objective with its key
results as a set and prints ``FILE:LINE: severity: message``, like a compiler.
``okrcoach lint -`` reads one text per line from stdin and answers in the same
form, or one JSON line each with ``--json``; that path imports neither Textual
nor rich so it stays fast in scripts.
Exit status: 0 when nothing is a problem, 1 when any finding is a problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from okrcoach.commands.common import examples, fail
from okrcoach.paths import AppPaths

JQ_EXAMPLE = "okrcoach lint --format json okrs.csv | jq '.[] | select(.severity == \"problem\")'"
EPILOG = f"""\
TEXT is one key result (or, with --objective, one objective). A FILE ending
in .md, .markdown, .txt or .csv is read as an OKR document: objectives as
headings or top-level list items with their key results as the list items
beneath; or a CSV with one row per key result and "objective" and "key result"
columns. Findings print as FILE:LINE: severity: message (--format json for
tools: a list of findings with file, line, severity, rule_id, message).

With -, one text per line is read from stdin and findings print as
<stdin>:LINE: severity: message; --json prints one JSON review per line.

{
    examples(
        'okrcoach lint "Cut first reply time from 24 h to 4 h"',
        'okrcoach lint --objective "Customers get answers the same day"',
        "okrcoach lint okrs.md",
        JQ_EXAMPLE,
        "cut -d, -f2 krs.csv | okrcoach lint - --json",
    )
}
exit status: 0 nothing is a problem, 1 a finding is a problem, 2 nothing to review
(empty text, or a file that cannot be read).
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="review a key result or an objective and suggest improvements",
        description=(
            "Review a key result (or, with --objective, an objective), or every objective "
            "and key result of an OKR document (FILE.md, FILE.csv)."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "text", metavar="TEXT|FILE|-", help='the text, an OKR document, or "-" for stdin lines'
    )
    parser.add_argument("--objective", action="store_true", help="review the text as an objective")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--format", choices=("text", "json"), default=None, help="text (default) or json"
    )
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


def _run_stdin(objective: bool, as_json: bool) -> int:
    from okrcoach.domain.text import clean_line

    status = 0
    out = sys.stdout
    for number, raw in enumerate(sys.stdin, start=1):
        text = clean_line(raw)
        if not text:
            continue
        review = _review(text, objective)
        if as_json:
            out.write(json.dumps(_payload(review, objective), ensure_ascii=False) + "\n")
        else:
            for finding in review.findings:
                message = clean_line(finding.message)
                out.write(f"<stdin>:{number}: {finding.severity}: {message} ({finding.rule_id})\n")
        if _has_problem(review):
            status = 1
    out.flush()
    return status


def _looks_like_a_file(argument: str) -> bool:
    """A cheap first look (no imports): does the argument end like an OKR document's name?"""
    return argument.casefold().endswith((".md", ".markdown", ".txt", ".csv"))


def _run_document(argument: str, as_json: bool) -> int:
    from pathlib import Path

    from okrcoach.domain.text import clean_line
    from okrcoach.export.document_review import has_problem, review_document
    from okrcoach.export.documents import DocumentError, read_document

    shown = clean_line(argument)
    try:
        document = read_document(Path(argument).expanduser())
    except DocumentError as error:
        return fail("lint", str(error))
    findings = review_document(document)
    if as_json:
        data = [f.as_dict(shown) for f in findings]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f"{shown}:{f.line}: {f.severity}: {f.message} ({f.rule_id})")
        objectives = sum(1 for o in document.objectives if o.title is not None)
        krs = document.key_result_count
        problems = sum(1 for f in findings if f.severity == "problem")
        warnings = sum(1 for f in findings if f.severity == "warning")
        from okrcoach.domain.numbers import plural

        print(
            f"{shown}: {plural(objectives, 'objective')} and {plural(krs, 'key result')} "
            f"reviewed: {plural(problems, 'problem')}, {plural(warnings, 'warning')}.",
            file=sys.stderr,
        )
    return 1 if has_problem(findings) else 0


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

    as_json = args.json or args.format == "json"
    if args.text == "-":
        return _run_stdin(args.objective, as_json)
    if _looks_like_a_file(args.text):
        from okrcoach.export.documents import is_document

        if is_document(args.text):
            return _run_document(args.text, as_json)
    text = clean_line(args.text)
    if not text:
        print("Nothing to review: the text is empty.", file=sys.stderr)
        return 2
    review = _review(text, args.objective)
    if as_json:
        print(json.dumps(_payload(review, args.objective), ensure_ascii=False, indent=2))
    else:
        _print_rich(review, args.objective)
    return 1 if _has_problem(review) else 0
