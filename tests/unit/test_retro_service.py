"""Starting, resuming, finishing a retro, and the decisions it applies to the next cycle."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from okrcoach.domain.models import (
    CheckIn,
    Commitment,
    Cycle,
    Decision,
    DecisionAction,
    Direction,
    GoalType,
    KeyResult,
    KRScore,
    Objective,
    ObjectiveStatus,
    Retrospective,
)
from okrcoach.domain.retro import ACTIONS_KEY, ACTIONS_TO_DRAFTS_KEY, outcome_key
from okrcoach.export.errors import TargetExistsError
from okrcoach.export.retro_markdown import RetroPage, export_retro, render_retro
from okrcoach.paths import AppPaths
from okrcoach.services import retros
from okrcoach.store import Store, open_store

Q3 = Cycle(id="q3", name="2026-Q3", start=date(2026, 7, 1), end=date(2026, 9, 30))
Q4 = Cycle(id="q4", name="2026-Q4", start=date(2026, 10, 1), end=date(2026, 12, 31))


@pytest.fixture
def store(paths: AppPaths) -> Iterator[Store]:
    with open_store(paths) as opened:
        opened.save_many(
            [
                Q3,
                Q4,
                Objective(
                    id="learn",
                    cycle_id="q4",
                    title="Learn async Python",
                    goal_type=GoalType.LEARNING,
                    commitment=Commitment.ASPIRATIONAL,
                ),
                KeyResult(
                    id="k-learn",
                    objective_id="learn",
                    title="Rate it",
                    baseline=3,
                    target=7,
                    current=6,
                ),
                CheckIn(kr_id="k-learn", value=6, confidence=7, learned="Never block the loop"),
                Objective(id="ship", cycle_id="q4", title="Fast replies", position=1),
                KeyResult(
                    id="k-ship",
                    objective_id="ship",
                    title="Cut reply time",
                    baseline=24,
                    target=4,
                    current=8,
                    direction=Direction.DECREASE,
                ),
                Objective(
                    id="idea", cycle_id="q4", title="A draft idea", status=ObjectiveStatus.DRAFT
                ),
                Objective(id="old", cycle_id="q3", title="Old goal"),
                KeyResult(id="k-old", objective_id="old", title="Old KR", target=1),
                Retrospective(
                    cycle_id="q3", scores=[KRScore(kr_id="k-old", score=0.95)], finished=True
                ),
            ]
        )
        yield opened


def test_start_prefills_scores_and_leaves_drafts_out(store: Store) -> None:
    scope, retro, step, resumed = retros.start(store, "q4")
    assert [o.id for o in scope.objectives] == ["learn", "ship"]
    assert {s.kr_id: s.score for s in retro.scores} == {"k-learn": 0.8, "k-ship": 0.8}
    assert (step, resumed) == (0, False)
    assert store.retros("q4") == []  # nothing saved until the user changes something
    assert [e.text for e in scope.learning] == ["Never block the loop"]


def test_progress_is_resumed_at_the_same_step(store: Store) -> None:
    _scope, retro, _, _ = retros.start(store, "q4")
    retro = retro.model_copy(update={"participants": "Ana"})
    retros.save_progress(store, retros.set_score(retro, "k-ship", 0.6, "slow November"), 2)
    _, again, step, resumed = retros.start(store, "q4")
    assert resumed and step == 2 and again.id == retro.id
    assert again.participants == "Ana"
    assert {s.kr_id: (s.score, s.justification) for s in again.scores}["k-ship"] == (
        0.6,
        "slow November",
    )
    # A retro on one objective is a different retro.
    _, single, _, resumed_single = retros.start(store, "q4", "ship")
    assert not resumed_single and single.id != retro.id


def test_unexplained_committed_scores_are_listed(store: Store) -> None:
    scope, retro, _, _ = retros.start(store, "q4")
    assert [kr.id for kr in retros.unexplained(scope, retro)] == ["k-ship"]
    retro = retros.set_score(retro, "k-ship", 0.8, "a slow month")
    assert retros.unexplained(scope, retro) == []


def test_ambition_history_reads_past_finished_retros(store: Store) -> None:
    scope, retro, _, _ = retros.start(store, "q4")
    points = retros.with_current(retros.past_points(store, scope), scope, retro)
    assert [(p.name, round(p.average, 2), p.current) for p in points] == [
        ("2026-Q3", 0.95, False),
        ("2026-Q4", 0.8, True),
    ]


def test_finish_applies_every_decision_in_the_next_cycle(store: Store) -> None:
    scope, retro, _, _ = retros.start(store, "q4")
    retro = retro.model_copy(
        update={
            "answers": {
                outcome_key("k-learn"): "skill-shown",
                ACTIONS_KEY: "Interview two users a week\n- Drop the Friday sync",
                ACTIONS_TO_DRAFTS_KEY: "yes",
            },
            "decisions": [
                Decision(objective_id="learn", action=DecisionAction.GRADUATE),
                Decision(objective_id="ship", action=DecisionAction.KEEP),
            ],
        }
    )
    retros.save_progress(store, retro, 4)
    applied = retros.finish(store, scope, retro)
    assert applied.next_cycle is not None and applied.next_cycle.name == "2027-Q1"
    assert store.get(Retrospective, retro.id).finished  # type: ignore[union-attr]
    assert store.drafts("retro") == []
    assert store.get(Objective, "learn").status is ObjectiveStatus.DONE  # type: ignore[union-attr]
    assert store.get(Objective, "ship").status is ObjectiveStatus.CARRIED_OVER  # type: ignore[union-attr]
    following = store.objectives(applied.next_cycle.id)
    by_title = {o.title: o for o in following}
    performance = by_title["Learn async Python"]
    assert performance.goal_type is GoalType.PERFORMANCE
    assert performance.status is ObjectiveStatus.DRAFT
    assert "Never block the loop" in performance.why
    assert "skill shown" in performance.why
    carried = by_title["Fast replies"]
    assert carried.status is ObjectiveStatus.ACTIVE
    [kr] = store.key_results(carried.id)
    assert (kr.baseline, kr.target, kr.current) == (8, 4, None)
    assert by_title["Interview two users a week"].status is ObjectiveStatus.DRAFT
    assert by_title["Drop the Friday sync"].status is ObjectiveStatus.DRAFT
    assert len(applied.lines) == 4
    again = retros.finish(store, scope, store.get(Retrospective, retro.id))  # type: ignore[arg-type]
    assert again.lines == ["This retrospective was already finished."]
    assert len(store.objectives(applied.next_cycle.id)) == 4


def test_closing_decisions_change_status_and_change_carries_a_draft(store: Store) -> None:
    scope, retro, _, _ = retros.start(store, "q4")
    retro = retro.model_copy(
        update={
            "decisions": [
                Decision(objective_id="learn", action=DecisionAction.CHANGE, note="Pick one lib"),
                Decision(objective_id="ship", action=DecisionAction.MISSED),
            ]
        }
    )
    applied = retros.finish(store, scope, retro)
    assert store.get(Objective, "ship").status is ObjectiveStatus.DROPPED  # type: ignore[union-attr]
    [copy] = store.objectives(applied.next_cycle.id)  # type: ignore[union-attr]
    assert copy.status is ObjectiveStatus.DRAFT
    assert "To change (from the retrospective): Pick one lib" in copy.why
    assert "closed as missed" in applied.lines[1]


def test_no_decision_made_uses_the_coach_suggestion(store: Store) -> None:
    scope, retro, _, _ = retros.start(store, "q4")
    retro = retro.model_copy(update={"answers": {outcome_key("k-learn"): "not-yet"}})
    decisions = retros.default_decisions(scope, retro)
    # The learning goal scored 0.8, but its owner says it is not learned yet: it is kept,
    # never advised to graduate; the performance one is kept too.
    assert [d.action for d in decisions] == [DecisionAction.KEEP, DecisionAction.KEEP]


def test_history_lists_every_retro_newest_first(store: Store) -> None:
    _scope, retro, _, _ = retros.start(store, "q4", "ship")
    retros.save_progress(store, retro, 1)
    found = retros.history(store)
    assert [(p.cycle_name, p.scope, p.retro.finished) for p in found] == [
        ("2026-Q4", "Fast replies", False),
        ("2026-Q3", "whole cycle", True),
    ]


def test_markdown_page_escapes_user_text_and_never_overwrites(
    store: Store, paths: AppPaths
) -> None:
    scope, retro, _, _ = retros.start(store, "q4")
    retro = retro.model_copy(
        update={
            "participants": "Ana <b>",
            "answers": {"How can we improve?": "# not a heading\nTalk to users", "start": "Demos"},
        }
    )
    page = RetroPage(scope.label, scope.objectives, scope.krs, retros.outcomes_of(retro))
    text = render_retro(retro, page)
    assert text.startswith("# Retrospective: 2026-Q4\n")
    assert "Taking part: Ana \\<b\\>" in text
    assert "- \\# not a heading" in text
    assert "- Cut reply time: **0.8**" in text
    assert "**Start**" in text
    written = export_retro(text, paths.data_dir, scope.label, date(2026, 11, 24))
    assert written == paths.data_dir / "exports" / "retro-2026-q4-2026-11-24.md"
    assert written.read_text() == text
    with pytest.raises(TargetExistsError):
        export_retro("other", paths.data_dir, scope.label, date(2026, 11, 24))
    assert written.read_text() == text
    export_retro("other", paths.data_dir, scope.label, date(2026, 11, 24), force=True)
    assert written.read_text() == "other"


def test_missing_cycle_is_reported_in_words(store: Store) -> None:
    with pytest.raises(LookupError, match="cycle no longer exists"):
        retros.start(store, "nope")
    assert store.drafts("retro") == []


def test_retro_logic_imports_without_textual() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, okrcoach.domain.retro, okrcoach.services.retros, "
        "okrcoach.export.retro_markdown; print('textual' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"
