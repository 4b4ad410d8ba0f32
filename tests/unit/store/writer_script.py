"""A writer process for the crash and two-writer tests (run as a script, not collected).

argv: data_dir config_dir mode. It opens the store, prints ``ready <pid>``, then:
- mode ``loop``: saves check-ins forever, printing each id only after the save
  returned: single saves (one cycle file), pairs in two cycles via save_many
  (two cycle files), and carry-over-like saves of a new objective, key result,
  check-in and journal entry in the next cycle (main file plus a cycle file);
- mode ``wait``: saves 5 journal entries, prints their ids, then on each stdin
  line saves one more and prints it; exits at end of input.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from okrcoach.domain.models import CheckIn, Cycle, JournalEntry, KeyResult, Objective
from okrcoach.paths import AppPaths
from okrcoach.store import open_store


def main() -> None:
    paths = AppPaths(Path(sys.argv[1]), Path(sys.argv[2]))
    store = open_store(paths)
    print(f"ready {os.getpid()}", flush=True)
    if sys.argv[3] == "loop":
        if store.get(KeyResult, "kr-a") is None:
            store.save_many(
                [
                    Cycle(id="cycle-a", name="A", start=date(2026, 1, 1), end=date(2026, 3, 31)),
                    Cycle(id="cycle-b", name="B", start=date(2026, 4, 1), end=date(2026, 6, 30)),
                    Objective(id="obj-a", cycle_id="cycle-a", title="A"),
                    Objective(id="obj-b", cycle_id="cycle-b", title="B"),
                    KeyResult(id="kr-a", objective_id="obj-a", title="A"),
                    KeyResult(id="kr-b", objective_id="obj-b", title="B"),
                ]
            )
        n = 0
        while True:
            n += 1
            if n % 3 == 1:
                saved = [store.save(CheckIn(kr_id="kr-a", value=n, confidence=5, note="x" * 50))]
            elif n % 3 == 2:
                saved = [CheckIn(kr_id=kr, value=n, confidence=5) for kr in ("kr-a", "kr-b")]
                store.save_many(saved)
            else:
                objective = Objective(cycle_id="cycle-b", title=f"Carried {n}")
                kr = KeyResult(objective_id=objective.id, title="Carried")
                saved = [CheckIn(kr_id=kr.id, value=n, confidence=5)]
                note = JournalEntry(text=f"carried {n}", objective_id=objective.id)
                store.save_many([objective, kr, *saved, note])
            print(" ".join(r.id for r in saved), flush=True)
    for i in range(5):
        print(store.save(JournalEntry(text=f"first {i}")).id, flush=True)
    for line in sys.stdin:
        print(store.save(JournalEntry(text=line.strip() or "more")).id, flush=True)
    store.close()


if __name__ == "__main__":
    main()
