"""Every --json output has the fields its published schema (export --schema NAME) names."""

from __future__ import annotations

import json

import pytest

from okrcoach.paths import AppPaths
from tests.unit.export.conftest import Cli


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("report", ["report", "--json", "--today", "2026-02-15"]),
        ("due", ["due", "--json", "--today", "2026-02-15"]),
        ("doctor", ["doctor", "--json"]),
        ("themes", ["themes", "--json"]),
    ],
)
def test_json_output_matches_its_schema(
    name: str,
    args: list[str],
    seeded: AppPaths,
    cli: Cli,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(seeded.config_dir))
    cli(seeded, *args)
    data = json.loads(capsys.readouterr().out)
    assert cli(seeded, "export", "--schema", name) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(data) == set(schema["properties"])
    assert set(schema.get("required", [])) <= set(data)


def test_the_export_schema_describes_the_json_export(
    seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(seeded, "export", "-f", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert cli(seeded, "export", "--schema") == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(data) == set(schema["properties"])
    assert set(data["tables"]) == set(schema["$defs"]["Tables"]["properties"])
