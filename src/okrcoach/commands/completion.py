"""``okrcoach completion SHELL``: a completion script for bash, zsh or fish, from the parser."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from okrcoach.commands.common import examples
from okrcoach.paths import AppPaths

SHELLS = ("bash", "zsh", "fish")

EPILOG = f"""\
The script is generated from okrcoach's own parser, so it always knows every
command and option of this version. Print it and load it, or --install it
where the shell looks for completions:

  bash  ~/.local/share/bash-completion/completions/okrcoach
  zsh   ~/.zfunc/_okrcoach (add `fpath+=~/.zfunc; autoload -U compinit; compinit`
        to ~/.zshrc)
  fish  ~/.config/fish/completions/okrcoach.fish

{
    examples(
        'eval "$(okrcoach completion bash)"',
        "okrcoach completion zsh > ~/.zfunc/_okrcoach",
        "okrcoach completion fish --install",
    )
}"""


def install_path(shell: str, home: Path | None = None) -> Path:
    home = home or Path.home()
    return {
        "bash": home / ".local/share/bash-completion/completions/okrcoach",
        "zsh": home / ".zfunc/_okrcoach",
        "fish": home / ".config/fish/completions/okrcoach.fish",
    }[shell]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "completion",
        help="print (or --install) shell completion for bash, zsh or fish",
        description="Print the completion script for SHELL, or install it for this user.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("shell", choices=SHELLS, help="bash, zsh or fish")
    parser.add_argument(
        "--install", action="store_true", help="write it where the shell looks for completions"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from okrcoach.cli import build_parser
    from okrcoach.shell.completion import script
    from okrcoach.shell.spec import describe

    text = script(args.shell, describe(build_parser()))
    if not args.install:
        sys.stdout.write(text)
        return 0
    target = install_path(args.shell)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"okrcoach completion: cannot write {target}: {error.strerror}.", file=sys.stderr)
        return 2
    print(f"Installed {args.shell} completion in {target}.", file=sys.stderr)
    return 0
