"""The guided retrospective: stage, score, reflect, calibrate, decide, summary.

The screen turns keys into changes of a Retrospective record and renders what
``okrcoach.services.retros`` and ``okrcoach.domain.retro`` answer. The record
(``finished=False``) is autosaved a moment after each change and on every step,
in a thread worker, so quitting mid-retro loses nothing; opening the retro for
the same cycle or objective again resumes it.

Beside the flow: ``editing`` (fields into the record), ``finishing`` (finish,
autosave, leave), ``review_views`` (calibrate, decide, summary) and ``exporting``.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    ContentSwitcher,
    Footer,
    Header,
    Markdown,
    Static,
)

from okrcoach.domain.models import Retrospective
from okrcoach.services import retros as r
from okrcoach.tui.autosave import Autosaver
from okrcoach.tui.commands import PaletteCommand
from okrcoach.tui.safe import safe
from okrcoach.tui.screens.retro import steps
from okrcoach.tui.screens.retro.editing import RetroEditingMixin
from okrcoach.tui.screens.retro.exporting import ExportMixin
from okrcoach.tui.screens.retro.finishing import FinishingMixin
from okrcoach.tui.screens.retro.review_views import ReviewViewsMixin
from okrcoach.tui.screens.retro.styles import RETRO_CSS
from okrcoach.tui.store_ready import LoadsFromStore, StoreOpened

Step = steps.RetroStep
SCORE, CALIBRATE, DECIDE, SUMMARY = Step.SCORE, Step.CALIBRATE, Step.DECIDE, Step.SUMMARY


class RetroScreen(
    LoadsFromStore,
    RetroEditingMixin,
    FinishingMixin,
    ReviewViewsMixin,
    ExportMixin,
    Screen[str | None],
):
    """Dismisses with the retro's id (None when nothing was saved)."""

    DEFAULT_CSS = RETRO_CSS
    BINDINGS = [
        Binding("ctrl+n", "next", "Next", id="retro.next"),
        Binding("ctrl+b", "back", "Back", id="retro.back"),
        # Priority: a hidden step's Select must not swallow it; only live on the summary.
        Binding("x", "export", "Export Markdown", id="retro.export", priority=True),
        Binding("escape", "leave", "Save & close", id="retro.leave"),
    ]

    def __init__(
        self, cycle_id: str, objective_id: str | None = None, retro_id: str | None = None
    ) -> None:
        super().__init__()
        self.cycle_id = cycle_id
        self.objective_id = objective_id
        self.retro_id = retro_id
        self.scope: r.Scope | None = None
        self.retro: Retrospective | None = None
        self.past: list[r.CyclePoint] = []
        self.step = 0
        self.applied: list[str] = []
        self.saved = False
        self._loading = False
        self.keeper: Autosaver[tuple[Retrospective, int]] = Autosaver(
            self, self._snapshot, self._keep_progress, what="the retrospective", group="retro-save"
        )

    # --- layout -----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("Retrospective · opening…", id="step-title")
        scope, retro = self.scope, self.retro
        if scope is None or retro is None:
            yield Static("Gathering the cycle's scores and notes…", classes="step muted")
        else:
            with ContentSwitcher(id="steps", initial=f"step-{self.step}"):
                with VerticalScroll(id="step-0", classes="step"):
                    yield from steps.stage(scope, retro)
                with VerticalScroll(id="step-1", classes="step"):
                    yield from steps.score(scope, retro)
                with VerticalScroll(id="step-2", classes="step"):
                    yield from steps.reflect(scope, retro)
                with VerticalScroll(id="step-3", classes="step"):
                    yield from steps.calibrate()
                with VerticalScroll(id="step-4", classes="step"):
                    yield from steps.decide(scope, retro)
                with VerticalScroll(id="step-5", classes="step"):
                    yield Static("", id="applied")
                    yield Markdown("", id="summary")
        with Horizontal(id="nav"):
            yield Button("← Back", id="back", compact=True)
            yield Static("", id="nav-space")
            yield Button("Next →", id="next", compact=True, variant="primary")
        yield Footer()

    # --- loading ----------------------------------------------------------------------
    def on_store_opened(self, _message: StoreOpened) -> None:
        self.reload()

    def reload(self) -> None:
        """Loads once (the store is open)."""
        if self.scope is None and not self._loading:
            self._loading = True
            self._load()

    @work(thread=True, exclusive=True, group="retro-load")
    def _load(self) -> None:
        store = self.store
        if store is None:
            return
        try:
            scope, retro, step, resumed = r.start(
                store, self.cycle_id, self.objective_id, self.retro_id
            )
            past = r.past_points(store, scope)
        except LookupError as error:
            self.app.call_from_thread(self._cannot_open, str(error))
            return
        if store.read_only and not retro.finished:
            self.app.call_from_thread(
                self._cannot_open, "This window is read-only: a retrospective cannot be saved here."
            )
            return
        self.app.call_from_thread(self._loaded, scope, retro, step, resumed, past)

    def _cannot_open(self, why: str) -> None:
        self.finished = True
        self.notify(why, title="Retrospective", severity="warning", markup=False)
        self.dismiss(None)

    async def _loaded(
        self,
        scope: r.Scope,
        retro: Retrospective,
        step: int,
        resumed: bool,
        past: list[r.CyclePoint],
    ) -> None:
        self.scope, self.retro, self.past = scope, retro, past
        self.finished = retro.finished
        self.saved = resumed
        self.step = SUMMARY if retro.finished else min(step, DECIDE)
        await self.recompose()
        for index in range(len(scope.all_krs)):
            self._show_note(index)
        self._show_step()
        if resumed and not retro.finished:
            self.notify("Picked up where you left off.", title="Retrospective resumed")

    # --- steps ------------------------------------------------------------------------
    def _show_step(self) -> None:
        if self.scope is None:
            return
        self.query_one(ContentSwitcher).current = f"step-{self.step}"
        if self.step == CALIBRATE:
            self._show_calibration()
        elif self.step == DECIDE:
            self._show_decisions()
        elif self.step == SUMMARY:
            self._show_summary()
        self.query_one("#back", Button).disabled = self.step == 0 or self.finished
        self.query_one("#next", Button).label = {DECIDE: "Finish ✓", SUMMARY: "Close"}.get(
            self.step, "Next →"
        )
        self.refresh_bindings()
        # Focus before the step is announced: keys typed the moment its title appears land
        # in its first field, and the step shows from its top (its first label included).
        self._focus_first()
        where = f"Step {self.step + 1} of {len(steps.STEPS)}: {steps.STEPS[self.step]}"
        self.query_one("#step-title", Static).update(f"Retro · {where} · {safe(self.scope.label)}")

    def _focus_first(self) -> None:
        step = self.query_one(f"#step-{self.step}", VerticalScroll)
        step.scroll_home(animate=False, immediate=True)
        if self.step != SUMMARY:
            for widget in step.query("Input, TextArea, Select"):
                if widget.display and widget.focusable:
                    self.set_focus(widget, scroll_visible=False)
                    return
        self.set_focus(self.query_one("#next", Button), scroll_visible=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export":
            return self.step == SUMMARY and self.finished
        if action == "back":
            return not self.finished and self.step > 0
        return True

    def action_next(self) -> None:
        if self.scope is None or self.retro is None:
            return
        if self.step == SCORE and not self._scores_ready():
            return
        if self.step == DECIDE:
            self._finish()
        elif self.step == SUMMARY:
            self.action_leave()
        else:
            self._go(self.step + 1)

    def action_back(self) -> None:
        if self.scope is not None and not self.finished and self.step > 0:
            self._go(self.step - 1)

    def _go(self, step: int) -> None:
        self.step = step
        self._show_step()
        self._changed()
        self.keeper.now()

    # --- mouse and palette ------------------------------------------------------------
    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            self.action_next()
        elif event.button.id == "back":
            self.action_back()

    def palette_commands(self) -> Iterable[PaletteCommand]:
        found: list[PaletteCommand] = []
        if not self.finished:
            found.append(("Next retro step", "Save and go to the next step", self.action_next))
            if self.step > 0:
                found.append(("Previous retro step", "Go back one step", self.action_back))
        if self.finished:
            found.append(
                ("Export retro to Markdown", "Write this retro to a file", self.action_export)
            )
        found.append(("Save and close the retro", "Everything typed is kept", self.action_leave))
        return found
