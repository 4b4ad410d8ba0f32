"""The dashboard's objectives are on screen before the coach (a heavy import) is loaded.

The coach is only needed for the cycle's balance hint and for drafting; loading it
while the dashboard fills would hold the first filled frame back. Each check runs in
a fresh interpreter, since this test process has long since imported the coach.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from okrcoach.domain.models import Cycle, Draft, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store
from tests.tui.conftest import TODAY

PROBE = textwrap.dedent(
    """
    import asyncio, json, sys
    from datetime import date
    from pathlib import Path
    from okrcoach.paths import AppPaths
    from okrcoach.tui.app import make_app

    paths = AppPaths(data_dir=Path(sys.argv[1]), config_dir=Path(sys.argv[2]))
    app = make_app(paths, today=date.fromisoformat(sys.argv[3]))
    seen = {}

    async def main():
        async with app.run_test(size=(80, 24)) as pilot:
            while not app.screen_stack[0].query(".objective-card"):
                await asyncio.sleep(0.001)
            seen["coach_when_filled"] = "okrcoach.coach" in sys.modules
            for _ in range(50):
                await app.workers.wait_for_complete()
                await pilot.pause()
                if "burn-out" in str(app.screen_stack[0].query_one("#balance").render()):
                    break
            seen["screen"] = type(app.screen).__name__
            seen["balance"] = str(app.screen_stack[0].query_one("#balance").render())

    asyncio.run(main())
    print(json.dumps(seen))
    """
)


def workspace(paths: AppPaths, with_draft: bool) -> None:
    with open_store(paths) as store:
        cycle = store.save(Cycle.for_quarter(TODAY))
        for title in ("Customers get answers the same day", "Cut churn among small teams"):
            objective = store.save(Objective(cycle_id=cycle.id, title=title))
            store.save(KeyResult(objective_id=objective.id, title="Reach 100", target=100))
        if with_draft:
            store.save(Draft(kind="objective", step=1, data={"title": "Ship the beta"}))


@pytest.mark.parametrize("with_draft", [False, True], ids=["no-draft", "draft-offered"])
def test_objectives_show_before_the_coach_loads(paths: AppPaths, with_draft: bool) -> None:
    workspace(paths, with_draft)
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, str(paths.data_dir), str(paths.config_dir), str(TODAY)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert probe.returncode == 0, probe.stderr
    seen = json.loads(probe.stdout.strip().splitlines()[-1])
    assert seen["coach_when_filled"] is False
    # The coach still speaks once the objectives are there, and a draft is still offered.
    assert "burn-out" in seen["balance"]
    assert seen["screen"] == ("ResumeModal" if with_draft else "DashboardScreen")
