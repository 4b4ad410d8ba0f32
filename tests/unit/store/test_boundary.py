"""The core must work without the TUI: importing store and domain never loads Textual."""

from __future__ import annotations

import subprocess
import sys


def test_store_and_domain_do_not_import_textual() -> None:
    code = (
        "import sys, okrcoach.store, okrcoach.domain, okrcoach.commands.doctor\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
