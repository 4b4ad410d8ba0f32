"""Which cue strings a text holds, found in one pass.

Many patterns are only worth trying when the text holds one of a few cue strings
("star" before a rating, "every" before a scope). Asking ``cue in text`` for each cue of
each pattern costs a call per pattern; a ``CueIndex`` reads the text once and answers
every such question with one bitwise and.

The answer is exactly ``any(cue in text for cue in cues)``: the text is scanned at every
position for the longest cue of two or more characters starting there, a cue found stands
for every cue it contains (a text holding "none" holds "no" too), and each one-character
cue is asked for on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A node of the cue trie: each next character leads to a node; "" marks a cue's end.
Trie = dict[str, "Trie"]


def _trie_pattern(cues: Iterable[str]) -> str:
    """A pattern matching any of ``cues``, longest first, with shared prefixes merged."""
    root: Trie = {}
    for cue in cues:
        node = root
        for char in cue:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: Trie) -> str:
        alternatives = [re.escape(char) + branch(child) for char, child in node.items() if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body

    return branch(root)


class CueIndex:
    """Every cue of a set of tables, each given one bit.

    More tables may be added (``add``) before any text is read: the bits already given
    stay, so one scan of a text answers for every table of every module that shares it.
    """

    def __init__(self, groups: Iterable[Iterable[str]] = ()) -> None:
        self._bit: dict[str, int] = {}
        self._always = 1  # the empty cue: every text holds it
        self._covers: dict[str, int] = {}
        self._chars: list[tuple[str, int]] = []
        self._scan: re.Pattern[str] | None = None
        self.add(groups)

    def add(self, groups: Iterable[Iterable[str]]) -> CueIndex:
        """Give the cues of more tables their bits; the same index, for chaining."""
        for cue in sorted({cue for group in groups for cue in group if cue}):
            if cue not in self._bit:
                self._bit[cue] = 1 << (len(self._bit) + 1)
        # A single character is asked for on its own ("%", " "): found at almost every
        # position, it would make the scan report a hit for most characters of a line.
        self._chars = [(cue, bit) for cue, bit in self._bit.items() if len(cue) == 1]
        longer = [cue for cue in self._bit if len(cue) > 1]
        # A cue found stands for itself and every cue inside it.
        self._covers = {
            cue: self._always | sum(bit for other, bit in self._bit.items() if other in cue)
            for cue in longer
        }
        self._scan = re.compile(f"(?=({_trie_pattern(longer)}))") if longer else None
        return self

    def bits(self, cues: Iterable[str]) -> int:
        """The bits of ``cues``: a text holds one of them when ``mask(text) & bits``."""
        return sum({self._always if not cue else self._bit[cue] for cue in cues})

    def mask(self, text: str) -> int:
        """The bits of every cue ``text`` holds (the empty cue's included)."""
        mask = self._always
        for char, bit in self._chars:
            if char in text:
                mask |= bit
        if self._scan is not None:
            covers = self._covers
            for found in self._scan.findall(text):
                mask |= covers[found]
        return mask
