"""Help: the keys of the screen you came from (generated from its bindings) and a primer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Markdown, Static

PRIMER = """\
## The method in one page

**Objective**: where you want to go. Short, qualitative, about an outcome, with no
number in it. Say *why* it matters and which higher priority it serves.

**Key results**: how you will know you arrived. Two to five per objective, each
measurable, ideally *from a baseline to a target* ("cut median first-reply time
from 24 h to 4 h"). A key result says *what changes*, never *how*: "launch the
help centre" is a task; ask "so that what happens?" and measure that.

**Avoid vanity metrics**: hours worked, tasks closed, meetings held and raw page
views grow with effort, not with value. Prefer rates, retention, conversion,
satisfaction and time-to-value.

**Learning or performance?** A *learning goal* is about how you improve (a skill,
an understanding, a habit); it is measured by practice, reflection and competence
shown. A *performance goal* is about results from what you have mastered. If the
skill is new to you, learn first and perform next: ask yourself *am I trying to
perform something I haven't yet learned?*

**Ambition**: committed goals are met in full; aspirational ones reach about
0.6–0.7 when they are well set. Scoring 1.0 every time means aim higher.

**Check in** weekly: the current value, how confident you are (0–10), a note, and
for learning goals what you learned. **Look back** at the end of the cycle: score
each key result, ask whether you measured the right things, what the results
taught you and how to improve, then decide what carries over and what graduates
from learning to performance.
"""


class HelpScreen(ModalScreen[None]):
    """Lists the active keys of the screen beneath, then the primer."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 90;
        max-width: 100%;
        height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen DataTable {
        height: auto;
        max-height: 1000;
        margin-bottom: 1;
    }
    """
    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("[b]Keys on this screen[/b]  (Esc closes)", classes="title")
            yield DataTable(id="keys", cursor_type="row", zebra_stripes=True)
            yield Markdown(PRIMER, id="primer")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # One scroll for the whole page: the table grows to all its rows and never takes
        # focus, so the arrows and page keys scroll keys and primer together.
        table.can_focus = False
        self.query_one(VerticalScroll).focus()
        table.add_columns("Key", "Action")
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app.screen
        keys_for: dict[str, list[str]] = {}
        in_footer: set[str] = set()
        for key, active in below.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action.startswith(("scroll_", "page_")):
                continue
            shown = binding.key_display or self.app.get_key_display(binding) or key
            keys_for.setdefault(binding.description, [])
            if binding.show:
                in_footer.add(binding.description)
            if shown not in keys_for[binding.description]:
                keys_for[binding.description].append(shown)
        # Footer actions first, then the rest, each in the order the bindings give.
        for description in sorted(keys_for, key=lambda d: d not in in_footer):
            table.add_row(", ".join(keys_for[description]), description)

    def action_close(self) -> None:
        self.dismiss(None)
