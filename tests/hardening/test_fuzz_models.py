"""Any mapping given to a model ends as a model or a ValidationError we can describe in words."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from okrcoach.domain.errors import describe
from okrcoach.domain.models import (
    TEXT_MAX,
    TITLE_MAX,
    CheckIn,
    Cycle,
    Decision,
    Draft,
    JournalEntry,
    KeyResult,
    KRScore,
    Model,
    Objective,
    Retrospective,
)
from tests.hardening.hostile import HOSTILE, HUGE

MODELS: list[type[Model]] = [
    Cycle,
    Objective,
    KeyResult,
    CheckIn,
    KRScore,
    Decision,
    Retrospective,
    JournalEntry,
    Draft,
]
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

_text = st.text(max_size=30) | st.sampled_from([t for _, t in HOSTILE]) | st.just(HUGE)
_scalar = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | _text
    | st.dates(min_value=date(1, 1, 1))
    | st.datetimes(timezones=st.none() | st.just(UTC))
    | st.sampled_from(["learning", "milestone", "percent", "decrease", "4ls", "keep", "objective"])
    | st.sampled_from(["2026-01-01", "2026-13-45", "2026-01-01T00:00:00+99:00", "1e309", "nan"])
)
_value = st.recursive(
    _scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
    max_leaves=8,
)


def _mapping(model: type[Model]) -> st.SearchStrategy[dict[str, Any]]:
    """Dicts biased towards the model's own field names, so validators really run."""
    names = st.sampled_from(sorted(model.model_fields)) | st.text(max_size=8)
    return st.dictionaries(names, _value, max_size=len(model.model_fields) + 1)


def _check(model: type[Model], data: dict[str, Any]) -> None:
    try:
        built = model.model_validate(data)
    except ValidationError as error:
        words = describe(error)
        assert words.strip(), f"empty description for {error!r}"
        assert "Traceback" not in words
        return
    # A model that was accepted must survive a round trip through JSON (what the store does).
    again = type(built).model_validate_json(built.model_dump_json())
    assert again == built


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_any_mapping_gives_a_model_or_words(model: type[Model]) -> None:
    @FUZZ
    @given(_mapping(model))
    def run(data: dict[str, Any]) -> None:
        _check(model, data)

    run()


@given(st.text(min_size=1, max_size=300))
@FUZZ
def test_any_title_is_cleaned_or_refused_in_words(title: str) -> None:
    try:
        objective = Objective(cycle_id="c1", title=title)
    except ValidationError as error:
        assert describe(error).startswith("title:")
        return
    assert 1 <= len(objective.title) <= TITLE_MAX
    assert not any(ch in objective.title for ch in "\x1b\x00\x07\n\r\t\u202e")


@pytest.mark.parametrize(("label", "text"), HOSTILE, ids=[label for label, _ in HOSTILE])
def test_hostile_text_is_stored_without_control_characters(label: str, text: str) -> None:
    kr = KeyResult(objective_id="o1", title=text)
    note = CheckIn(kr_id=kr.id, value=1, confidence=5, note=text, learned=text)
    retro = Retrospective(cycle_id="c1", answers={"start": text, "stop": text})
    for value in (kr.title, note.note, note.learned, *retro.answers.values()):
        assert "\x1b" not in value and "\x00" not in value and "\u202e" not in value
        # Markup is kept as typed: escaping is the display's job, and it must be lossless.
        if "[" in text and "\x1b" not in text:
            assert "[" in value


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (Objective, {"cycle_id": "c", "title": HUGE}, "title"),
        (Objective, {"cycle_id": "c", "title": "ok", "why": HUGE}, "why"),
        (KeyResult, {"objective_id": "o", "title": HUGE}, "title"),
        (CheckIn, {"kr_id": "k", "value": 1, "confidence": 5, "note": HUGE}, "note"),
        (JournalEntry, {"text": HUGE}, "text"),
        (Retrospective, {"cycle_id": "c", "answers": {"start": HUGE}}, "answers"),
        (Retrospective, {"cycle_id": "c", "answers": {HUGE: "x"}}, "answers"),
        (Cycle, {"name": HUGE, "start": date(2026, 1, 1), "end": date(2026, 3, 1)}, "name"),
    ],
)
def test_ten_thousand_characters_are_refused_in_words(
    model: type[Model], data: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    words = describe(caught.value)
    assert field in words
    assert len(words) < 400, "the message must not echo 10,000 characters back"


def test_a_huge_answer_is_refused_with_a_short_message() -> None:
    with pytest.raises(ValidationError) as caught:
        Retrospective(cycle_id="c", answers={"start": "y" * (TEXT_MAX + 1)})
    assert "longer than" in describe(caught.value)


def test_naive_and_offset_times_become_utc() -> None:
    naive = CheckIn(kr_id="k", value=1, confidence=1, at=datetime(2026, 1, 1, 12))
    assert naive.at.tzinfo is not None and naive.at.utcoffset().total_seconds() == 0
