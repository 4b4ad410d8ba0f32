"""The JSON export: every table of the snapshot, format name and version first.

Meant for machines: ``okrcoach import`` reads it back losslessly. A team store's
save counter (``version`` on objectives and key results) is the store's own
bookkeeping, not part of the record: it is left out, so the file is the same
whichever store it came from.
"""

from __future__ import annotations

import json

from okrcoach.export.snapshot import Snapshot

_STORE_COUNTERS = {
    "tables": {name: {"__all__": {"version"}} for name in ("objectives", "key_results")}
}


def render_json(snapshot: Snapshot) -> str:
    data = snapshot.model_dump(mode="json", exclude=_STORE_COUNTERS)
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
