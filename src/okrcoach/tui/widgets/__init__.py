"""Reusable widgets, one a module, each with its CSS beside it (DEFAULT_CSS)."""
