"""The JSON export: every table of the snapshot, format name and version first.

Meant for machines: ``okrcoach import`` reads it back losslessly, into the local
store or a team store alike.
"""

from __future__ import annotations

import json

from okrcoach.export.snapshot import Snapshot

# A store's own bookkeeping, not the user's data: a record's version says how often a team
# store saved it, which means nothing to the workspace the file is imported into.
_STORE_ONLY = {"objectives": ("version",), "key_results": ("version",)}


def render_json(snapshot: Snapshot) -> str:
    data = snapshot.model_dump(mode="json")
    for table, fields in _STORE_ONLY.items():
        for row in data["tables"][table]:
            for name in fields:
                row.pop(name, None)
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
