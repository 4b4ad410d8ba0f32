"""The dashboard: a cycle's objectives with progress, confidence and health.

When the cycle holds no objectives it greets the user instead (what okrcoach
does, the cycle, how to start). Every store call runs in a worker; the screen
only renders what the service layer answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual import events, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.widget import MountError
from textual.widgets import Footer, Header, Static

from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import safe
from okrcoach.tui.screens.background import today_of
from okrcoach.tui.screens.dashboard.changes import ObjectiveChangesMixin
from okrcoach.tui.screens.dashboard.keys import DASHBOARD_BINDINGS, dashboard_commands
from okrcoach.tui.screens.dashboard.loading import DashboardData, gather
from okrcoach.tui.screens.dashboard.preview import Preview
from okrcoach.tui.screens.dashboard.previewing import (
    PREVIEW_CSS,
    PreviewMixin,
    cycle_line_markup,
    preview_cards,
)
from okrcoach.tui.screens.dashboard.whose import WhoseMixin
from okrcoach.tui.screens.welcome import EMPTY, EMPTY_PAST, INTRO, WELCOME_TITLE
from okrcoach.tui.store_ready import ChangedElsewhere, LoadsFromStore, StoreOpened

SHORT = 16
"""Below this many rows the intro and the hint lines give way to the objectives."""


class DashboardScreen(
    LoadsFromStore, ObjectiveChangesMixin, WhoseMixin, PreviewMixin, Screen[None]
):
    """The home screen: this cycle's objectives, or the welcome when there are none."""

    DEFAULT_CSS = (
        """
    DashboardScreen #objectives {
        height: auto;
    }
    """
        + PREVIEW_CSS
    )
    BINDINGS = DASHBOARD_BINDINGS

    def __init__(self, preview: Preview | None = None) -> None:
        """``preview``: what the dashboard showed last time, painted until the store is open."""
        super().__init__()
        from okrcoach.services.people import EVERYONE
        from okrcoach.services.views import Filter, Sort

        self.cycle_id: str | None = None
        self.filter = Filter.ALL
        self.who = EVERYONE
        self.sort = Sort.PLANNED
        self.show_archived = False
        self.reopened: set[str] = set()
        self.data: DashboardData | None = None
        self.last_change: Any = None
        self._selected: str | None = None
        self._preview_cards = preview_cards(preview)
        self.preview = preview if self._preview_cards else None
        self.shown_lines = ("", "")

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="dashboard"):
            yield Static(WELCOME_TITLE, classes="title", id="welcome-title")
            yield Static(INTRO, id="intro")
            yield Static("Opening your workspace…", id="cycle", classes="section muted")
            yield Static(EMPTY, id="empty", classes="empty-state")
            yield Static("", id="view-line", classes="muted")
            yield Static("", id="balance", classes="coach-hint")
            yield Vertical(*self._preview_cards, id="objectives")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        for selector in ("#objectives", "#view-line", "#balance"):
            self.query_one(selector).display = False
        self.paint_preview()

    def on_store_opened(self, _message: StoreOpened) -> None:
        self.reload()

    def on_changed_elsewhere(self, _message: ChangedElsewhere) -> None:
        """Someone else checked in or edited: show it without a restart."""
        self.reload()

    def on_resize(self, event: events.Resize) -> None:
        self._show_hints()

    def _short(self) -> bool:
        return 0 < self.size.height < SHORT

    def _show_hints(self) -> None:
        """The intro and the hint lines, unless the data says otherwise or the screen is short."""
        data = self.data
        if data is None:
            return
        portfolio = data.portfolio
        empty = not portfolio.rows and not portfolio.archived_count
        short = self._short()
        self.query_one("#intro").display = empty and not short
        self.query_one("#view-line").display = not empty and not short
        self.query_one("#balance").display = (
            bool(portfolio.balance_hints) and not empty and not short
        )

    # --- loading ------------------------------------------------------------------
    def reload(self) -> None:
        self._load(self.cycle_id, self.show_archived)

    @work(thread=True, exclusive=True, group="dashboard")
    def _load(self, cycle_id: str | None, show_archived: bool) -> None:
        """A damaged or too-new cycle file goes to the app's problem screen, in words."""
        from okrcoach.store import CorruptFileError, FutureSchemaError

        store = self.store
        if store is None:
            return
        try:
            data = gather(
                store,
                cycle_id,
                today_of(self),
                self.app.settings,  # type: ignore[attr-defined]
                show_archived=show_archived,
                reopened=self.reopened,
            )
        except (CorruptFileError, FutureSchemaError) as error:
            self.app.call_from_thread(self.app.report_store_problem, str(error))  # type: ignore[attr-defined]
            return
        self.app.call_from_thread(self._show, data)

    @work(thread=True, exclusive=True, group="dashboard-balance")
    def _read_balance(self, cycle_id: str, active: list[Any]) -> None:
        """The coach (a heavy import) reads the cycle's mix once its objectives are painted."""
        from okrcoach.services.portfolio import balance_hints

        self.post_message(self.BalanceRead(cycle_id, balance_hints(active)))

    class BalanceRead(Message):
        """The coach's word on the cycle's mix of learning and performance goals."""

        def __init__(self, cycle_id: str, hints: list[str]) -> None:
            super().__init__()
            self.cycle_id = cycle_id
            self.hints = hints

    def on_dashboard_screen_balance_read(self, message: BalanceRead) -> None:
        if self.data is None or self.data.portfolio.cycle.id != message.cycle_id:
            return  # read for a cycle no longer on screen
        self.data.portfolio.balance_hints = message.hints
        balance = self.query_one("#balance", Static)
        balance.update("\n".join(f"Coach: {safe(h)}" for h in message.hints))
        self._show_hints()

    async def _show(self, data: DashboardData) -> None:
        if not self._whole():
            return  # a load that finished as the window closed: nothing left to paint
        # One paint for the whole change, not one per line and card as they arrive.
        with self.app.batch_update():
            try:
                await self._show_now(data)
            except (NoMatches, MountError):
                if self._whole():
                    raise  # the screen is all there: a real fault, not a closing window
                return
        self.preview_done()

    def _whole(self) -> bool:
        """Whether this screen is still in the app with its widgets: while the app shuts
        down, its widgets go before a late load or refresh lands."""
        return self.is_attached and bool(self.query("#cycle")) and bool(self.query("#objectives"))

    async def _show_now(self, data: DashboardData) -> None:
        from okrcoach.services.people import who_phrase
        from okrcoach.services.portfolio import filter_rows, sort_rows

        self.data = data
        portfolio = data.portfolio
        self.cycle_id = portfolio.cycle.id
        empty = not portfolio.rows and not portfolio.archived_count
        window_read_only = self.store is not None and self.store.read_only
        cycle_line = cycle_line_markup(
            data.cycle_line, data.is_current, data.locked, window_read_only
        )
        self.query_one("#cycle", Static).update(cycle_line)
        for selector in ("#welcome-title", "#empty"):
            self.query_one(selector).display = empty
        self.query_one("#empty", Static).update(EMPTY if data.is_current else EMPTY_PAST)
        self.query_one("#objectives").display = not empty
        view = self.query_one("#view-line", Static)
        hidden = portfolio.archived_count if not self.show_archived else 0
        archived = f" · {hidden} archived hidden (A shows)" if hidden else ""
        phrase = who_phrase(self.who)
        whose = f" {safe(phrase)}" if phrase else ""
        view_line = (
            f"Showing {self.filter.label}{whose}, sorted by {self.sort.label}{archived}"
            "  ·  Enter opens · f filter · o whose · s sort · ? all keys"
        )
        view.update(view_line)
        self.shown_lines = (cycle_line, view_line)
        self._show_hints()
        balance = self.query_one("#balance", Static)
        balance.update("\n".join(f"Coach: {safe(h)}" for h in portfolio.balance_hints))
        rows = sort_rows(
            filter_rows(portfolio.rows, self.filter, self.who, portfolio.people), self.sort
        )
        await self._render_cards(rows)
        if not data.balance_asked:
            data.balance_asked = True
            self.call_after_refresh(self._read_balance, portfolio.cycle.id, portfolio.active)

    async def _render_cards(self, rows: list[Any]) -> None:
        from okrcoach.tui.widgets.objective_card import ObjectiveCard

        container = self.query_one("#objectives", Vertical)
        focused = self._selected_id()
        await container.remove_children()
        if not self._whole():
            return  # the window closed while the old cards went
        cards = [ObjectiveCard(row) for row in rows]
        if not cards:
            await container.mount(
                Static("No objective matches this filter (f and o change it).", classes="muted")
            )
            return
        await container.mount_all(cards)
        target = next((c for c in cards if c.row.id == focused), cards[0])
        self.call_after_refresh(target.focus, scroll_visible=True)

    # --- selection ----------------------------------------------------------------
    def cards(self) -> list[Any]:
        return list(self.query(".objective-card"))

    def _selected_id(self) -> str | None:
        focused = self.focused
        if focused is not None and focused.has_class("objective-card"):
            self._selected = focused.row.id  # type: ignore[attr-defined]
        return self._selected

    def selected(self) -> Any:
        """The row of the focused objective, else the first one shown, else None."""
        cards = self.cards()
        chosen = self._selected_id()
        for card in cards:
            if card.row.id == chosen:
                return card.row
        return cards[0].row if cards else None

    def on_descendant_focus(self, event: Any) -> None:
        if event.widget.has_class("objective-card"):
            self._selected = event.widget.row.id

    def action_move(self, step: int) -> None:
        cards = self.cards()
        if not cards:
            raise SkipAction()
        ids = [c.row.id for c in cards]
        current = self._selected_id()
        at = ids.index(current) if current in ids else -step
        card = cards[max(0, min(len(cards) - 1, at + step))]
        card.focus(scroll_visible=False)
        card.scroll_visible(animate=False)

    def on_objective_card_opened(self, event: Any) -> None:
        """A double-click on a card (the card module loads with the data, not before)."""
        self._selected = event.objective_id
        self.action_open()

    # --- guards -------------------------------------------------------------------
    def _writable(self) -> bool:
        if self.data is not None and self.data.locked:
            if self.store is not None and self.store.read_only:
                self.notify("This window is read-only: changes cannot be saved.")
            else:
                self.notify("This cycle has ended and is read-only. Press O to reopen it.")
            return False
        return True

    def _need_selection(self) -> Any:
        row = self.selected()
        if row is None and self.data is None:
            self.notify("Opening your workspace…")
        elif row is None:
            self.notify("No objective here yet: press n to draft one.")
        return row

    def plain_view(self) -> bool:
        """Everything of the cycle in planned order, as the dashboard opens."""
        from okrcoach.services.views import Filter, Sort

        everyone = self.who.everyone
        return (
            self.filter is Filter.ALL
            and self.sort is Sort.PLANNED
            and everyone
            and not (self.show_archived)
        )

    # --- actions ------------------------------------------------------------------
    def action_new_objective(self) -> None:
        if self._writable():
            self.app.action_new_objective()

    def action_open(self) -> None:
        row = self._need_selection()
        if row is None:
            return
        from okrcoach.tui.screens.detail import DetailScreen

        locked = bool(self.data and self.data.locked)
        self.app.push_screen(DetailScreen(row.id, locked=locked), lambda _=None: self.reload())

    def action_checkin(self) -> None:
        row = self._need_selection()
        if row is None or not self._writable() or not self._mine(row):
            return
        from okrcoach.tui.screens.checkin import CheckInScreen

        self.app.push_screen(CheckInScreen(row.id), self._after_checkin)

    def _after_checkin(self, saved: int | None) -> None:
        if saved:
            self.notify(f"Saved {saved} check-in{'s' if saved != 1 else ''}.")
        self.reload()

    def action_edit(self) -> None:
        row = self._need_selection()
        if row is None or not self._writable() or not self._mine(row):
            return
        try:
            from okrcoach.tui.screens.wizard import WizardScreen
        except ImportError:
            self.notify("Editing arrives with the drafting wizard.", severity="warning")
            return
        self.app.push_screen(WizardScreen(objective_id=row.id), lambda _=None: self.reload())

    async def action_filter(self) -> None:
        self.filter = self.filter.next()
        if self.data is not None:
            await self._show(self.data)

    async def action_sort(self) -> None:
        self.sort = self.sort.next()
        if self.data is not None:
            await self._show(self.data)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.notify("Showing archived objectives." if self.show_archived else "Archived hidden.")
        self.reload()

    def switch_cycle(self, cycle_id: str | None) -> None:
        if cycle_id and cycle_id != self.cycle_id:
            self.cycle_id = cycle_id
            self._selected = None
            self.reload()

    def action_cycles(self) -> None:
        from okrcoach.tui.screens.cycles import CyclesModal

        self.app.push_screen(CyclesModal(self.cycle_id), self.switch_cycle)

    def action_previous_cycle(self) -> None:
        if self.data is not None and self.data.neighbours[0]:
            self.switch_cycle(self.data.neighbours[0])

    def action_next_cycle(self) -> None:
        if self.data is not None and self.data.neighbours[1]:
            self.switch_cycle(self.data.neighbours[1])

    def action_alignment(self) -> None:
        from okrcoach.tui.screens.alignment import AlignmentScreen

        if self.cycle_id:
            self.app.push_screen(AlignmentScreen(self.cycle_id))

    def action_learning_log(self) -> None:
        from okrcoach.tui.screens.learning_log import LearningLogScreen

        if self.cycle_id:
            self.app.push_screen(LearningLogScreen(self.cycle_id), lambda _=None: self.reload())

    def action_retro(self) -> None:
        """A retro of the selected objective (mid-cycle); of the whole cycle when none is."""
        chosen = self._selected_id()
        self.app.action_start_retro(objective_id=chosen, cycle_id=None if chosen else self.cycle_id)

    def action_retro_cycle(self) -> None:
        self.app.action_start_retro(cycle_id=self.cycle_id)

    def action_retro_history(self) -> None:
        self.app.action_retro_history()

    def action_trash(self) -> None:
        from okrcoach.tui.screens.trash import TrashScreen

        self.app.push_screen(TrashScreen(), lambda _=None: self.reload())

    def export_cycle_name(self) -> str | None:
        """The cycle on screen, offered as the default scope of an export."""
        return self.data.portfolio.cycle.name if self.data is not None else None

    def palette_commands(self) -> Iterator[PaletteCommand]:
        return dashboard_commands(self)
