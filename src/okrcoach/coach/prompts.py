"""Coaching texts reused by the wizard, the retro and the CLI.

Plain words only, no markup: screens escape and style them as they need.
"""

from __future__ import annotations

from okrcoach.coach.lexicon import wordset
from okrcoach.domain.models import Maturity

LEARN_FIRST_QUESTION = "Am I trying to perform something I haven't yet learned?"
LEARN_FIRST_HINT = (
    "Learn first, perform next: a performance target on a skill you have not built yet "
    "tends to end in early failure and stress."
)

MATURITY_QUESTION = "Have you done this successfully before?"
# (answer shown to the user, maturity it maps to)
MATURITY_ANSWERS: tuple[tuple[str, Maturity], ...] = (
    ("No, this is new to me", Maturity.NEW),
    ("A few times, and I'm getting better", Maturity.IMPROVING),
    ("Yes, many times: I can do it reliably", Maturity.MASTERED),
)
MATURITY_ADVICE: dict[Maturity, str] = {
    Maturity.NEW: "Set a learning goal: track practice and reflection, not results yet.",
    Maturity.IMPROVING: "Set a learning goal with light performance tracking: both matter.",
    Maturity.MASTERED: "Set a performance goal: track the result metric.",
}

# Learning-shaped key result templates; "{skill}" is the skill being learned.
LEARNING_KR_TEMPLATES: tuple[str, ...] = (
    "Practise {skill} {n} times with feedback from someone more experienced",
    "Try {n} different strategies for {skill} and write down what each taught me",
    "Raise my self-assessment of {skill} from {from_} to {to} out of 10",
    "Validate or reject the hypothesis that {hypothesis}",
    "Explain {skill} to a colleague without notes",
)

WEEKLY_LEARNING_PROMPT = "What did I learn this week?"
SO_THAT_PROMPT = "So that what happens?"

# Example outcomes offered in rewrite scaffolds, chosen by the words of the task.
OUTCOME_EXAMPLES: tuple[tuple[frozenset[str], str], ...] = (
    (
        wordset("help support faq ticket tickets helpdesk centre center chatbot docs"),
        "Cut support tickets about X from N to M a week",
    ),
    (
        wordset("call calls sales lead leads prospect prospects deal deals outreach"),
        "Raise the share of calls that lead to a meeting from N% to M%",
    ),
    (
        wordset("onboarding signup sign-up trial activation welcome tutorial"),
        "Raise new-user activation from N% to M% in the first week",
    ),
    (
        wordset("blog post posts content seo article articles newsletter video"),
        "Grow sign-ups from organic visits from N to M a month",
    ),
    (
        wordset("crm erp tool migration system platform database infrastructure"),
        "Cut the time the team spends on X from N h to M h a week",
    ),
    (
        wordset("hire hiring recruit engineers engineer people team interview"),
        "Cut the time to fill an open role from N to M days",
    ),
    (
        wordset("training workshop course courses session sessions coaching"),
        "Raise the share of people who can do X without help from N% to M%",
    ),
    (
        wordset("test tests testing bug bugs quality refactor qa"),
        "Cut defects found after release from N to M per release",
    ),
    (
        wordset("page website app mobile performance speed cache"),
        "Cut the median page load time from N s to M s",
    ),
    (
        wordset("demo demos meeting meetings review reviews retro"),
        "Raise the share of decisions made within a week from N% to M%",
    ),
    (
        wordset("pricing price plan plans billing checkout payment"),
        "Raise trial-to-paid conversion from N% to M%",
    ),
)
DEFAULT_OUTCOME_EXAMPLE = "Move the number this work should change from N to M"


def example_outcome(tokens: tuple[str, ...]) -> str:
    """The example outcome that best fits the words of a task."""
    for keys, example in OUTCOME_EXAMPLES:
        if any(tok in keys for tok in tokens):
            return example
    return DEFAULT_OUTCOME_EXAMPLE
