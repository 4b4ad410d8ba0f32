"""Sharing: the workspace as Markdown, JSON, CSV and a terminal report, and JSON imports.

Nothing here imports Textual: the CLI and the app's command palette call the
same functions. ``export_to_file`` is the one entry point the app needs.
"""

from okrcoach.export.errors import ExportError, TargetExistsError, UnknownCycleError
from okrcoach.export.files import FORMATS, export_to_file, render

__all__ = [
    "FORMATS",
    "ExportError",
    "TargetExistsError",
    "UnknownCycleError",
    "export_to_file",
    "render",
]
