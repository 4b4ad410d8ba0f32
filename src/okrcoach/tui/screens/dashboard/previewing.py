"""The dashboard's side of the kept preview: paint it in the first frame, keep the next one.

The preview is text only (no objective behind it), so nothing can be opened or changed
from it: the app holds the keys typed meanwhile and hands them over once the real cards are
on screen (see ``OkrApp.hold_keys``).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.content import Content
from textual.widgets import Static

from okrcoach.tui.screens.background import today_of
from okrcoach.tui.screens.dashboard.preview import Preview, forget_preview, write_preview

PREVIEW_CSS = """
DashboardScreen .card-preview {
    height: auto;
    padding: 0 1;
    margin: 0 0 1 0;
    border-left: outer $panel;
}
DashboardScreen .card-preview.-focused {
    border-left: thick $primary;
    background: $boost;
}
DashboardScreen .card-preview.-archived {
    color: $text-muted;
}
"""


def preview_cards(preview: Preview | None) -> list[Static]:
    """One text card per kept card; none when any of them is not valid markup."""
    if preview is None:
        return []
    try:
        texts = [Content.from_markup(markup) for markup, _ in preview.cards]
        Content.from_markup(preview.cycle_line)
        Content.from_markup(preview.view_line)
    except Exception:  # a damaged file: start as if there were none
        return []
    cards = []
    for at, (text, (_, archived)) in enumerate(zip(texts, preview.cards, strict=True)):
        card = Static(text, classes="card-preview")
        card.set_class(at == 0, "-focused")
        card.set_class(archived, "-archived")
        cards.append(card)
    return cards


class PreviewMixin:  # a DashboardScreen at runtime
    """Paints the kept preview until the first real load, and keeps the one after it."""

    preview: Preview | None
    shown_lines: tuple[str, str]  # the cycle line and the view line as last painted

    def paint_preview(self) -> None:
        screen: Any = self
        preview = self.preview
        if preview is None:
            return
        screen.query_one("#cycle", Static).update(preview.cycle_line)
        view = screen.query_one("#view-line", Static)
        view.update(preview.view_line)
        view.display = not screen._short()
        for selector in ("#welcome-title", "#intro", "#empty"):
            screen.query_one(selector).display = False
        screen.query_one("#objectives").display = True
        # Open the store once this frame is out: importing it now would only slow the paint.
        screen.call_after_refresh(screen.app.preview_painted)

    def preview_done(self) -> None:
        """The real cards are painted: once the first one has the focus (after this refresh),
        hand over the keys typed meanwhile and keep this paint for the next start."""
        screen: Any = self
        screen.call_after_refresh(self._after_paint)

    def _after_paint(self) -> None:
        screen: Any = self
        painted, self.preview = self.preview, None
        if painted is not None:
            screen.app.release_keys()
        self._keep_preview(painted)

    def _keep_preview(self, painted: Preview | None) -> None:
        """Keep what is on screen for the next start, when it is the plain view of the current
        cycle of a local workspace this window may write, and the files did not move meanwhile
        (``painted``: the preview this start showed, already kept)."""
        screen: Any = self
        data, store = screen.data, screen.store
        if data is None or store is None or store.read_only or not screen.is_attached:
            return
        if data.stamp is None or not data.is_current or not screen.plain_view():
            return
        paths, today = screen.app.paths, today_of(screen)
        cards = screen.cards()
        if not cards:
            screen.run_worker(partial(forget_preview, paths), thread=True, group="preview")
            return
        cycle_line, view_line = self.shown_lines
        kept = Preview(
            cycle_line,
            view_line,
            tuple(
                (card.markup(card.size.width or 80, focused=at == 0), card.row.objective.archived)
                for at, card in enumerate(cards)
            ),
        )
        if kept == painted:
            return  # the kept one showed exactly this: nothing to write
        size = (screen.app.size.width, screen.app.size.height)
        keep = partial(write_preview, paths, data.stamp, today, size, kept)
        screen.run_worker(keep, thread=True, group="preview", exclusive=True)
