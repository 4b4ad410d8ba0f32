"""The built wheel ships the themes, and an installed copy finds them without the source tree."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
THEMES = sorted((ROOT / "themes").glob("*.toml"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")  # build offline with the installed backend
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    [built] = out.glob("okrcoach-*.whl")
    return built


def test_wheel_contains_every_theme_file_unchanged(wheel: Path) -> None:
    assert len(THEMES) >= 5
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for theme in THEMES:
            inside = f"okrcoach/themes/{theme.name}"
            assert inside in names, f"{theme.name} is missing from the wheel"
            assert archive.read(inside) == theme.read_bytes()


def test_installed_package_loads_its_themes_from_inside_itself(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = (
        "import okrcoach, pathlib, sys\n"
        "from okrcoach.paths import AppPaths\n"
        "from okrcoach.tui.themes import builtin_themes_dir, load_themes\n"
        "here = pathlib.Path(sys.argv[1])\n"
        "assert pathlib.Path(okrcoach.__file__).is_relative_to(here), okrcoach.__file__\n"
        "assert builtin_themes_dir() == here / 'okrcoach' / 'themes', builtin_themes_dir()\n"
        "result = load_themes(AppPaths(here / 'data', here / 'config'))\n"
        "assert not result.failures, result.failures\n"
        "print(len(result.themes))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-c", probe, str(site.resolve())],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(THEMES)


def test_wheel_depends_on_a_compatible_textual_range(wheel: Path) -> None:
    """okrcoach installs beside other Textual 8 apps; the exact pin is only for the snapshots."""
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        text = archive.read(metadata).decode()
    requires = [line for line in text.splitlines() if line.startswith("Requires-Dist:")]
    runtime = [r for r in requires if "extra ==" not in r]
    assert any("textual" in r and ">=8.2.8" in r and "<9" in r for r in runtime), runtime
    assert not any("textual==" in r.replace(" ", "") for r in runtime), runtime
    dev = [r for r in requires if "extra == 'dev'" in r or 'extra == "dev"' in r]
    assert any("textual==8.2.8" in r.replace(" ", "") for r in dev), dev
