"""Check boxes and radio buttons whose state is a glyph, not only a colour.

Textual draws the same mark on and off ("▐X▌", "●") and tells them apart by
colour alone, which NO_COLOR, a monochrome terminal or the high-contrast theme
lose. These show "✓" / " " and "●" / "○".
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton

CHECKED, UNCHECKED = "✓", " "
SELECTED, UNSELECTED = "●", "○"


class MarkedCheckbox(Checkbox):
    """A Checkbox that shows ✓ when on and a blank when off."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return CHECKED if self.value else UNCHECKED


class MarkedRadioButton(RadioButton):
    """A RadioButton that shows ● when chosen and ○ when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return SELECTED if self.value else UNSELECTED
