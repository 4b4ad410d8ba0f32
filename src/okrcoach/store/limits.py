"""How much the workspace holds at most: limits far above real use, checked at every save.

A person keeps three to five objectives a cycle and a team rarely more than a
hundred; check-ins come weekly, a wizard draft is a few kilobytes. The limits
below are ten to a hundred times that, so nobody meets them in real use, while
an import of a hundred thousand objectives or a 45 MB draft is refused in
words instead of making every save, backup and report slow. Text length per
field is the models' business; this module counts records and draft size.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrcoach.store.errors import StoreError

OBJECTIVES_PER_CYCLE = 500
OBJECTIVES_IN_ALL = 20_000
KEY_RESULTS_PER_OBJECTIVE = 25
CHECKINS_PER_KEY_RESULT = 2_000
CYCLES_IN_ALL = 1_000
JOURNAL_ENTRIES_IN_ALL = 50_000
RETROS_IN_ALL = 10_000
DRAFTS_IN_ALL = 200
DRAFT_BYTES = 256 * 1024


class LimitError(StoreError):
    """A save would pass one of the limits above; nothing was saved."""


@dataclass(frozen=True)
class Limit:
    what: str  # e.g. "objectives in one cycle"
    most: int

    def check(self, count: int, where: str = "") -> None:
        if count > self.most:
            place = f" ({where})" if where else ""
            raise LimitError(
                f"Not saved: okrcoach keeps at most {self.most:,} {self.what}{place}, and this "
                f"change would make {count:,}. Nothing was saved; the limit is far above "
                "everyday use, so the data may hold far more than intended."
            )


PER_CYCLE = Limit("objectives in one cycle", OBJECTIVES_PER_CYCLE)
IN_ALL = {
    "objectives": Limit("objectives in the workspace", OBJECTIVES_IN_ALL),
    "cycles": Limit("cycles", CYCLES_IN_ALL),
    "journal": Limit("learning-log entries", JOURNAL_ENTRIES_IN_ALL),
    "retros": Limit("retrospectives", RETROS_IN_ALL),
    "drafts": Limit("drafts", DRAFTS_IN_ALL),
}
PER_PARENT = {
    "key_results": Limit("key results on one objective", KEY_RESULTS_PER_OBJECTIVE),
    "checkins": Limit("check-ins on one key result", CHECKINS_PER_KEY_RESULT),
}


def check_draft_size(size: int) -> None:
    """A draft's stored size (bytes of JSON) against ``DRAFT_BYTES``."""
    if size > DRAFT_BYTES:
        raise LimitError(
            f"Not saved: a draft may hold at most {DRAFT_BYTES // 1024} KB, and this one holds "
            f"{size / 1024:,.0f} KB. Nothing was saved."
        )
