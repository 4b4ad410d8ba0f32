"""okrcoach import: hostile files are refused by name and leave the data untouched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from okrcoach.domain.models import KeyResult, Objective
from okrcoach.export.snapshot import Snapshot, Tables
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from tests.unit.export.conftest import Cli, paths_in, sample_records

Doc = dict[str, Any]


def sample_doc() -> Doc:
    records = sample_records()
    tables: dict[str, list[Any]] = {}
    for name, model in (
        ("cycles", "Cycle"),
        ("objectives", "Objective"),
        ("key_results", "KeyResult"),
        ("checkins", "CheckIn"),
        ("retros", "Retrospective"),
        ("journal", "JournalEntry"),
        ("drafts", "Draft"),
    ):
        tables[name] = [r for r in records if type(r).__name__ == model]
    return Snapshot(tables=Tables(**tables)).model_dump(mode="json")


def write(folder: Path, doc: Doc | bytes | str) -> Path:
    path = folder / "import.json"
    if isinstance(doc, dict):
        doc = json.dumps(doc)
    path.write_bytes(doc.encode() if isinstance(doc, str) else doc)
    return path


def files_of(paths: AppPaths) -> dict[str, bytes]:
    """Every data file's bytes (the lock file only holds a pid)."""
    if not paths.data_dir.exists():
        return {}
    return {
        str(p.relative_to(paths.data_dir)): p.read_bytes()
        for p in sorted(paths.data_dir.rglob("*"))
        if p.is_file() and p != paths.lock_file
    }


def _mutate(path: str, value: Any) -> Callable[[Doc], None]:
    """Set ``tables.<table>.<index>.<field>`` (dot path) to ``value``."""

    def apply(doc: Doc) -> None:
        *head, last = path.split(".")
        node: Any = doc
        for part in head:
            node = node[int(part)] if part.isdigit() else node[part]
        node[last] = value

    return apply


def _duplicate_kr(doc: Doc) -> None:
    krs = doc["tables"]["key_results"]
    krs.append(dict(krs[0], title="Same id again"))


HOSTILE: dict[str, tuple[Callable[[Doc], None], list[str]]] = {
    "wrong type": (_mutate("tables.objectives.0.title", 12), ["objective #1", "title"]),
    "wrong number type": (
        _mutate("tables.key_results.0.target", "lots"),
        ["key result #1", "target", "number"],
    ),
    "huge string": (
        _mutate("tables.objectives.0.why", "x" * 50_000),
        ["objective #1", "why", "too long"],
    ),
    "over-long list": (
        _mutate("tables.retros.0.scores", [{"kr_id": "A", "score": 0.5}] * 5000),
        ["retrospective #1", "scores", "too long"],
    ),
    "unknown format": (_mutate("format", "someone-elses-okrs"), ["not an okrcoach export"]),
    "newer schema": (_mutate("schema_version", 99), ["newer okrcoach"]),
    "unknown table": (_mutate("tables.secrets", []), ["unknown table"]),
    "unknown field": (_mutate("tables.cycles.0.shell", "rm -rf /"), ["cycle #1", "shell"]),
    "duplicate ids": (_duplicate_kr, ["key result #3", "used twice"]),
    "dangling objective": (
        _mutate("tables.key_results.0.objective_id", "NOPE"),
        ["key result #1", "objective_id", "NOPE"],
    ),
    "path as a cycle id": (
        _mutate("tables.objectives.0.cycle_id", "../../etc/passwd"),
        ["objective #1", "cycle_id"],
    ),
    "path as a record id": (_mutate("tables.cycles.0.id", "../x"), ["cycle #1", "id"]),
    "escape codes": (
        _mutate("tables.key_results.0.title", "Cut \x1b]52;c;aGk=\x07time"),
        ["key result #1", "title", "control characters", "--clean-text"],
    ),
    "escape codes in a draft": (
        _mutate("tables.drafts.0.data", {"title": "\x1b[2Jboom"}),
        ["draft #1", "title", "control characters"],
    ),
    "milestone nonsense": (
        _mutate("tables.key_results.0.metric_kind", "milestone"),
        ["key result #1", "milestone"],
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_refused_and_nothing_is_created(
    case: str, tmp_path: Path, paths: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    change, words = HOSTILE[case]
    doc = sample_doc()
    change(doc)
    assert cli(paths, "import", str(write(tmp_path, doc))) == 1
    err = capsys.readouterr().err
    assert "not imported" in err and "\x1b" not in err
    for word in words:
        assert word in err, (word, err)
    assert not paths.data_dir.exists()


@pytest.mark.parametrize("case", ["dangling objective", "duplicate ids", "escape codes"])
def test_hostile_file_leaves_an_existing_workspace_byte_for_byte(
    case: str, tmp_path: Path, seeded: AppPaths, cli: Cli
) -> None:
    before = files_of(seeded)
    doc = sample_doc()  # fresh ids: every record would be new
    HOSTILE[case][0](doc)
    assert cli(seeded, "import", str(write(tmp_path, doc))) == 1
    assert files_of(seeded) == before


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"{not json", ["not valid JSON", "line 1"]),
        (b'{"format": NaN}', ["not valid JSON", "NaN"]),
        (b"[" * 100_000 + b"]" * 100_000, ["nested too deeply"]),
        (b"\xff\xfe\x00garbage", ["not UTF-8"]),
        (b"[1, 2, 3]", ["expected a JSON object"]),
        (b'{"format": "okrcoach-export", "schema_version": 1}', ["tables"]),
    ],
)
def test_broken_files_are_refused_in_words(
    raw: bytes,
    words: list[str],
    tmp_path: Path,
    paths: AppPaths,
    cli: Cli,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli(paths, "import", str(write(tmp_path, raw))) == 1
    err = capsys.readouterr().err
    for word in words:
        assert word in err
    assert not paths.data_dir.exists()


def test_deep_nesting_inside_a_record_is_refused(
    tmp_path: Path, paths: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    deep: Any = "x"
    for _ in range(40):
        deep = {"d": deep}
    doc = sample_doc()
    doc["tables"]["drafts"][0]["data"] = deep
    assert cli(paths, "import", str(write(tmp_path, doc))) == 1
    assert "nested more than" in capsys.readouterr().err


def test_oversized_file_is_refused_before_parsing(
    tmp_path: Path,
    paths: AppPaths,
    cli: Cli,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("okrcoach.export.importer.MAX_FILE_BYTES", 1000)
    doc = sample_doc()
    assert cli(paths, "import", str(write(tmp_path, doc))) == 1
    assert "larger than" in capsys.readouterr().err
    assert not paths.data_dir.exists()


def test_missing_file_is_an_error_not_a_crash(
    tmp_path: Path, paths: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(paths, "import", str(tmp_path / "nope.json")) == 2
    assert "cannot read nope.json" in capsys.readouterr().err


def test_clean_text_imports_without_escape_codes_and_says_where(
    tmp_path: Path, paths: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = sample_doc()
    doc["tables"]["key_results"][0]["title"] = "Cut \x1b[31mreply\x1b[0m time\x07"
    file = write(tmp_path, doc)
    assert cli(paths, "import", "--dry-run", "--clean-text", str(file)) == 0
    out = capsys.readouterr().out
    assert "Control characters removed from 1 text field" in out
    assert "key result #1" in out and "title" in out
    assert not paths.data_dir.exists()
    assert cli(paths, "import", "--clean-text", str(file)) == 0
    with open_store(paths, read_only=True) as store:
        kr = store.get(KeyResult, doc["tables"]["key_results"][0]["id"])
    assert kr is not None and kr.title == "Cut reply time"


def test_markup_is_kept_as_plain_text(tmp_path: Path, paths: AppPaths, cli: Cli) -> None:
    doc = sample_doc()
    doc["tables"]["objectives"][0]["title"] = "[bold red]Ship[/] <b>it</b>"
    assert cli(paths, "import", str(write(tmp_path, doc))) == 0
    with open_store(paths, read_only=True) as store:
        objective = store.get(Objective, doc["tables"]["objectives"][0]["id"])
    assert objective is not None and objective.title == "[bold red]Ship[/] <b>it</b>"


def _row(out: str, label: str) -> list[int]:
    line = next(line for line in out.splitlines() if line.strip().startswith(label))
    return [int(n) for n in line.split()[-3:]]


def test_dry_run_counts_new_updated_unchanged_and_writes_nothing(
    tmp_path: Path, paths: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = sample_doc()
    assert cli(paths, "import", str(write(tmp_path, doc))) == 0
    capsys.readouterr()
    doc["tables"]["key_results"][0]["title"] = "Cut first reply time to one hour"
    extra = dict(doc["tables"]["objectives"][0], id="NEWOBJECTIVE1", title="A new objective")
    doc["tables"]["objectives"].append(extra)
    before = files_of(paths)
    assert cli(paths, "import", "--dry-run", str(write(tmp_path, doc))) == 0
    out = capsys.readouterr().out
    assert "Dry run: nothing was written" in out
    assert _row(out, "objectives") == [1, 0, 2]
    assert _row(out, "key results") == [0, 1, 1]
    assert _row(out, "check-ins") == [0, 0, 1]
    assert "1 record with ids already in the workspace would be updated in place" in out
    assert files_of(paths) == before


def test_import_updates_records_with_known_ids(
    tmp_path: Path, paths: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = sample_doc()
    assert cli(paths, "import", str(write(tmp_path, doc))) == 0
    doc["tables"]["key_results"][0]["current"] = 9.0
    assert cli(paths, "import", str(write(tmp_path, doc))) == 0
    assert "were updated in place" in capsys.readouterr().out
    with open_store(paths, read_only=True) as store:
        kr = store.get(KeyResult, doc["tables"]["key_results"][0]["id"])
        assert kr is not None and kr.current == 9.0
        assert store.counts()["key_results"] == 2


def test_links_may_point_into_the_workspace(tmp_path: Path, seeded: AppPaths, cli: Cli) -> None:
    """A file of check-ins alone imports when their key results are already there."""
    with open_store(seeded, read_only=True) as store:
        kr = store.all(KeyResult)[0]
    doc = sample_doc()
    checkin = dict(doc["tables"]["checkins"][0], kr_id=kr.id, id="EXTRACHECKIN1")
    doc["tables"] = {"checkins": [checkin]}
    assert cli(seeded, "import", str(write(tmp_path, doc))) == 0
    with open_store(seeded, read_only=True) as store:
        assert [c.id for c in store.checkins(kr.id)][-1] == "EXTRACHECKIN1"


def test_import_while_the_app_runs_says_so(
    tmp_path: Path, seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path, sample_doc())
    with open_store(seeded):  # the app holds the writer lock
        before = files_of(seeded)
        assert cli(seeded, "import", str(file)) == 2
        err = capsys.readouterr().err
        assert "okrcoach is open" in err and "Nothing was imported" in err
        assert files_of(seeded) == before
        assert cli(seeded, "import", "--dry-run", str(file)) == 0  # a preview still works


def test_import_into_another_folder_never_uses_paths_from_the_file(
    tmp_path: Path, cli: Cli
) -> None:
    target = paths_in(tmp_path / "target")
    doc = sample_doc()
    doc["tables"]["cycles"][0]["name"] = "../../escape"
    assert cli(target, "import", str(write(tmp_path, doc))) == 0
    assert not (tmp_path / "escape").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["import.json", "target"]


def test_an_import_shows_it_is_working_on_a_terminal_and_is_quiet_when_piped(
    tmp_path: Path,
    paths: AppPaths,
    cli: Cli,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert cli(paths, "import", "--dry-run", str(write(tmp_path, sample_doc()))) == 0
    assert capsys.readouterr().err == ""
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert cli(paths, "import", str(write(tmp_path, sample_doc()))) == 0
    assert "Importing" in terminal.getvalue()
