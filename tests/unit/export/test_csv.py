"""The CSV export: one row per KR and per check-in, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date

from okrcoach.domain.models import CheckIn, Cycle, KeyResult, Objective
from okrcoach.export.csvio import render_csv
from okrcoach.export.snapshot import Snapshot, Tables
from tests.unit.export.conftest import T0


def _rows() -> list[dict[str, str]]:
    cycle = Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31))
    objective = Objective(cycle_id=cycle.id, title='=HYPERLINK("http://x")', owner="@ana")
    gone = Objective(cycle_id=cycle.id, title="In the trash", deleted=True)
    kr = KeyResult(objective_id=objective.id, title='Grow, "quoted"\nrevenue', target=10)
    hidden = KeyResult(objective_id=gone.id, title="Hidden", target=1)
    checkins = [
        CheckIn(kr_id=kr.id, at=T0, value=3, confidence=7, note="-1 day, +2 wins"),
        CheckIn(kr_id=kr.id, at=T0.replace(day=19), value=5, confidence=8),
    ]
    tables = Tables(
        cycles=[cycle], objectives=[objective, gone], key_results=[kr, hidden], checkins=checkins
    )
    return list(csv.DictReader(io.StringIO(render_csv(Snapshot(tables=tables)))))


def test_rows_say_what_they_are_and_keep_check_ins_with_their_kr() -> None:
    rows = _rows()
    assert [r["record"] for r in rows] == ["key_result", "checkin", "checkin"]
    assert rows[0]["key_result"] == 'Grow, "quoted" revenue'
    assert rows[0]["confidence"] == "8" and rows[0]["progress"] == "0.0000"
    assert [r["value"] for r in rows[1:]] == ["3.0", "5.0"]
    assert rows[1]["kr_id"] == rows[0]["kr_id"]


def test_formula_like_text_is_never_a_formula() -> None:
    rows = _rows()
    assert rows[0]["objective"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["owner"] == "'@ana"
    assert rows[1]["note"] == "'-1 day, +2 wins"
    assert "Hidden" not in {r["key_result"] for r in rows}


class _CountingList(list):  # type: ignore[type-arg]
    """A table that counts how often it is read through."""

    reads = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).reads += 1
        return super().__iter__()


def test_large_exports_read_the_check_ins_once_not_once_per_key_result() -> None:
    cycle = Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31))
    objective = Objective(cycle_id=cycle.id, title="Grow")
    krs = [KeyResult(objective_id=objective.id, title=f"KR {n}", target=10) for n in range(200)]
    checkins = _CountingList(
        CheckIn(kr_id=krs[n % 200].id, at=T0, value=n, confidence=5) for n in range(2000)
    )
    tables = Tables.model_construct(
        cycles=[cycle],
        objectives=[objective],
        key_results=krs,
        checkins=checkins,
        retros=[],
        journal=[],
        drafts=[],
    )
    _CountingList.reads = 0
    seen: list[tuple[int, int]] = []
    rows = render_csv(
        Snapshot(tables=tables), progress=lambda done, total: seen.append((done, total))
    )
    assert rows.count("\ncheckin,") == 2000
    assert _CountingList.reads <= 2
    assert seen[-1] == (2200, 2200)  # progress counts every row, ending at the total


def test_excel_csv_has_a_byte_order_mark_and_crlf_rows() -> None:
    cycle = Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31))
    objective = Objective(cycle_id=cycle.id, title="顧客満足 — café")
    kr = KeyResult(objective_id=objective.id, title="=SUM(A1)", target=10)
    tables = Tables(cycles=[cycle], objectives=[objective], key_results=[kr])
    text = render_csv(Snapshot(tables=tables), excel=True)
    assert text.startswith("\ufeffrecord,")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    row = next(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert row["objective"] == "顧客満足 — café"
    assert row["key_result"] == "'=SUM(A1)"  # still neutralised


# The columns as they were before team mode; a tool reading cells by position relies on them.
_FIRST_COLUMNS = [
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
]


def test_new_columns_come_after_the_old_ones_on_every_row() -> None:
    from okrcoach.export.csvio import COLUMNS

    assert list(COLUMNS[: len(_FIRST_COLUMNS)]) == _FIRST_COLUMNS
    assert COLUMNS[len(_FIRST_COLUMNS) :] == ("owner_role",)
    rows = _rows()
    assert [r["owner_role"] for r in rows] == ["", "", ""]  # a local owner is just a name
    assert rows[1]["note"] == "'-1 day, +2 wins" and rows[1]["owner"] == "'@ana"
