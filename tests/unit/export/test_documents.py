"""Reading the OKR documents people already keep: Markdown and CSV, with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrcoach.export.documents import (
    DocumentError,
    parse_csv,
    parse_markdown,
    read_document,
    tidy,
)

HEADINGS = """\
# Support OKRs, Q1

## Objective 1: Customers get answers the same day

Why: churn follows slow replies.

- KR1: Cut first reply time from 24 h to 4 h
- KR 1.2: Raise CSAT from 80% to 90%

## O2 - Learn to run customer interviews
1. [ ] Run 10 interviews
2. **Write up what we learned**

```
- not a key result: inside a code block
```
"""

BULLETS = """\
Team goals for the quarter:

- Objective: Grow the newsletter
  - Reach 1,000 paying readers
  * Lift open rate from 30% to 40%
- Ship the new onboarding
    - Activation from 20% to 35%
"""


def test_headings_with_key_results_beneath() -> None:
    document = parse_markdown(HEADINGS)
    assert not document.problems
    [support, learn] = document.objectives
    assert (support.title.text, support.title.line) == ("Customers get answers the same day", 3)
    assert [(k.text, k.line) for k in support.key_results] == [
        ("Cut first reply time from 24 h to 4 h", 7),
        ("Raise CSAT from 80% to 90%", 8),
    ]
    assert support.why == "Why: churn follows slow replies."
    assert learn.title.text == "Learn to run customer interviews"
    assert [k.text for k in learn.key_results] == ["Run 10 interviews", "Write up what we learned"]


def test_top_level_bullets_with_nested_key_results() -> None:
    document = parse_markdown(BULLETS)
    [newsletter, onboarding] = document.objectives
    assert (newsletter.title.text, newsletter.title.line) == ("Grow the newsletter", 3)
    assert [(k.text, k.line) for k in newsletter.key_results] == [
        ("Reach 1,000 paying readers", 4),
        ("Lift open rate from 30% to 40%", 5),
    ]
    assert [k.text for k in onboarding.key_results] == ["Activation from 20% to 35%"]


def test_a_document_without_objectives_says_how_to_write_one() -> None:
    document = parse_markdown("just some prose\nand more prose\n")
    assert document.objectives == []
    assert "no objectives found" in document.problems[0].text


def test_labels_and_marks_are_dropped_but_words_kept() -> None:
    assert tidy("**Objective 2:** Grow") == "Grow"
    assert tidy("KR1.2 - Raise NPS from 30 to 45") == "Raise NPS from 30 to 45"
    assert tidy("O3: Ship") == "Ship"
    assert tidy("Online revenue grows") == "Online revenue grows"  # "O" only as a label
    assert tidy("Key results matter") == "Key results matter"
    assert tidy("\x1b[31mred\x1b[0m title") == "red title"


def test_csv_with_one_row_per_key_result() -> None:
    text = (
        "Objective,Key Result,Owner\n"
        "Customers get answers fast,Cut first reply time from 24 h to 4 h,Ana\n"
        '"Grow the newsletter","Reach 1,000 paying readers",Ben\n'
        "Customers get answers fast,Raise CSAT from 80% to 90%,Ana\n"
    )
    document = parse_csv(text)
    [support, newsletter] = document.objectives
    assert (support.title.text, support.title.line) == ("Customers get answers fast", 2)
    assert [(k.text, k.line) for k in support.key_results] == [
        ("Cut first reply time from 24 h to 4 h", 2),
        ("Raise CSAT from 80% to 90%", 4),
    ]
    assert [k.text for k in newsletter.key_results] == ["Reach 1,000 paying readers"]


def test_csv_without_the_columns_names_what_it_found() -> None:
    document = parse_csv("Goal,Metric\nGrow,Users\n")
    assert "needs an 'objective' column and a 'key result' column" in document.problems[0].text
    assert "Goal, Metric" in document.problems[0].text


def test_an_okrcoach_csv_export_reads_back_without_its_check_ins() -> None:
    text = (
        "\ufeffrecord,cycle,objective_id,objective,kr_id,key_result\r\n"
        "key_result,2026-Q1,o1,Grow,k1,Reach 100 readers\r\n"
        "checkin,2026-Q1,o1,Grow,k1,Reach 100 readers\r\n"
    )
    [grow] = parse_csv(text).objectives
    assert [k.text for k in grow.key_results] == ["Reach 100 readers"]


def test_reading_a_file_by_its_suffix(tmp_path: Path) -> None:
    (tmp_path / "okrs.md").write_text(BULLETS, encoding="utf-8")
    assert len(read_document(tmp_path / "okrs.md").objectives) == 2
    (tmp_path / "okrs.json").write_text("{}")
    with pytest.raises(DocumentError, match="not a Markdown"):
        read_document(tmp_path / "okrs.json")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe# x")
    with pytest.raises(DocumentError, match="not UTF-8"):
        read_document(tmp_path / "bad.md")
    with pytest.raises(DocumentError, match="cannot read"):
        read_document(tmp_path / "missing.md")
