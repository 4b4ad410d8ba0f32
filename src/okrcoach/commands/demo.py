"""``okrcoach demo``: open the app on a sample workspace in a temporary folder."""

from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

from okrcoach.commands.common import examples
from okrcoach.paths import AppPaths


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="explore okrcoach on a sample workspace (your data is not touched)",
        description="Open the app on a realistic sample workspace kept in a temporary "
        "folder that is removed when you quit. Your own data (and any team store) is not "
        "touched.",
        epilog=examples("okrcoach demo", "okrcoach demo --theme okrcoach-light"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(func=run)


def seed(paths: AppPaths, today: date) -> None:
    """Write the sample workspace into ``paths`` (an empty data folder)."""
    from okrcoach.services.demo_data import build_demo
    from okrcoach.store import open_store

    with open_store(paths) as store:
        build_demo(store, today)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    import sys

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("okrcoach needs a terminal; try `okrcoach report`.", file=sys.stderr)
        return 2
    from okrcoach.location import Given
    from okrcoach.tui.app import make_app

    with tempfile.TemporaryDirectory(prefix="okrcoach-demo-") as tmp:
        demo_paths = AppPaths(data_dir=Path(tmp) / "data", config_dir=paths.config_dir)
        seed(demo_paths, date.today())
        # Always the sample folder: never a team store named by --store or the settings.
        app = make_app(demo_paths, theme=args.theme, store=Given(None, "demo"))
        app.sub_title = "demo workspace (not saved)"
        app.run()
        return app.return_code or 0
