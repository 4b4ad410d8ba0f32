"""Clipping, padding and wrapping by screen cells, not characters."""

from __future__ import annotations

from rich.cells import cell_len

from okrcoach.export.cells import clip, pad, wrap

TITLE = "お客様が早く答えを得られるようにする"  # 18 characters, 36 cells


def test_pad_and_clip_count_cells() -> None:
    assert cell_len(pad(TITLE, 40)) == 40
    assert cell_len(pad("abc", 40)) == 40
    assert cell_len(clip(TITLE, 21)) <= 21 and clip(TITLE, 21).endswith("…")
    assert clip("short", 21) == "short"


def test_wrap_breaks_wide_text_without_losing_a_character() -> None:
    lines = wrap(TITLE + " and more words here", 12, indent="  ", first="- ")
    assert all(cell_len(line) <= 12 for line in lines)
    assert "".join(line[2:] for line in lines).replace(" ", "") == TITLE + "andmorewordshere"


def test_messages_quote_user_text_by_cells() -> None:
    from okrcoach.export.validate import safe_words

    shown = safe_words(TITLE * 3, 40)
    assert cell_len(shown) <= 40 and shown.endswith("…")
    assert safe_words("a short name", 40) == "a short name"


def test_settings_problems_quote_wide_values_by_cells(tmp_path) -> None:
    from okrcoach.paths import AppPaths
    from okrcoach.settings import load_settings

    paths = AppPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    paths.config_dir.mkdir()
    paths.settings_file.write_text(f'week_start = "{TITLE * 3}"\n', encoding="utf-8")
    _, [problem] = load_settings(paths)
    quoted = problem.split("not '")[1].split("'")[0]
    assert cell_len(quoted) <= 40 and quoted.endswith("…")
