"""The JSON export: every table of the snapshot, format name and version first.

Meant for machines: ``okrcoach import`` reads it back losslessly.
"""

from __future__ import annotations

import json

from okrcoach.export.snapshot import Snapshot


def render_json(snapshot: Snapshot) -> str:
    data = snapshot.model_dump(mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
