"""Coaching texts reused by the wizard, the retro and the CLI.

Plain words only, no markup: screens escape and style them as they need.
"""

from __future__ import annotations

from okrcoach.coach import metrics
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

# Learning-shaped key results ("{skill}" is the skill being learned): the metric library's,
# each of which passes the coach's own review.
LEARNING_KR_TEMPLATES = metrics.LEARNING_KR_TEMPLATES

WEEKLY_LEARNING_PROMPT = "What did I learn this week?"
SO_THAT_PROMPT = "So that what happens?"
