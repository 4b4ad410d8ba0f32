"""The Markdown export: readable, and user text cannot add structure of its own."""

from __future__ import annotations

import re
from datetime import date

from okrcoach.domain.models import Cycle, KeyResult, Objective
from okrcoach.export.markdown import escape_inline, render_markdown
from okrcoach.export.snapshot import Snapshot, Tables
from tests.unit.export.conftest import sample_records

HOSTILE = "# [click](http://x) \x1b]52;c;aGk=\x07"


def _snapshot(title: str, kr_title: str = "Cut reply time", why: str = "") -> Snapshot:
    cycle = Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31))
    objective = Objective(cycle_id=cycle.id, title=title, why=why, owner="Ana | Ben")
    kr = KeyResult(objective_id=objective.id, title=kr_title, baseline=24, target=4, unit="h")
    return Snapshot(tables=Tables(cycles=[cycle], objectives=[objective], key_results=[kr]))


def _built(title: str, **kw: str) -> str:
    # Models strip escape codes already; build past them to test the writer's own defence.
    snapshot = _snapshot("placeholder", **kw)
    raw = snapshot.tables.objectives[0].model_copy(update={"title": title})
    return render_markdown(snapshot.model_copy(update={"tables": Tables.model_construct(
        cycles=snapshot.tables.cycles, objectives=[raw], key_results=snapshot.tables.key_results,
        checkins=[], retros=[], journal=[], drafts=[])}))  # fmt: skip


def test_hostile_title_cannot_open_a_heading_or_a_link() -> None:
    text = _built(HOSTILE)
    assert "\x1b" not in text and "\x07" not in text and "aGk=" not in text
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert all(not line.lstrip("#").startswith(" [") for line in headings)
    assert "](" not in text.replace("\\](", "")
    assert not re.search(r"(?<!\\)\[click(?<!\\)\]", text)
    assert "### 1. \\# \\[click\\](http://x)" in text


def test_escape_inline_handles_block_starts_and_cells() -> None:
    assert escape_inline("- not a list") == "\\- not a list"
    assert escape_inline("1. not a list") == "1\\. not a list"
    assert escape_inline("> quote") == "\\> quote"
    assert escape_inline("a | b") == "a \\| b"
    assert escape_inline("<script>&amp;") == "\\<script\\>\\&amp;"
    assert escape_inline("first-reply time, 24 h.") == "first-reply time, 24 h."


def test_multi_line_why_cannot_start_blocks() -> None:
    text = render_markdown(_snapshot("Fine", why="ok\n# heading\n    code\n- item"))
    lines = [line.removesuffix("\\") for line in text.splitlines()]  # hard line breaks
    assert "\\# heading" in lines and "code" in lines and "\\- item" in lines


def test_pipes_stay_inside_their_table_cell() -> None:
    text = render_markdown(_snapshot("Fine", kr_title="A | B | C"))
    row = next(line for line in text.splitlines() if "A \\|" in line)
    assert len(re.findall(r"(?<!\\)\|", row)) == 6  # five cells


def test_export_shows_what_a_reader_needs() -> None:
    records = sample_records()
    tables = {
        name: [r for r in records if type(r).__name__ == model]
        for name, model in [
            ("cycles", "Cycle"), ("objectives", "Objective"), ("key_results", "KeyResult"),
            ("checkins", "CheckIn"), ("retros", "Retrospective"),
        ]
    }  # fmt: skip
    text = render_markdown(Snapshot(cycle="2026-Q1", tables=Tables(**tables)))
    assert text.startswith("# OKRs — 2026-Q1\n")
    assert "performance goal · committed" in text and "learning goal" in text
    assert "aspirational" in text and "owner: Ana" in text
    assert "| Cut first reply time | 24 h → 20 h → 4 h | decrease | 20% | 6/10 |" in text
    assert "Serves: Customers get answers fast" in text
    assert "### Retrospective: Start / Stop / Continue, in progress" in text
    assert "- Cut first reply time: 0.70\\\n  most of the way" in text
    assert "- Customers get answers fast: Keep: carry over to the next cycle" in text
