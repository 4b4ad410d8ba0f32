"""Writing the store: plan where changed records go, apply in memory, write once, or undo.

A change rewrites only the files whose records changed, all-or-nothing across
files, after checking the limits; if the write fails, memory is put back as it
was, so what the store holds always matches the disk.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TypeVar

from okrcoach.domain.models import Cycle, KeyResult, Objective, Record
from okrcoach.store import limits
from okrcoach.store.errors import ReadOnlyError, WriteError, describe_os_error
from okrcoach.store.files import StoreFiles
from okrcoach.store.layout import INDEX_TABLE, cycles_dir, table_name
from okrcoach.store.migrations import META_TABLE
from okrcoach.store.storage import CommitIncomplete, fsync_dir, write_files
from okrcoach.store.tables import MAIN, Move, Part, Table, home_of, kr_home

R = TypeVar("R", bound=Record)


class StoreWriting(StoreFiles):
    """The one way records reach the disk: ``_commit``."""

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(
                "The data is open read-only (another okrcoach may be using it), "
                "so this change was not saved."
            )
        if self._stuck is not None:
            raise WriteError(self._stuck)

    def _encode(self, part: Part) -> bytes:
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
                want = record.cycle_id if isinstance(record, Objective) else None
                mapping, old = new_oc, oc
            elif name == "key_results":
                want = record.objective_id if isinstance(record, KeyResult) else None
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
            target = None if record is None else home_of(name, record, new_oc, new_ko)
            moves[(name, record_id)] = (source, target, record)
        if new_oc is oc and new_ko is ko:
            return moves
        for kr_id in set(ko) | set(new_ko):
            before, after = kr_home(kr_id, oc, ko), kr_home(kr_id, new_oc, new_ko)
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
        for put in puts:
            final[(table_name(type(put)), put.id)] = put
        for removed in removes:
            final[removed] = None
        old_index = (self._obj_cycle, self._kr_obj, self._index_json)
        moves = self._plan(final)
        for source, target, _ in moves.values():
            for key in (source, target):
                if key is not None:
                    self._part(key)  # read every file involved before changing anything
        undo: list[tuple[Table, str, tuple[Record | None, str | None, str | None]]] = []
        saved_next: dict[int, tuple[Table, int]] = {}
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
            self._check_limits(moves)
            self._write(dirty)
        except WriteError:
            if self._stuck is not None:
                raise  # the change is durable: memory already matches it
            self._undo(undo, saved_next, old_index)
            raise
        except BaseException:
            self._undo(undo, saved_next, old_index)
            raise

    def _check_limits(self, moves: dict[tuple[str, str], Move]) -> None:
        """Raise LimitError (the caller undoes the change) if a save passes a limit."""
        grown: set[str] = set()
        for (name, _), (_, target, record) in moves.items():
            if target is None or record is None:
                continue
            grown.add(name)
            table = self._parts[target].tables[name]
            if name == "objectives":
                cycle = self._main("cycles").records.get(target)
                where = f"cycle {cycle.name}" if isinstance(cycle, Cycle) else ""
                limits.PER_CYCLE.check(len(table.index.get(target, ())), where)
            elif name in limits.PER_PARENT:
                key = getattr(record, table.index_field or "")
                limits.PER_PARENT[name].check(len(table.index.get(key, ())))
            elif name == "drafts":
                limits.check_draft_size(len(record.model_dump_json().encode("utf-8")))
        for name in grown & set(limits.IN_ALL):
            count = len(self._obj_cycle) if name == "objectives" else len(self._main(name).records)
            limits.IN_ALL[name].check(count)

    def _undo(
        self,
        undo: list[tuple[Table, str, tuple[Record | None, str | None, str | None]]],
        saved_next: dict[int, tuple[Table, int]],
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

    def _stored_keys(self, items: Iterable[tuple[type[Record], str]]) -> list[tuple[str, str]]:
        keys: list[tuple[str, str]] = []
        for model, record_id in items:
            name = table_name(model)
            if (name, record_id) not in keys and self._find(name, record_id) is not None:
                keys.append((name, record_id))
        return keys
