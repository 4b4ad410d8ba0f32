"""Show user text literally: control characters removed, markup escaped."""

from rich.markup import escape
from rich.text import Text

from okrcoach.domain.text import clean_block, clean_line


def safe(value: object) -> str:
    """A single line of user text made safe to embed in Textual/rich markup."""
    return escape(clean_line(str(value)))


def safe_block(value: object) -> str:
    """Multi-line user text made safe to embed in markup."""
    return escape(clean_block(str(value)))


def plain(value: object, style: str = "") -> Text:
    """User text as a rich Text that is never parsed for markup."""
    return Text(clean_line(str(value)), style=style)
