"""The coach panel offers ctrl+r only when there is an example for it to put in."""

from __future__ import annotations

from okrcoach.coach import review_key_result
from okrcoach.services.drafting.coaching import CoachNote, rewrite_text
from okrcoach.tui.widgets.coach_panel import render_note


def note_for(text: str) -> CoachNote:
    review = review_key_result(text)
    return CoachNote("Key result 1", review.score, list(review.findings), [], review.rewrite)


def test_a_task_rewrite_offers_ctrl_r_and_it_puts_the_example_in() -> None:
    note = note_for("Launch the help centre")
    assert "(ctrl+r applies)" in render_note(note)
    assert rewrite_text(note.rewrite) == review_key_result("Launch the help centre").example


def test_a_question_without_an_example_does_not_promise_ctrl_r() -> None:
    note = note_for("Grow MRR to €50k")  # no baseline: only a question, nothing to apply
    shown = render_note(note)
    assert "Where does it stand today?" in shown
    assert "ctrl+r" not in shown


def test_the_most_serious_finding_is_shown_first() -> None:
    # The vanity problem comes after the missing baseline in the review; the panel, which
    # shows only its first lines at 80×24, puts the problem first.
    note = note_for("Podcast downloads per episode: 1,000")
    rules = [f.rule_id for f in note.findings]
    assert rules.index("kr.no-baseline") < rules.index("kr.vanity")
    shown = render_note(note)
    assert shown.index("grows with effort") < shown.index("no starting value")
