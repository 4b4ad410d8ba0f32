from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        raise RuntimeError("tmux is required for the end-to-end tests (CI installs it)")
    session = Tmux(tmp_path)
    yield session
    session.kill()


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "home" / "data"
    config = tmp_path / "home" / "config"
    return data, config
