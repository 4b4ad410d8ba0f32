"""The okrcoach App: wiring only. Screens own their flows; the store opens in a worker."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from okrcoach.paths import AppPaths
from okrcoach.tui.commands import OkrCommands

if TYPE_CHECKING:
    from okrcoach.domain.models import Draft
    from okrcoach.settings import Settings
    from okrcoach.store import Store
    from okrcoach.tui.screens.export_dialog import ExportRequest


DEFAULT_THEME = "okrcoach-dark"
# How long opening the store waits for the settings (which say how long a new cycle is).
SETTINGS_WAIT_SECONDS = 5.0


def peek_theme_name(paths: AppPaths) -> str | None:
    """The theme named in the settings file, read without validation (full check runs later)."""
    import tomllib

    try:
        with open(paths.settings_file, "rb") as handle:
            value = tomllib.load(handle).get("theme")
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    return value if isinstance(value, str) else None


class StoreReady(Message):
    """The store is open (or could not be opened: ``problem`` says why)."""

    def __init__(
        self, store: Store | None, problem: str = "", locked: bool = False, read_only: bool = False
    ) -> None:
        super().__init__()
        self.store = store
        self.problem = problem
        self.locked = locked
        self.read_only = read_only  # the failed attempt was already read-only


class OkrApp(App[int]):
    """Coach a person through drafting, checking in on and reviewing their OKRs."""

    TITLE = "okrcoach"
    SUB_TITLE = "an OKR coach"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {OkrCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("ctrl+p", "command_palette", "Command palette", show=False, id="app.palette"),
        Binding("comma", "settings", "Settings", show=False, key_display=",", id="app.settings"),
    ]

    def __init__(
        self,
        paths: AppPaths,
        *,
        theme: str | None = None,
        today: date | None = None,
        opener: Callable[..., Store] | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.today = today
        self.store: Store | None = None
        self.store_problem = ""
        self._opener = opener
        self._requested_theme = theme
        self._settings: Settings | None = None
        self._settings_loaded = threading.Event()
        # While the settings screen previews themes, a theme change is not a choice to remember.
        self.previewing_theme = False

    @property
    def settings(self) -> Settings:
        """The user's settings: the defaults until the settings file has been read."""
        if self._settings is None:
            from okrcoach.settings import Settings

            self._settings = Settings()
        return self._settings

    @settings.setter
    def settings(self, value: Settings) -> None:
        self._settings = value

    # --- lifecycle -----------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        from okrcoach.tui.screens.dashboard import DashboardScreen

        return DashboardScreen()

    def on_mount(self) -> None:
        self._apply_theme()
        # Paint first: the store (and pydantic, TinyDB) load once the first frame is out.
        self.call_after_refresh(self.open_store)
        self.call_after_refresh(self._load_settings)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from okrcoach.tui.themes import default_app_variables

        return default_app_variables(self.current_theme)

    def _apply_theme(self) -> None:
        """Register the themes and pick one before the first frame (cheap: TOML only)."""
        from okrcoach.tui.themes import failures_message, register_themes

        failures = register_themes(self, self.paths)
        message = failures_message(failures)
        if message:
            self.notify(message, title="Some themes were skipped", severity="warning", timeout=10)
        saved = peek_theme_name(self.paths)
        fallback = saved if saved in self.available_themes else DEFAULT_THEME
        wanted = self._requested_theme or saved or DEFAULT_THEME
        if wanted not in self.available_themes:
            self.notify(
                f"No theme named {wanted!r}; using {fallback}.",
                severity="warning",
                markup=False,
            )
            wanted = fallback
        self.theme = wanted
        # Subscribe once the pick above has been published, so only user changes are saved.
        self.call_after_refresh(self.theme_changed_signal.subscribe, self, self._remember_theme)

    @work(thread=True, exclusive=True, group="settings-load")
    def _load_settings(self) -> None:
        """Validate the settings file off the UI thread; report problems, apply the keymap."""
        from okrcoach.settings import load_settings

        try:
            settings, problems = load_settings(self.paths)
            self._settings = settings
        finally:
            self._settings_loaded.set()
        for problem in problems:
            self.call_from_thread(
                self.notify, problem, title="Settings", severity="warning", timeout=10, markup=False
            )
        if settings.keymap:
            from okrcoach.tui.keymap import check_keymap

            keymap, clashes = check_keymap(settings.keymap)
            for clash in clashes:
                self.call_from_thread(
                    self.notify, clash, title="Keymap", severity="warning", timeout=10, markup=False
                )
            self.call_from_thread(self.set_keymap, keymap)

    def _remember_theme(self, theme: object) -> None:
        if self._requested_theme or self.previewing_theme:
            return  # --theme is for one run only; a preview is saved (or not) by its screen
        name = getattr(theme, "name", None)
        if name:
            self._save_theme(name)

    @work(thread=True, exclusive=True, group="settings")
    def _save_theme(self, name: str) -> None:
        from okrcoach.settings import load_settings, save_settings

        settings, _ = load_settings(self.paths)
        if settings.theme != name:
            try:
                save_settings(self.paths, settings.model_copy(update={"theme": name}))
            except OSError as error:
                self.call_from_thread(
                    self.notify,
                    f"Could not save settings: {error}",
                    severity="warning",
                    markup=False,
                )
                return
        self.call_from_thread(self._theme_saved, name)

    def _theme_saved(self, name: str) -> None:
        self.settings = self.settings.model_copy(update={"theme": name})

    @work(thread=True, exclusive=True, group="store")
    def open_store(self, read_only: bool = False) -> None:
        """Open the store off the UI thread so the first frame never waits for the disk."""
        from okrcoach.store import LockedError, StoreError, open_store

        opener = self._opener or open_store
        # Screens read the settings (cycle length, cadence) as soon as the store is ready.
        self._settings_loaded.wait(SETTINGS_WAIT_SECONDS)
        try:
            store = opener(self.paths, read_only=read_only)
        except LockedError as error:
            self.post_message(StoreReady(None, str(error), locked=True, read_only=read_only))
        except StoreError as error:
            self.post_message(StoreReady(None, str(error), read_only=read_only))
        else:
            self.post_message(StoreReady(store))

    def on_store_ready(self, message: StoreReady) -> None:
        if message.store is None:
            self.store_problem = message.problem
            from okrcoach.tui.screens.notice import StoreProblemModal

            def chosen(choice: str | None) -> None:
                if choice == "read-only":
                    self.open_store(read_only=True)
                else:
                    self.exit(1)

            offer = "" if message.read_only else "read-only"
            self.push_screen(StoreProblemModal(message.problem, message.locked, offer), chosen)
            return
        self.store = message.store
        self.store_problem = ""
        if message.store.read_only:
            self.sub_title = "read-only"
            self.notify(
                "Opened read-only: changes cannot be saved in this window.",
                title="Read-only",
                severity="warning",
            )
        else:
            self._offer_resume()
        from okrcoach.tui.store_ready import StoreOpened

        for screen in self.screen_stack:
            screen.post_message(StoreOpened(message.store))

    def report_store_problem(self, problem: str) -> None:
        """A store problem met by a worker (a damaged cycle file...): one screen says it."""
        from okrcoach.tui.screens.notice import StoreProblemModal

        if any(
            isinstance(s, StoreProblemModal) and s.problem == problem for s in self.screen_stack
        ):
            return

        def chosen(choice: str | None) -> None:
            if choice != "continue":
                self.exit(1)

        self.push_screen(StoreProblemModal(problem, False, "continue"), chosen)

    def _handle_exception(self, error: Exception) -> None:
        """Every worker's store error goes to the store-problem screen, never a traceback."""
        from textual.worker import WorkerFailed

        from okrcoach.store import StoreError

        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, StoreError) and self.is_running:
            self.report_store_problem(str(cause))
            return
        super()._handle_exception(error)

    @work(thread=True, exclusive=True, group="resume")
    def _offer_resume(self) -> None:
        """Look for a draft left in the wizard off the UI thread; ask about it if there is one."""
        from okrcoach.tui.screens.resume import find_draft

        store = self.store
        draft = find_draft(store) if store is not None and not store.read_only else None
        if draft is not None:
            self.call_from_thread(self._ask_resume, draft)

    def _ask_resume(self, draft: Draft) -> None:
        from okrcoach.tui.screens.resume import ResumeModal, discard_draft

        def chosen(choice: str | None) -> None:
            if choice == "resume":
                from okrcoach.tui.screens.wizard import WizardScreen

                self.push_screen(WizardScreen(draft=draft), self._after_edit)
            elif choice == "discard" and self.store is not None:
                store = self.store

                def discard() -> None:
                    problem = discard_draft(store, draft)
                    if problem:
                        self.call_from_thread(self.notify, problem, markup=False)

                self.run_worker(discard, thread=True, group="resume")

        self.push_screen(ResumeModal(draft), chosen)

    def on_resize(self, event: events.Resize) -> None:
        from okrcoach.tui.screens.too_small import TooSmallScreen, too_small

        small = too_small(event.size.width, event.size.height)
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif small and showing:
            self.screen.show_size(event.size.width, event.size.height)
        elif not small and showing:
            self.pop_screen()

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    # --- actions -------------------------------------------------------------------
    def action_help(self) -> None:
        from okrcoach.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_new_objective(self) -> None:
        """Open the drafting wizard (it arrives with the wizard screen)."""
        try:
            from okrcoach.tui.screens.wizard import WizardScreen
        except ImportError:
            self.notify("The drafting wizard is not part of this build yet.", severity="warning")
            return
        self.push_screen(WizardScreen(), self._after_edit)

    def _after_edit(self, _result: object = None) -> None:
        """Refresh the screen we return to after something was saved."""
        refresh = getattr(self.screen, "reload", None)
        if callable(refresh):
            refresh()

    def action_start_retro(
        self, objective_id: str | None = None, cycle_id: str | None = None
    ) -> None:
        """A guided retrospective: the current cycle, or one objective mid-cycle."""
        if self.store is None:
            self.notify("Your workspace is still opening; try again in a moment.")
            return
        self._open_retro(objective_id, cycle_id)

    @work(thread=True, exclusive=True, group="retro-open")
    def _open_retro(self, objective_id: str | None, cycle_id: str | None) -> None:
        from okrcoach.domain.models import Objective
        from okrcoach.services.cycles import current_cycle

        store = self.store
        if store is None:
            return
        if cycle_id is None and objective_id is not None:
            objective = store.get(Objective, objective_id)
            if objective is None:
                self.call_from_thread(self.notify, "That objective no longer exists.")
                return
            cycle_id = objective.cycle_id
        chosen = cycle_id or current_cycle(store, self.today, self.settings.cycle_length).id
        self.call_from_thread(self._push_retro, chosen, objective_id)

    def _push_retro(self, cycle_id: str, objective_id: str | None) -> None:
        from okrcoach.tui.screens.retro import RetroScreen

        self.push_screen(RetroScreen(cycle_id, objective_id), self._after_edit)

    def action_retro_history(self) -> None:
        from okrcoach.tui.screens.retro_history import RetroHistoryScreen

        self.push_screen(RetroHistoryScreen(), self._after_edit)

    def action_settings(self) -> None:
        from okrcoach.tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen(), self._after_edit)

    def action_export(self) -> None:
        """Export the workspace (or the cycle on screen) to a file the user names."""
        from okrcoach.tui.screens.export_dialog import ExportModal

        if self.store is None:
            self.notify("Your workspace is still opening; try again in a moment.")
            return
        cycle = getattr(self.screen, "export_cycle_name", None)
        modal = ExportModal(
            cycle() if callable(cycle) else None, self.today or date.today(), Path.cwd()
        )
        self.push_screen(modal, self._export_chosen)

    def _export_chosen(self, request: object, force: bool = False) -> None:
        if request is not None:
            self._run_export(request, force)

    @work(thread=True, exclusive=True, group="export")
    def _run_export(self, request: ExportRequest, force: bool) -> None:
        from okrcoach.export import ExportError, TargetExistsError, export_to_file
        from okrcoach.store import StoreError

        try:
            written = export_to_file(self.store, request.fmt, request.path, request.cycle, force)
        except TargetExistsError as error:
            self.call_from_thread(self._ask_overwrite, request, str(error))
        except (ExportError, StoreError, OSError) as error:
            self.call_from_thread(
                self.notify, str(error), title="Export failed", severity="error", markup=False
            )
        else:
            self.call_from_thread(
                self.notify, f"Exported to {written}", title="Export", markup=False
            )

    def _ask_overwrite(self, request: ExportRequest, problem: str) -> None:
        from okrcoach.tui.safe import safe
        from okrcoach.tui.screens.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self._run_export(request, True)

        question = f"{safe(problem)}\n\nReplace it?"
        self.push_screen(ConfirmModal(question, yes="Replace (y)", no="Keep it (n)"), answered)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys and a one-page primer on the method", self.action_help)
        yield SystemCommand(
            "Export…", "Markdown, JSON or CSV of the workspace or this cycle", self.action_export
        )
        yield SystemCommand(
            "Start a retrospective",
            "Score, reflect and decide on the current cycle",
            self.action_start_retro,
        )
        yield SystemCommand(
            "Past retrospectives", "Read or resume earlier retros", self.action_retro_history
        )
        yield SystemCommand(
            "Settings",
            "Theme, week start, check-in cadence, cycle length, your name",
            self.action_settings,
        )

    @property
    def data_file(self) -> Path:
        return self.paths.data_file


def make_app(
    paths: AppPaths,
    *,
    theme: str | None = None,
    today: date | None = None,
    opener: Callable[..., Store] | None = None,
) -> OkrApp:
    """The one factory the CLI and every test use to build the app."""
    return OkrApp(paths, theme=theme, today=today, opener=opener)
