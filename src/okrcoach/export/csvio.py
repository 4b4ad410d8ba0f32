"""One CSV of key results and their check-ins, for spreadsheets.

Each row says what it is in the ``record`` column: ``key_result`` rows carry
the KR and its objective, ``checkin`` rows repeat the KR's id and title and
add the check-in. Filtering on that column gives either table. Text cells that
a spreadsheet would run as a formula (starting with = + - @) get a leading
apostrophe. On a team store ``owner`` is the person's name and ``owner_role``
their database role (empty on the local store, where an owner is just a name).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from okrcoach.domain.models import CheckIn, Cycle, KeyResult, Objective
from okrcoach.domain.scoring import kr_progress
from okrcoach.export.snapshot import Snapshot
from okrcoach.export.text import clean_block, clean_line

COLUMNS = (
    "record",
    "cycle",
    "objective_id",
    "objective",
    "goal_type",
    "commitment",
    "owner",
    "kr_id",
    "key_result",
    "metric_kind",
    "direction",
    "unit",
    "baseline",
    "current",
    "target",
    "progress",
    "confidence",
    "checkin_id",
    "at",
    "value",
    "note",
    "learned",
    # Added with team mode, after every older column so readers by position keep working.
    "owner_role",
)
Progress = Callable[[int, int], None]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text a spreadsheet shows as text, never evaluates."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _kr_cells(
    snapshot: Snapshot, cycle: Cycle, objective: Objective, kr: KeyResult
) -> dict[str, str]:
    role = objective.owner if snapshot.on_team_store else ""
    return {
        "cycle": safe_cell(clean_line(cycle.name)),
        "objective_id": objective.id,
        "objective": safe_cell(clean_line(objective.title)),
        "goal_type": objective.goal_type.value,
        "commitment": objective.commitment.value,
        "owner": safe_cell(clean_line(snapshot.owner_name(objective.owner))),
        "owner_role": safe_cell(clean_line(role)),
        "kr_id": kr.id,
        "key_result": safe_cell(clean_line(kr.title)),
    }


def _kr_row(cells: dict[str, str], kr: KeyResult, latest: CheckIn | None) -> dict[str, str]:
    confidence = latest.confidence if latest is not None else kr.confidence
    return {
        "record": "key_result",
        **cells,
        "metric_kind": kr.metric_kind.value,
        "direction": kr.direction.value,
        "unit": safe_cell(clean_line(kr.unit)),
        "baseline": _number(kr.baseline),
        "current": _number(kr.current),
        "target": _number(kr.target),
        "progress": f"{kr_progress(kr):.4f}",
        "confidence": "" if confidence is None else str(confidence),
    }


# cycle .. key_result: repeated on every check-in row
_KR_COLUMNS = COLUMNS[1 : COLUMNS.index("key_result") + 1]
_GAP = [""] * (COLUMNS.index("confidence") - COLUMNS.index("metric_kind"))


def _text_cell(text: str) -> str:
    return safe_cell(clean_block(text)) if text else ""


def _checkin_row(cells: list[str], checkin: CheckIn, role: str) -> list[str]:
    """A check-in row as a list in column order (the export's hot loop: no dicts)."""
    return [
        "checkin",
        *cells,
        *_GAP,
        str(checkin.confidence),
        checkin.id,
        checkin.at.isoformat(),
        _number(checkin.value),
        _text_cell(checkin.note),
        _text_cell(checkin.learned),
        role,
    ]


def render_csv(snapshot: Snapshot, *, excel: bool = False, progress: Progress | None = None) -> str:
    """KR rows, each followed by its check-ins oldest first; objectives in the trash left out.

    ``excel`` starts the file with a byte order mark and ends rows with CRLF, so
    Excel opens non-ASCII text right. ``progress(done, total)`` is told after
    each key result, counted in rows.
    """
    out = io.StringIO()
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    writer.writerow(COLUMNS)
    total = len(snapshot.tables.key_results) + len(snapshot.tables.checkins)
    done = 0
    for cycle in snapshot.cycles_in_order():
        for objective in snapshot.objectives_of(cycle.id):
            for kr in snapshot.key_results_of(objective.id):
                checkins = snapshot.checkins_of(kr.id)
                latest = checkins[-1] if checkins else None
                cells = _kr_cells(snapshot, cycle, objective, kr)  # once per KR, not per check-in
                row = _kr_row(cells, kr, latest)
                writer.writerow([row.get(column, "") for column in COLUMNS])
                repeated = [cells[column] for column in _KR_COLUMNS]
                role = cells["owner_role"]
                writer.writerows(_checkin_row(repeated, checkin, role) for checkin in checkins)
                done += 1 + len(checkins)
                if progress is not None:
                    progress(min(done, total), total)
    return out.getvalue()
