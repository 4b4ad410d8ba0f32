"""Keystroke-to-coach latency in the wizard's key-result step, against a plain Input.

For each key: post it to the app as the terminal driver would (a Key event),
then poll until the coach panel has rendered a new note. (Pilot's ``press``
also waits for every widget to go idle, which measures Pilot, not the app.)
The reference is the same measurement on a bare app whose Static mirrors an
Input on every change (no coach, no store). Prints the median
and p95 of each and their ratio.

    .venv/bin/python bench/keystroke.py [--keys 60]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.keys import _character_to_key
from textual.widgets import Input, Static

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from okrcoach.paths import AppPaths  # noqa: E402
from okrcoach.tui.app import make_app  # noqa: E402

TEXT = "Cut median first-reply time from 24 h to 4 h for enterprise customers "
TODAY = date(2026, 11, 24)
TIMEOUT = 5.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _key_name(char: str) -> str:
    return char if char.isalnum() else _character_to_key(char)


async def settle(pilot) -> None:
    for _ in range(20):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            return


async def measure(pilot, keys: str, changed) -> list[float]:
    """Seconds from each key press until ``changed()`` reports a new render."""
    samples: list[float] = []
    for key in keys:
        before = changed()
        start = time.perf_counter()
        pilot.app.post_message(events.Key(_key_name(key), key))
        while changed() == before:
            if time.perf_counter() - start > TIMEOUT:
                raise RuntimeError(f"no update within {TIMEOUT}s after {key!r}")
            await asyncio.sleep(0.001)
        samples.append(time.perf_counter() - start)
        await pilot.pause()  # let the frame finish before the next key
    return samples


async def wizard_samples(keys: str) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths(data_dir=Path(tmp) / "data", config_dir=Path(tmp) / "config")
        app = make_app(paths, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("n")
            await settle(pilot)
            await pilot.press(*"Customers rave about our support")
            await pilot.press("ctrl+n")
            await settle(pilot)
            await pilot.press("ctrl+n")
            await settle(pilot)
            panel = app.screen.query_one("#coach-note")
            return await measure(pilot, keys, lambda: panel.updates)


class Mirror(App[None]):
    """The reference: an Input and a Static that echoes it, nothing else."""

    def compose(self) -> ComposeResult:
        yield Input(id="typed")
        yield Static("", id="echo")

    def on_mount(self) -> None:
        self.renders = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(event.value)
        self.renders += 1


async def reference_samples(keys: str) -> list[float]:
    app = Mirror()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        return await measure(pilot, keys, lambda: app.renders)


def report(name: str, samples: list[float]) -> tuple[float, float]:
    median = statistics.median(samples) * 1000
    p95 = percentile(samples, 0.95) * 1000
    print(f"{name:<34} n={len(samples):<4} median {median:7.1f} ms   p95 {p95:7.1f} ms")
    return median, p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=60, help="how many keys to time")
    args = parser.parse_args()
    keys = (TEXT * 4)[: args.keys]
    wizard = asyncio.run(wizard_samples(keys))
    plain = asyncio.run(reference_samples(keys))
    w_median, w_p95 = report("wizard KR step -> coach panel", wizard)
    r_median, r_p95 = report("reference: plain Input -> Static", plain)
    print(
        f"{'ratio (wizard / reference)':<34} median {w_median / r_median:5.1f}x        "
        f"p95 {w_p95 / r_p95:5.1f}x"
    )


if __name__ == "__main__":
    main()
