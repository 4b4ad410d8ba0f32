"""``okrcoach themes``: which themes there are, which one is in use, and which files are broken."""

from __future__ import annotations

import argparse
import sys

from okrcoach.commands.common import examples
from okrcoach.domain.text import clean_line
from okrcoach.paths import AppPaths

HELP = "list the themes (built-in and your own) and any theme file that is broken"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "themes",
        help=HELP,
        description=(
            "List the themes you can pick with --theme or the command palette. Your own themes"
            " are *.toml files in the themes folder shown in the list. Exits 1 if a theme file"
            " is broken, so you can check a theme you are writing."
        ),
        epilog=examples(
            "okrcoach themes",
            "okrcoach --theme okrcoach-light",
            "okrcoach themes --json | jq -r '.broken[]'",
        )
        + "exit status: 0 every theme file loads, 1 a theme file is broken.\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.settings import load_settings
    from okrcoach.tui.themes import load_themes, textual_theme_names

    settings, problems = load_settings(paths)
    for problem in problems:
        print(clean_line(problem), file=sys.stderr)
    current = getattr(args, "theme", None) or settings.theme
    result = load_themes(paths)
    user_dir = paths.user_themes_dir
    ours = [t.name for t in result.themes if result.files[t.name].parent != user_dir]
    users = [t.name for t in result.themes if result.files[t.name].parent == user_dir]

    available = set(result.files) | set(textual_theme_names())
    if getattr(args, "json", False):
        from okrcoach.export.machine import ThemeFile, ThemesOutput

        data = ThemesOutput(
            in_use=clean_line(current),
            available=current in available,
            built_in=[clean_line(n) for n in ours],
            yours=[
                ThemeFile(name=clean_line(n), file=clean_line(str(result.files[n]))) for n in users
            ],
            themes_dir=clean_line(str(user_dir)),
            textual=list(textual_theme_names()),
            broken=[clean_line(str(f)) for f in result.failures],
        )
        print(data.to_json())
        return 1 if result.failures else 0

    def entry(name: str) -> str:
        shown = clean_line(name)
        return f"  * {shown}  (in use)" if name == current else f"    {shown}"

    print("Built-in themes:")
    for name in ours:
        print(entry(name))
    print(f"Your themes, from {clean_line(str(user_dir))}:")
    for name in users:
        print(f"{entry(name)}  [{clean_line(result.files[name].name)}]")
    if not users:
        print("    none yet: copy a built-in theme's file there, then change its name")
    textual = [f"*{name} (in use)" if name == current else name for name in textual_theme_names()]
    print("Textual's own themes:")
    from okrcoach.export.cells import wrap

    print("\n".join(wrap(", ".join(textual), 88, indent="    ")))
    if result.failures:
        print("Broken theme files (skipped):")
        for failure in result.failures:
            print(f"  ! {clean_line(str(failure))}")
    if current not in available:
        print(
            f"The chosen theme '{clean_line(current)}' is not available; the app uses its default."
        )
    return 1 if result.failures else 0
