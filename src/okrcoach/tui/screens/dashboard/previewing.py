"""The dashboard's side of the kept preview: paint it in the first frame, keep the next one.

The preview is text only (no objective behind it), so nothing can be opened or changed
from it: the app holds the keys typed meanwhile and hands them over once the real cards are
on screen (see ``OkrApp.hold_keys``).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import Any

from textual.content import Content
from textual.widgets import Static

from okrcoach.tui.safe import safe
from okrcoach.tui.screens.background import today_of
from okrcoach.tui.screens.dashboard.preview import Preview, Size, forget_preview, write_preview

DAYS_AHEAD = 7  # the first start on each day of the coming week paints at once too

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
        (``painted``: the preview this start showed, already kept with the days after it)."""
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
        from okrcoach.tui.widgets.objective_card import card_markup  # loaded with the cards

        width = cards[0].size.width or 80
        cycle_line, view_line = self.shown_lines
        shown = Preview(
            cycle_line,
            view_line,
            tuple(
                (card_markup(card.row, width, at == 0), card.row.objective.archived)
                for at, card in enumerate(cards)
            ),
        )
        if shown == painted:
            return  # the kept one showed exactly this: nothing to write
        size = (screen.app.size.width, screen.app.size.height)
        cadence = screen.app.settings.checkin_cadence_days
        keep = partial(_keep_days, store, data, today, shown, width, size, cadence)
        screen.run_worker(keep, thread=True, group="preview", exclusive=True)


def cycle_line_markup(
    described: str, is_current: bool, locked: bool, window_read_only: bool
) -> str:
    """The dashboard's cycle line: "Current cycle: 2026-Q4 · … · 29 days left", and whether
    it can be changed."""
    prefix = "Current cycle" if is_current else "Cycle"
    hint = "(this window)" if window_read_only else "(O reopens)"
    lock = f"  [b $warning]read-only[/] {hint}" if locked else ""
    return f"{prefix}: {safe(described)}{lock}"


def _keep_days(
    store: Any, data: Any, today: date, shown: Preview, width: int, size: Size, cadence: int
) -> None:
    """Keep today's paint and the same dashboard as it will read on each of the next days of
    the cycle (so the first start of a day is as quick), unless a save lands meanwhile."""
    from okrcoach.services.cycles import describe_cycle
    from okrcoach.services.portfolio import cycle_is_locked, load_portfolio
    from okrcoach.store import StoreError
    from okrcoach.tui.widgets.objective_card import card_markup

    cycle = data.portfolio.cycle
    days = {today: shown}
    try:
        for ahead in range(1, DAYS_AHEAD + 1):
            day = today + timedelta(days=ahead)
            if day > cycle.end:
                break  # the next cycle is not made before its day comes
            portfolio = load_portfolio(store, cycle, day, cadence_days=cadence, with_hints=False)
            locked = cycle_is_locked(cycle, day)
            days[day] = Preview(
                cycle_line_markup(describe_cycle(cycle, day), True, locked, False),
                shown.view_line,
                tuple(
                    (card_markup(row, width, at == 0), row.objective.archived)
                    for at, row in enumerate(portfolio.rows)
                ),
            )
        if store.files_stamp() != data.stamp:
            return  # a save landed while the days were read: what was read may be old
    except StoreError:
        return  # the window is closing: the store went first
    write_preview(store.paths, data.stamp, size, days)
