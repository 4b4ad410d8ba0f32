"""Settings: theme (previewed live), week start, check-in cadence, cycle length, your name.

The screen only gathers values: ``okrcoach.settings`` checks them and writes
the file, in a thread worker so a slow disk never holds a keystroke.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from okrcoach.domain.models import NAME_MAX
from okrcoach.settings import CYCLE_LENGTHS, WEEKDAYS, Settings
from okrcoach.tui.safe import safe

CYCLE_LABELS = {
    "quarter": "Quarter (Jan–Mar, Apr–Jun, …)",
    "month": "Month",
    "half": "Half-year (Jan–Jun, Jul–Dec)",
    "year": "Year",
}
# Bindings worth naming as examples of what the [keymap] table can change.
KEYMAP_EXAMPLES = ("app.quit", "app.help", "app.settings", "dashboard.checkin", "wizard.save")
# Which widget shows each field (and its problem).
FIELD_IDS = {
    "theme": "theme",
    "week_start": "week-start",
    "checkin_cadence_days": "cadence",
    "cycle_length": "cycle-length",
    "owner": "owner",
}


class SettingsScreen(Screen[bool]):
    """Dismisses with True once the settings were saved, False when left unsaved."""

    DEFAULT_CSS = """
    SettingsScreen #settings-body {
        padding: 0 1;
    }
    SettingsScreen .title {
        text-style: bold;
        color: $primary;
    }
    SettingsScreen #settings-body > Label {
        margin-top: 1;
        color: $text-muted;
    }
    SettingsScreen Select {
        width: 1fr;
        max-width: 60;
    }
    SettingsScreen Input {
        width: 1fr;
        max-width: 60;
    }
    SettingsScreen Input.-bad {
        background: $error 25%;
    }
    SettingsScreen .field-error {
        color: $error;
        height: auto;
        display: none;
    }
    SettingsScreen .field-error.-shown {
        display: block;
    }
    SettingsScreen .muted {
        color: $text-muted;
        margin-top: 1;
    }
    SettingsScreen #settings-buttons {
        height: auto;
        margin-top: 1;
    }
    SettingsScreen #settings-buttons Button {
        margin-right: 2;
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings.save"),
        Binding("escape", "leave", "Back", id="settings.leave"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.saving = False
        self.original_theme = ""
        self.initial: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        app: Any = self.app
        settings: Settings = app.settings
        theme = app.theme
        themes = sorted(app.available_themes)
        yield Header(show_clock=False)
        with VerticalScroll(id="settings-body"):
            yield Static("Settings", classes="title")
            yield Label("Theme (previewed as you choose)")
            yield Select(
                [(name, name) for name in themes],
                value=theme,
                allow_blank=False,
                id="theme",
                compact=True,
            )
            yield Label("Weeks start on (the learning log groups by week)")
            yield Select(
                [(day.capitalize(), day) for day in WEEKDAYS],
                value=settings.week_start,
                allow_blank=False,
                id="week-start",
                compact=True,
            )
            yield Label("Check in every … days (1–31): a key result is due after that")
            yield Input(
                str(settings.checkin_cadence_days),
                id="cadence",
                restrict=r"[0-9]*",
                max_length=2,
                compact=True,
            )
            yield Static("", id="cadence-error", classes="field-error")
            yield Label("A new cycle lasts (used when no cycle holds today)")
            yield Select(
                [(CYCLE_LABELS.get(length, length), length) for length in CYCLE_LENGTHS],
                value=settings.cycle_length,
                allow_blank=False,
                id="cycle-length",
                compact=True,
            )
            yield Label("Your name (the owner of new objectives; optional)")
            yield Input(
                settings.owner,
                placeholder="e.g. Sam",
                id="owner",
                max_length=NAME_MAX,
                compact=True,
            )
            yield Static("", id="owner-error", classes="field-error")
            yield Static("", id="settings-error", classes="field-error")
            with Horizontal(id="settings-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="success", compact=True)
                yield Button("Back (esc)", id="leave", compact=True)
            yield Static(
                f"Saved in: {safe(app.paths.settings_file)}", id="settings-file", classes="muted"
            )
            examples = ", ".join(KEYMAP_EXAMPLES)
            yield Static(
                "Keys: override any key binding in that file's \\[keymap] table by binding id,"
                f' e.g. "app.quit" = "ctrl+q". Some ids: {examples}.',
                id="settings-keymap",
                classes="muted",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.original_theme = self.app.theme
        self.app.previewing_theme = True  # type: ignore[attr-defined]
        self.initial = self._values()
        self.query_one("#theme", Select).focus()

    def _values(self) -> dict[str, str]:
        """What the form holds now, as the raw values the settings module checks."""
        values: dict[str, str] = {}
        for name, widget_id in FIELD_IDS.items():
            widget = self.query_one(f"#{widget_id}")
            value = widget.value  # type: ignore[attr-defined]
            values[name] = value if isinstance(value, str) else ""
        return values

    @property
    def dirty(self) -> bool:
        return bool(self.initial) and self._values() != self.initial

    @on(Select.Changed, "#theme")
    def _preview(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in self.app.available_themes:
            self.app.theme = event.value

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#leave")
    def _leave_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_leave()

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name in ("checkin_cadence_days", "owner"):
            widget_id = FIELD_IDS[name]
            self._show_error(f"#{widget_id}-error", errors.get(name, ""))
            self.query_one(f"#{widget_id}", Input).set_class(name in errors, "-bad")
        others = [
            text for name, text in errors.items() if name not in ("checkin_cadence_days", "owner")
        ]
        self._show_error("#settings-error", " ".join(others))

    def _show_error(self, selector: str, text: str) -> None:
        place = self.query_one(selector, Static)
        place.update(safe(text))
        place.set_class(bool(text), "-shown")

    def action_save(self) -> None:
        from okrcoach.settings import apply_changes

        if self.saving:
            return
        app: Any = self.app
        _, errors = apply_changes(app.settings, self._values())
        self._show_errors(errors)
        if errors:
            first = next(iter(errors))
            widget = self.query_one(f"#{FIELD_IDS[first]}")
            widget.focus()
            self.notify(errors[first], title="Not saved", severity="warning", markup=False)
            return
        self.saving = True
        self._write(self._values())

    @work(thread=True, exclusive=True, group="settings-save")
    def _write(self, values: dict[str, str]) -> None:
        """Apply the form to the file as it is now, so keymap edits made meanwhile survive."""
        from okrcoach.settings import apply_changes, load_settings, save_settings

        app: Any = self.app
        current, _ = load_settings(app.paths)
        chosen, _ = apply_changes(current, values)
        try:
            save_settings(app.paths, chosen)
        except OSError as error:
            app.call_from_thread(self._not_saved, str(error))
            return
        app.call_from_thread(self._saved, chosen)

    def _not_saved(self, reason: str) -> None:
        self.saving = False
        self.notify(
            f"Could not save your settings: {reason}. Your choices are still here; try again.",
            title="Settings not saved",
            severity="error",
            timeout=10,
            markup=False,
        )

    def _saved(self, chosen: Settings) -> None:
        app: Any = self.app
        app.settings = chosen
        self.initial = self._values()
        self.notify("Settings saved.", title="Settings")
        self._finish(True)

    def action_leave(self) -> None:
        if self.saving:
            return
        if not self.dirty:
            self._finish(False)
            return
        from okrcoach.tui.screens.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self._finish(False)

        question = "Leave without saving? Your changes to the settings will be lost."
        self.app.push_screen(ConfirmModal(question, yes="Leave (y)", no="Stay (n)"), answered)

    def _finish(self, saved: bool) -> None:
        """Close; unsaved, the theme goes back to what it was before the preview."""
        if not saved and self.app.theme != self.original_theme:
            self.app.theme = self.original_theme
        # The theme change is published on the next turn; stop previewing only after it.
        self.app.call_next(self._stop_preview)
        self.dismiss(saved)

    def _stop_preview(self) -> None:
        self.app.previewing_theme = False  # type: ignore[attr-defined]
