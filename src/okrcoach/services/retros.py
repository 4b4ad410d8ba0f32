"""Running a retrospective: start or resume it, autosave it, finish it and apply its decisions.

A Retrospective with ``finished=False`` is the draft; a Draft record of kind
"retro" remembers which step the user was on. Finishing writes the retro and
every change its decisions make (carry-overs, closings, graduations, action
items as drafts) in one all-or-nothing save.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from okrcoach.domain.models import (
    Commitment,
    Cycle,
    Decision,
    DecisionAction,
    Draft,
    GoalType,
    KeyResult,
    KRScore,
    Objective,
    ObjectiveStatus,
    Record,
    Retrospective,
)
from okrcoach.domain.retro import (
    ACTIONS_KEY,
    ACTIONS_TO_DRAFTS_KEY,
    CLOSED_STATUS,
    OUTCOME_PREFIX,
    LearningOutcome,
    action_items,
    average,
    graduated,
    needs_explanation,
    suggest_decision,
    suggest_score,
)
from okrcoach.services.cycles import next_cycle
from okrcoach.services.learning import LogEntry, collect
from okrcoach.services.objectives import carried_kr
from okrcoach.store import Store

DRAFT_KIND = "retro"


@dataclass
class Scope:
    """What a retro looks at: a cycle's objectives (or one), their KRs and learning notes."""

    cycle: Cycle
    objective: Objective | None
    objectives: list[Objective]
    krs: dict[str, list[KeyResult]]
    learning: list[LogEntry] = field(default_factory=list)

    @property
    def all_krs(self) -> list[KeyResult]:
        return [kr for o in self.objectives for kr in self.krs.get(o.id, [])]

    def objective_of(self, kr_id: str) -> Objective | None:
        for objective in self.objectives:
            if any(kr.id == kr_id for kr in self.krs.get(objective.id, [])):
                return objective
        return None

    @property
    def label(self) -> str:
        if self.objective is not None:
            return f"{self.cycle.name} · {self.objective.title}"
        return self.cycle.name


def in_retro(objective: Objective) -> bool:
    """Drafts and trashed objectives were never pursued: they are not scored."""
    return not objective.deleted and objective.status is not ObjectiveStatus.DRAFT


def load_scope(store: Store, cycle_id: str, objective_id: str | None = None) -> Scope:
    cycle = store.get(Cycle, cycle_id)
    if cycle is None:
        raise LookupError("That cycle no longer exists.")
    objective = None
    if objective_id is not None:
        objective = store.get(Objective, objective_id)
        if objective is None:
            raise LookupError("That objective no longer exists.")
        objectives = [objective]
    else:
        from okrcoach.services.people import may_check_in

        # On a team store a cycle's retro is of the objectives the person may change:
        # their own (an admin's: everyone's), since its decisions change them.
        objectives = [
            o
            for o in store.objectives(cycle_id, include_archived=True)
            if in_retro(o) and may_check_in(store, o.owner)
        ]
    krs = {o.id: store.key_results(o.id) for o in objectives}
    return Scope(cycle, objective, objectives, krs, collect(store, objectives))


def open_retro(store: Store, cycle_id: str, objective_id: str | None) -> Retrospective | None:
    """The unfinished retro for this cycle (or objective), newest first."""
    found = [r for r in store.retros(cycle_id) if not r.finished and r.objective_id == objective_id]
    return max(found, key=lambda r: r.updated_at) if found else None


def prefilled(scope: Scope, retro: Retrospective) -> Retrospective:
    """Add a suggested score for every KR not scored yet (and drop KRs that are gone)."""
    known = {s.kr_id: s for s in retro.scores}
    scores = [
        known.get(kr.id) or KRScore(kr_id=kr.id, score=suggest_score(kr)) for kr in scope.all_krs
    ]
    return retro.model_copy(update={"scores": scores})


def start(
    store: Store, cycle_id: str, objective_id: str | None = None, retro_id: str | None = None
) -> tuple[Scope, Retrospective, int, bool]:
    """(scope, retro, step, resumed): an open retro is resumed, else a new one is begun.

    Nothing is saved until the user changes something or moves on.
    """
    retro = store.get(Retrospective, retro_id) if retro_id else None
    if retro_id and retro is None:
        raise LookupError("That retrospective no longer exists.")
    if retro is None:
        retro = open_retro(store, cycle_id, objective_id)
    resumed = retro is not None
    if retro is None:
        retro = Retrospective(cycle_id=cycle_id, objective_id=objective_id)
    scope = load_scope(store, retro.cycle_id, retro.objective_id)
    if not retro.finished:
        retro = prefilled(scope, retro)
    step = saved_step(store, retro.id) if resumed else 0
    return scope, retro, step, resumed


def saved_step(store: Store, retro_id: str) -> int:
    for draft in store.drafts(DRAFT_KIND):
        if draft.target_id == retro_id:
            return draft.step
    return 0


def save_progress(store: Store, retro: Retrospective, step: int) -> Retrospective:
    """Autosave: the unfinished retro and the step the user is on, in one write."""
    drafts = [d for d in store.drafts(DRAFT_KIND) if d.target_id == retro.id]
    draft = (
        drafts[0].touched(step=step)
        if drafts
        else Draft(kind=DRAFT_KIND, step=step, cycle_id=retro.cycle_id, target_id=retro.id)
    )
    saved = retro.touched()
    store.save_many([saved, draft])
    return saved


def outcomes_of(retro: Retrospective) -> dict[str, LearningOutcome]:
    """The learning outcome chosen for each learning KR."""
    found: dict[str, LearningOutcome] = {}
    for key, value in retro.answers.items():
        if key.startswith(OUTCOME_PREFIX):
            try:
                found[key.removeprefix(OUTCOME_PREFIX)] = LearningOutcome(value)
            except ValueError:
                continue
    return found


def scores_by_objective(scope: Scope, retro: Retrospective) -> dict[str, list[KRScore]]:
    by_kr = {s.kr_id: s for s in retro.scores}
    return {
        o.id: [by_kr[kr.id] for kr in scope.krs.get(o.id, []) if kr.id in by_kr]
        for o in scope.objectives
    }


def default_decisions(scope: Scope, retro: Retrospective) -> list[Decision]:
    """One decision per objective: the user's where made, else the coach's suggestion."""
    made = {d.objective_id: d for d in retro.decisions}
    outcomes = outcomes_of(retro)
    grouped = scores_by_objective(scope, retro)
    return [
        made.get(o.id)
        or Decision(objective_id=o.id, action=suggest_decision(o, grouped[o.id], outcomes))
        for o in scope.objectives
    ]


def commitments(scope: Scope) -> dict[str, Commitment]:
    return {kr.id: o.commitment for o in scope.objectives for kr in scope.krs.get(o.id, [])}


# --- ambition across cycles -------------------------------------------------------------


@dataclass(frozen=True)
class CyclePoint:
    name: str
    average: float
    current: bool = False


def past_points(store: Store, scope: Scope) -> list[CyclePoint]:
    """Average score of each earlier cycle's finished retros, oldest first."""
    points: list[tuple[date, CyclePoint]] = []
    for cycle in store.cycles():
        if cycle.id == scope.cycle.id or cycle.start >= scope.cycle.start:
            continue
        latest: dict[str, float] = {}
        for past in sorted(store.retros(cycle.id), key=lambda r: r.updated_at):
            if past.finished:
                latest.update({s.kr_id: s.score for s in past.scores})
        if latest:
            points.append((cycle.start, CyclePoint(cycle.name, sum(latest.values()) / len(latest))))
    points.sort(key=lambda p: p[0])
    return [p for _, p in points]


def with_current(past: list[CyclePoint], scope: Scope, retro: Retrospective) -> list[CyclePoint]:
    """The earlier cycles, then this one from the scores given so far."""
    now = average(retro.scores)
    if now is None:
        return list(past)
    return [*past, CyclePoint(scope.cycle.name, now, current=True)]


# --- finishing --------------------------------------------------------------------------


@dataclass
class Applied:
    """What finishing did, in words for the summary."""

    retro: Retrospective
    lines: list[str] = field(default_factory=list)
    next_cycle: Cycle | None = None


def _learned_notes(scope: Scope, objective_id: str, retro: Retrospective) -> list[str]:
    notes = [e.text for e in scope.learning if e.objective_id == objective_id]
    outcomes = outcomes_of(retro)
    for kr in scope.krs.get(objective_id, []):
        outcome = outcomes.get(kr.id)
        if outcome is not None:
            notes.append(f"{kr.title}: {outcome.label}")
    return notes[:12]


def finish(store: Store, scope: Scope, retro: Retrospective) -> Applied:
    """Mark the retro finished and apply its decisions, all in one save."""
    if retro.finished:
        return Applied(retro, ["This retrospective was already finished."])
    decisions = default_decisions(scope, retro)
    done = retro.touched(decisions=decisions, finished=True)
    target = next_cycle(store, scope.cycle)
    stored_next = store.get(Cycle, target.id) is not None
    position = len(store.objectives(target.id, include_archived=True)) if stored_next else 0
    records: list[Record] = []
    lines: list[str] = []
    uses_next = False
    # As stored now: a change since the retro opened is built on, never overwritten.
    by_id = {o.id: store.get(Objective, o.id) or o for o in scope.objectives}
    for decision in decisions:
        objective = by_id.get(decision.objective_id)
        if objective is None:
            continue
        action = decision.action
        if action in (DecisionAction.KEEP, DecisionAction.CHANGE):
            copy = Objective(
                cycle_id=target.id,
                title=objective.title,
                why=_changed_why(objective.why, decision.note)
                if action is DecisionAction.CHANGE
                else objective.why,
                goal_type=objective.goal_type,
                maturity=objective.maturity,
                commitment=objective.commitment,
                parent_id=objective.parent_id,
                owner=objective.owner,
                status=ObjectiveStatus.DRAFT
                if action is DecisionAction.CHANGE
                else ObjectiveStatus.ACTIVE,
                position=position,
            )
            position += 1
            records.append(copy)
            records += [carried_kr(kr, copy.id) for kr in scope.krs.get(objective.id, [])]
            records.append(objective.touched(status=ObjectiveStatus.CARRIED_OVER))
            uses_next = True
            verb = "carried over" if action is DecisionAction.KEEP else "carried over as a draft"
            lines.append(f"'{objective.title}' {verb} to {target.name}.")
            continue
        records.append(objective.touched(status=CLOSED_STATUS[action]))
        if action is DecisionAction.GRADUATE:
            if objective.goal_type is not GoalType.LEARNING:
                raise ValueError(
                    f"'{objective.title}' is not a learning goal: only those graduate."
                )
            learned = _learned_notes(scope, objective.id, retro)
            records.append(graduated(objective, scope.cycle.name, target.id, learned, position))
            position += 1
            uses_next = True
            lines.append(
                f"'{objective.title}' graduated: a performance draft waits in {target.name}."
            )
        else:
            words = {
                DecisionAction.ACHIEVED: "closed as achieved",
                DecisionAction.MISSED: "closed as missed",
                DecisionAction.DROP: "dropped",
            }[action]
            lines.append(f"'{objective.title}' {words}.")
    if retro.answers.get(ACTIONS_TO_DRAFTS_KEY) == "yes":
        for item in action_items(retro.answers.get(ACTIONS_KEY, "")):
            records.append(
                Objective(
                    cycle_id=target.id,
                    title=item,
                    why=f"An action item from the retrospective of {scope.label}.",
                    status=ObjectiveStatus.DRAFT,
                    position=position,
                )
            )
            position += 1
            uses_next = True
            lines.append(f"Action item '{item}' is a draft objective in {target.name}.")
    if uses_next and not stored_next:
        records.insert(0, target)
    drafts = [(Draft, d.id) for d in store.drafts(DRAFT_KIND) if d.target_id == retro.id]
    store.save_many([*records, done], delete=drafts)  # one change: the draft goes with it
    return Applied(done, lines, target if uses_next else None)


def _changed_why(why: str, note: str) -> str:
    if not note.strip():
        return why
    joined = f"{why}\n\nTo change (from the retrospective): {note.strip()}".strip()
    return joined[:4000]


# --- history ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PastRetro:
    retro: Retrospective
    cycle_name: str
    scope: str
    average: float | None


def history(store: Store) -> list[PastRetro]:
    """Every retrospective, newest first, with its cycle and average score."""
    cycles = {c.id: c for c in store.cycles()}
    found: list[PastRetro] = []
    for retro in store.retros():
        cycle = cycles.get(retro.cycle_id)
        name = cycle.name if cycle else "(a cycle that is gone)"
        scope = "whole cycle"
        if retro.objective_id is not None:
            objective = store.get(Objective, retro.objective_id)
            scope = objective.title if objective else "(an objective that is gone)"
        found.append(PastRetro(retro, name, scope, average(retro.scores)))
    found.sort(key=lambda p: p.retro.updated_at, reverse=True)
    return found


def retro_names(scope: Scope) -> tuple[dict[str, str], dict[str, str]]:
    """(objective titles, KR titles) by id, for summaries and exports."""
    return (
        {o.id: o.title for o in scope.objectives},
        {kr.id: kr.title for kr in scope.all_krs},
    )


def set_score(retro: Retrospective, kr_id: str, score: float, justification: str) -> Retrospective:
    scores = [
        KRScore(kr_id=kr_id, score=score, justification=justification) if s.kr_id == kr_id else s
        for s in retro.scores
    ]
    if not any(s.kr_id == kr_id for s in retro.scores):
        scores.append(KRScore(kr_id=kr_id, score=score, justification=justification))
    return retro.model_copy(update={"scores": scores})


def unexplained(scope: Scope, retro: Retrospective) -> list[KeyResult]:
    """Committed KRs scored below 1.0 without a word on why."""
    commitment = commitments(scope)
    krs = {kr.id: kr for kr in scope.all_krs}
    return [
        krs[s.kr_id]
        for s in retro.scores
        if s.kr_id in krs
        and needs_explanation(s.score, commitment.get(s.kr_id, Commitment.COMMITTED))
        and not s.justification.strip()
    ]
