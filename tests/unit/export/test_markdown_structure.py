"""Every Markdown export parsed by a CommonMark parser: the tree is the document we mean.

Cycle (h2) → its objectives (h3, each with a KR table) → its retrospectives (h3) with
scores, reflection and decisions as separate h4 sections; multi-line text keeps its
lines; no internal id or enum name reaches the reader.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from okrcoach.domain.models import (
    Decision,
    DecisionAction,
    KeyResult,
    KRScore,
    Objective,
    RetroFormat,
    Retrospective,
)
from okrcoach.domain.retro import outcome_key
from okrcoach.export.markdown import render_markdown
from okrcoach.export.retro_markdown import RetroPage, render_retro
from okrcoach.export.snapshot import Snapshot, Tables
from tests.unit.export.conftest import sample_records

PARSER = MarkdownIt("commonmark").enable("table")


def _tables(records: list) -> Tables:
    names = {
        "Cycle": "cycles",
        "Objective": "objectives",
        "KeyResult": "key_results",
        "CheckIn": "checkins",
        "Retrospective": "retros",
        "JournalEntry": "journal",
        "Draft": "drafts",
    }
    grouped: dict[str, list] = {}
    for record in records:
        grouped.setdefault(names[type(record).__name__], []).append(record)
    return Tables(**grouped)


def _headings(tokens: list[Token]) -> list[tuple[int, str]]:
    found = []
    for number, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append((int(token.tag[1]), tokens[number + 1].content))
    return found


def _section(tokens: list[Token], title: str) -> list[Token]:
    """The tokens under the heading ``title`` until the next heading of its level or above."""
    for number, token in enumerate(tokens):
        if token.type == "heading_open" and tokens[number + 1].content == title:
            level = int(token.tag[1])
            rest = tokens[number + 3 :]
            for end, other in enumerate(rest):
                if other.type == "heading_open" and int(other.tag[1]) <= level:
                    return rest[:end]
            return rest
    raise AssertionError(f"no heading {title!r}")


def _multi_line_records() -> list:
    records = sample_records()
    cycle = records[0]
    objective = Objective(
        cycle_id=cycle.id,
        title="Ship the help centre",
        why="Fewer tickets\nHappier team",
        position=2,
    )
    kr = KeyResult(objective_id=objective.id, title="Articles published", target=40)
    retro = Retrospective(
        cycle_id=cycle.id,
        format=RetroFormat.MAD_SAD_GLAD,
        answers={"glad": "We shipped\nOn time", outcome_key(kr.id): "validated"},
        scores=[KRScore(kr_id=kr.id, score=0.4, justification="Half done\nNeeds a writer")],
        decisions=[Decision(objective_id=objective.id, action=DecisionAction.CHANGE)],
    )
    return [*records, objective, kr, retro]


def test_the_export_parses_into_cycle_objectives_then_retros() -> None:
    records = _multi_line_records()
    text = render_markdown(Snapshot(tables=_tables(records)))
    tokens = PARSER.parse(text)
    headings = _headings(tokens)
    assert headings[0] == (1, "OKRs")
    assert headings[1] == (2, "2026-Q1")
    levels = [level for level, _ in headings[2:]]
    titles = [title for _, title in headings[2:]]
    objectives = [t for t in titles if t[0].isdigit()]
    retros = [t for t in titles if t.startswith("Retrospective")]
    assert objectives == [
        "1. Customers get answers fast",
        "2. Learn to run interviews",
        "3. Ship the help centre",
    ]
    assert len(retros) == 2
    assert titles.index(retros[0]) > titles.index(objectives[-1])  # objectives, then retros
    assert all(levels[titles.index(t)] == 3 for t in objectives + retros)
    for retro in retros:
        under = [h for h in _headings(_section(tokens, retro)) if h[0] == 4]
        assert [t for _, t in under] == ["Scores", "Reflection", "Decisions"]
    # each objective carries its own key-result table
    for objective in objectives:
        assert any(t.type == "table_open" for t in _section(tokens, objective))


def test_multi_line_text_keeps_its_lines() -> None:
    text = render_markdown(Snapshot(tables=_tables(_multi_line_records())))
    html = PARSER.render(text)
    assert "Why it matters: Fewer tickets<br />\nHappier team" in html
    assert "We shipped<br />\nOn time" in html
    assert "Half done<br />\nNeeds a writer" in html


def test_no_internal_id_or_enum_name_reaches_the_reader() -> None:
    records = _multi_line_records()
    text = render_markdown(Snapshot(tables=_tables(records)))
    ids = [r.id for r in records]
    assert not [i for i in ids if i in text]
    for enum_name in ("start-stop-continue", "mad-sad-glad", "status: active", "outcome:"):
        assert enum_name not in text
    assert "Change: carry over as a draft to rework" in text
    assert "What Articles published showed" in text


def test_a_retro_page_parses_into_its_sections() -> None:
    records = _multi_line_records()
    retro = records[-1]
    objective, kr = records[-3], records[-2]
    page = RetroPage(title="2026-Q1", objectives=[objective], krs={objective.id: [kr]}, outcomes={})
    tokens = PARSER.parse(render_retro(retro, page))
    headings = _headings(tokens)
    assert headings[0] == (1, "Retrospective: 2026-Q1")
    assert [t for level, t in headings if level == 2][:2] == ["Scores", "Reflection"]
    assert "Decisions" in [t for level, t in headings if level == 2]


def test_an_empty_workspace_is_still_a_document() -> None:
    tokens = PARSER.parse(render_markdown(Snapshot(tables=Tables())))
    assert _headings(tokens) == [(1, "OKRs")]
