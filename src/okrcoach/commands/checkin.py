"""``okrcoach checkin``: record a check-in from the shell, in seconds.

The key result is picked by a few words of its title; a value, confidence and
note come from the arguments or, on a terminal, are asked for one by one. The
checks, the change line, the forecast and the learning question are the
check-in screen's own (``services.checkins``), and the save is one atomic write.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from okrcoach.commands.common import add_store_option, examples, fail, workspace_location
from okrcoach.paths import AppPaths

EPILOG = f"""\
WORDS are a few words of the key result's title, in any order and case
("reply time" finds "Cut first reply time to 4 h"). When they fit more than
one key result, the matches are listed and nothing is saved: add a word.
On a terminal, whatever is missing is asked for (Enter keeps the last
confidence); in a script give VALUE and -c. A milestone takes done or 1, not
yet or 0. For learning goals, --learned records what you learned.

{
    examples(
        'okrcoach checkin "reply time" 9.5 -c 7 -n "new macros"',
        "okrcoach checkin activation 31% -c 6",
        'okrcoach checkin "interview guide" done -c 8 --learned "ask about the last time"',
        "okrcoach checkin            (on a terminal: pick from the list)",
    )
}
exit status: 0 saved, 2 nothing saved: no match, several matches, a bad value,
or the app is open (it holds the data; check in there with c).
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "checkin",
        help="record a check-in on a key result, found by a few words of its title",
        description="Record a check-in without opening the app.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("words", nargs="?", metavar="WORDS", help="words of the key result")
    parser.add_argument("value", nargs="?", metavar="VALUE", help="the current value")
    parser.add_argument("-c", "--confidence", metavar="0-10", help="how sure you are, 0 to 10")
    parser.add_argument("-n", "--note", metavar="TEXT", default=None, help="a short note")
    parser.add_argument(
        "-l", "--learned", metavar="TEXT", default=None, help="what you learned (learning goals)"
    )
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    add_store_option(parser)
    parser.set_defaults(func=run)


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask(prompt: str) -> str | None:
    """One line from the terminal; None at end of input."""
    try:
        return input(prompt)
    except EOFError:
        print()
        return None


def _pick(candidates: list[Any], words: str | None) -> Any | None:
    """The one candidate the words name, asking on a terminal when they name none or many."""
    from okrcoach.domain.text import clean_line
    from okrcoach.services.checkins import match_key_results

    found = match_key_results(candidates, words) if words else candidates
    if len(found) == 1:
        return found[0]
    if words and not found:
        fail("checkin", f"no key result of the current cycle matches '{clean_line(words)}'.")
        _list(candidates, "Key results you can check in on:")
        return None
    if not _interactive():
        reason = f"'{clean_line(words)}' fits {len(found)} key results" if words else "say which"
        fail("checkin", f"{reason}; nothing was saved. Add a word to pick one:")
        _list(found, "")
        return None
    _list(found, "Which key result?", numbered=True)
    while True:
        answer = _ask(f"Number (1-{len(found)}): ")
        if answer is None or not answer.strip():
            return None
        if answer.strip().isdigit() and 1 <= int(answer) <= len(found):
            return found[int(answer) - 1]
        print(f"Type a number from 1 to {len(found)}.", file=sys.stderr)


def _list(candidates: list[Any], heading: str, numbered: bool = False) -> None:
    from okrcoach.domain.text import clean_line

    out = sys.stdout if numbered else sys.stderr
    if heading:
        print(heading, file=out)
    for number, candidate in enumerate(candidates, start=1):
        lead = f"{number:>3}. " if numbered else "  - "
        print(lead + clean_line(candidate.label), file=out)


def _ask_until(prompt: str, parse: Any, default: str | None = None) -> Any:
    while True:
        answer = _ask(prompt)
        if answer is None:
            return None
        if not answer.strip() and default is not None:
            answer = default
        try:
            return parse(answer)
        except ValueError as error:
            print(f"  {str(error).capitalize()}.", file=sys.stderr)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.domain.models import TEXT_MAX, GoalType
    from okrcoach.location import LocationError
    from okrcoach.services.checkins import (
        CheckInPlan,
        change_since_last,
        checkin_candidates,
        forecast_sentence,
        format_value,
        parse_confidence,
        parse_value,
        record_checkin,
    )
    from okrcoach.store import LockedError, StoreError
    from okrcoach.store.choose import open_workspace

    today = args.today or date.today()
    try:
        location = workspace_location(args, paths)
    except LocationError as error:
        return fail("checkin", f"{error} Nothing was saved.")
    if location is None and not paths.data_file.exists():
        return fail("checkin", "there is no workspace yet: open okrcoach to set an objective.")
    try:
        store = open_workspace(location, paths)
    except LockedError as error:
        who = f" (pid {error.pid})" if error.pid else ""
        return fail(
            "checkin",
            f"okrcoach is open{who} and holds the data, so the check-in cannot be saved now. "
            "Nothing was saved: check in there (press c), or close it and run this again.",
        )
    except StoreError as error:
        return fail("checkin", f"{error} Nothing was saved.")
    with store:
        candidates = checkin_candidates(store, today)
        if not candidates:
            return fail("checkin", "the current cycle has no key results to check in on yet.")
        chosen = _pick(candidates, args.words)
        if chosen is None:
            return 2
        kr = chosen.kr
        plan = CheckInPlan(kr, store.checkins(kr.id))
        learning = chosen.objective.goal_type is GoalType.LEARNING
        print(f"Key result: {chosen.label}")
        missing = args.value is None or args.confidence is None
        if missing and not _interactive():
            return fail("checkin", "give the VALUE and -c CONFIDENCE (no terminal to ask on).")
        try:
            value = parse_value(args.value, kr) if args.value is not None else None
            confidence = parse_confidence(args.confidence) if args.confidence is not None else None
        except ValueError as error:
            return fail("checkin", f"{error}; nothing was saved.")
        if value is None:
            last = format_value(plan.last_value, kr.unit)
            target = format_value(kr.target, kr.unit)
            value = _ask_until(
                f"Value (last {last}, target {target}): ", lambda t: parse_value(t, kr)
            )
            if value is None:
                return fail("checkin", "stopped; nothing was saved.")
        if confidence is None:
            last_confidence = plan.last_confidence
            hint = f" [{last_confidence}]" if last_confidence is not None else ""
            confidence = _ask_until(
                f"Confidence 0-10{hint}: ",
                parse_confidence,
                str(last_confidence) if last_confidence is not None else None,
            )
            if confidence is None:
                return fail("checkin", "stopped; nothing was saved.")
        note = args.note
        if note is None:
            note = (_ask("Note (optional): ") or "") if missing else ""
        learned = args.learned
        if learned is None:
            learned = (
                (_ask("What did you learn? (optional): ") or "") if missing and learning else ""
            )
        for name, text in (("note", note), ("learned", learned)):
            if len(text) > TEXT_MAX:
                return fail(
                    "checkin", f"the {name} is {len(text):,} characters; at most {TEXT_MAX:,}."
                )
        change = change_since_last(plan, value)
        forecast = forecast_sentence(plan, chosen.cycle, today, value)
        try:
            record_checkin(store, kr, value, confidence, note, learned, today)
        except StoreError as error:
            return fail("checkin", f"{error} Nothing was saved.")
    lines = [
        f"Saved: {format_value(value, kr.unit)}, confidence {confidence}/10.",
        change,
        forecast,
    ]
    if learning and not learned:
        lines.append("Learning goal: what did you learn? Add it next time with --learned.")
    # One write, so a reader never sees the confirmation without what it means.
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    return 0
