"""The coach is pure: importing it and the lint path loads neither Textual nor rich."""

from __future__ import annotations

import subprocess
import sys

PROBE = (
    "import sys, okrcoach.coach, okrcoach.commands.lint, okrcoach.commands.classify; "
    "print(','.join(sorted(m for m in ('textual', 'rich') if m in sys.modules)))"
)


def test_coach_and_lint_import_without_textual_or_rich() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == ""
