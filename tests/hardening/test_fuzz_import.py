"""Importer fuzzing: any JSON, and the real export format bent in every way, is accepted or
refused in words; never a traceback, and a refused file never changes a byte of the data."""

from __future__ import annotations

import copy
import io
import json
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrcoach.cli import main
from okrcoach.paths import AppPaths
from tests.unit.export.conftest import paths_in, sample_records, seed
from tests.unit.export.test_import import files_of, sample_doc

FUZZ = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "2026-13-45", "1e400", "../../etc/passwd", "[@click=app.quit]x"])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)
TABLES = ["cycles", "objectives", "key_results", "checkins", "retros", "journal", "drafts"]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> AppPaths:
    paths = paths_in(tmp_path_factory.mktemp("pristine"))
    seed(paths, sample_records())
    return paths


@pytest.fixture(autouse=True)
def no_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(tmp_path / "config"))


def run_import(pristine: AppPaths, payload: bytes, *flags: str) -> int:
    """Import ``payload`` into a fresh copy of the seeded workspace and check the outcome."""
    with tempfile.TemporaryDirectory() as folder:
        paths = paths_in(Path(folder))
        shutil.copytree(pristine.data_dir, paths.data_dir)
        before = files_of(paths)
        source = Path(folder) / "in.json"
        source.write_bytes(payload)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["--data-dir", str(paths.data_dir), "import", str(source), *flags])
        said = out.getvalue() + err.getvalue()
        assert "Traceback" not in said and "\x1b" not in said, said
        assert code in (0, 1), (code, said)
        if code == 1:
            assert err.getvalue().strip(), "a refusal must say why"
            assert files_of(paths) == before, "a refused import changed the data"
        if code == 0 and "--dry-run" in flags:
            assert files_of(paths) == before
        if code == 0:
            with redirect_stdout(io.StringIO()) as report:
                assert main(["--data-dir", str(paths.data_dir), "doctor"]) == 0, report.getvalue()
        return code


@FUZZ
@given(value=JSON)
def test_any_json_value_is_accepted_or_refused_in_words(pristine: AppPaths, value: Any) -> None:
    run_import(pristine, json.dumps(value).encode())


@FUZZ
@given(value=st.dictionaries(st.sampled_from(["format", "version", "tables", "x"]), JSON))
def test_any_top_level_shape_is_accepted_or_refused(pristine: AppPaths, value: Any) -> None:
    doc = sample_doc()
    doc.update(value)
    run_import(pristine, json.dumps(doc).encode())


def _records(doc: dict[str, Any]) -> list[tuple[str, int]]:
    return [(t, i) for t in TABLES for i in range(len(doc["tables"].get(t, [])))]


@FUZZ
@given(data=st.data(), value=JSON, how=st.sampled_from(["set", "drop", "add", "dupe", "retype"]))
def test_one_record_bent_in_any_way_is_accepted_or_refused(
    pristine: AppPaths, data: st.DataObject, value: Any, how: str
) -> None:
    doc = sample_doc()
    table, index = data.draw(st.sampled_from(_records(doc)))
    rows = doc["tables"][table]
    record = rows[index]
    key = data.draw(st.sampled_from(sorted(record)))
    if how == "set":
        record[key] = value
    elif how == "drop":
        del record[key]
    elif how == "add":
        record[data.draw(st.text(min_size=1, max_size=12))] = value
    elif how == "dupe":
        twin = copy.deepcopy(record)
        twin[key] = value if key != "id" else record["id"]
        rows.append(twin)
    else:
        doc["tables"][table] = value
    run_import(
        pristine, json.dumps(doc).encode(), *data.draw(st.sampled_from([(), ("--dry-run",)]))
    )


@FUZZ
@given(data=st.binary(max_size=200), cut=st.integers(min_value=0, max_value=5000))
def test_truncated_and_garbled_bytes_are_refused(pristine: AppPaths, data: bytes, cut: int) -> None:
    real = json.dumps(sample_doc()).encode()
    run_import(pristine, real[:cut] + data)


def test_the_unchanged_export_is_accepted(pristine: AppPaths) -> None:
    """The fuzzers start from a file the importer takes: prove it, or they test nothing."""
    doc = sample_doc()
    assert run_import(pristine, json.dumps(doc).encode()) == 0
    doc["tables"]["objectives"][0]["title"] = "A new title [b]kept literally[/b]"
    assert run_import(pristine, json.dumps(doc).encode()) == 0
