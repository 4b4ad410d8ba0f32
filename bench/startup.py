"""Startup and check-in cost: okrcoach on an empty and on a large data dir, and a bare app.

First frames are timed in tmux at 80x24, all variants interleaved in the same run so
machine noise hits each alike. The large data dir comes from ``dataset.py`` (10 years
of quarterly cycles, 8 objectives x 4 KRs, weekly check-ins). Saving one check-in
(``record_checkin``: one save_many of the check-in and its KR) is timed in-process.
The last five lines are the ratios. The dashboard is timed twice: on a repeat start, which
paints the preview kept from the last one, and with that preview removed, as the first start
after a save made elsewhere is.

okrcoach's modules are compiled to bytecode first, as an installed package is: Textual's
are, and an environment that turns bytecode caching off would otherwise time compiling
okrcoach's sources on every launch against Textual's cached bytecode.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import LARGE_MARKER, generate
from tmuxtime import TmuxClock, median

HERE = Path(__file__).resolve().parent
OKRCOACH = str(Path(sys.executable).parent / "okrcoach")
FIRST_FRAME = "an OKR coach"  # the header: drawn in the first frame, before any data
EMPTY_READY = "No objectives in this cycle yet"


def checkin_save_median(data_dir: Path, today: date, saves: int) -> float:
    """Median seconds to save one check-in on a KR of the current cycle."""
    from okrcoach.domain.models import Cycle, KeyResult, Objective
    from okrcoach.paths import AppPaths
    from okrcoach.services.checkins import record_checkin
    from okrcoach.store import open_store

    paths = AppPaths(data_dir=data_dir, config_dir=data_dir.parent / "config")
    with open_store(paths) as store:
        cycle = store.current_cycle(today)
        objectives = store.objectives(cycle.id)
        if not objectives:
            objective = store.save(Objective(cycle_id=cycle.id, title="Grow"))
            store.save(KeyResult(objective_id=objective.id, title="Reach 100", target=100))
            objectives = [objective]
        kr = store.key_results(objectives[0].id)[0]
        assert isinstance(cycle, Cycle)
        times = []
        for i in range(saves):
            start = time.perf_counter()
            _, kr = record_checkin(store, kr, float(i), 7, "bench", today=today)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--saves", type=int, default=40)
    args = parser.parse_args()
    today = date.today()
    import okrcoach

    compileall.compile_dir(Path(okrcoach.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        from okrcoach.paths import AppPaths

        large_paths = AppPaths(data_dir=tmpdir / "large", config_dir=tmpdir / "config")
        records = generate(large_paths, today)
        clock = TmuxClock(tmpdir)
        base_env = {"TERM": "xterm-256color", "PATH": os.environ.get("PATH", "")}
        config = {"OKRCOACH_CONFIG_DIR": str(tmpdir / "config")}
        empty_env = {**base_env, **config, "OKRCOACH_DATA_DIR": str(tmpdir / "empty")}
        large_env = {**base_env, **config, "OKRCOACH_DATA_DIR": str(large_paths.data_dir)}
        bare_argv = [sys.executable, str(HERE / "bare_app.py")]
        runs: dict[str, list[float]] = {
            k: [] for k in ("bare", "empty", "large", "large_data", "large_cold")
        }
        preview = large_paths.data_dir / ".dashboard-preview.json"
        try:
            clock.first_frame(bare_argv, "Bare app ready", base_env)
            clock.first_frame([OKRCOACH], EMPTY_READY, empty_env)
            clock.first_frame([OKRCOACH], LARGE_MARKER, large_env)
            for _ in range(args.runs):
                runs["bare"].append(clock.first_frame(bare_argv, "Bare app ready", base_env))
                runs["empty"].append(clock.first_frame([OKRCOACH], FIRST_FRAME, empty_env))
                runs["large"].append(clock.first_frame([OKRCOACH], FIRST_FRAME, large_env))
                runs["large_data"].append(clock.first_frame([OKRCOACH], LARGE_MARKER, large_env))
                # A start with no usable preview: the first after a save made elsewhere.
                preview.unlink(missing_ok=True)
                runs["large_cold"].append(clock.first_frame([OKRCOACH], LARGE_MARKER, large_env))
                if not preview.exists():  # the next warm start needs the preview back
                    clock.first_frame([OKRCOACH], LARGE_MARKER, large_env)
        finally:
            clock.close()
        empty_copy = tmpdir / "empty-save"
        large_copy = tmpdir / "large-save"
        shutil.copytree(large_paths.data_dir, large_copy)
        save_empty = checkin_save_median(empty_copy, today, args.saves)
        save_large = checkin_save_median(large_copy, today, args.saves)
    bare, empty, large = (median(runs[k]) for k in ("bare", "empty", "large"))
    print(f"runs={args.runs} large_records={records} saves={args.saves}")
    print(f"bare_textual_first_frame_median_s={bare:.3f}")
    print(f"okrcoach_empty_first_frame_median_s={empty:.3f}")
    print(f"okrcoach_large_first_frame_median_s={large:.3f}")
    print(f"okrcoach_large_dashboard_shown_median_s={median(runs['large_data']):.3f}")
    print(f"okrcoach_large_dashboard_no_preview_median_s={median(runs['large_cold']):.3f}")
    print(f"checkin_save_empty_median_ms={save_empty * 1000:.2f}")
    print(f"checkin_save_large_median_ms={save_large * 1000:.2f}")
    print(f"first_frame_ratio_vs_bare={empty / bare:.2f}")
    print(f"dashboard_shown_ratio_vs_bare={median(runs['large_data']) / bare:.2f}")
    print(f"dashboard_no_preview_ratio_vs_bare={median(runs['large_cold']) / bare:.2f}")
    print(f"first_frame_ratio_large_vs_empty={large / empty:.2f}")
    print(f"checkin_save_ratio_large_vs_empty={save_large / save_empty:.2f}")


if __name__ == "__main__":
    main()
