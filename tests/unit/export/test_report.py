"""okrcoach report: readable as plain text when piped, figures and words present."""

from __future__ import annotations

import json
import re

import pytest
from rich.cells import cell_len

from okrcoach.domain.models import Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from tests.unit.export.conftest import Cli

ANSI = re.compile(r"\x1b\[")


def test_piped_report_is_plain_text_with_the_key_figures(
    seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(seeded, "report", "--today", "2026-02-15") == 0
    out = capsys.readouterr().out
    assert not ANSI.search(out)
    assert "OKR report · 2026-Q1" in out
    assert "2 objectives (1 learning, 1 performance)" in out
    assert "performance goal" in out and "learning goal" in out
    assert "20%" in out and "6/10" in out  # progress and latest confidence of the reply KR
    assert "no check-in yet" in out  # health in words for the KR nobody checked in on
    words = " ".join(out.split())
    assert "1 key result scored, average 0.70" in words  # the retro's scores


def test_colour_is_dropped_with_no_color(
    seeded: AppPaths,
    cli: Cli,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert cli(seeded, "report", "--today", "2026-02-15") == 0
    coloured = capsys.readouterr().out
    assert re.search(r"\x1b\[[0-9;]*3[0-9]", coloured)  # the forced terminal has colour
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli(seeded, "report", "--today", "2026-02-15") == 0
    plain = capsys.readouterr().out
    assert not re.search(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|9[0-7]|38;)", plain)


def test_user_text_is_shown_literally(
    seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(seeded) as store:
        objective = next(o for o in store.all(Objective) if o.owner == "Ana")
        store.save(objective.touched(title="[bold red]Ship[/] now"))
    assert cli(seeded, "report", "--cycle", "2026-Q1", "--today", "2026-02-15") == 0
    assert "[bold red]Ship[/] now" in capsys.readouterr().out


def test_empty_cycle_and_unknown_cycle(
    paths: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(paths, "report", "--today", "2026-02-15") == 0
    assert "No objectives in this cycle yet" in capsys.readouterr().out
    assert not paths.data_dir.exists()
    assert cli(paths, "report", "--cycle", "nope") == 2
    assert "no cycle called 'nope'" in capsys.readouterr().err


def test_report_follows_the_configured_cycle_length(tmp_path, capsys, monkeypatch) -> None:
    from okrcoach.cli import main

    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('cycle_length = "month"\n')
    monkeypatch.setenv("OKRCOACH_CONFIG_DIR", str(config))
    data = tmp_path / "data"
    with open_store(AppPaths(data_dir=data, config_dir=config)):
        pass
    code = main(["--data-dir", str(data), "report", "--today", "2026-11-24"])
    assert code == 0
    assert "2026-11" in capsys.readouterr().out


BOX_AND_BARS = re.compile("[\u2500-\u257f\u2580-\u259f]")


def test_piped_report_has_no_box_drawing_bars_or_padding(
    seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(seeded, "report", "--today", "2026-02-15") == 0
    out = capsys.readouterr().out
    assert not BOX_AND_BARS.search(out)
    assert all(line == line.rstrip() for line in out.splitlines())  # no padding to 80
    assert "Start / Stop / Continue" in out  # the retro format in words, not its enum name


def test_narrow_report_wraps_and_keeps_every_word(
    seeded: AppPaths,
    cli: Cli,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with open_store(seeded) as store:
        objective = next(o for o in store.all(Objective) if o.owner == "Ana")
        store.save(objective.touched(title="お客様が早く答えを得られるようにする" * 2))
    monkeypatch.setenv("COLUMNS", "40")
    assert cli(seeded, "report", "--today", "2026-02-15") == 0
    out = capsys.readouterr().out
    assert all(cell_len(line) <= 40 for line in out.splitlines())
    words = "".join(out.split())
    assert "Cutfirstreplytime" in words  # the key result column is not squeezed away
    assert "お客様が早く答えを得られるようにする" * 2 in words


def test_report_json_follows_its_schema(
    seeded: AppPaths, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(seeded, "report", "--json", "--today", "2026-02-15") == 0
    data = json.loads(capsys.readouterr().out)
    assert cli(seeded, "export", "--schema", "report") == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(data) == set(schema["properties"])
    assert data["cycle"] == "2026-Q1"
    titles = [kr["title"] for o in data["objectives"] for kr in o["key_results"]]
    assert "Cut first reply time" in titles
