"""The objective draft offered back on start: found and named without loading the coach.

The drafting package imports the coach, a heavy import the start-up offer has no
use for; what the offer needs lives here, and the drafting package re-exports it.
"""

from __future__ import annotations

from okrcoach.domain.models import Draft
from okrcoach.domain.text import clean_line
from okrcoach.store import Store

DRAFT_KIND = "objective"

STEPS = (
    "Where do we want to go?",
    "Learning or performance?",
    "How will we know we've arrived?",
    "How ambitious?",
    "Review",
)


def latest_draft(store: Store) -> Draft | None:
    """The most recently touched objective draft, if any."""
    drafts = store.drafts(DRAFT_KIND)
    return drafts[0] if drafts else None


def draft_title(draft: Draft) -> str:
    title = clean_line(str(draft.data.get("title", "")))
    return title or "(untitled objective)"


def step_name(draft: Draft) -> str:
    """The name of the wizard step the draft stopped at."""
    return STEPS[max(0, min(draft.step, len(STEPS) - 1))]
