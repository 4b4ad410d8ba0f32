"""Show user text literally: control characters removed, markup escaped."""

from rich.text import Text

from okrcoach.domain.text import clean_block, clean_line

# Invisible and zero-width: keeps a trailing backslash from escaping the caller's next tag.
_WORD_JOINER = "\u2060"


def escape_markup(text: str) -> str:
    """Escape for Textual markup, where only ``\\[`` is an escape.

    Every ``[`` is escaped (rich's and Textual's ``escape`` skip ``[$var]`` and double
    backslashes that Textual then shows twice).
    """
    text = text.replace("[", "\\[")
    return text + _WORD_JOINER if text.endswith("\\") else text


def safe(value: object) -> str:
    """A single line of user text made safe to embed in Textual markup."""
    return escape_markup(clean_line(str(value)))


def safe_block(value: object) -> str:
    """Multi-line user text made safe to embed in markup."""
    return escape_markup(clean_block(str(value)))


def plain(value: object, style: str = "") -> Text:
    """User text as a rich Text that is never parsed for markup."""
    return Text(clean_line(str(value)), style=style)
