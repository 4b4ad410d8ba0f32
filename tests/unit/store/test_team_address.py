"""Team store addresses, and the local path staying free of the database driver."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from okrcoach.paths import AppPaths
from okrcoach.store import Store
from okrcoach.store.choose import open_workspace
from okrcoach.store.team import is_team_url, redact


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://alice@db.example/okr",
        "postgres://alice:pw@db.example:5433/okr?sslmode=verify-full",
        "  PostgreSQL://db.example/okr",
    ],
)
def test_server_urls_are_team_stores(text: str) -> None:
    assert is_team_url(text)


@pytest.mark.parametrize(
    "text", ["", None, "/home/sam/okr", "okr.json", "mysql://db/okr", "host=db dbname=okr"]
)
def test_anything_else_is_not(text: str | None) -> None:
    assert not is_team_url(text)


def test_redact_removes_every_password_and_keeps_tls_options() -> None:
    url = (
        "postgresql://alice:s3cr%40t@db.example:5433/okr"
        "?sslmode=verify-full&password=other&sslrootcert=/etc/ca.pem&sslpassword=key-pw"
    )
    shown = redact(url)
    assert shown == (
        "postgresql://alice@db.example:5433/okr?sslmode=verify-full&sslrootcert=/etc/ca.pem"
    )
    assert redact("postgresql://db.example/okr") == "postgresql://db.example/okr"
    assert redact("postgres://:only-pw@db/okr") == "postgres://db/okr"


def test_no_url_opens_the_local_store_as_before(paths: AppPaths) -> None:
    with open_workspace(None, paths) as store:
        assert isinstance(store, Store)
    with open_workspace(str(paths.data_dir), paths, read_only=True) as store:
        assert isinstance(store, Store) and store.read_only


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"OKRCOACH_DATA_DIR": str(tmp_path / "d"), "OKRCOACH_CONFIG_DIR": str(tmp_path / "c")},
    )


def test_lint_does_not_import_the_database_driver(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from okrcoach.cli import main\n"
        "try:\n"
        "    main(['lint', 'Cut first reply time from 24h to 4h'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert 'psycopg' not in sys.modules, 'psycopg was imported'\n"
    )
    result = _run(code, tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_local_app_path_does_not_import_the_database_driver(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from okrcoach.paths import AppPaths\n"
        "from okrcoach.store.choose import open_workspace\n"
        "import okrcoach.store.team, okrcoach.tui.app, okrcoach.services.portfolio\n"
        "store = open_workspace(None, AppPaths.resolve())\n"
        "store.current_cycle(); store.close()\n"
        "assert 'psycopg' not in sys.modules, 'psycopg was imported'\n"
    )
    result = _run(code, tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_server_url_without_the_driver_says_how_to_install_it(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "sys.modules['psycopg'] = None  # as if the team extra were not installed\n"
        "from okrcoach.paths import AppPaths\n"
        "from okrcoach.store import StoreError\n"
        "from okrcoach.store.choose import open_workspace\n"
        "try:\n"
        "    open_workspace('postgresql://alice:pw@db.example/okr', AppPaths.resolve())\n"
        "except StoreError as error:\n"
        "    print(error)\n"
    )
    result = _run(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "pip install 'okrcoach[team]'" in result.stdout
    assert "pw" not in result.stdout
