"""Drive the installed okrcoach command in a real terminal under tmux."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path


def okrcoach_command() -> str:
    """The installed console script beside this interpreter (what a user runs)."""
    candidate = Path(sys.executable).parent / "okrcoach"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("okrcoach")
    if not found:
        raise RuntimeError("the okrcoach command is not installed")
    return found


class Tmux:
    """One detached tmux session running one command in a fixed-size window."""

    def __init__(self, tmp: Path, width: int = 80, height: int = 24) -> None:
        self.name = f"okr-{uuid.uuid4().hex[:8]}"
        self.socket = str(tmp / "tmux.sock")
        self.width = width
        self.height = height
        self.status_file = tmp / "exit-status"

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, check=check
        )

    def start(self, argv: list[str], env: dict[str, str] | None = None) -> None:
        full_env = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8"}
        full_env.update(env or {})
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in full_env.items())
        command = " ".join(shlex.quote(a) for a in argv)
        # Record the exit status, then keep the pane alive so it can be read.
        script = (
            f"env {exports} {command}; echo $? > {shlex.quote(str(self.status_file))}; sleep 30"
        )
        self._tmux(
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "bash",
            "--norc",
            "--noprofile",
            "-c",
            script,
        )

    def screen(self) -> str:
        result = self._tmux("capture-pane", "-p", "-t", self.name, check=False)
        return result.stdout

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def wait_for(self, *texts: str, timeout: float = 20.0) -> str:
        """Poll the screen until every one of ``texts`` shows in the same capture.

        A screen is drawn widget by widget and a capture can land between two of them,
        so facts about one screen are waited for together, never asserted after the
        first of them shows.
        """
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.05)
        missing = [text for text in texts if text not in screen]
        raise AssertionError(f"{missing!r} did not appear within {timeout}s. Screen:\n{screen}")

    def wait_gone(self, text: str, timeout: float = 20.0) -> str:
        """Poll the screen until ``text`` is no longer shown."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while time.monotonic() < deadline:
            screen = self.screen()
            if text not in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} still shown after {timeout}s. Screen:\n{screen}")

    def wait_exit(self, timeout: float = 20.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status_file.exists():
                content = self.status_file.read_text().strip()
                if content:
                    return int(content)
            time.sleep(0.05)
        raise AssertionError(f"okrcoach did not exit within {timeout}s. Screen:\n{self.screen()}")

    def kill(self) -> None:
        self._tmux("kill-server", check=False)


def clean_env(data_dir: Path, config_dir: Path) -> dict[str, str]:
    return {
        "OKRCOACH_DATA_DIR": str(data_dir),
        "OKRCOACH_CONFIG_DIR": str(config_dir),
        "HOME": str(config_dir.parent),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
