"""A form two base words share maps to one of them, the same one on every run."""

from __future__ import annotations

from okrcoach.coach import lexicon as lx


def test_a_shared_form_maps_to_the_same_base_whatever_the_order() -> None:
    one = lx.forms(["enrol", "enroll"])
    other = lx.forms(["enroll", "enrol"])
    assert one["enrolled"] == other["enrolled"]
    assert one == other


def test_every_form_maps_to_a_base_it_came_from() -> None:
    table = lx.forms(["launch", "ship"])
    assert table["launched"] == "launch"
    assert table["shipping"] == "ship"
