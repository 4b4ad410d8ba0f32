"""Errors of exports and imports: each message is shown to the user as it is."""

from __future__ import annotations


class ExportError(Exception):
    """An export could not be written; nothing was changed."""


class TargetExistsError(ExportError):
    """The chosen file exists (or is a link) and overwriting was not asked for."""


class UnknownCycleError(ExportError):
    """No cycle has the name the user gave."""
