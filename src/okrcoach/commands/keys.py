"""``okrcoach keys``: every key binding by id, with its key and screen; the keymap checked."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from okrcoach.commands.common import examples
from okrcoach.paths import AppPaths

EPILOG = f"""\
Any binding can be given another key in the [keymap] table of settings.toml,
by its id: "dashboard.checkin" = "C". An id that does not exist, or a key
already taken on that screen, is reported here (and in the app) and that
entry is left out, so no action is ever hidden.

{examples("okrcoach keys", "okrcoach keys --json | jq -r '.[].id'")}
exit status: 0 the keymap is fine, 1 some keymap entries were left out.
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "keys",
        help="list every key binding (id, key, screen) and check your keymap",
        description="List every key binding with its id, key and screen, with your keymap "
        "applied, and report keymap entries that cannot be applied.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.domain.text import clean_line
    from okrcoach.export.cells import pad
    from okrcoach.settings import load_settings
    from okrcoach.tui.keymap import binding_table, check_keymap, normalise_keys

    settings, setting_problems = load_settings(paths)
    table = binding_table()
    good, problems = check_keymap(settings.keymap, table)
    rows = []
    for info in table:
        keys = normalise_keys(good[info.id]) if info.id in good else info.keys
        rows.append((info, keys))
    if args.json:
        from textual.keys import format_key

        data = [
            {
                "id": info.id,
                "keys": [format_key(k) for k in keys],
                "screen": info.scope,
                "action": info.description,
                "in_footer": info.shown,
                "rebound": info.id in good,
            }
            for info, keys in rows
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from textual.keys import format_key

        id_width = max(len(info.id) for info in table) + 2
        scope = None
        for info, keys in rows:
            if info.scope != scope:
                scope = info.scope
                print(f"{'' if scope == rows[0][0].scope else chr(10)}{scope}:")
            shown = ", ".join(format_key(k) for k in keys)
            note = "  (from your keymap)" if info.id in good else ""
            footer = "" if info.shown else "  (not in the footer)"
            print(f"  {pad(info.id, id_width)}{pad(shown, 14)}{info.description}{footer}{note}")
    for problem in setting_problems + problems:
        print(clean_line(problem), file=sys.stderr)
    return 1 if problems else 0
