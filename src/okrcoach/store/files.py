"""Reading the store's files: the main file at open, each cycle file when first needed.

A damaged cycle file is moved aside (as the writer) and reported in words,
every time it is needed, until a backup is restored.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from okrcoach.domain.models import Record
from okrcoach.paths import AppPaths
from okrcoach.store import backups
from okrcoach.store.aside import aside_of, note_aside
from okrcoach.store.errors import (
    CorruptFileError,
    FutureSchemaError,
    StoreError,
    describe_os_error,
)
from okrcoach.store.layout import (
    CYCLE_TABLES,
    FileProblem,
    check_cycle_file,
    cycle_file,
    decode,
    parse,
)
from okrcoach.store.lock import WriterLock
from okrcoach.store.tables import MAIN, Part, Table, home_of, kr_home

RESTORE_HINT = "okrcoach doctor --restore"


class StoreFiles:
    """The files behind a store and the records read from them (state set by ``Store``)."""

    paths: AppPaths
    read_only: bool
    schema_version: int
    _lock: threading.RLock
    _writer_lock: WriterLock | None
    _closed: bool
    _stuck: str | None
    _snapshot: dict[Path, bytes | None] | None
    _broken: dict[str, StoreError]
    _parts: dict[str, Part]
    _index_json: str | None
    _next_index: tuple[dict[str, str], dict[str, str]]
    _obj_cycle: dict[str, str]
    _kr_obj: dict[str, str]
    _complete: bool

    def _new_part(self, key: str) -> Part:
        part = Part(key, cycle_file(self.paths, key))
        self._parts[key] = part
        return part

    def _part(self, key: str) -> Part:
        """The records of one file, reading it the first time."""
        part = self._parts.get(key)
        if part is not None:
            return part
        broken = self._broken.get(key)
        if broken is not None:
            raise broken
        if self._complete or key not in self._obj_cycle.values():
            return self._new_part(key)  # no objective lives there: empty (or stale) file
        path = cycle_file(self.paths, key)
        try:
            raw = self._snapshot.get(path) if self._snapshot is not None else path.read_bytes()
        except FileNotFoundError:
            raw = None
        except OSError as error:
            raise StoreError(f"Could not read {path}: {describe_os_error(error)}.") from error
        try:
            if raw is None:
                raise FileProblem("missing", "it is missing")
            parsed = parse(raw)
            decoded = decode(parsed)
            check_cycle_file(decoded, parsed, key)
        except FileProblem as problem:
            broken = self._file_problem(path, problem)
            self._broken[key] = broken
            raise broken from None
        part = self._new_part(key)
        part.load(decoded.records, decoded.extra)
        return part

    def _file_problem(self, path: Path, problem: FileProblem) -> StoreError:
        if problem.kind == "future":
            return FutureSchemaError(
                f"The cycle file {path} was written by a newer okrcoach: {problem.reason}. "
                "It was left untouched; update okrcoach to open it.",
                version=problem.version,
            )
        head = f"The cycle file {path} could not be read: {problem.reason}."
        aside = None
        noted = aside_of(self.paths, path) if problem.kind == "missing" else None
        if noted is not None:
            kept = (
                f" It was damaged, so its bytes were moved to {noted.aside} ({noted.at}); "
                "this cycle's objectives, key results and check-ins cannot be shown until "
                "a backup is restored."
            )
        elif problem.kind == "missing":
            kept = " This cycle's objectives, key results and check-ins cannot be shown."
        elif self.read_only:
            kept = " It was left exactly as it is."
        else:
            try:
                aside = backups.move_aside(path, "corrupt")
                kept = f" Nothing was overwritten: the original bytes were moved to {aside}."
                with contextlib.suppress(OSError):
                    note_aside(self.paths, path, aside, problem.reason, backups.stamp())
            except OSError:
                kept = " It was left exactly as it is."
        newest = backups.newest_backup(self.paths)
        tail = (
            f" To restore the newest backup ({newest}), run: {RESTORE_HINT}"
            if newest is not None
            else " There is no backup to restore."
        )
        return CorruptFileError(head + kept + tail, aside)

    def _load_all(self) -> None:
        if not self._complete:
            for key in sorted(set(self._obj_cycle.values())):
                self._part(key)
            self._complete = True

    def _parts_with(self, name: str) -> list[Part]:
        if name in CYCLE_TABLES:
            self._load_all()
            return list(self._parts.values())
        return [self._parts[MAIN]]

    def _locate(self, name: str, record_id: str, hint: Record | None = None) -> str | None:
        """Which file holds a stored record now (reading files as needed), None if none."""
        if name == "objectives":
            return self._obj_cycle.get(record_id)
        if name == "key_results":
            if record_id not in self._kr_obj:
                return None
            return kr_home(record_id, self._obj_cycle, self._kr_obj)
        if name != "checkins":
            return MAIN if record_id in self._parts[MAIN].tables[name].records else None
        if hint is not None:  # where it would be if its key result did not change
            self._part(home_of(name, hint, self._obj_cycle, self._kr_obj))
        for key, part in self._parts.items():
            if record_id in part.tables["checkins"].records:
                return key
        if hint is None and not self._complete:
            self._load_all()
            return self._locate(name, record_id)
        return None

    def _find(self, name: str, record_id: str) -> Record | None:
        key = self._locate(name, record_id)
        if key is None:
            return None
        return self._part(key).tables[name].records.get(record_id)

    def _main(self, name: str) -> Table:
        return self._parts[MAIN].tables[name]
