"""The report as plain text: for pipes, files and narrow terminals.

No box drawing, no block bars, no padding to a fixed width: one fact per
line, wrapped (never cut) to the width asked for, measured in cells.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from okrcoach.domain.health import Health
from okrcoach.domain.models import Retrospective
from okrcoach.domain.numbers import format_percent, format_value, plural
from okrcoach.domain.retro import FORMAT_NAMES
from okrcoach.export.cells import wrap
from okrcoach.export.machine import ReportKeyResult, ReportOutput, report_output

_GOAL_WORDS = {"learning": "learning goal", "performance": "performance goal"}


def _confidence(value: int | None) -> str:
    return f"confidence {value}/10" if value is not None else "no confidence yet"


def _values(kr: ReportKeyResult) -> str:
    return " → ".join(format_value(v, kr.unit) for v in (kr.baseline, kr.current, kr.target))


def retro_sentences(retros: Iterable[Retrospective]) -> list[str]:
    lines = []
    for retro in retros:
        state = "finished" if retro.finished else "in progress"
        line = f"Retrospective ({FORMAT_NAMES[retro.format]}, {state})"
        if retro.scores:
            mean = sum(s.score for s in retro.scores) / len(retro.scores)
            line += f": {plural(len(retro.scores), 'key result')} scored, average {mean:.2f}"
        lines.append(line + ".")
    return lines


def plain_lines(data: ReportOutput, heading: str, retros: list[str], width: int) -> list[str]:
    """The report's lines, each at most ``width`` cells (words longer than that are broken)."""
    width = max(10, width)
    out = wrap(f"OKR report · {heading}", width)
    rows = data.objectives
    if not rows:
        out += wrap("No objectives in this cycle yet. Open okrcoach to set the first one.", width)
    else:
        krs = sum(len(r.key_results) for r in rows)
        learning = sum(1 for r in rows if r.goal_type == "learning")
        mean = sum(r.progress for r in rows) / len(rows)
        out += wrap(
            f"{plural(len(rows), 'objective')} ({learning} learning, "
            f"{len(rows) - learning} performance) · {plural(krs, 'key result')} · "
            f"average progress {format_percent(mean)}",
            width,
        )
    for number, row in enumerate(rows, start=1):
        out.append("")
        out += wrap(row.title, width, indent="   ", first=f"{number}. ")
        facts = [
            _GOAL_WORDS.get(row.goal_type, row.goal_type),
            row.commitment,
            f"progress {format_percent(row.progress)}",
            Health(row.health).label,
            _confidence(row.confidence),
        ]
        if row.owner:
            facts.append(f"owner {row.owner_name or row.owner}")
        out += wrap(" · ".join(facts), width, indent="   ")
        if not row.key_results:
            out += wrap("no key results yet", width, indent="   ")
        for kr in row.key_results:
            out += wrap(kr.title, width, indent="     ", first="   - ")
            facts = [
                _values(kr),
                f"progress {format_percent(kr.progress)}",
                Health(kr.health).label,
                _confidence(kr.confidence),
            ]
            if kr.score is not None:
                facts.append(f"score {kr.score:.2f}")
            out += wrap(" · ".join(facts), width, indent="     ")
    for hint in data.coach:
        out.append("")
        out += wrap(f"Coach: {hint}", width, indent="  ")
    if retros:
        out.append("")
        for line in retros:
            out += wrap(line, width)
    return out


def plain_report(store: Any, cycle: Any, today: date, cadence_days: int, width: int) -> str:
    from okrcoach.services.cycles import describe_cycle

    data = report_output(store, cycle, today, cadence_days)
    retros = retro_sentences(store.retros(cycle.id))
    return "\n".join(plain_lines(data, describe_cycle(cycle, today), retros, width)) + "\n"
