"""How many lines the coach keeps its per-line work for.

One review reads its line in several places (tokens, numbers, reading, evidence), and the
wizard reviews the line being typed once per keystroke: a few hundred lines cover every
repeat a session makes, a cycle's whole set included. More entries than that only keep
objects alive, and every object kept makes each garbage collection slower: with 8,192
entries per cache a review cost about a tenth more than with 256.
"""

from __future__ import annotations

PER_LINE = 256
