"""A throwaway PostgreSQL cluster for the team tests and the team bench.

``Cluster.start()`` runs initdb into a fresh temp folder (fsync off, password
logins only, listening on a unix socket inside that folder and nowhere else),
starts the server and creates a database; ``stop()`` ends the server and
removes the folder. As root (CI), the server binaries run as the ``postgres``
system user, which owns the folder. Without the binaries it fails with a
message saying how to install them.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "okr_owner"
DATABASE = "okr"
PORT = 5432  # the socket file's name only: the server listens on no network address


class ServerMissing(RuntimeError):
    pass


def find_bin_dir() -> Path:
    """The folder holding initdb and pg_ctl (the distribution's, or on PATH)."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise ServerMissing(
        "The team tests need a PostgreSQL server: initdb and pg_ctl were not found under "
        "/usr/lib/postgresql/*/bin or on PATH. Install it with `apt-get install postgresql` "
        "(.ci/run does this when it is missing)."
    )


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Cluster:
    root: Path
    bin_dir: Path
    password: str = "owner-secret"
    started: bool = field(default=False)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    def url(self, user: str = SUPERUSER, password: str | None = None) -> str:
        secret = self.password if password is None and user == SUPERUSER else password
        auth = quote(user, safe="") + (f":{quote(secret, safe='')}" if secret else "")
        host = quote(str(self.socket_dir), safe="")
        return f"postgresql://{auth}@/{DATABASE}?host={host}&port={PORT}"

    def _run(self, *args: str, quiet: bool = True) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if _as_root():
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(
                f"{args[0]} failed ({result.returncode}): {result.stderr.strip()[-2000:]}"
            )

    @classmethod
    def create(cls, *, durable: bool = False) -> Cluster:
        bin_dir = find_bin_dir()
        root = Path(tempfile.mkdtemp(prefix="okrcoach-pg-"))
        cluster = cls(root=root, bin_dir=bin_dir)
        cluster.socket_dir.mkdir()
        pwfile = root / "pw"
        pwfile.write_text(cluster.password + "\n")
        if _as_root():
            shutil.chown(root, "postgres", "postgres")
            shutil.chown(cluster.socket_dir, "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
        cluster._run(
            "initdb",
            "-D",
            str(cluster.data),
            "-U",
            SUPERUSER,
            "--auth=scram-sha-256",
            f"--pwfile={pwfile}",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        )
        pwfile.unlink()
        conf = cluster.data / "postgresql.conf"
        with conf.open("a") as out:
            out.write(
                "\nlisten_addresses = ''\n"
                f"unix_socket_directories = '{cluster.socket_dir}'\n"
                f"port = {PORT}\n"
                "max_connections = 120\nshared_buffers = 32MB\n"
            )
            if not durable:  # tests: nothing here needs to survive a power cut
                out.write("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        return cluster

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "start")
        self.started = True

    def stop(self, mode: str = "fast") -> None:
        if self.started:
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")
            self.started = False

    def destroy(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def create_database(self) -> None:
        import psycopg

        url = self.url().replace(f"/{DATABASE}?", "/postgres?")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')

    def create_role(self, role: str, password: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(password)
                )
            )


def start_cluster(*, durable: bool = False) -> Cluster:
    """A running cluster with an empty database; ``destroy()`` it when done.

    ``durable`` keeps the server's default flushing to disk (fsync), as a real server
    would: the bench compares saves that way; the tests leave it off.
    """
    cluster = Cluster.create(durable=durable)
    try:
        cluster.start()
        cluster.create_database()
    except BaseException:
        cluster.destroy()
        raise
    return cluster
