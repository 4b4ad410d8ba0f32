"""One process of the team soak test: a person checking in, or editing a shared objective.

``python soak_worker.py checkin URL SECONDS PAUSE`` saves check-ins on the
person's own key results through the check-in service; ``... edit URL SECONDS
PAUSE OBJECTIVE_ID`` reads the objective, thinks for a moment and saves an
edit. Either prints one JSON line: what was saved and every refusal's message.
Anything unexpected escapes as a traceback on stderr, which the test counts.
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date

from okrcoach.domain.models import KeyResult, Objective
from okrcoach.services.checkins import record_checkin
from okrcoach.store import ConflictError, StoreError
from okrcoach.store.team import open_team_store


def check_in(url: str, seconds: float, pause: float) -> dict[str, object]:
    store = open_team_store(url)
    cycle = store.current_cycle(date(2026, 2, 1))
    objective = store.save(Objective(cycle_id=cycle.id, title=f"{store.me}'s own objective"))
    krs = [
        store.save(KeyResult(objective_id=objective.id, title=f"KR {n}", target=1000, position=n))
        for n in range(2)
    ]
    saved: dict[str, int] = {kr.id: 0 for kr in krs}
    refused: list[str] = []
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        kr = krs[n % len(krs)]
        try:
            record_checkin(store, kr, float(n), n % 11, note=f"{store.me} #{n}")
            saved[kr.id] += 1
        except StoreError as error:
            refused.append(str(error))
        n += 1
        time.sleep(pause * random.uniform(0.5, 1.5))  # a person's pace, not a benchmark
    store.close()
    return {"role": store.me, "saved": saved, "refused": refused}


def edit(url: str, seconds: float, pause: float, objective_id: str) -> dict[str, object]:
    store = open_team_store(url)
    saved = 0
    conflicts: list[str] = []
    other: list[str] = []
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        opened = store.get(Objective, objective_id)
        assert opened is not None
        time.sleep(pause * random.uniform(0.5, 1.5))  # the person typing their edit
        try:
            store.save(opened.touched(why=f"{store.me} edit {n}"))
            saved += 1
        except ConflictError as error:
            conflicts.append(str(error))
        except StoreError as error:
            other.append(str(error))
        n += 1
    store.close()
    return {"role": store.me, "saved": saved, "conflicts": conflicts, "other": other}


def main(argv: list[str]) -> None:
    mode, url, seconds, pause = argv[0], argv[1], float(argv[2]), float(argv[3])
    if mode == "checkin":
        result = check_in(url, seconds, pause)
    else:
        result = edit(url, seconds, pause, argv[4])
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
