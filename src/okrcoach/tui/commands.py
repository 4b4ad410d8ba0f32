"""A context-aware command palette: each screen offers what makes sense on it.

A screen lists its commands by defining ``palette_commands()`` returning
``(title, help, callback)`` tuples; the provider needs no knowledge of screens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

PaletteCommand = tuple[str, str, Callable[[], object]]


def screen_commands(screen: object) -> Iterable[PaletteCommand]:
    offer = getattr(screen, "palette_commands", None)
    if callable(offer):
        yield from offer()


class OkrCommands(Provider):
    """Offers the current screen's actions in the command palette."""

    def _commands(self) -> list[PaletteCommand]:
        return list(screen_commands(self.screen))

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, partial(callback), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(callback), help=help_text)
