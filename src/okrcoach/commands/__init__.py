"""Subcommands of the ``okrcoach`` CLI: one module each, with ``register(subparsers)``."""
