"""Export from inside the app: pick a format, a file and whether to limit to one cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioSet, Static

from okrcoach.tui.safe import safe
from okrcoach.tui.widgets.toggles import MarkedCheckbox, MarkedRadioButton

FORMATS = (
    ("md", "Markdown (to read and paste into a wiki)"),
    ("json", "JSON (to re-import)"),
    ("csv", "CSV (key results and check-ins)"),
)


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path
    cycle: str | None


def default_export_path(fmt: str, cycle: str | None, today: date, folder: Path) -> Path:
    stem = f"okrcoach-{cycle or 'all'}-{today.isoformat()}"
    return folder / f"{stem}.{fmt}"


class ExportModal(ModalScreen[ExportRequest | None]):
    """Returns what to export, or None when cancelled."""

    DEFAULT_CSS = """
    ExportModal {
        align: center middle;
    }
    ExportModal > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    ExportModal .title {
        text-style: bold;
        color: $primary;
    }
    ExportModal RadioSet {
        width: 100%;
    }
    ExportModal Horizontal {
        height: auto;
        align-horizontal: right;
    }
    ExportModal #export-error {
        color: $error;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, cycle_name: str | None, today: date, folder: Path) -> None:
        super().__init__()
        self.cycle_name = cycle_name
        self.today = today
        self.folder = folder
        self.fmt = "md"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Export", classes="title")
            with RadioSet(id="export-format"):
                for index, (fmt, label) in enumerate(FORMATS):
                    yield MarkedRadioButton(label, value=index == 0, name=fmt)
            if self.cycle_name:
                yield MarkedCheckbox(
                    f"Only cycle {safe(self.cycle_name)}", value=True, id="export-one-cycle"
                )
            yield Label("File")
            yield Input(self._default_path(), id="export-path")
            yield Static("", id="export-error")
            with Horizontal():
                yield Button("Export", id="export-go", variant="primary")
                yield Button("Cancel", id="export-cancel")

    def _cycle(self) -> str | None:
        boxes = self.query(Checkbox)
        return self.cycle_name if boxes and boxes.first().value else None

    def _default_path(self) -> str:
        return str(default_export_path(self.fmt, self.cycle_name, self.today, self.folder))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        was_default = path_input.value == self._default_path()
        self.fmt = event.pressed.name or "md"
        if was_default:
            path_input.value = self._default_path()

    def on_input_submitted(self) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-go":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.query_one("#export-error", Static).update("Type a file name to export to.")
            return
        self.dismiss(ExportRequest(self.fmt, Path(raw).expanduser(), self._cycle()))

    def action_cancel(self) -> None:
        self.dismiss(None)
