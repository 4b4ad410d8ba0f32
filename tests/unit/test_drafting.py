"""The drafting service: checks, pre-fill, ambition comments, splitting, drafts and saving."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from okrcoach.domain.models import (
    CheckIn,
    Commitment,
    Direction,
    Draft,
    GoalType,
    KeyResult,
    Maturity,
    Objective,
    ObjectiveStatus,
)
from okrcoach.paths import AppPaths
from okrcoach.services import drafting as d
from okrcoach.store import Store, open_store

TODAY = date(2026, 11, 24)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    paths = AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    with open_store(paths) as opened:
        yield opened


def kr(text: str, **values: str) -> d.KRForm:
    return d.prefill(d.KRForm(text=text, **values))


def good_form() -> d.DraftForm:
    return d.DraftForm(
        title="Support that customers love",
        why="Slow replies cost us renewals",
        maturity=Maturity.MASTERED.value,
        goal_type=GoalType.PERFORMANCE.value,
        krs=[
            kr("Cut median first-reply time from 24 h to 4 h"),
            kr("Raise CSAT from 78% to 90%"),
            kr("Cut weekly tickets about billing from 120 to 40"),
        ],
    )


def test_prefill_reads_the_numbers_from_the_wording() -> None:
    row = kr("Cut median first-reply time from 24 h to 4 h")
    assert (row.baseline, row.target, row.unit, row.direction) == ("24", "4", "h", "decrease")


def test_prefill_never_overwrites_a_field_the_user_typed() -> None:
    row = d.typed(d.KRForm(text="Raise CSAT from 78% to 90%"), "target", "95")
    d.prefill(row)
    assert row.target == "95" and row.baseline == "78"
    row.text = "Raise CSAT"
    d.prefill(row)
    assert row.target == "95" and row.baseline == ""


@pytest.mark.parametrize(
    ("baseline", "target", "words"),
    [
        ("abc", "4", "the baseline must be a number"),
        ("24", "four", "the target must be a number"),
        ("5", "5", "must differ from the baseline"),
    ],
)
def test_kr_errors_are_plain_words(baseline: str, target: str, words: str) -> None:
    row = d.KRForm(text="Cut reply time", baseline=baseline, target=target, auto=[])
    errors = d.kr_errors(row, index=1)
    assert any(words in message for message in errors.values()), errors
    assert all(message.startswith("Key result 2") for message in errors.values())


def test_numbers_accept_thousands_separators_and_percent() -> None:
    assert d.parse_number("1,200") == 1200.0
    assert d.parse_number(" 40% ") == 40.0
    assert d.parse_number("") is None
    with pytest.raises(ValueError, match="must be a number"):
        d.parse_number("nan-ish")


def test_active_needs_two_to_five_krs_but_a_draft_does_not() -> None:
    form = good_form()
    form.krs = form.krs[:1]
    errors, step = d.save_errors(form, ObjectiveStatus.ACTIVE)
    assert step == 2 and "2 to 5 key results" in errors[d.KRS]
    assert d.save_errors(form, ObjectiveStatus.DRAFT) == ({}, 0)


def test_active_kr_needs_a_target() -> None:
    form = good_form()
    form.krs[1] = d.KRForm(text="Make onboarding delightful", auto=[])
    errors, _ = d.save_errors(form, ObjectiveStatus.ACTIVE)
    assert "give a target" in errors[d.FieldKey("target", 1)]


def test_missing_title_stops_step_one() -> None:
    errors = d.step_errors(d.DraftForm(title="   "), d.Step.OBJECTIVE)
    assert "Give the objective a title" in errors[d.TITLE]


def test_confidence_must_be_zero_to_ten() -> None:
    form = good_form()
    form.krs[0].confidence = "11"
    assert "0 to 10" in d.step_errors(form, d.Step.AMBITION)[d.FieldKey("confidence", 0)]


def test_sandbagging_on_an_aspirational_kr_is_called_out() -> None:
    row = kr("Raise CSAT from 78% to 90%", confidence="10")
    rules = [f.rule_id for f in d.ambition_findings(Commitment.ASPIRATIONAL.value, row)]
    assert rules == ["ambition.sandbag"]
    assert d.ambition_findings(Commitment.COMMITTED.value, row) == []


def test_moonshots_and_huge_stretches_are_called_out() -> None:
    low = kr("Raise weekly active users from 100 to 1000", confidence="1")
    rules = [f.rule_id for f in d.ambition_findings(Commitment.ASPIRATIONAL.value, low)]
    assert rules == ["ambition.moonshot", "ambition.huge-stretch"]
    unsure = kr("Raise CSAT from 78% to 90%", confidence="4")
    rules = [f.rule_id for f in d.ambition_findings(Commitment.COMMITTED.value, unsure)]
    assert rules == ["ambition.committed-unsure"]


def test_learn_first_applies_to_performance_on_a_new_skill() -> None:
    form = d.DraftForm(title="Close enterprise deals", maturity="new", goal_type="performance")
    assert d.learn_first_applies(form)
    note = d.coach_goal_type(form)
    assert note.findings[0].message == "Am I trying to perform something I haven't yet learned?"
    form.goal_type = "learning"
    assert not d.learn_first_applies(form)


def test_coach_reads_the_kind_from_maturity_when_not_chosen() -> None:
    form = d.DraftForm(title="Customer interviews", maturity="new")
    assert form.chosen_goal_type() is GoalType.LEARNING
    form.maturity = "mastered"
    assert form.chosen_goal_type() is GoalType.PERFORMANCE
    # Wording that plainly aims at a result is a performance goal, whatever the maturity.
    form = d.DraftForm(title="Close 10 enterprise deals", maturity="new")
    assert form.chosen_goal_type() is GoalType.PERFORMANCE


def test_a_result_on_a_new_skill_is_offered_the_split_without_a_pick() -> None:
    # The coach reads "Close 10 enterprise deals" as performance; on a new skill the
    # wizard offers to learn first even when the user only accepted that reading.
    form = d.DraftForm(title="Close 10 enterprise deals", maturity="new")
    assert d.split_offered(form)
    d.choose_split(form, True)
    assert form.chosen_goal_type() is GoalType.LEARNING and d.split_offered(form)
    assert not d.split_offered(
        d.DraftForm(title="Learn how enterprise buyers decide", maturity="new")
    )


def test_learning_suggestions_name_the_skill() -> None:
    ideas = d.learning_suggestions("Learn to run user interviews")
    assert ideas[0].startswith("Practise run user interviews 6 times with feedback")
    assert any("out of 10" in idea for idea in ideas)


def test_task_kr_gets_a_rewrite_scaffold() -> None:
    form = d.DraftForm(title="Customers help themselves", krs=[kr("Launch the help centre")])
    note = d.coach_kr(form, 0)
    assert note.rewrite and "help centre is live" in note.rewrite
    assert any(f.rule_id == "kr.task" for f in note.findings)


def test_save_creates_an_active_objective_in_the_current_cycle(store: Store) -> None:
    result = d.save_objective(store, good_form(), status=ObjectiveStatus.ACTIVE, today=TODAY)
    objective = store.get(Objective, result.objective_id)
    assert objective is not None and objective.status is ObjectiveStatus.ACTIVE
    cycle = store.current_cycle(TODAY)
    assert objective.cycle_id == cycle.id
    krs = store.key_results(objective.id)
    assert next(k.title for k in krs) == "Cut median first-reply time from 24 h to 4 h"
    assert (krs[0].baseline, krs[0].target, krs[0].direction) == (24, 4, Direction.DECREASE)


def test_save_refuses_invalid_forms_and_writes_nothing(store: Store) -> None:
    form = good_form()
    form.krs[0].target = "soon"
    with pytest.raises(d.FormInvalid) as caught:
        d.save_objective(store, form, status=ObjectiveStatus.DRAFT, today=TODAY)
    assert caught.value.step == 2
    assert store.objectives() == []


def test_split_saves_a_performance_draft_in_the_next_cycle(store: Store) -> None:
    form = good_form()
    form.title = "Close enterprise deals"
    form.maturity = Maturity.NEW.value
    form.goal_type = GoalType.LEARNING.value
    form.split = True
    result = d.save_objective(store, form, status=ObjectiveStatus.ACTIVE, today=TODAY)
    later = store.get(Objective, result.next_objective_id or "")
    assert later is not None
    assert later.goal_type is GoalType.PERFORMANCE and later.status is ObjectiveStatus.DRAFT
    names = {c.id: c.name for c in store.cycles()}
    assert names[later.cycle_id] == "2027-Q1"
    now = store.get(Objective, result.objective_id)
    assert now is not None and now.goal_type is GoalType.LEARNING


def test_editing_keeps_kr_ids_and_check_ins_and_deletes_removed_krs(store: Store) -> None:
    first = d.save_objective(store, good_form(), status=ObjectiveStatus.ACTIVE, today=TODAY)
    krs = store.key_results(first.objective_id)
    store.save(CheckIn(kr_id=krs[0].id, value=12, confidence=6))
    form = d.load_for_edit(store, first.objective_id)
    assert form.krs[0].id == krs[0].id
    form.title = "Support customers rave about"
    form.krs[0].target = "2"
    del form.krs[2]
    again = d.save_objective(
        store, form, status=ObjectiveStatus.ACTIVE, objective_id=first.objective_id
    )
    assert again.objective_id == first.objective_id
    after = store.key_results(first.objective_id)
    assert [k.id for k in after] == [krs[0].id, krs[1].id]
    assert after[0].target == 2 and store.get(KeyResult, krs[2].id) is None
    assert len(store.checkins(krs[0].id)) == 1
    assert len(store.objectives()) == 1


def test_drafts_autosave_resume_and_are_removed_on_save(store: Store) -> None:
    form = good_form()
    d.autosave(store, "draft-1", form, step=2)
    found = d.latest_draft(store)
    assert found is not None and found.step == 2 and d.draft_title(found) == form.title
    back = d.DraftForm.from_data(found.data)
    assert back == form
    d.save_objective(store, back, status=ObjectiveStatus.DRAFT, today=TODAY, draft_id="draft-1")
    assert store.get(Draft, "draft-1") is None


def test_an_untouched_form_leaves_no_draft(store: Store) -> None:
    assert d.autosave(store, "draft-2", d.DraftForm(), step=0) is None
    assert store.drafts() == []


def test_a_malformed_draft_still_loads() -> None:
    form = d.DraftForm.from_data(
        {"title": 5, "maturity": "expert", "krs": [{"text": "Raise NPS", "baseline": None}, 3]}
    )
    assert form.title == "" and form.maturity is None
    assert [k.text for k in form.krs] == ["Raise NPS"]


def test_parent_choices_list_active_objectives_of_any_cycle(store: Store) -> None:
    result = d.save_objective(store, good_form(), status=ObjectiveStatus.ACTIVE, today=TODAY)
    choices = d.parent_choices(store)
    assert choices == [("Support that customers love (2026-Q4)", result.objective_id)]
    assert d.parent_choices(store, exclude_id=result.objective_id) == []


def test_step_two_speaks_of_the_chosen_goal_type_before_the_coach_reading() -> None:
    form = d.DraftForm(title="Become fluent in async Python", goal_type="performance")
    note = d.coach_goal_type(form)
    assert note.lines[0] == "This is a performance goal, as chosen."
    assert "would read it as learning" in note.lines[1]


def _complete_form() -> d.DraftForm:
    return d.DraftForm(
        title="Support that customers rave about",
        why="Slow replies cost us renewals",
        krs=[
            d.prefill(d.KRForm(text="Cut median first-reply time from 24 h to 4 h")),
            d.prefill(d.KRForm(text="Raise CSAT from 78% to 90%")),
        ],
    )


def test_the_review_never_scores_a_form_the_save_refuses_as_ready(store: Store) -> None:
    ready = _complete_form()
    assert d.readiness(ready).can_save
    refused = _complete_form()
    refused.krs[1].target = ""  # an active objective's KR needs a target
    refused.krs[1].auto.remove("target")
    note = d.coach_review(refused)
    errors, _ = d.save_errors(refused, ObjectiveStatus.ACTIVE)
    assert errors and not d.readiness(refused).can_save
    assert note.score is not None and note.score <= d.BLOCKED_SCORE_CAP
    shown = [f.message for f in note.findings]
    assert all(message in shown for message in errors.values())
    with pytest.raises(d.FormInvalid):
        d.save_objective(store, refused, status=ObjectiveStatus.ACTIVE, today=TODAY)


def test_outcome_answers_make_a_complete_kr_and_refuse_bad_numbers() -> None:
    from okrcoach.services.drafting import outcome as o

    kr = o.outcome_kr("first-reply time", o.read_amount("24 h"), o.read_amount("4"))
    assert kr.text == "Cut first-reply time from 24 h to 4 h"
    assert (kr.baseline, kr.target, kr.unit, kr.direction) == ("24", "4", "h", "decrease")
    assert d.kr_errors(kr) == {}
    with pytest.raises(ValueError, match="Give a number"):
        o.read_amount("lots")
    with pytest.raises(ValueError, match="must differ"):
        o.outcome_kr("x", o.read_amount("3"), o.read_amount("3"))
    assert o.is_task(["kr.task"]) and not o.is_task(["kr.vague"])
    picked = o.outcome_kr(
        "listeners who finish an episode", o.read_amount("30%"), o.read_amount("45%")
    )
    assert picked.text == "Raise the share of listeners who finish an episode from 30% to 45%"


def test_a_big_cut_is_a_cut_not_a_multiple_of_the_baseline() -> None:
    cut = kr("Cut median first-reply time from 24 h to 2 h", baseline="24", target="2")
    [found] = [
        f
        for f in d.ambition_findings(Commitment.ASPIRATIONAL.value, cut)
        if f.rule_id == "ambition.huge-stretch"
    ]
    assert "a cut of 92%" in found.message
    assert "×" not in found.message
    rise = kr("Raise weekly active users from 100 to 1000", baseline="100", target="1000")
    [grown] = [
        f
        for f in d.ambition_findings(Commitment.ASPIRATIONAL.value, rise)
        if f.rule_id == "ambition.huge-stretch"
    ]
    assert "10× the baseline" in grown.message
