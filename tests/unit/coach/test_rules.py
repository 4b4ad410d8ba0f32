"""Every rule in the registry fires on at least one example and stays quiet on another."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from okrcoach.coach import (
    RULES,
    Finding,
    Severity,
    review_cycle,
    review_key_result,
    review_objective,
    review_set,
)
from okrcoach.domain import Cycle, GoalType, KeyResult, Maturity, MetricKind, Objective

CYCLE = Cycle(name="2025-Q1", start=date(2025, 1, 1), end=date(2025, 3, 31))
GOOD_KRS = ("Cut median first-reply time from 24 h to 4 h", "Raise CSAT from 4.1 to 4.6")


def objective(title: str = "Delight our customers", **fields: object) -> Objective:
    fields.setdefault("why", "Happy customers stay and tell others.")
    return Objective(cycle_id=CYCLE.id, title=title, **fields)


def krs(obj: Objective, *titles: str, **fields: object) -> list[KeyResult]:
    return [KeyResult(objective_id=obj.id, title=t, **fields) for t in titles]


def kr(text: str, **kwargs: object) -> Callable[[], list[Finding]]:
    return lambda: review_key_result(text, **kwargs).findings


def obj(text: str, why: str = "", has_parent: bool = False) -> Callable[[], list[Finding]]:
    return lambda: review_objective(text, why=why, has_parent=has_parent).findings


def set_of(title: str, *titles: str, **fields: object) -> Callable[[], list[Finding]]:
    def run() -> list[Finding]:
        o = objective(title, **fields)
        return review_set(o, krs(o, *titles)).findings

    return run


def cycle_of(*objectives: Objective) -> Callable[[], list[Finding]]:
    def run() -> list[Finding]:
        by_id = {o.id: krs(o, *GOOD_KRS) for o in objectives}
        return review_cycle(list(objectives), by_id).findings

    return run


def _learning(title: str = "Learn to run good retros") -> Objective:
    return objective(title, goal_type=GoalType.LEARNING, parent_id="PARENT1")


# rule id -> (an example that fires it, an example that does not)
EXAMPLES: dict[str, tuple[Callable[[], list[Finding]], Callable[[], list[Finding]]]] = {
    "kr.empty": (kr("   "), kr("Raise NPS from 32 to 45")),
    "kr.task": (kr("Launch the help centre"), kr("Raise NPS from 32 to 45")),
    "kr.activity-count": (kr("Make 50 sales calls"), kr("Launch the help centre")),
    "kr.vague": (kr("Improve customer satisfaction"), kr("Raise CSAT from 4.1 to 4.6")),
    "kr.no-target": (kr("Customer churn rate"), kr("Customer churn below 2%")),
    "kr.no-baseline": (kr("Reach 40% activation"), kr("Raise activation from 30% to 40%")),
    "kr.vanity": (kr("Get 10,000 Twitter followers"), kr("Raise trial conversion to 12%")),
    "kr.direction-mismatch": (
        kr("Reduce churn from 2% to 5%"),
        kr("Reduce churn from 5% to 2%"),
    ),
    "kr.target-equals-baseline": (
        kr("Raise NPS", baseline=40, target=40, direction="increase"),
        kr("Raise NPS", baseline=40, target=50, direction="increase"),
    ),
    "kr.timid-stretch": (
        kr("Raise NPS from 40 to 42", commitment="aspirational"),
        kr("Raise NPS from 40 to 60", commitment="aspirational"),
    ),
    "kr.maintain": (kr("Maintain 99.9% uptime"), kr("Raise uptime from 99% to 99.9%")),
    "kr.compound": (
        kr("Raise NPS from 30 to 40 and reduce churn from 5% to 3%"),
        kr("Raise NPS from 30 to 40"),
    ),
    "obj.empty": (obj(""), obj("Delight our customers")),
    "obj.task": (obj("Launch the new website"), obj("Make onboarding effortless")),
    "obj.has-number": (obj("Increase revenue by 20%"), obj("Grow a profitable business")),
    "obj.too-short": (obj("Marketing"), obj("Grow a profitable business")),
    "obj.too-long": (
        obj(
            "Make sure that every customer in every region feels supported and heard by all "
            "of our teams at every moment"
        ),
        obj("Make every customer feel heard"),
    ),
    "obj.bau": (obj("Maintain our service levels"), obj("Make support effortless")),
    "obj.compound": (
        obj("Expand the team and cut costs"),
        obj("Customers and partners trust our uptime"),
    ),
    "obj.generic": (obj("Make everything better"), obj("Make billing painless for small shops")),
    "obj.negative": (obj("Stop losing deals to cheaper rivals"), obj("Win the deals we deserve")),
    "obj.praise": (
        obj("Provide truly world-class support"),
        obj("Our small-business customers get an amazing first month with us"),
    ),
    "obj.not-yet": (obj("Be the best sales team"), obj("Delight our customers")),
    "obj.no-why": (
        obj("Delight our customers"),
        obj("Delight our customers", why="They stay longer."),
    ),
    "set.no-krs": (set_of("Delight our customers"), set_of("Delight our customers", *GOOD_KRS)),
    "set.one-kr": (
        set_of("Delight our customers", GOOD_KRS[0]),
        set_of("Delight our customers", *GOOD_KRS),
    ),
    "set.too-many-krs": (
        set_of("Delight our customers", *[f"Raise CSAT from {n} to {n + 1}" for n in range(6)]),
        set_of("Delight our customers", *GOOD_KRS),
    ),
    "set.all-tasks": (
        set_of("Delight our customers", "Launch the help centre", "Hold weekly demos"),
        set_of("Delight our customers", "Launch the help centre", GOOD_KRS[0]),
    ),
    "set.unrelated": (
        set_of("Make our releases reliable", "Grow newsletter sign-ups from 100 to 400"),
        set_of("Make our releases reliable", "Cut P1 incidents from 8 to 2 a quarter"),
    ),
    "set.learning-business-only": (
        lambda: review_set(o := _learning(), krs(o, "Raise NPS from 30 to 40")).findings,
        lambda: (
            review_set(
                o := _learning(), krs(o, "Practise facilitation 6 times with feedback")
            ).findings
        ),
    ),
    "set.learn-first": (
        set_of("Grow enterprise sales", *GOOD_KRS, maturity=Maturity.NEW),
        set_of("Grow enterprise sales", *GOOD_KRS, maturity=Maturity.MASTERED),
    ),
    "cycle.empty": (cycle_of(), cycle_of(objective())),
    "cycle.too-many-objectives": (
        cycle_of(*[objective(f"Delight customer group {n}") for n in range(6)]),
        cycle_of(objective(), objective("Make releases reliable")),
    ),
    "cycle.only-performance": (
        cycle_of(objective(), objective("Make releases reliable")),
        cycle_of(objective(), _learning()),
    ),
    "cycle.only-learning": (
        cycle_of(_learning(), _learning("Learn to coach juniors")),
        cycle_of(objective(), _learning()),
    ),
    "cycle.unaligned": (
        cycle_of(objective(), objective("Make releases reliable")),
        cycle_of(objective(parent_id="PARENT1"), objective("Make releases reliable")),
    ),
}


def test_every_rule_has_examples() -> None:
    assert set(RULES) == set(EXAMPLES), "add a firing and a non-firing example for each rule"


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_fires_and_stays_quiet(rule_id: str) -> None:
    fires, quiet = EXAMPLES[rule_id]
    fired = fires()
    assert rule_id in {f.rule_id for f in fired}
    assert rule_id not in {f.rule_id for f in quiet()}
    finding = next(f for f in fired if f.rule_id == rule_id)
    assert finding.severity is RULES[rule_id].severity
    assert finding.message and finding.suggestion
    assert "[" not in finding.message  # plain words, no markup


def test_rules_are_data_with_plain_messages() -> None:
    for rule in RULES.values():
        assert rule.id.split(".")[0] in {"kr", "obj", "set", "cycle"}
        assert isinstance(rule.severity, Severity)
        assert rule.message.strip() and rule.suggestion.strip()


def test_milestone_kind_counts_as_measurable_but_set_flags_all_milestones() -> None:
    o = objective()
    titles = ("Launch the help centre", "Publish the FAQ")
    milestones = krs(o, *titles, metric_kind=MetricKind.MILESTONE)
    review = review_set(o, milestones)
    assert all(r.measurable for r in review.kr_reviews)
    assert "set.all-tasks" in {f.rule_id for f in review.findings}


def test_a_task_finding_says_why_it_reads_as_a_task_once() -> None:
    from okrcoach.coach import review_key_result

    review = review_key_result("Launch the partner portal")
    task = next(f for f in review.findings if f.rule_id == "kr.task")
    why = "; ".join(review.reasons[:2])
    assert why
    assert task.message.endswith(f"({why}.)")
    assert task.message.count(why) == 1
    assert '"launch"' in task.message.lower()


@pytest.mark.parametrize(
    "title",
    [
        "Make support something customers love",
        "Make support a competitive advantage",
        "Make our product the easiest way to send invoices",
    ],
)
def test_making_something_into_what_it_becomes_is_no_task(title: str) -> None:
    assert "obj.task" not in {f.rule_id for f in review_objective(title).findings}


def test_making_a_thing_for_someone_is_still_a_task() -> None:
    findings = review_objective("Make the new billing page for the sales team").findings
    assert "obj.task" in {f.rule_id for f in findings}


@pytest.mark.parametrize(
    "title",
    [
        "Launch offline mode so inspectors can finish reports from basements",
        "Automate expense approvals so managers spend minutes on them",
    ],
)
def test_work_that_says_what_it_is_for_is_not_sent_back_as_a_task(title: str) -> None:
    review = review_objective(title, why="a reason")
    assert not [f for f in review.findings if f.severity is Severity.PROBLEM]
