"""Without the server programs the team tests fail, saying how to install them."""

from __future__ import annotations

import pytest

from tests.team import cluster


def test_missing_server_programs_are_named_with_the_install_command(monkeypatch) -> None:
    monkeypatch.setattr(cluster.glob, "glob", lambda pattern: [])
    monkeypatch.setattr(cluster.shutil, "which", lambda name: None)
    with pytest.raises(cluster.ServerMissing, match="apt-get install postgresql"):
        cluster.find_bin_dir()
