"""Reading what a Pilot-driven app really shows: the screen's text, and each widget's text."""

from __future__ import annotations

from textual.app import App
from textual.content import Content
from textual.markup import to_content
from textual.widget import Widget


def screen_lines(app: App) -> list[str]:
    """The visible screen, one string per terminal row, as the compositor paints it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App) -> str:
    return "\n".join(screen_lines(app))


def widget_text(widget: Widget) -> str:
    """The text a widget renders (markup applied), before wrapping and clipping."""
    rendered = widget.render()
    if isinstance(rendered, str):
        return to_content(rendered).plain
    if isinstance(rendered, Content):
        return rendered.plain
    plain = getattr(rendered, "plain", None)
    return plain if isinstance(plain, str) else ""


def all_widget_text(app: App) -> str:
    return "\n".join(widget_text(w) for w in app.screen.walk_children(with_self=False))


def notifications(app: App) -> list[tuple[str, bool]]:
    """(message, markup) of every notification raised so far."""
    return [(n.message, n.markup) for n in app._notifications]
