"""Hostile text every layer must show literally (markup) or drop (control codes), never obey.

Later phases import ``HOSTILE`` and ``shown_as`` to test their own screens and exports.
"""

from __future__ import annotations

from okrcoach.domain.text import clean_line

CLICK_QUIT = "[@click=app.quit]x[/]"

# (label, text): labels make failures readable in pytest ids.
HOSTILE: list[tuple[str, str]] = [
    ("click-quit", f"{CLICK_QUIT} Win the market"),
    ("click-quit-bare", "[@click=app.quit]press me"),
    ("rich-style", "[bold red]Delight[/bold red] new users"),
    ("rich-close-all", "Grow [/] revenue [/]"),
    ("unbalanced-open", "Grow [revenue"),
    ("unbalanced-close", "Grow revenue]"),
    ("escaped-bracket", r"Ship \[not markup] this quarter"),
    ("textual-variable", "[$accent]Themed[/] text"),
    ("link", "[link=file:///etc/passwd]Open me[/link]"),
    ("osc52-clipboard", "Paste \x1b]52;c;aGk=\x07 this"),
    ("clear-screen", "Clear\x1b[2J the screen"),
    ("cursor-home", "\x1b[H\x1b[31mRed\x1b[0m goals"),
    ("osc-title", "\x1b]0;pwned\x1b\\ title"),
    ("bell-nul", "Bell\x07 and\x00 nul"),
    ("c1-csi", "C1\x9b31m control"),
    ("bidi-override", "Reverse \u202etxet\u202c text"),
    ("bidi-isolate", "Isolate \u2066abc\u2069 text"),
    ("zero-width", "Zero\u200bwidth\u200d joiner\ufeff"),
    ("combining", "Cafe\u0301 Z\u0351\u0352\u0353algo text"),
    ("emoji", "Ship 🚀 faster 👩‍👩‍👧‍👦 family 🇪🇺"),
    ("cjk-wide", "提高客户满意度 目标"),
    ("rtl", "شمارش مشتریان فعال"),
    ("backslashes", "C:\\Users\\[b]x\\"),
    ("newlines", "Line one\nLine two\r\nLine three"),
    ("tabs", "Col\tumn\tated"),
    ("json-ish", '{"title": "x", "id": "../../etc"}'),
    ("format-braces", "{0} {title!r} %s %(x)d"),
    ("html", "<script>alert(1)</script>"),
    ("long-200", "A" * 199 + "Z"),
    ("long-words", "Grow " + "supercalifragilistic" * 9),
]

# Strings longer than any model allows: they must be refused in words, never truncated silently.
HUGE = "x" * 10_000


def shown_as(text: str) -> str:
    """What a one-line field holding ``text`` must look like on screen: cleaned, never parsed."""
    return clean_line(text)
