"""Startup: process start to the first frame of the welcome screen, against a bare app.

Both run in tmux at 80x24 in the same run, interleaved, so machine noise hits both.
Prints the medians and, last, the ratio lines.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tmuxtime import TmuxClock, median

HERE = Path(__file__).resolve().parent
OKRCOACH = str(Path(sys.executable).parent / "okrcoach")
MARKER = "Welcome to okrcoach"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        clock = TmuxClock(tmpdir)
        base_env = {"TERM": "xterm-256color", "PATH": os.environ.get("PATH", "")}
        empty_env = {
            **base_env,
            "OKRCOACH_DATA_DIR": str(tmpdir / "empty"),
            "OKRCOACH_CONFIG_DIR": str(tmpdir / "config"),
        }
        bare: list[float] = []
        empty: list[float] = []
        try:
            # One warm-up each so the first measured run is not paying for cold caches.
            clock.first_frame(
                [sys.executable, str(HERE / "bare_app.py")], "Bare app ready", base_env
            )
            clock.first_frame([OKRCOACH], MARKER, empty_env)
            for _ in range(args.runs):
                bare.append(
                    clock.first_frame(
                        [sys.executable, str(HERE / "bare_app.py")], "Bare app ready", base_env
                    )
                )
                empty.append(clock.first_frame([OKRCOACH], MARKER, empty_env))
        finally:
            clock.close()
    print(f"runs={args.runs}")
    print(f"bare_textual_first_frame_median_s={median(bare):.3f}")
    print(f"okrcoach_empty_first_frame_median_s={median(empty):.3f}")
    print(f"first_frame_ratio_vs_bare={median(empty) / median(bare):.2f}")


if __name__ == "__main__":
    main()
