"""The Store: pydantic records in, pydantic records out, one atomic change per call.

The main file (meta, cycles, retros, journal, drafts, an index) is read at
open; each cycle's file (its objectives, key results and check-ins) is read
the first time a query needs it and then kept in memory, indexed by id and
by parent id, so queries never scan. A change rewrites only the files whose
records changed (all-or-nothing across files) and each record's JSON is
cached, so a check-in save costs the same in year ten as on day one.
Callers never see the file layout or TinyDB doc ids.

Where a record lives follows from the data: an objective in its cycle's file,
a key result with its objective, a check-in with its key result; one whose
parent is unknown stays in the main file and moves when the parent appears.
"""

from __future__ import annotations

import contextlib
import functools
import json
import threading
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from okrcoach.domain.models import (
    CheckIn,
    Cycle,
    Draft,
    JournalEntry,
    KeyResult,
    Objective,
    Record,
    Retrospective,
)
from okrcoach.paths import AppPaths
from okrcoach.store import backups
from okrcoach.store.aside import aside_of, note_aside
from okrcoach.store.errors import (
    CorruptFileError,
    FutureSchemaError,
    ReadOnlyError,
    StoreError,
    WriteError,
    describe_os_error,
)
from okrcoach.store.layout import (
    CYCLE_TABLES,
    INDEX_TABLE,
    MODEL_OF,
    FileProblem,
    check_cycle_file,
    cycle_file,
    cycles_dir,
    decode,
    parse,
    table_name,
)
from okrcoach.store.lock import WriterLock
from okrcoach.store.migrations import META_TABLE, SCHEMA_VERSION
from okrcoach.store.storage import CommitIncomplete, fsync_dir, write_files

R = TypeVar("R", bound=Record)
F = TypeVar("F", bound=Callable[..., Any])

# Which field each table is indexed by, for the parent-child queries.
INDEXED: dict[str, str] = {
    "objectives": "cycle_id",
    "key_results": "objective_id",
    "checkins": "kr_id",
    "journal": "objective_id",
    "retros": "cycle_id",
    "drafts": "kind",
}
MAIN = ""  # the main file's key; cycle files are keyed by their cycle id (never empty)
RESTORE_HINT = "okrcoach doctor --restore"
# Records holding lists or dicts are deep-copied on the way out so callers cannot
# change the store's state behind its back.
_DEEP_COPY = (Retrospective, Draft)


def _locked(method: F) -> F:
    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            if self._closed:
                raise StoreError("The data store is closed; open it again to continue.")
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _copy(record: R) -> R:
    return record.model_copy(deep=isinstance(record, _DEEP_COPY))


class _Table:
    """One table in memory: records by id, their doc ids, cached JSON and an index."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.model = MODEL_OF[name]
        self.records: dict[str, Record] = {}
        self.doc_ids: dict[str, str] = {}
        self.encoded: dict[str, str] = {}
        self.next_doc_id = 1
        self.index_field = INDEXED.get(name)
        self.index: dict[Any, set[str]] = {}

    def load(self, rows: list[tuple[str, Record]] | Iterable[tuple[str, Record]]) -> None:
        for doc_id, record in rows:
            self._put(record, doc_id)
            if doc_id.isdigit():
                self.next_doc_id = max(self.next_doc_id, int(doc_id) + 1)

    def _key(self, record: Record) -> Any:
        return getattr(record, self.index_field) if self.index_field else None

    def _put(self, record: Record, doc_id: str) -> None:
        old = self.records.get(record.id)
        if old is not None and self.index_field:
            self.index.get(self._key(old), set()).discard(record.id)
        self.records[record.id] = record
        self.doc_ids[record.id] = doc_id
        self.encoded.pop(record.id, None)
        if self.index_field:
            self.index.setdefault(self._key(record), set()).add(record.id)

    def put(self, record: Record) -> None:
        doc_id = self.doc_ids.get(record.id)
        if doc_id is None:
            doc_id = str(self.next_doc_id)
            self.next_doc_id += 1
        self._put(record, doc_id)

    def remove(self, record_id: str) -> None:
        old = self.records.pop(record_id)
        del self.doc_ids[record_id]
        self.encoded.pop(record_id, None)
        if self.index_field:
            self.index.get(self._key(old), set()).discard(record_id)

    def snapshot(self, record_id: str) -> tuple[Record | None, str | None, str | None]:
        return (
            self.records.get(record_id),
            self.doc_ids.get(record_id),
            self.encoded.get(record_id),
        )

    def restore(self, record_id: str, saved: tuple[Record | None, str | None, str | None]) -> None:
        record, doc_id, encoded = saved
        if record_id in self.records:
            self.remove(record_id)
        if record is not None and doc_id is not None:
            self._put(record, doc_id)
            if encoded is not None:
                self.encoded[record_id] = encoded

    def by_key(self, value: Any) -> list[Record]:
        return [self.records[i] for i in self.index.get(value, ())]

    def to_json(self) -> str:
        """The table as JSON; unchanged records reuse their cached '"doc_id":{...}' piece."""
        encoded = self.encoded
        if len(encoded) != len(self.records):
            for record_id, record in self.records.items():
                if record_id not in encoded:
                    doc_id = self.doc_ids[record_id]
                    encoded[record_id] = f'"{doc_id}":{record.model_dump_json()}'
        return "{" + ",".join(encoded.values()) + "}"


class _Part:
    """One file's records in memory: the main file or one cycle's file."""

    def __init__(self, key: str, path: Path) -> None:
        self.key = key
        self.path = path
        names = MODEL_OF if key == MAIN else CYCLE_TABLES
        self.tables: dict[str, _Table] = {name: _Table(name) for name in names}
        self.extra_json: dict[str, str] = {}

    def load(self, rows: dict[str, list[tuple[str, Record]]], extra: dict[str, Any] | None) -> None:
        for name, table_rows in rows.items():
            if table_rows or name in self.tables:
                self.tables[name].load(table_rows)
        self.extra_json = {
            name: json.dumps(table, ensure_ascii=False, separators=(",", ":"))
            for name, table in (extra or {}).items()
        }


def _kr_part(kr_id: str, obj_cycle: dict[str, str], kr_obj: dict[str, str]) -> str:
    objective_id = kr_obj.get(kr_id)
    return obj_cycle.get(objective_id, MAIN) if objective_id is not None else MAIN


def _home(name: str, record: Record, obj_cycle: dict[str, str], kr_obj: dict[str, str]) -> str:
    """The file a record belongs in, given the index."""
    if name == "objectives":
        return record.cycle_id  # type: ignore[attr-defined,no-any-return]
    if name == "key_results":
        return obj_cycle.get(record.objective_id, MAIN)  # type: ignore[attr-defined]
    if name == "checkins":
        return _kr_part(record.kr_id, obj_cycle, kr_obj)  # type: ignore[attr-defined]
    return MAIN


Move = tuple[str | None, str | None, Record | None]  # from file, to file, new record


class Store:
    """The workspace's records. Thread-safe: every public method holds one RLock."""

    def __init__(
        self,
        paths: AppPaths,
        *,
        read_only: bool,
        rows: dict[str, list[tuple[str, Record]]],
        extra: dict[str, dict[str, Any]] | None = None,
        index: tuple[dict[str, str], dict[str, str]] | None = None,
        single_file: bool = False,
        schema_version: int = SCHEMA_VERSION,
        lock: WriterLock | None = None,
        snapshot: dict[Path, bytes | None] | None = None,
    ) -> None:
        self.paths = paths
        self.read_only = read_only
        self.schema_version = schema_version
        self._lock = threading.RLock()
        self._writer_lock = lock
        self._closed = False
        self._stuck: str | None = None
        # A reader's cycle files, read with the main file as one commit (None: read lazily).
        self._snapshot = snapshot
        self._broken: dict[str, StoreError] = {}
        main = _Part(MAIN, paths.data_file)
        self._parts: dict[str, _Part] = {MAIN: main}
        self._index_json: str | None = None
        self._next_index: tuple[dict[str, str], dict[str, str]] = ({}, {})
        if not single_file:
            self._obj_cycle, self._kr_obj = index or ({}, {})
            self._complete = False
            main.load(rows, extra)
            return
        # Every table in one file: spread the records over the files they belong in.
        self._complete = True
        self._obj_cycle = {r.id: r.cycle_id for _, r in rows.get("objectives", [])}  # type: ignore[attr-defined]
        self._kr_obj = {r.id: r.objective_id for _, r in rows.get("key_results", [])}  # type: ignore[attr-defined]
        spread: dict[str, dict[str, list[tuple[str, Record]]]] = {}
        for name, table_rows in rows.items():
            for doc_id, record in table_rows:
                key = _home(name, record, self._obj_cycle, self._kr_obj)
                spread.setdefault(key, {}).setdefault(name, []).append((doc_id, record))
        main.load(spread.pop(MAIN, {}), extra)
        for key, part_rows in spread.items():
            self._new_part(key).load(part_rows, None)

    # -- lifecycle -------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._writer_lock is not None:
                self._writer_lock.release()
                self._writer_lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- files -----------------------------------------------------------------

    def _new_part(self, key: str) -> _Part:
        part = _Part(key, cycle_file(self.paths, key))
        self._parts[key] = part
        return part

    def _part(self, key: str) -> _Part:
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
            error = self._file_problem(path, problem)
            self._broken[key] = error
            raise error from None
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

    def _parts_with(self, name: str) -> list[_Part]:
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
            return _kr_part(record_id, self._obj_cycle, self._kr_obj)
        if name != "checkins":
            return MAIN if record_id in self._parts[MAIN].tables[name].records else None
        if hint is not None:  # where it would be if its key result did not change
            self._part(_home(name, hint, self._obj_cycle, self._kr_obj))
        for key, part in self._parts.items():
            if record_id in part.tables["checkins"].records:
                return key
        if hint is None and not self._complete:
            self._load_all()
            return self._locate(name, record_id)
        return None

    # -- writing ---------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(
                "The data is open read-only (another okrcoach may be using it), "
                "so this change was not saved."
            )
        if self._stuck is not None:
            raise WriteError(self._stuck)

    def _encode(self, part: _Part) -> bytes:
        meta: dict[str, Any] = {"schema_version": self.schema_version}
        if part.key != MAIN:
            meta["cycle_id"] = part.key
        parts = [f'"{META_TABLE}":' + json.dumps({"1": meta}, separators=(",", ":"))]
        parts += [f"{json.dumps(name)}:{table.to_json()}" for name, table in part.tables.items()]
        if part.key == MAIN:
            if self._index_json is None:
                doc = {"objectives": self._obj_cycle, "key_results": self._kr_obj}
                self._index_json = json.dumps({"1": doc}, separators=(",", ":"))
            parts.append(f'"{INDEX_TABLE}":{self._index_json}')
        parts += [f"{json.dumps(name)}:{text}" for name, text in part.extra_json.items()]
        return ("{" + ",".join(parts) + "}").encode("utf-8")

    def _write(self, keys: Iterable[str]) -> None:
        """Write these files as one change; raises WriteError with every file untouched."""
        chosen = [self._parts[k] for k in sorted(keys)]
        if not chosen:
            return
        try:
            if any(p.key != MAIN for p in chosen) and not cycles_dir(self.paths).is_dir():
                cycles_dir(self.paths).mkdir(mode=0o700, exist_ok=True)
                fsync_dir(self.paths.data_dir)
            write_files(self.paths.data_dir, {p.path: self._encode(p) for p in chosen})
        except CommitIncomplete as error:
            self._stuck = (
                f"A change was saved but could not be finished: {describe_os_error(error)}. "
                "Close okrcoach and open it again to finish it; nothing was lost."
            )
            raise WriteError(self._stuck) from error
        except OSError as error:
            target = chosen[0].path
            unchanged = (
                "The previous version of the file is unchanged"
                if len(chosen) == 1
                else f"The previous versions of all {len(chosen)} files are unchanged"
            )
            raise WriteError(
                f"Could not save to {target}: {describe_os_error(error)}. "
                f"{unchanged}; nothing was lost."
            ) from error

    def _flush_all(self) -> None:
        """Write every file (new workspace, or a single file being split)."""
        self._write(self._parts)

    def _plan(self, final: dict[tuple[str, str], Record | None]) -> dict[tuple[str, str], Move]:
        """Where each changed record goes, plus the children that follow a moved parent."""
        oc, ko = self._obj_cycle, self._kr_obj
        new_oc, new_ko = oc, ko
        for (name, record_id), record in final.items():
            if name == "objectives":
                want = record.cycle_id if record is not None else None  # type: ignore[attr-defined]
                mapping, old = new_oc, oc
            elif name == "key_results":
                want = record.objective_id if record is not None else None  # type: ignore[attr-defined]
                mapping, old = new_ko, ko
            else:
                continue
            if old.get(record_id) == want:
                continue
            if mapping is old:
                mapping = dict(old)
                if name == "objectives":
                    new_oc = mapping
                else:
                    new_ko = mapping
            if want is None:
                mapping.pop(record_id, None)
            else:
                mapping[record_id] = want
        self._next_index = (new_oc, new_ko)
        moves: dict[tuple[str, str], Move] = {}
        for (name, record_id), record in final.items():
            hint = record if name == "checkins" else None
            source = self._locate(name, record_id, hint)
            target = None if record is None else _home(name, record, new_oc, new_ko)
            moves[(name, record_id)] = (source, target, record)
        if new_oc is oc and new_ko is ko:
            return moves
        for kr_id in set(ko) | set(new_ko):
            before, after = _kr_part(kr_id, oc, ko), _kr_part(kr_id, new_oc, new_ko)
            if before == after:
                continue
            if kr_id in new_ko and ("key_results", kr_id) not in moves and kr_id in ko:
                moves[("key_results", kr_id)] = (before, after, None)
            for checkin_id in list(self._part(before).tables["checkins"].index.get(kr_id, ())):
                moves.setdefault(("checkins", checkin_id), (before, after, None))
        return moves

    def _commit(self, puts: list[Record], removes: list[tuple[str, str]]) -> None:
        """Apply puts and removes in memory, write once, undo everything if the write fails."""
        self._check_writable()
        final: dict[tuple[str, str], Record | None] = {}
        for record in puts:
            final[(table_name(type(record)), record.id)] = record
        for key in removes:
            final[key] = None
        old_index = (self._obj_cycle, self._kr_obj, self._index_json)
        moves = self._plan(final)
        for source, target, _ in moves.values():
            for key in (source, target):
                if key is not None:
                    self._part(key)  # read every file involved before changing anything
        undo: list[tuple[_Table, str, tuple[Record | None, str | None, str | None]]] = []
        saved_next: dict[int, tuple[_Table, int]] = {}
        dirty: set[str] = set()
        try:
            for (name, record_id), (source, target, record) in moves.items():
                if source is not None:
                    table = self._parts[source].tables[name]
                    if record is None:
                        record = table.records.get(record_id)
                    if source != target and record_id in table.records:
                        undo.append((table, record_id, table.snapshot(record_id)))
                        table.remove(record_id)
                        dirty.add(source)
                if target is not None and record is not None:
                    table = self._parts[target].tables[name]
                    saved_next.setdefault(id(table), (table, table.next_doc_id))
                    undo.append((table, record_id, table.snapshot(record_id)))
                    table.put(record)
                    dirty.add(target)
            new_oc, new_ko = self._next_index
            if new_oc is not self._obj_cycle or new_ko is not self._kr_obj:
                self._obj_cycle, self._kr_obj, self._index_json = new_oc, new_ko, None
                dirty.add(MAIN)
            self._write(dirty)
        except WriteError:
            if self._stuck is not None:
                raise  # the change is durable: memory already matches it
            self._undo(undo, saved_next, old_index)
            raise
        except BaseException:
            self._undo(undo, saved_next, old_index)
            raise

    def _undo(
        self,
        undo: list[tuple[_Table, str, tuple[Record | None, str | None, str | None]]],
        saved_next: dict[int, tuple[_Table, int]],
        old_index: tuple[dict[str, str], dict[str, str], str | None],
    ) -> None:
        for table, record_id, saved in reversed(undo):
            table.restore(record_id, saved)
        for table, value in saved_next.values():
            table.next_doc_id = value
        self._obj_cycle, self._kr_obj, self._index_json = old_index

    @staticmethod
    def _validated(record: R) -> R:
        """A private, re-validated copy: what is stored always reloads cleanly."""
        table_name(type(record))
        return type(record).model_validate(record.model_dump())

    @_locked
    def save(self, record: R) -> R:
        self._check_writable()
        stored = self._validated(record)
        self._commit([stored], [])
        return _copy(stored)

    @_locked
    def save_many(
        self, records: Iterable[Record], delete: Iterable[tuple[type[Record], str]] = ()
    ) -> None:
        """Save ``records`` and delete ``delete`` (model, id) in one all-or-nothing change.

        A record saved together with the removal of its draft can never be offered twice.
        """
        self._check_writable()
        stored = [self._validated(r) for r in records]
        removes = self._stored_keys(delete)
        if stored or removes:
            self._commit(stored, removes)

    @_locked
    def delete(self, model: type[Record], record_id: str) -> bool:
        return self.delete_many([(model, record_id)]) == 1

    @_locked
    def delete_many(self, items: Iterable[tuple[type[Record], str]]) -> int:
        self._check_writable()
        removes = self._stored_keys(items)
        if removes:
            self._commit([], removes)
        return len(removes)

    def _stored_keys(self, items: Iterable[tuple[type[Record], str]]) -> list[tuple[str, str]]:
        keys: list[tuple[str, str]] = []
        for model, record_id in items:
            name = table_name(model)
            if (name, record_id) not in keys and self._find(name, record_id) is not None:
                keys.append((name, record_id))
        return keys

    def _find(self, name: str, record_id: str) -> Record | None:
        key = self._locate(name, record_id)
        if key is None:
            return None
        return self._part(key).tables[name].records.get(record_id)

    # -- generic reads ---------------------------------------------------------

    @_locked
    def get(self, model: type[R], record_id: str) -> R | None:
        record = self._find(table_name(model), record_id)
        return _copy(record) if record is not None else None  # type: ignore[return-value]

    @_locked
    def all(self, model: type[R]) -> list[R]:
        name = table_name(model)
        return [_copy(r) for p in self._parts_with(name) for r in p.tables[name].records.values()]  # type: ignore[misc]

    @_locked
    def counts(self) -> dict[str, int]:
        self._load_all()
        return {
            name: sum(len(p.tables[name].records) for p in self._parts_with(name))
            for name in MODEL_OF
        }

    # -- queries ---------------------------------------------------------------

    def _main(self, name: str) -> _Table:
        return self._parts[MAIN].tables[name]

    @_locked
    def cycles(self) -> list[Cycle]:
        found = self._main("cycles").records.values()
        return [_copy(c) for c in sorted(found, key=lambda c: (c.start, c.end, c.created_at))]  # type: ignore[attr-defined]

    @_locked
    def current_cycle(self, today: date | None = None, length: str = "quarter") -> Cycle:
        """The cycle holding ``today``, preferring the calendar period of ``length``; made if none.

        A new cycle is that calendar period (a quarter unless ``length`` says otherwise).
        Read-only stores return it without saving it.
        """
        today = today or date.today()
        _, p_start, p_end = Cycle.period_of(today, length)
        holding = [c for c in self.cycles() if c.contains(today)]
        if holding:
            holding.sort(key=lambda c: (not (c.start == p_start and c.end == p_end), c.start))
            return holding[0]
        cycle = Cycle.for_period(today, length)
        if self.read_only:
            return cycle
        return self.save(cycle)

    @_locked
    def objectives(
        self, cycle_id: str | None = None, *, include_archived: bool = False
    ) -> list[Objective]:
        if cycle_id is None:
            parts = self._parts_with("objectives")
            found = [r for p in parts for r in p.tables["objectives"].records.values()]
        else:
            found = self._part(cycle_id).tables["objectives"].by_key(cycle_id)
        chosen = [o for o in found if include_archived or not o.archived]  # type: ignore[attr-defined]
        chosen.sort(key=lambda o: (o.position, o.created_at))  # type: ignore[attr-defined]
        return [_copy(o) for o in chosen]  # type: ignore[misc]

    @_locked
    def key_results(self, objective_id: str) -> list[KeyResult]:
        part = self._part(self._obj_cycle.get(objective_id, MAIN))
        found = part.tables["key_results"].by_key(objective_id)
        found.sort(key=lambda k: (k.position, k.created_at))  # type: ignore[attr-defined]
        return [_copy(k) for k in found]  # type: ignore[misc]

    def _checkins_of(self, kr_id: str) -> list[Record]:
        part = self._part(_kr_part(kr_id, self._obj_cycle, self._kr_obj))
        return part.tables["checkins"].by_key(kr_id)

    @_locked
    def checkins(self, kr_id: str) -> list[CheckIn]:
        found = self._checkins_of(kr_id)
        found.sort(key=lambda c: (c.at, c.created_at))  # type: ignore[attr-defined]
        return [_copy(c) for c in found]  # type: ignore[misc]

    @_locked
    def latest_checkin(self, kr_id: str) -> CheckIn | None:
        found = self._checkins_of(kr_id)
        if not found:
            return None
        return _copy(max(found, key=lambda c: (c.at, c.created_at)))  # type: ignore[attr-defined,return-value]

    @_locked
    def journal(self, objective_id: str | None = None) -> list[JournalEntry]:
        table = self._main("journal")
        found = list(table.records.values()) if objective_id is None else table.by_key(objective_id)
        found.sort(key=lambda j: (j.at, j.created_at))  # type: ignore[attr-defined]
        return [_copy(j) for j in found]  # type: ignore[misc]

    @_locked
    def retros(self, cycle_id: str | None = None) -> list[Retrospective]:
        table = self._main("retros")
        found = list(table.records.values()) if cycle_id is None else table.by_key(cycle_id)
        found.sort(key=lambda r: r.created_at)
        return [_copy(r) for r in found]  # type: ignore[misc]

    @_locked
    def drafts(self, kind: str | None = None) -> list[Draft]:
        table = self._main("drafts")
        found = list(table.records.values()) if kind is None else table.by_key(kind)
        found.sort(key=lambda d: (d.updated_at, d.created_at), reverse=True)
        return [_copy(d) for d in found]  # type: ignore[misc]

    # -- backups ---------------------------------------------------------------

    @_locked
    def last_backup(self) -> Path | None:
        return backups.newest_backup(self.paths)

    @_locked
    def backup_now(self, reason: str) -> Path:
        """Bundle the files as they are on disk now (they always match memory after a save)."""
        self._check_writable()
        if not self.paths.data_file.exists():
            self._flush_all()
        try:
            data = backups.bundle(self.paths)
        except FileProblem as problem:
            raise StoreError(
                f"Could not take a backup: a file of the workspace is damaged ({problem.reason})."
            ) from None
        except OSError as error:
            raise WriteError(
                f"Could not read the data to back it up: {describe_os_error(error)}."
            ) from error
        try:
            return backups.write_backup(self.paths, data, reason)
        except OSError as error:
            raise WriteError(
                f"Could not write a backup in {self.paths.backup_dir}: {describe_os_error(error)}."
            ) from error
