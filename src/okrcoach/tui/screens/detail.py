"""One objective in full: its KRs with check-in history, the coach's findings, alignment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Sparkline, Static

from okrcoach.domain.numbers import plural
from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import safe, safe_block
from okrcoach.tui.screens.background import today_of
from okrcoach.tui.widgets import render as r


@dataclass
class DetailData:
    objective: Any
    cycle: Any
    row: Any  # the portfolio row: KRs with progress and health
    histories: dict[str, list[Any]]
    forecasts: dict[str, str]
    review: Any
    parent: Any
    children: list[Any]


class DetailScreen(Screen[None]):
    """Read the whole story of one objective; e edits it, c checks in."""

    DEFAULT_CSS = """
    DetailScreen #detail {
        padding: 0 1;
    }
    DetailScreen #krs {
        height: auto;
    }
    DetailScreen .kr {
        height: auto;
        margin-top: 1;
        border-left: outer $panel;
        padding-left: 1;
    }
    DetailScreen Sparkline {
        height: 1;
        width: 1fr;
        margin-right: 2;
    }
    DetailScreen #findings {
        margin-top: 1;
        border: round $warning;
        padding: 0 1;
        height: auto;
    }
    """
    BINDINGS = [
        Binding("escape", "back", "Back", id="detail.back"),
        Binding("c", "checkin", "Check in", id="detail.checkin"),
        Binding("e", "edit", "Edit", id="detail.edit"),
        # Nothing here takes focus, so the screen scrolls itself: every KR is reachable.
        Binding("down,j", "scroll_by(1)", "Scroll down", show=False, id="detail.down"),
        Binding("up,k", "scroll_by(-1)", "Scroll up", show=False, id="detail.up"),
        Binding("pagedown,space", "scroll_page(1)", "Page down", show=False, id="detail.pgdn"),
        Binding("pageup", "scroll_page(-1)", "Page up", show=False, id="detail.pgup"),
        Binding("home", "scroll_to_end(0)", "Top", show=False, id="detail.top"),
        Binding("end", "scroll_to_end(1)", "Bottom", show=False, id="detail.bottom"),
    ]

    def __init__(self, objective_id: str, *, locked: bool = False) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.locked = locked
        self.data: DetailData | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="detail"):
            yield Static("Loading…", id="detail-title", classes="title")
            yield Static("", id="summary")
            yield Static("", id="alignment", classes="section")
            yield Vertical(id="krs")
            yield Static("", id="findings")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="detail")
    def _load(self) -> None:
        from okrcoach.coach import review_set
        from okrcoach.domain.health import forecast
        from okrcoach.domain.models import Cycle, Objective
        from okrcoach.services.alignment import parent_and_children
        from okrcoach.services.portfolio import objective_row

        store = self.app.store
        if store is None:
            return
        objective = store.get(Objective, self.objective_id)
        if objective is None:
            self.app.call_from_thread(self.notify, "That objective no longer exists.")
            return
        settings = self.app.settings  # type: ignore[attr-defined]
        cycle = store.get(Cycle, objective.cycle_id) or store.current_cycle(
            today_of(self), settings.cycle_length
        )
        krs = store.key_results(objective.id)
        histories = {kr.id: store.checkins(kr.id) for kr in krs}
        latest = {k: (h[-1] if h else None) for k, h in histories.items()}
        today = today_of(self)
        from okrcoach.services.people import owner_name, owner_names, people_of

        name = owner_name(objective.owner, owner_names(people_of(store)))
        row = objective_row(
            objective, krs, latest, cycle, today, settings.checkin_cadence_days, name
        )
        forecasts = {}
        for kr in krs:
            found = forecast(kr, histories[kr.id], cycle)
            forecasts[kr.id] = found.sentence(kr.unit) if found else ""
        parent, children = parent_and_children(store, objective)
        data = DetailData(
            objective,
            cycle,
            row,
            histories,
            forecasts,
            review_set(objective, krs),
            parent,
            children,
        )
        self.app.call_from_thread(self._show, data)

    async def _show(self, data: DetailData) -> None:
        from okrcoach.services.checkins import format_value

        self.data = data
        objective = data.objective
        self.query_one("#detail-title", Static).update(safe(objective.title))
        facts = [r.badge(objective), objective.commitment.value, safe(data.cycle.name)]
        if objective.owner:
            facts.append(f"owner {safe(data.row.owner_name or objective.owner)}")
        if objective.maturity is not None:
            facts.append(f"skill {objective.maturity.value}")
        status = (
            f"{r.bar(data.row.progress, 20)} {r.percent(data.row.progress)}  "
            f"{r.confidence(data.row.confidence)}  {r.health(data.row.health)}"
        )
        why = f"\n[i]Why:[/i] {safe_block(objective.why)}" if objective.why else ""
        self.query_one("#summary", Static).update(" · ".join(facts) + "\n" + status + why)
        parent = f"Serves: {safe(data.parent.title)}" if data.parent else "Serves: no parent yet"
        children = (
            "Served by: " + "; ".join(safe(c.title) for c in data.children)
            if data.children
            else "Served by: nothing yet"
        )
        self.query_one("#alignment", Static).update(f"{parent}\n{children}")
        container = self.query_one("#krs", Vertical)
        await container.remove_children()
        blocks = []
        for kr_row in data.row.krs:
            kr = kr_row.kr
            history = data.histories.get(kr.id, [])
            lines = [
                f"[b]{safe(kr.title)}[/b]",
                f"{r.kr_values(kr)}  {r.percent(kr_row.progress)}  {r.health(kr_row.health)}",
            ]
            if kr_row.why:
                lines.append(f"[$text-muted]Why {kr_row.health.label}: {safe(kr_row.why)}[/]")
            if history:
                last = history[-1]
                note = f" · {safe(last.note)}" if last.note else ""
                lines.append(
                    f"[$text-muted]{plural(len(history), 'check-in')} · "
                    f"last {last.at.day} {last.at:%b %Y}:"
                    f" {safe(format_value(last.value, kr.unit))}{note}[/]"
                )
            else:
                lines.append("[$text-muted]No check-in yet: press c.[/]")
            if data.forecasts.get(kr.id):
                lines.append(safe(data.forecasts[kr.id]))
            parts: list[Any] = [Static("\n".join(lines))]
            if len(history) >= 2:
                parts.append(Sparkline([c.value for c in history[-52:]], summary_function=max))
            blocks.append(Vertical(*parts, classes="kr"))
        if not blocks:
            blocks.append(Static("No key results yet: press e to add two to five.", classes="kr"))
        await container.mount_all(blocks)
        findings = (
            data.review.findings
            + [f for review in data.review.kr_reviews for f in review.findings]
            + data.review.objective_review.findings
        )
        box = self.query_one("#findings", Static)
        box.border_title = f"The coach ({data.review.score}/100)"
        if findings:
            seen: set[str] = set()
            lines = []
            for finding in findings:
                if finding.message in seen:
                    continue
                seen.add(finding.message)
                lines.append(f"• {safe(finding.message)} [i]{safe(finding.suggestion)}[/i]")
            box.update("\n".join(lines[:8]))
        else:
            box.update("Nothing to add: a well-formed objective.")

    def action_scroll_by(self, lines: int) -> None:
        self.query_one("#detail", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_scroll_page(self, pages: int) -> None:
        body = self.query_one("#detail", VerticalScroll)
        body.scroll_relative(y=pages * max(1, body.size.height - 1), animate=False)

    def action_scroll_to_end(self, bottom: int) -> None:
        body = self.query_one("#detail", VerticalScroll)
        if bottom:
            body.scroll_end(animate=False)
        else:
            body.scroll_home(animate=False)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_checkin(self) -> None:
        if self.locked:
            self.notify("This cycle is read-only. Reopen it from the dashboard (O).")
            return
        from okrcoach.tui.screens.checkin import CheckInScreen

        self.app.push_screen(CheckInScreen(self.objective_id), lambda _=None: self.reload())

    def action_edit(self) -> None:
        if self.locked:
            self.notify("This cycle is read-only. Reopen it from the dashboard (O).")
            return
        try:
            from okrcoach.tui.screens.wizard import WizardScreen
        except ImportError:
            self.notify("Editing arrives with the drafting wizard.", severity="warning")
            return
        self.app.push_screen(
            WizardScreen(objective_id=self.objective_id), lambda _=None: self.reload()
        )

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            ("Check in", "Record progress on this objective", self.action_checkin),
            ("Edit objective", "Change it in the wizard", self.action_edit),
            ("Back", "Return to the dashboard", self.action_back),
        ]
