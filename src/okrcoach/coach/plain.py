"""Patterns for plain lines: lower case, printable ASCII.

Most lines are plain. On them a pattern finds the same matches without ignoring case
and with ASCII classes, and finds them cheaper: ignoring case folds every character
compared, and Unicode classes (``\\w``, ``\\b``, ``\\d``, ``\\s``) ask Unicode's tables
for each one. On printable ASCII each class holds exactly the characters its ASCII form
holds (only the separators ``\\x1c``-``\\x1f`` are Unicode space and not ASCII space, and
they are not printable), and on text without capitals a pattern whose letters are all
lower case matches the same ignoring case or not.
"""

from __future__ import annotations

import re

__all__ = ["is_plain", "plain_twin"]


def is_plain(low: str) -> bool:
    """Whether ``low`` is plain: printable ASCII without capitals."""
    return low.isascii() and low.isprintable() and (low.islower() or low.lower() == low)


def plain_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` for plain text: the same matches on it, found case-sensitively with
    ASCII classes. A pattern that ignores case must write its letters in lower case
    (escapes aside), or a capital in it would match nothing on plain text."""
    if pattern.flags & re.IGNORECASE:
        source = re.sub(r"\\.", "", pattern.pattern)
        if re.search("[A-Z]", source):
            raise ValueError(f"a capital in a pattern that ignores case: {pattern.pattern!r}")
    flags = pattern.flags & ~(re.IGNORECASE | re.UNICODE) | re.ASCII
    return re.compile(pattern.pattern, flags)
