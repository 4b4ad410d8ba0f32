"""A realistic sample workspace so a newcomer can explore without typing.

Three cycles (two past quarters and the current one), learning and
performance objectives aligned to a team objective, weekly check-ins with
notes and learnings, journal entries and one finished retrospective.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from okrcoach.domain.models import (
    CheckIn,
    Commitment,
    Cycle,
    Decision,
    DecisionAction,
    Direction,
    GoalType,
    JournalEntry,
    KeyResult,
    KRScore,
    Maturity,
    MetricKind,
    Objective,
    ObjectiveStatus,
    Record,
    RetroFormat,
    Retrospective,
)
from okrcoach.store import Store

# (title, why, type, maturity, commitment, owner, parent index, KRs)
# KR: (title, kind, unit, baseline, target, direction, end share reached, confidence)
_KR = tuple[str, MetricKind, str, float, float, Direction, float, int]
_OBJECTIVES: list[tuple[str, str, GoalType, Maturity, Commitment, str, int | None, list[_KR]]] = [
    (
        "Customers get answers the same day they ask",
        "Slow replies are the top reason people leave in their first month.",
        GoalType.PERFORMANCE,
        Maturity.MASTERED,
        Commitment.COMMITTED,
        "Support team",
        None,
        [
            (
                "Cut median first-reply time from 24 h to 4 h",
                MetricKind.NUMBER,
                "h",
                24,
                4,
                Direction.DECREASE,
                0.8,
                7,
            ),
            (
                "Raise satisfaction with support from 72% to 85%",
                MetricKind.PERCENT,
                "%",
                72,
                85,
                Direction.INCREASE,
                0.6,
                6,
            ),
        ],
    ),
    (
        "Become confident writing async Python services",
        "The new ingestion pipeline is async; I want to own it, not just review it.",
        GoalType.LEARNING,
        Maturity.NEW,
        Commitment.ASPIRATIONAL,
        "Ana",
        None,
        [
            (
                "Rate my own async skill from 3 to 7 out of 10",
                MetricKind.NUMBER,
                "",
                3,
                7,
                Direction.INCREASE,
                0.5,
                6,
            ),
            (
                "Explain the event loop to the team in a lunch talk",
                MetricKind.MILESTONE,
                "",
                0,
                1,
                Direction.INCREASE,
                0.0,
                5,
            ),
        ],
    ),
    (
        "New users reach their first success in minutes",
        "People who finish setup in the first session stay three times as often.",
        GoalType.PERFORMANCE,
        Maturity.IMPROVING,
        Commitment.ASPIRATIONAL,
        "Ben",
        0,
        [
            (
                "Raise the share of users finishing setup on day one from 35% to 60%",
                MetricKind.PERCENT,
                "%",
                35,
                60,
                Direction.INCREASE,
                0.25,
                3,
            ),
            (
                "Cut median time to first report from 40 to 10 minutes",
                MetricKind.NUMBER,
                "min",
                40,
                10,
                Direction.DECREASE,
                0.3,
                4,
            ),
        ],
    ),
    (
        "Learn to run user interviews that change what we build",
        "We guess too often; I want to hear it from the people who use the product.",
        GoalType.LEARNING,
        Maturity.NEW,
        Commitment.COMMITTED,
        "Ben",
        2,
        [
            (
                "Run 8 interviews and write up what each taught me",
                MetricKind.NUMBER,
                "interviews",
                0,
                8,
                Direction.INCREASE,
                0.4,
                5,
            ),
        ],
    ),
]
_NOTES = [
    "Steady week.",
    "A release slowed us down; back on pace now.",
    "Tried a new approach and it helped.",
    "Two people out sick: little movement.",
]
# What each learning objective's owner writes down, by objective title.
_LEARNED = {
    "Become confident writing async Python services": [
        "Blocking calls inside a coroutine stall every other task.",
        "Task groups make the error handling readable.",
        "Writing it down for someone else showed what I did not understand yet.",
        "Timeouts belong at the edges, not sprinkled through the code.",
    ],
    "Learn to run user interviews that change what we build": [
        "Asking 'tell me about the last time…' gets stories instead of opinions.",
        "Silence after a question brings out the real answer.",
        "Two interviews in a row on the same day blur together: space them.",
        "Writing the summary within the hour keeps the quotes exact.",
    ],
}


def _at(day: date) -> datetime:
    return datetime.combine(day, time(9, 30), tzinfo=UTC)


def _value(kr: _KR, share: float) -> float:
    _, kind, _, baseline, target, _, reach, _ = kr
    if kind is MetricKind.MILESTONE:
        return 1.0 if reach >= 1.0 and share >= 1.0 else 0.0
    return round(baseline + (target - baseline) * reach * share, 1)


def _cycle_records(
    cycle: Cycle, today: date, past: bool, shift: int
) -> tuple[list[Record], list[Objective]]:
    records: list[Record] = []
    made: list[Objective] = []
    end = min(today, cycle.end)
    weeks = max(0, (end - cycle.start).days // 7)
    for index, (title, why, kind, maturity, commitment, owner, parent, krs) in enumerate(
        _OBJECTIVES
    ):
        parent_id = made[parent].id if parent is not None else None
        objective = Objective(
            cycle_id=cycle.id,
            title=title,
            why=why,
            goal_type=kind,
            maturity=maturity,
            commitment=commitment,
            owner=owner,
            parent_id=parent_id,
            position=index,
            status=ObjectiveStatus.DONE if past else ObjectiveStatus.ACTIVE,
        )
        made.append(objective)
        records.append(objective)
        for position, spec in enumerate(krs):
            kr_title, metric, unit, baseline, target, direction, _, confidence = spec
            current = None
            kr = KeyResult(
                objective_id=objective.id,
                title=kr_title,
                metric_kind=metric,
                unit=unit,
                baseline=baseline,
                target=target,
                direction=direction,
                position=position,
            )
            for week in range(1, weeks + 1):
                share = week / max(1, ((cycle.end - cycle.start).days // 7))
                value = _value(spec, min(1.0, share * (1.2 if past else 1.0)))
                learned = ""
                if kind is GoalType.LEARNING and week % 2 == 0:
                    notes = _LEARNED.get(title, [])
                    learned = notes[(week // 2 + position + shift) % len(notes)] if notes else ""
                records.append(
                    CheckIn(
                        kr_id=kr.id,
                        at=_at(cycle.start + timedelta(days=7 * week)),
                        value=value,
                        confidence=max(0, min(10, confidence + (week % 3) - 1)),
                        note=_NOTES[(week + position) % len(_NOTES)],
                        learned=learned,
                    )
                )
                current = value
            if current is not None:
                kr = kr.touched(current=current, confidence=confidence)
            records.append(kr)
    return records, made


def build_demo(store: Store, today: date) -> Cycle:
    """Fill an empty store with the sample workspace; returns the current cycle."""
    current = Cycle.for_quarter(today)
    first = Cycle.for_quarter(current.start - timedelta(days=100))
    second = Cycle.for_quarter(current.start - timedelta(days=1))
    records: list[Record] = [first, second, current]
    for shift, cycle in enumerate((first, second, current)):
        made_records, _ = _cycle_records(cycle, today, cycle.end < today, shift)
        records.extend(made_records)
    records.append(
        Retrospective(
            cycle_id=second.id,
            format=RetroFormat.START_STOP_CONTINUE,
            participants="Ana, Ben, Support team",
            answers={
                "Are we measuring the right things?": "Mostly. Reply time moved; "
                "satisfaction lags it by a few weeks.",
                "What are we learning from our results?": "Setup is where people give up.",
                "How can we improve?": "Interview users before building the next step.",
                "start": "Interviewing two users a week.",
                "stop": "Counting tickets closed as progress.",
                "continue": "Weekly check-ins on Monday.",
            },
            scores=[],
            decisions=[
                Decision(
                    objective_id=made_id.id,
                    action=DecisionAction.GRADUATE
                    if made_id.goal_type is GoalType.LEARNING
                    else DecisionAction.KEEP,
                    note="",
                )
                for made_id in [
                    r for r in records if isinstance(r, Objective) and r.cycle_id == second.id
                ][:2]
            ],
            finished=True,
        )
    )
    # The retro scores every key result of its own cycle (not the first ones found).
    reviewed = {r.id for r in records if isinstance(r, Objective) and r.cycle_id == second.id}
    scores = [
        KRScore(kr_id=r.id, score=0.7, justification="Most of the way there.")
        for r in records
        if isinstance(r, KeyResult) and r.objective_id in reviewed
    ]
    retro = records[-1]
    assert isinstance(retro, Retrospective)
    records[-1] = retro.model_copy(update={"scores": scores})
    records.append(
        JournalEntry(
            at=_at(today - timedelta(days=2)),
            text="Pairing on the async pipeline made cancellation finally click.",
            objective_id=next(
                o.id
                for o in records
                if isinstance(o, Objective)
                and o.cycle_id == current.id
                and o.goal_type is GoalType.LEARNING
            ),
        )
    )
    store.save_many(records)
    return current
