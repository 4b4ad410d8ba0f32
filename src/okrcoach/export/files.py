"""Writing an export to a file without ever clobbering or following what is there.

Without ``force`` the file is created with O_CREAT|O_EXCL|O_NOFOLLOW: an
existing file, or any symbolic link (even a dangling one), stops the export.
With ``force`` a regular file is replaced atomically from a temp file in the
same folder; a link is still refused. Exports are created 0644: they are
meant to be shared.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from okrcoach.export.errors import ExportError, TargetExistsError
from okrcoach.export.snapshot import Snapshot, gather

EXPORT_MODE = 0o644


def _writers() -> dict[str, Callable[[Snapshot], str]]:
    from okrcoach.export.csvio import render_csv
    from okrcoach.export.jsonio import render_json
    from okrcoach.export.markdown import render_markdown

    return {"md": render_markdown, "json": render_json, "csv": render_csv}


FORMATS = ("md", "json", "csv")


def render(
    snapshot: Snapshot,
    fmt: str,
    *,
    excel: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """The snapshot in one of ``FORMATS`` (``excel`` and ``progress`` apply to CSV)."""
    writers = _writers()
    if fmt not in writers:
        raise ExportError(f"Unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    if fmt == "csv":
        from okrcoach.export.csvio import render_csv

        return render_csv(snapshot, excel=excel, progress=progress)
    return writers[fmt](snapshot)


def _describe(error: OSError) -> str:
    return error.strerror or str(error)


def _write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fchmod(fd, EXPORT_MODE)
    os.fsync(fd)


def _create_new(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, EXPORT_MODE)
    except FileExistsError:
        if path.is_symlink():
            raise TargetExistsError(
                f"{path} is a symbolic link; okrcoach never writes through one. "
                "Nothing was written: choose another file."
            ) from None
        raise TargetExistsError(
            f"{path} already exists: nothing was written. "
            "Use --force to replace it, or choose another file."
        ) from None
    try:
        _write_fd(fd, data)
    except OSError as error:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
        raise ExportError(f"Could not write {path}: {_describe(error)}.") from error
    os.close(fd)


def _replace(path: Path, data: bytes) -> None:
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
        raise TargetExistsError(
            f"{path} is {kind}; okrcoach never writes through or over it. Choose another file."
        )
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    _create_new(temp, data)
    try:
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise ExportError(f"Could not write {path}: {_describe(error)}.") from error


def write_export(path: Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` to ``path`` safely (see the module docstring); the path written."""
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise ExportError(f"The folder {path.parent} does not exist: nothing was written.")
    data = text.encode("utf-8")
    try:
        if force:
            _replace(path, data)
        else:
            _create_new(path, data)
    except IsADirectoryError:
        raise TargetExistsError(f"{path} is a folder: choose a file name.") from None
    except OSError as error:
        raise ExportError(f"Could not write {path}: {_describe(error)}.") from error
    return path


def export_to_file(
    paths_or_store: object,
    fmt: str,
    path: str | os.PathLike[str],
    cycle: str | None = None,
    force: bool = False,
    *,
    excel: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Export the workspace (or one cycle, by name) to ``path``; the path written.

    ``paths_or_store`` is an ``AppPaths`` (the data is opened read-only, so this
    works while the app runs) or an open ``Store``. Raises ``ExportError`` (or
    a ``StoreError`` when the data cannot be read) with a message for the user.
    """
    from okrcoach.paths import AppPaths

    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    if isinstance(paths_or_store, AppPaths):
        from okrcoach.store import open_store

        with open_store(paths_or_store, read_only=True) as store:
            snapshot = gather(store, cycle)
    else:
        snapshot = gather(paths_or_store, cycle)
    text = render(snapshot, fmt, excel=excel, progress=progress)
    return write_export(Path(path), text, force=force)
