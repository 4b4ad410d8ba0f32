"""``okrcoach classify``: is a goal a learning goal or a performance goal, and why."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from okrcoach.commands.common import examples
from okrcoach.paths import AppPaths

MATURITIES = ("new", "improving", "mastered")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "classify",
        help="tell whether a goal is about learning or about performance",
        description="Classify a goal as learning or performance, with a confidence and reasons.",
        epilog=examples(
            'okrcoach classify "Learn to run customer interviews" --maturity new',
            'okrcoach classify "Cut first reply time to 4 h" --json',
        )
        + "exit status: 0 classified, 2 the text is empty.\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("text", help="the goal to classify")
    parser.add_argument(
        "--maturity",
        choices=MATURITIES,
        help="how mature the skill is: new, improving or mastered",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.coach import classify_goal
    from okrcoach.domain.text import clean_line

    text = clean_line(args.text)
    if not text:
        print("Nothing to classify: the text is empty.", file=sys.stderr)
        return 2
    result = classify_goal(text, maturity=args.maturity)
    if args.json:
        data = {"text": text, **result.model_dump(mode="json")}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.markup import escape

    from okrcoach.coach.prompts import LEARN_FIRST_QUESTION, MATURITY_QUESTION

    console = Console(highlight=False, soft_wrap=True)
    console.print(f"[bold]Goal:[/bold] {escape(text)}")
    extra = " with light performance tracking" if result.light_tracking else ""
    console.print(
        f"  [bold]{result.goal_type} goal[/bold]{extra} "
        f"(confidence {round(result.confidence * 100)}%)"
    )
    for reason in result.reasons:
        console.print(f"  - {escape(clean_line(reason))}")
    if args.maturity is None:
        console.print(f"  [dim]{MATURITY_QUESTION} Pass --maturity to be sure.[/dim]")
    elif result.goal_type == "learning":
        console.print(f"  [dim]{LEARN_FIRST_QUESTION}[/dim]")
    return 0
