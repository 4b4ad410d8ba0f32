"""Cleaning of user text at the domain boundary.

Terminal control characters (escape sequences, bidi overrides, NULs) never
belong in a goal: they are removed here so that every layer above sees only
printable text. Markup escaping is a display concern and happens at the edge.
"""

import re
import unicodedata

# C0 and C1 controls except tab/newline, DEL, and the bidi override/isolate marks.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# An ANSI CSI / OSC sequence as a whole, so "\x1b[2J" leaves no "[2J" behind; the
# one-byte C1 forms (CSI 0x9b, OSC 0x9d) too, so "\x9b31m" leaves no "31m".
_ESCAPE_SEQ = re.compile(
    r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])"
    r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x1b\x9c]*(\x07|\x1b\\|\x9c)?"
)


def clean_line(value: str) -> str:
    """One-line text: escape sequences and control characters removed, spaces folded."""
    value = _ESCAPE_SEQ.sub("", value)
    value = value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    value = _CONTROL.sub("", value)
    value = unicodedata.normalize("NFC", value)
    return " ".join(value.split())


def clean_block(value: str) -> str:
    """Multi-line text: like clean_line but keeps line breaks."""
    value = _ESCAPE_SEQ.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\t", "    ")
    value = _CONTROL.sub("", value)
    value = unicodedata.normalize("NFC", value)
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()


def printable(value: str) -> str:
    """Text for a terminal line with every non-printable character shown as its escape.

    Unlike clean_line nothing is dropped or folded, so a path stays exact while an
    escape sequence in it reads as ``\\x1b[2J`` instead of acting on the terminal.
    """
    if value.isprintable():
        return value
    return "".join(char if char.isprintable() else _escaped(char) for char in value)


def _escaped(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
