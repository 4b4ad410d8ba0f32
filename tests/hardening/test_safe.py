"""The escaping every screen relies on: user text inside markup comes out exactly as typed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from okrcoach.domain.text import clean_line
from okrcoach.tui.safe import safe, safe_block
from tests.hardening.hostile import HOSTILE, shown_as

WORD_JOINER = "\u2060"


def shown(markup: str) -> Content:
    return Content.from_markup(markup)


@pytest.mark.parametrize(("label", "text"), HOSTILE, ids=[label for label, _ in HOSTILE])
def test_hostile_text_inside_a_tag_is_literal_and_the_tag_still_closes(
    label: str, text: str
) -> None:
    content = shown(f"[b]{safe(text)}[/b] tail")
    assert content.plain.replace(WORD_JOINER, "") == shown_as(text) + " tail"
    bold_ends = {span.end for span in content.spans}
    assert bold_ends and max(bold_ends) <= len(content.plain) - len(" tail")


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="[]\\/$@=ab #", max_size=30))
def test_any_bracket_and_backslash_mix_round_trips(text: str) -> None:
    content = shown(f"[i]{safe(text)}[/i]")
    assert content.plain.replace(WORD_JOINER, "") == clean_line(text)
    assert not any("click" in str(span.style) for span in content.spans)


def test_a_trailing_backslash_does_not_swallow_the_closing_tag() -> None:
    content = shown(f"[b]{safe('C:' + chr(92))}[/b] after")
    assert content.plain.replace(WORD_JOINER, "") == "C:\\ after"


def test_a_block_keeps_its_lines_and_drops_escape_codes() -> None:
    content = shown(safe_block("one [b]\n\x1b[31mtwo\x9b1m\n[@click=app.quit]three"))
    assert content.plain == "one [b]\ntwo\n[@click=app.quit]three"


def test_one_byte_c1_sequences_leave_nothing_behind() -> None:
    assert clean_line("C1\x9b31m control") == "C1 control"
    assert clean_line("title\x9d0;pwned\x9c ok") == "title ok"
