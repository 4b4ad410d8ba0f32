"""``okrcoach import FILE.md|FILE.csv``: an OKR document into a cycle, after a dry run.

The dry run is always shown first: each objective and key result with the
coach's score and findings, by line. On a terminal the import then asks; in a
script it needs --yes. Everything is saved in one write, or nothing is.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from okrcoach.commands.common import fail
from okrcoach.paths import AppPaths


def _preview(shown: str, plan: object, findings: dict[int, list[object]]) -> list[str]:
    from okrcoach.domain.numbers import plural
    from okrcoach.domain.text import clean_line
    from okrcoach.export.text import value_words

    objectives = [p for p in plan.objectives if p.objective is not None]  # type: ignore[attr-defined]
    krs = sum(len(p.key_results) for p in objectives)
    cycle = plan.cycle  # type: ignore[attr-defined]
    new = " (a new cycle)" if plan.new_cycle else ""  # type: ignore[attr-defined]
    lines = [
        f"Importing {shown} into {clean_line(cycle.name)}{new}: "
        f"{plural(len(objectives), 'objective')}, {plural(krs, 'key result')}. "
        "What the coach thinks of each line:"
    ]

    def notes(line: int) -> list[str]:
        return [
            f"      {f.severity}: {f.message}"  # type: ignore[attr-defined]
            for f in findings.get(line, [])
        ]

    for planned in objectives:
        source, objective = planned.source, planned.objective
        lines.append(
            f'{shown}:{source.title.line}: objective "{clean_line(objective.title)}" '
            f"({objective.goal_type.value} goal) · set score {planned.score}/100"
        )
        lines += notes(source.title.line)
        for doc_line, kr, score in zip(
            source.key_results, planned.key_results, planned.kr_scores, strict=True
        ):
            values = ""
            if kr.baseline is not None or kr.target is not None:
                values = f" · {value_words(kr, kr.baseline)} → {value_words(kr, kr.target)}"
            lines.append(
                f'{shown}:{doc_line.line}:   key result "{clean_line(kr.title)}"{values}'
                f" · score {score}/100"
            )
            lines += notes(doc_line.line)
    return lines


def run_document(args: argparse.Namespace, paths: AppPaths, path: Path) -> int:
    from okrcoach.commands.common import open_workspace_of
    from okrcoach.domain.text import clean_line
    from okrcoach.export.document_import import findings_by_line, plan_import
    from okrcoach.export.document_review import review_document
    from okrcoach.export.documents import DocumentError, read_document
    from okrcoach.export.errors import ExportError, UnknownCycleError
    from okrcoach.location import LocationError
    from okrcoach.settings import load_settings
    from okrcoach.store import LockedError, StoreError

    shown = clean_line(path.name)
    today = args.today or date.today()
    try:
        document = read_document(path)
    except DocumentError as error:
        return fail("import", str(error))
    settings, _ = load_settings(paths)
    findings = findings_by_line(review_document(document))
    writing = not args.dry_run
    try:
        store = open_workspace_of(args, paths, read_only=not writing)
    except LockedError as error:
        who = f" (pid {error.pid})" if error.pid else ""
        return fail(
            "import",
            f"okrcoach is open{who}, so the import cannot write now. Nothing was imported; "
            "close the app, or try --dry-run to see what would be imported.",
        )
    except (StoreError, LocationError) as error:
        return fail("import", f"{error} Nothing was imported.")
    with store:
        try:
            plan = plan_import(store, document, args.cycle, today, settings.cycle_length)
        except (ExportError, UnknownCycleError) as error:
            return fail("import", f"{shown}: {error} Nothing was imported.", 1)
        print("\n".join(_preview(shown, plan, findings)))
        if args.dry_run:
            print("Dry run: nothing was written.")
            return 0
        if not args.yes:
            if not (sys.stdin.isatty() and sys.stdout.isatty()):
                return fail("import", "nothing was written: add --yes to import from a script.")
            try:
                answer = input("Import these into the cycle? [y/N] ")
            except EOFError:
                answer = ""
            if answer.strip().casefold() not in ("y", "yes"):
                print("Nothing was written.")
                return 0
        try:
            store.save_many(plan.records())
        except StoreError as error:
            return fail("import", f"{error} Nothing was imported.")
    count = sum(1 for p in plan.objectives if p.objective is not None)
    from okrcoach.domain.numbers import plural

    print(f"Imported {plural(count, 'objective')} into {clean_line(plan.cycle.name)}.")
    return 0
