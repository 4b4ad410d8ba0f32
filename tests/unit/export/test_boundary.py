"""Sharing works without the TUI: exports, imports and the report never load Textual."""

from __future__ import annotations

import subprocess
import sys


def test_export_layer_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import okrcoach.export, okrcoach.export.report, okrcoach.export.importer\n"
        "import okrcoach.export.markdown, okrcoach.export.csvio, okrcoach.export.jsonio\n"
        "import okrcoach.commands.export, okrcoach.commands.import_, okrcoach.commands.report\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
