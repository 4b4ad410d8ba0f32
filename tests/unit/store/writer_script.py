"""A writer process for the crash and two-writer tests (run as a script, not collected).

argv: data_dir config_dir mode. It opens the store, prints ``ready <pid>``, then:
- mode ``loop``: saves check-ins forever (single saves and pairs via save_many),
  printing each id only after the save returned;
- mode ``wait``: saves 5 journal entries, prints their ids, then on each stdin
  line saves one more and prints it; exits at end of input.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from okrcoach.domain.models import CheckIn, JournalEntry
from okrcoach.paths import AppPaths
from okrcoach.store import open_store


def main() -> None:
    paths = AppPaths(Path(sys.argv[1]), Path(sys.argv[2]))
    store = open_store(paths)
    print(f"ready {os.getpid()}", flush=True)
    if sys.argv[3] == "loop":
        n = 0
        while True:
            n += 1
            if n % 3:
                saved = [store.save(CheckIn(kr_id="kr1", value=n, confidence=5, note="x" * 50))]
            else:
                saved = [CheckIn(kr_id="kr2", value=n, confidence=5) for _ in range(2)]
                store.save_many(saved)
            print(" ".join(r.id for r in saved), flush=True)
    for i in range(5):
        print(store.save(JournalEntry(text=f"first {i}")).id, flush=True)
    for line in sys.stdin:
        print(store.save(JournalEntry(text=line.strip() or "more")).id, flush=True)
    store.close()


if __name__ == "__main__":
    main()
