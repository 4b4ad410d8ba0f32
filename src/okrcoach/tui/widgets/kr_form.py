"""The wizard's key-result editor: a list of the KRs and the fields of the one selected."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from okrcoach.domain.models import Direction, MetricKind
from okrcoach.services.drafting import KRForm
from okrcoach.tui.safe import plain
from okrcoach.tui.widgets.steady_input import SteadyInput

KIND_OPTIONS = [(kind.value, kind.value) for kind in MetricKind]
DIRECTION_OPTIONS = [(way.value, way.value) for way in Direction]
NUMBER_FIELDS = ("unit", "baseline", "target")
# The form field each editor widget writes.
FIELD_OF = {
    "kr-text": "text",
    "kr-kind": "metric_kind",
    "kr-direction": "direction",
    "kr-unit": "unit",
    "kr-baseline": "baseline",
    "kr-target": "target",
}


def kr_label(index: int, kr: KRForm) -> Text:
    """'2. Raise CSAT from 78% to 90%' as plain text (never parsed as markup)."""
    words = kr.text.strip() or "(empty: write what will change)"
    return Text.assemble(f"{index + 1}. ", plain(words))


class KREditor(Vertical):
    """Holds no rules: it shows one KR and says which field the user changed.

    It owns its fields' events: a change the editor made itself (loading a KR) or a
    stale one (a Select announcing its first value after a KR was loaded) is never
    reported; the screen hears only ``KREditor.Changed`` for what the user did.
    """

    class Changed(Message):
        """The user set ``field`` (a ``KRForm`` field name) of the KR shown to ``value``."""

        def __init__(self, editor: KREditor, field: str, value: str) -> None:
            super().__init__()
            self.editor = editor
            self.field = field
            self.value = value

        @property
        def control(self) -> KREditor:
            return self.editor

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._shown: dict[str, str] = {}

    DEFAULT_CSS = """
    KREditor {
        height: auto;
    }
    KREditor #kr-list {
        height: auto;
        max-height: 5;
        border: none;
        padding: 0;
        background: $boost;
    }
    KREditor .kr-row {
        height: 1;
    }
    KREditor Label {
        padding: 0 1 0 0;
        color: $text-muted;
    }
    KREditor #kr-heading {
        width: 1fr;
        text-style: bold;
    }
    KREditor #kr-text {
        width: 1fr;
    }
    KREditor #kr-kind, KREditor #kr-direction {
        width: 16;
        margin-right: 2;
    }
    KREditor #kr-unit {
        width: 8;
        margin-right: 2;
    }
    KREditor #kr-baseline, KREditor #kr-target {
        width: 10;
        margin-right: 2;
    }
    KREditor Button {
        margin-left: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield OptionList(id="kr-list", compact=True)
        with Horizontal(classes="kr-row"):
            yield Static("Key result 1 of 2", id="kr-heading")
            yield Button("+ Add", id="kr-add", compact=True)
            yield Button("− Remove", id="kr-remove", compact=True)
        with Horizontal(classes="kr-row"):
            yield Label("Result  ")
            yield SteadyInput(
                placeholder="e.g. Cut median first-reply time from 24 h to 4 h",
                id="kr-text",
                compact=True,
            )
        with Horizontal(classes="kr-row"):
            yield Label("Kind")
            yield Select(KIND_OPTIONS, id="kr-kind", compact=True, allow_blank=False)
            yield Label("Direction")
            yield Select(DIRECTION_OPTIONS, id="kr-direction", compact=True, allow_blank=False)
        with Horizontal(classes="kr-row"):
            yield Label("Unit")
            yield SteadyInput(id="kr-unit", compact=True, placeholder="h, %, €")
            yield Label("Baseline")
            yield SteadyInput(id="kr-baseline", compact=True, placeholder="now")
            yield Label("Target")
            yield SteadyInput(id="kr-target", compact=True, placeholder="goal")
        yield Static("", id="kr-error", classes="field-error")

    def show_list(self, krs: list[KRForm], selected: int) -> None:
        """Refresh the list of KRs, keeping the highlight on ``selected``."""
        listing = self.query_one("#kr-list", OptionList)
        with listing.prevent(OptionList.OptionHighlighted):
            listing.clear_options()
            listing.add_options([Option(kr_label(i, kr), id=f"kr-{i}") for i, kr in enumerate(krs)])
            listing.highlighted = selected
        self.query_one("#kr-heading", Static).update(f"Key result {selected + 1} of {len(krs)}")

    def update_label(self, index: int, kr: KRForm) -> None:
        listing = self.query_one("#kr-list", OptionList)
        if index < listing.option_count:
            listing.replace_option_prompt_at_index(index, kr_label(index, kr))

    @on(Input.Changed)
    @on(Select.Changed)
    def _field_changed(self, event: Input.Changed | Select.Changed) -> None:
        event.stop()
        widget = event.input if isinstance(event, Input.Changed) else event.select
        field = FIELD_OF.get(widget.id or "")
        value = event.value
        if field is None or not isinstance(value, str) or value != widget.value:
            return  # not a KR field, a blank Select, or news older than the field's value
        if self._shown.get(field) == value:
            return  # the value the editor put there itself
        if isinstance(widget, Select) and not (widget.has_focus_within or widget.expanded):
            # Not the user's choice: a Select that mounted after a KR was loaded picks its
            # first option. Put the KR's value back.
            with self.prevent(Select.Changed):
                widget.value = self._shown.get(field, value)
            return
        self._shown[field] = value
        self.post_message(self.Changed(self, field, value))

    def load(self, kr: KRForm, only: tuple[str, ...] | None = None) -> None:
        """Put a KR's values in the fields; the editor reports none of them as changes."""
        names = only or ("text", "metric_kind", "direction", *NUMBER_FIELDS)
        for name in names:
            value = getattr(kr, name) or {"metric_kind": "number", "direction": "increase"}.get(
                name, ""
            )
            self._shown[name] = value
        with self.prevent(Input.Changed, Select.Changed):
            for name in names:
                if name == "text":
                    self.query_one("#kr-text", Input).value = kr.text
                elif name == "metric_kind":
                    self.query_one("#kr-kind", Select).value = kr.metric_kind or "number"
                elif name == "direction":
                    self.query_one("#kr-direction", Select).value = kr.direction or "increase"
                else:
                    self.query_one(f"#kr-{name}", Input).value = getattr(kr, name)
