"""``okrcoach doctor``: what it prints and its exit codes, run in-process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from okrcoach.cli import main
from okrcoach.domain.models import JournalEntry
from okrcoach.paths import AppPaths
from okrcoach.store import open_store


def _paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path.absolute(), config_dir=tmp_path / "config")


def doctor(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["--data-dir", str(tmp_path), "doctor", *extra])
    return code, capsys.readouterr().out


def test_a_fresh_folder_is_only_looked_at_and_the_config_folders_are_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = doctor(tmp_path, capsys)
    paths = _paths(tmp_path)
    assert code == 0
    assert not paths.data_file.exists()  # doctor only looks
    assert list(tmp_path.iterdir()) == []  # and leaves nothing behind
    assert f"Data file:    {paths.data_file}" in out
    assert f"Backups:      {paths.backup_dir}" in out
    assert "Schema:       none yet" in out
    assert "check-ins 0" in out and "key results 0" in out
    assert "Last backup:  none yet" in out
    assert "Config:" in out and "Settings:" in out and "Your themes:" in out
    assert "Integrity:    OK" in out


def test_a_folder_that_cannot_be_created_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main(["--data-dir", str(blocker / "x"), "doctor"])
    out = capsys.readouterr().out
    assert code == 1
    assert "cannot be created" in out and "is not a folder" in out
    assert "Integrity:    PROBLEMS FOUND" in out


def test_doctor_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out = doctor(tmp_path, capsys, "--json")
    data = json.loads(out)
    assert code == 0 and data["healthy"] is True and data["exists"] is False
    assert data["settings_file"].endswith("settings.toml")


def test_counts_and_last_backup_are_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _paths(tmp_path)
    with open_store(paths) as store:
        store.save_many([JournalEntry(text="a"), JournalEntry(text="b")])
        backup = store.backup_now("manual")
    code, out = doctor(tmp_path, capsys)
    assert code == 0
    assert "journal 2" in out and "cycles 0" in out
    assert f"Last backup:  {backup}" in out and " UTC)" in out


def test_a_corrupt_file_exits_1_names_the_problem_and_is_not_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _paths(tmp_path)
    with open_store(paths) as store:
        store.save(JournalEntry(text="a"))
        store.backup_now("daily")
    paths.data_file.write_bytes(b'{"meta": {"1": ')
    code, out = doctor(tmp_path, capsys)
    assert code == 1
    assert "Integrity:    PROBLEMS FOUND" in out
    assert "Problem: The data file is damaged: it is not valid JSON" in out
    assert "okrcoach doctor --restore" in out
    assert paths.data_file.read_bytes() == b'{"meta": {"1": '


def test_a_locked_workspace_is_inspected_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _paths(tmp_path)
    with open_store(paths) as store:
        store.save(JournalEntry(text="a"))
        code, out = doctor(tmp_path, capsys)
    assert code == 0
    assert f"pid {os.getpid()}" in out and "read-only" in out
    assert "journal 1" in out and "Integrity:    OK" in out


def test_list_backups_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = doctor(tmp_path, capsys, "--list-backups")
    assert (code, out.strip()) == (0, f"No backups yet in {_paths(tmp_path).backup_dir}.")
    paths = _paths(tmp_path)
    with open_store(paths) as store:
        store.save(JournalEntry(text="keep me"))
        backup = store.backup_now("manual")
    paths.data_file.write_bytes(b"")
    code, out = doctor(tmp_path, capsys, "--list-backups")
    assert code == 0 and backup.name in out
    code, out = doctor(tmp_path, capsys)
    assert code == 1 and "cut short" in out
    code, out = doctor(tmp_path, capsys, "--restore")
    assert code == 0
    assert f"Restored {backup}" in out and "kept as" in out
    code, out = doctor(tmp_path, capsys)
    assert code == 0 and "journal 1" in out


def test_restore_a_named_backup_or_explain_why_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(tmp_path), "doctor", "--restore"])
    captured = capsys.readouterr()
    assert code == 1 and "no backups" in captured.err and not captured.out
    code = main(["--data-dir", str(tmp_path), "doctor", "--restore", "okrcoach-nope.json"])
    captured = capsys.readouterr()
    assert code == 1 and not captured.out
    assert "no backup called okrcoach-nope.json" in captured.err
    paths = _paths(tmp_path)
    with open_store(paths) as store:
        store.save(JournalEntry(text="v1"))
        first = store.backup_now("one")
        store.save(JournalEntry(text="v2"))
    code, out = doctor(tmp_path, capsys, "--restore", first.name, "--yes")
    assert code == 0 and first.name in out
    with open_store(paths, read_only=True) as store:
        assert [j.text for j in store.journal()] == ["v1"]


def _two_versions(paths: AppPaths) -> Path:
    """A backup holding one entry, then two more entries written after it."""
    with open_store(paths) as store:
        store.save(JournalEntry(text="v1"))
        first = store.backup_now("one")
        store.save_many([JournalEntry(text="v2"), JournalEntry(text="v3")])
    return first


def test_restoring_over_healthy_data_says_what_is_rolled_back_and_asks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _paths(tmp_path)
    first = _two_versions(paths)
    code = main(["--data-dir", str(tmp_path), "doctor", "--restore"])  # no terminal, no --yes
    captured = capsys.readouterr()
    out = captured.out
    assert code == 1
    assert "2 records written or changed after the backup" in out and "newest from" in out
    assert "--yes" in captured.err  # the refusal is an error: on stderr
    with open_store(paths, read_only=True) as store:
        assert len(store.journal()) == 3
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    code, out = doctor(tmp_path, capsys, "--restore")
    assert code == 1 and "nothing changed" in out
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    code, out = doctor(tmp_path, capsys, "--restore")
    assert code == 0 and f"Restored {first}" in out
    with open_store(paths, read_only=True) as store:
        assert [j.text for j in store.journal()] == ["v1"]
    assert any("before-restore" in p.name for p in paths.backup_dir.iterdir())


def test_restoring_the_oldest_backup_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from okrcoach.store import list_backups

    paths = _paths(tmp_path)
    _two_versions(paths)
    with open_store(paths) as store:
        for n in range(12):
            store.backup_now(f"more-{n}")
    oldest = list_backups(paths)[-1]
    code, _ = doctor(tmp_path, capsys, "--restore", oldest.name, "--yes")
    assert code == 0
    assert oldest.exists()


def test_a_cycle_file_from_a_newer_version_is_update_not_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from okrcoach.domain.models import Cycle, Objective
    from okrcoach.store.layout import cycle_file

    paths = _paths(tmp_path)
    with open_store(paths) as store:
        cycle = store.save(Cycle(name="Q1", start="2026-01-01", end="2026-03-31"))
        store.save(Objective(cycle_id=cycle.id, title="From the future"))
        store.backup_now("manual")
    newer = {"meta": {"1": {"schema_version": 99, "cycle_id": cycle.id}}}
    cycle_file(paths, cycle.id).write_text(json.dumps(newer))
    code, out = doctor(tmp_path, capsys)
    assert code == 1
    problem = next(line for line in out.splitlines() if line.startswith("Problem:"))
    assert "newer okrcoach" in problem and "update okrcoach" in problem
    assert "restore" not in problem.lower() and "damaged:" not in problem
