"""Start-up on a full disk: words in the app, doctor and import, and read-only where it can."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from okrcoach.cli import main
from okrcoach.domain.models import JournalEntry
from okrcoach.paths import AppPaths
from okrcoach.store import StoreError, open_store
from tests.hardening.screen import all_widget_text
from tests.tui.conftest import TODAY, settle


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


def full_disk(monkeypatch: pytest.MonkeyPatch, paths: AppPaths, where: str) -> None:
    """The lock file cannot be created ("open") or its pid not written ("write")."""
    real_open, real_write = os.open, os.write
    lock_fds: set[int] = set()

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == paths.lock_file and flags & os.O_CREAT:
            if where == "open":
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            fd = real_open(path, flags, *args, **kwargs)
            lock_fds.add(fd)
            return fd
        return real_open(path, flags, *args, **kwargs)

    def fake_write(fd: int, data: Any) -> int:
        if fd in lock_fds:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "write", fake_write)


def workspace(paths: AppPaths, text: str = "still here") -> None:
    with open_store(paths) as store:
        store.save(JournalEntry(text=text))


@pytest.mark.parametrize("where", ["open", "write"])
def test_opening_on_a_full_disk_says_so_and_read_only_still_works(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    workspace(paths)
    full_disk(monkeypatch, paths, where)
    with pytest.raises(StoreError) as caught:
        open_store(paths)
    assert "disk is full" in str(caught.value) and "read-only" in str(caught.value)
    with open_store(paths, read_only=True) as store:
        assert [j.text for j in store.journal()] == ["still here"]


@pytest.mark.parametrize("where", ["open", "write"])
def test_doctor_and_import_on_a_full_disk_answer_in_words(
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    where: str,
) -> None:
    workspace(paths)
    other = AppPaths(data_dir=tmp_path / "other", config_dir=paths.config_dir)
    workspace(other, "from elsewhere")  # another workspace's export: new records for this one
    export = tmp_path / "in.json"
    args = ["export", "--format", "json", "-o", str(export)]
    assert main(["--data-dir", str(other.data_dir), *args]) == 0
    capsys.readouterr()
    full_disk(monkeypatch, paths, where)
    # doctor only looks (it never takes the lock or writes), so a full disk cannot stop it.
    code = main(["--data-dir", str(paths.data_dir), "doctor"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "journal 1" in out.out  # inspected all the same
    assert code == 0
    code = main(["--data-dir", str(paths.data_dir), "import", str(export)])
    out = capsys.readouterr()
    assert code == 2 and "disk is full" in out.err and "Nothing was imported" in out.err, out
    assert json.loads(export.read_text())  # untouched


async def test_the_app_on_a_full_disk_offers_read_only(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okrcoach.tui.app import make_app

    workspace(paths)
    full_disk(monkeypatch, paths, "open")
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.__class__.__name__ == "StoreProblemModal"
        assert "disk is full" in all_widget_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert app.store is not None and app.store.read_only
        assert app.is_running
