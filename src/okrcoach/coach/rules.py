"""The rule registry: every check the coach can make, as data.

Each rule has a stable id, a scope, a severity, a message and a suggestion.
Templates may hold ``{quote}``-style fields; values are user words and are
always shown inside double quotes, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from okrcoach.coach.findings import Finding, Severity
from okrcoach.coach.unchecked import unchecked

Scope = Literal["kr", "objective", "set", "cycle"]


@dataclass(frozen=True)
class Rule:
    id: str
    scope: Scope
    severity: Severity
    message: str
    suggestion: str

    def __post_init__(self) -> None:
        # A severity given as its name ("problem") is held as the enum member, as the
        # findings this rule makes hold it.
        object.__setattr__(self, "severity", Severity(self.severity))

    def fire(self, why: str = "", /, **values: str) -> Finding:
        """A finding for this rule, with user words (already quoted) filled in, and
        ``why`` it fired, when given, in brackets after the message."""
        message = self.message.format(**values) if values else self.message
        # Every value is a string, the severity an enum member: made unchecked.
        return unchecked(
            Finding,
            {
                "rule_id": self.id,
                "severity": self.severity,
                "message": f"{message} ({why}.)" if why else message,
                "suggestion": self.suggestion.format(**values) if values else self.suggestion,
            },
        )


P, W, INFO = Severity.PROBLEM, Severity.WARNING, Severity.INFO

_RULES = (
    # --- key results ---
    Rule("kr.empty", "kr", P, "The key result is empty.", "Write the result you want to see."),
    Rule(
        "kr.task",
        "kr",
        P,
        "This reads as a task or deliverable ({verb}), not a result: it says what you will do, "
        "not what will change.",
        'Ask "so that what happens?" and measure that change; keep the task in your plan.',
    ),
    Rule(
        "kr.activity-count",
        "kr",
        P,
        "This counts activity ({count}): you could hit it without changing anything that matters.",
        "Measure what the activity should cause, such as a conversion rate, replies or retention.",
    ),
    Rule(
        "kr.vague",
        "kr",
        P,
        "{verb} says things should get better but not by how much.",
        'Name the metric and the number: "from X to Y".',
    ),
    Rule(
        "kr.no-target",
        "kr",
        P,
        "There is no target to hit, so nobody can tell at the end whether it happened.",
        'Add a target, ideally with the starting value: "from X to Y".',
    ),
    Rule(
        "kr.no-baseline",
        "kr",
        INFO,
        "There is a target but no starting value, so the size of the change is unknown.",
        'Add where you are today: "from X to Y".',
    ),
    Rule(
        "kr.vanity",
        "kr",
        P,
        "A count of {metric} grows with effort or popularity, not necessarily with value"
        " (a vanity metric).",
        "Prefer a rate, a conversion, retention, satisfaction or time-to-value.",
    ),
    Rule(
        "kr.direction-mismatch",
        "kr",
        P,
        "The KR should {direction}, but the target ({target}) is on the wrong side of the "
        "baseline ({baseline}).",
        "Swap the baseline and target, or change the direction.",
    ),
    Rule(
        "kr.target-equals-baseline",
        "kr",
        P,
        "The target ({target}) equals the baseline, so there is nothing to achieve.",
        "Set a target that differs from today's value, or mark the KR as one to maintain.",
    ),
    Rule(
        "kr.timid-stretch",
        "kr",
        W,
        "An aspirational KR that moves only {change} is not much of a stretch.",
        "Aim for a target you would reach only 60–70% of the way with a strong effort.",
    ),
    Rule(
        "kr.maintain",
        "kr",
        INFO,
        "Keeping a level is a health check, not progress.",
        "Keep it as a guardrail, and pair it with a KR that moves something forward.",
    ),
    Rule(
        "kr.compound",
        "kr",
        W,
        "This KR packs more than one result: it can be half met and still look unclear.",
        "Split it into one key result per metric.",
    ),
    # --- objectives ---
    Rule("obj.empty", "objective", P, "The objective is empty.", "Say where you want to go."),
    Rule(
        "obj.task",
        "objective",
        P,
        "Not an objective yet: it is a task or deliverable ({verb}), not where you want to be.",
        "What will be different once {work} is done? Make that change the objective, and keep "
        "the work in a plan under a key result.",
    ),
    Rule(
        "obj.has-number",
        "objective",
        P,
        "Not an objective yet: it carries a number ({number}), and numbers belong in key results.",
        "Why does {number} matter? Say that in words as the objective, and move {number} into "
        "a key result.",
    ),
    Rule(
        "obj.too-short",
        "objective",
        P,
        "Not an objective yet: {text} names an area but no direction.",
        "Where do you want {text} to be at the end of the cycle, and for whom?",
    ),
    Rule(
        "obj.too-long",
        "objective",
        W,
        "The objective is long ({count} words); it will be hard to remember.",
        "Aim for one short sentence, about 3 to 12 words, and move details into key results.",
    ),
    Rule(
        "obj.bau",
        "objective",
        P,
        "Not an objective yet: {verb} describes business as usual, not a change worth a goal.",
        "What would be noticeably better at the end of the cycle if this went well? If it "
        "only has to stay healthy, track it as a health metric instead.",
    ),
    Rule(
        "obj.compound",
        "objective",
        P,
        "Not an objective yet: it joins several objectives ({parts}).",
        "Which one matters most this cycle? Keep that one here and give the other an "
        "objective of its own, or drop it.",
    ),
    Rule(
        "obj.generic",
        "objective",
        P,
        "Not an objective yet: {text} is a wish that names no one and nothing specific.",
        "Better for whom, and at what? Name the people who benefit and what will change for them.",
    ),
    Rule(
        "obj.praise",
        "objective",
        P,
        "Not an objective yet: {word} praises it without saying what changes, or for whom.",
        "What would people notice if it were {word}? Name who benefits and what will be "
        "different for them.",
    ),
    Rule(
        "obj.negative",
        "objective",
        P,
        "Not an objective yet: it is framed as something to stop or avoid ({word}).",
        "What do you want instead? Describe the good state you are aiming for.",
    ),
    Rule(
        "obj.not-yet",
        "objective",
        P,
        "Not an objective yet: {why}.",
        "Say where you want to be at the end of the cycle and who will notice the change.",
    ),
    Rule(
        "obj.no-why",
        "objective",
        INFO,
        "The objective states neither why it matters nor which higher priority it serves.",
        "Add a short why, or link it to a team or company objective.",
    ),
    # --- sets ---
    Rule(
        "set.no-krs",
        "set",
        P,
        "The objective has no key results, so there is no way to know it was reached.",
        "Add two to five key results that would prove it.",
    ),
    Rule(
        "set.one-kr",
        "set",
        W,
        "A single key result rarely proves an objective and is easy to game.",
        "Add one or two more that look at it from another side (quality, speed, cost).",
    ),
    Rule(
        "set.too-many-krs",
        "set",
        W,
        "{count} key results is a to-do list rather than a focus.",
        "Keep the two to five that best prove the objective.",
    ),
    Rule(
        "set.all-tasks",
        "set",
        P,
        "Every key result is a task or milestone: none measures an outcome.",
        "Turn at least one into the change the work should cause.",
    ),
    Rule(
        "set.unrelated",
        "set",
        INFO,
        "None of the key results seems to speak about the objective's subject.",
        "Check that reaching the key results would really prove the objective.",
    ),
    Rule(
        "set.learning-business-only",
        "set",
        W,
        "This is a learning goal, but its key results measure only business results.",
        "Add learning evidence: practice with feedback, strategies tried, a self-assessment "
        "that rises, or a hypothesis validated.",
    ),
    Rule(
        "set.learn-first",
        "set",
        W,
        "This is a performance goal on a skill marked new: learn first, perform next.",
        "Make it a learning goal this cycle and graduate it to a performance goal later.",
    ),
    # --- cycles ---
    Rule(
        "cycle.empty",
        "cycle",
        INFO,
        "The cycle has no objectives yet.",
        "Start with the one outcome that matters most this cycle.",
    ),
    Rule(
        "cycle.too-many-objectives",
        "cycle",
        W,
        "{count} objectives in one cycle spreads attention thin.",
        "Keep one to five; park the rest for a later cycle.",
    ),
    Rule(
        "cycle.only-performance",
        "cycle",
        INFO,
        "Every objective is a performance goal; nothing is set aside for learning.",
        "Add a learning goal for a skill the team is still building.",
    ),
    Rule(
        "cycle.only-learning",
        "cycle",
        INFO,
        "Every objective is a learning goal; nothing turns that learning into results.",
        "Add a performance goal for a skill that has matured.",
    ),
    Rule(
        "cycle.unaligned",
        "cycle",
        INFO,
        "No objective is linked to a higher priority.",
        "Link each objective to the team or company objective it serves.",
    ),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


# A rule fired with no words of the user's says the same every time: one finding per
# rule, made once here (findings are frozen, so sharing one is safe).
_PLAIN: dict[str, Finding] = {rule.id: rule.fire() for rule in _RULES}


def fire(rule_id: str, why: str = "", /, **values: str) -> Finding:
    if why or values:
        return RULES[rule_id].fire(why, **values)
    return _PLAIN[rule_id]


def quote(text: str, limit: int = 60) -> str:
    """User words in double quotes, shortened so a message stays one line."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'"{text}"'
