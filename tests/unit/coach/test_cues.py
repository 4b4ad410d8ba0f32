"""One pass over a text says which cue strings it holds, exactly as asking for each."""

from __future__ import annotations

import pytest

from okrcoach.coach.cues import CueIndex

GROUPS = [
    ("no", "none", "zero", "-free"),
    ("one", "on time", " in ", "in"),
    ("/", "out of", "star"),
    ("ly ", "annual", "→", "->", '"', "“"),
    ("",),
]
TEXTS = [
    "",
    "none",
    "Ship on time, every time",
    "Zero-trust rollout in 3 sites",
    "Rate 4.6 out of 5 stars",
    "A monthly report → sent",
    "Cut p95 from 300 -> 200 ms",
    'Quoted "great" by buyers',
    "Sugar-free recipes online",
    "NONE in caps",
    "ınline ſtar",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_holds_a_group_exactly_when_it_holds_one_of_its_cues(text: str) -> None:
    index = CueIndex(GROUPS)
    held = index.mask(text)
    for group in GROUPS:
        assert bool(held & index.bits(group)) == any(cue in text for cue in group), group


def test_a_cue_inside_a_longer_one_is_still_found() -> None:
    index = CueIndex([("no",), ("none",), ("one",)])
    held = index.mask("none")
    assert held & index.bits(("no",))
    assert held & index.bits(("one",))
    assert not index.mask("nope") & index.bits(("one",))


@pytest.mark.parametrize("text", TEXTS)
def test_tables_added_later_share_one_pass_and_keep_the_bits_given_before(text: str) -> None:
    index = CueIndex(GROUPS[:2])
    early = [index.bits(group) for group in GROUPS[:2]]
    index.add(GROUPS[2:])
    held = index.mask(text)
    for group, bits in zip(GROUPS, [*early, *(index.bits(g) for g in GROUPS[2:])], strict=True):
        assert bool(held & bits) == any(cue in text for cue in group), group


def test_one_pass_over_a_line_answers_for_every_reader_of_it() -> None:
    from okrcoach.coach.measurability import measurable_evidence
    from okrcoach.coach.reading import reading

    line = "Rate 4.6 out of 5 stars from every buyer within a week"
    assert "m:rating" in measurable_evidence(line)
    assert "m:time-bound" in measurable_evidence(line)
    assert "within-time" not in reading(line).phrases  # "within a week" has no digit
