"""Opening the store over any bytes: it opens, or says why in words, and keeps every byte."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrcoach.domain.models import CheckIn, Cycle, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import StoreError, open_store
from okrcoach.store.backups import bundle
from tests.hardening.hostile import HOSTILE

FUZZ = settings(
    max_examples=70,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@contextmanager
def fresh_paths() -> Iterator[AppPaths]:
    with tempfile.TemporaryDirectory(prefix="okr-hard-") as folder:
        root = Path(folder)
        yield AppPaths(data_dir=root / "data", config_dir=root / "config")


@cache
def valid_workspace() -> tuple[dict[str, bytes], bytes]:
    """A real workspace's files (by relative path) and a single-file bundle of it.

    Hostile text is inside, so damage meets the same records the user would have.
    """
    with fresh_paths() as paths:
        with open_store(paths) as store:
            cycle = store.save(Cycle(name="2026-Q1", start=date(2026, 1, 1), end=date(2026, 3, 31)))
            for _, text in HOSTILE[:6]:
                objective = store.save(Objective(cycle_id=cycle.id, title=text, why=text))
                kr = store.save(
                    KeyResult(objective_id=objective.id, title=text, baseline=1, target=9)
                )
                store.save(CheckIn(kr_id=kr.id, value=3, confidence=5, note=text))
        files = {
            str(p.relative_to(paths.data_dir)): p.read_bytes()
            for p in paths.data_dir.rglob("*.json")
            if "backups" not in p.parts
        }
        return files, bundle(paths)


def _mutated(raw: bytes, data: st.DataObject) -> bytes:
    action = data.draw(st.sampled_from(["truncate", "flip", "insert", "delete"]))
    at = data.draw(st.integers(0, max(len(raw) - 1, 0)))
    if action == "truncate":
        return raw[:at]
    if action == "flip":
        return raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1 :]
    if action == "insert":
        return raw[:at] + data.draw(st.binary(min_size=1, max_size=4)) + raw[at:]
    return raw[:at] + raw[at + data.draw(st.integers(1, 20)) :]


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=10,
)
TABLES = st.dictionaries(
    st.sampled_from(["_meta", "cycles", "objectives", "key_results", "index", "x"]),
    st.dictionaries(st.sampled_from(["1", "2", "a"]), _json, max_size=2) | _json,
    max_size=4,
).map(lambda d: json.dumps(d).encode("utf-8"))


def _everything_kept(paths: AppPaths, raw: bytes) -> bool:
    """The original bytes are still on disk: in place, moved aside, or in a backup."""
    folder = paths.data_dir
    candidates = [p for p in folder.rglob("*") if p.is_file()]
    return any(p.read_bytes() == raw for p in candidates)


def _check_open(files: dict[str, bytes], damaged: str = "okrcoach.json") -> None:
    raw = files[damaged]
    with fresh_paths() as paths:
        for name, content in files.items():
            (paths.data_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (paths.data_dir / name).write_bytes(content)
        # A reader never changes anything.
        try:
            with open_store(paths, read_only=True) as reader:
                reader.counts()
        except StoreError as error:
            assert str(error).strip()
        assert (paths.data_dir / damaged).read_bytes() == raw
        try:
            with open_store(paths) as store:
                counts = store.counts()  # every cycle file is read and checked
                store.objectives()
        except StoreError as error:
            message = str(error)
            assert message.strip() and "Traceback" not in message
        else:
            if b'"bundle":true' in raw:
                # A readable bundle is re-laid out, not copied: its records must all be there.
                tables = json.loads(raw)
                stored = sum(len(t) for n, t in tables.items() if n in counts)
                assert sum(counts.values()) == stored
                return
        if raw.strip():
            assert _everything_kept(paths, raw)


@FUZZ
@given(st.binary(max_size=200) | TABLES)
def test_any_bytes_open_or_are_refused_in_words(raw: bytes) -> None:
    _check_open({"okrcoach.json": raw})


@FUZZ
@given(st.data())
def test_a_damaged_real_file_is_never_lost(data: st.DataObject) -> None:
    files, single = valid_workspace()
    if data.draw(st.booleans()):
        files = {"okrcoach.json": single}
    damaged = data.draw(st.sampled_from(sorted(files)))
    _check_open({**files, damaged: _mutated(files[damaged], data)}, damaged)


def test_the_bundle_of_a_hostile_workspace_reopens_with_the_same_text() -> None:
    _, single = valid_workspace()
    with fresh_paths() as paths:
        paths.data_dir.mkdir(parents=True)
        paths.data_file.write_bytes(single)
        with open_store(paths) as store:
            titles = sorted(o.title for o in store.objectives())
        assert len(titles) == 6
        assert any("[@click=app.quit]" in t for t in titles)
