"""Time from process start to a text showing on a real terminal under tmux."""

from __future__ import annotations

import shlex
import statistics
import subprocess
import time
import uuid
from pathlib import Path


class TmuxClock:
    """A private tmux server; each measurement runs a command in a fresh 80x24 session."""

    def __init__(self, workdir: Path) -> None:
        self.socket = str(workdir / f"bench-{uuid.uuid4().hex[:6]}.sock")
        self._tmux("new-session", "-d", "-s", "keeper", "-x", "80", "-y", "24", "sleep 600")

    def _tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, check=False
        )

    def first_frame(self, argv: list[str], marker: str, env: dict[str, str], timeout=30.0) -> float:
        """Seconds from launching ``argv`` until ``marker`` is on screen; the app is then quit."""
        name = f"r{uuid.uuid4().hex[:6]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        command = f"env {exports} " + " ".join(shlex.quote(a) for a in argv)
        start = time.perf_counter()
        self._tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24", command)
        deadline = start + timeout
        try:
            while time.perf_counter() < deadline:
                screen = self._tmux("capture-pane", "-p", "-t", name).stdout
                if marker in screen:
                    return time.perf_counter() - start
                time.sleep(0.005)
            raise RuntimeError(f"{marker!r} never appeared; screen was:\n{screen}")
        finally:
            self._tmux("send-keys", "-t", name, "q")
            for _ in range(200):
                if self._tmux("has-session", "-t", name).returncode != 0:
                    break
                time.sleep(0.01)
            self._tmux("kill-session", "-t", name)

    def close(self) -> None:
        self._tmux("kill-server")


def median(values: list[float]) -> float:
    return statistics.median(values)
