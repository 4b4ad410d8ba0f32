"""A one-line input whose typing does not lay the whole screen out again.

Textual's ``Input`` sizes its scrollable area to the text (plus the cursor) on
every change, and a new size re-lays out the screen: on a screen as full as the
wizard's, that held each key's coach note back by several milliseconds. A line
shorter than the field never scrolls, so its scrollable area is kept at least as
wide as the field: the size only changes (and the screen is laid out) once the
text is longer than the field, where scrolling needs it.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Input


class SteadyInput(Input):
    """An ``Input`` that lays the screen out only when its text outgrows the field."""

    def validate_virtual_size(self, size: Size) -> Size:
        field = self.content_size.width
        return size if size.width >= field else Size(field, size.height)
