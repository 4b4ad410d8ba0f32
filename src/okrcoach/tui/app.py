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
from textual.screen import Screen

from okrcoach.paths import AppPaths
from okrcoach.tui.commands import OkrCommands
from okrcoach.tui.exporting import ExportActionsMixin
from okrcoach.tui.workspace import StoreReady, WorkspaceMixin

if TYPE_CHECKING:
    from okrcoach.location import Given
    from okrcoach.settings import Settings
    from okrcoach.store import Store

__all__ = ["OkrApp", "StoreReady", "make_app"]

DEFAULT_THEME = "okrcoach-dark"


def peek_theme_name(paths: AppPaths) -> str | None:
    """The theme named in the settings file, read without validation (full check runs later)."""
    import tomllib

    try:
        with open(paths.settings_file, "rb") as handle:
            value = tomllib.load(handle).get("theme")
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    return value if isinstance(value, str) else None


KEY_HOLD_SECONDS = 5.0


class OkrApp(WorkspaceMixin, ExportActionsMixin, App[int]):
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
        store: Given | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.today = today
        self.store: Store | None = None
        self.store_problem = ""
        self._opener = opener
        self._given_store = store  # --store or OKRCOACH_STORE; None: the store setting decides
        self._requested_theme = theme
        self._settings: Settings | None = None
        self._settings_loaded = threading.Event()
        # While the settings screen previews themes, a theme change is not a choice to remember.
        self.previewing_theme = False
        # Keys typed while the dashboard shows its kept preview (None: not holding any).
        self._held_keys: list[events.Key] | None = None

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

        preview = None
        if self._opener is None and self._given_store is None:
            from okrcoach.tui.screens.dashboard.preview import read_preview

            size = (self.size.width, self.size.height)
            preview = read_preview(self.paths, self.today or date.today(), size)
        screen = DashboardScreen(preview)
        if screen.preview is not None:
            self.hold_keys()
        return screen

    def on_mount(self) -> None:
        # The settings, then the store (and pydantic, TinyDB), load in one worker that starts
        # now, beside the first frame (two threads importing at once only slow each other);
        # the first frame never waits for it. With a kept preview to paint, the worker starts
        # once that frame is out (``preview_painted``).
        if self._held_keys is None:
            self.open_store()
        self._apply_theme()

    def preview_painted(self) -> None:
        self.open_store()

    # --- keys held while the dashboard shows its preview -----------------------------
    def hold_keys(self) -> None:
        """Keep the keys typed from now on for the screen that will be able to act on them
        (at most ``KEY_HOLD_SECONDS``: then they go where they would have gone)."""
        self._held_keys = []
        self.set_timer(KEY_HOLD_SECONDS, self.release_keys)

    def release_keys(self) -> None:
        """Hand the held keys over, in the order they were typed."""
        held, self._held_keys = self._held_keys, None
        for key in held or ():
            self.post_message(events.Key(key.key, key.character))

    def drop_held_keys(self) -> None:
        """The screen they were meant for will not come (the store could not open)."""
        self._held_keys = None

    async def on_event(self, event: events.Event) -> None:
        held = self._held_keys
        if held is not None and isinstance(event, events.Key) and not event.is_forwarded:
            held.append(event)
            return
        await super().on_event(event)

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

    def read_settings(self) -> None:
        """Validate the settings file (in the store's worker, before the store opens: screens
        read the cycle length and cadence as soon as it is open); report problems, apply the
        keymap. Once per run."""
        if self._settings_loaded.is_set():
            return
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
        self.stop_listening()
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
    store: Given | None = None,
) -> OkrApp:
    """The one factory the CLI and every test use to build the app.

    ``store`` is where the workspace is when the command line or the environment says
    (a team URL, or None inside for the local folder); without it the settings decide.
    """
    return OkrApp(paths, theme=theme, today=today, opener=opener, store=store)
