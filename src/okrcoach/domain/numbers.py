"""Numbers and counts the way a person reads them: one formatter for every screen and file.

``format_number(10000)`` is ``10,000`` (``10k`` when compact), ``4.5`` stays
``4.5``, a million dollars is ``$1.2M`` and a share is ``95%``; nothing is ever
shown in scientific notation. A decrease is a cut (``−83%``), never a multiple.
"""

from __future__ import annotations

import math

__all__ = [
    "CURRENCY_PREFIXES",
    "change_words",
    "format_number",
    "format_percent",
    "format_value",
    "plural",
]

CURRENCY_PREFIXES = frozenset({"$", "€", "£", "¥", "₹", "US$", "A$", "C$"})
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))
COMPACT_FROM = 1e6  # below this a number is written out in full (with thousands separators)
MINUS = "−"


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def _plain(value: float) -> str:
    """``value`` written out: thousands grouped, at most two decimals (more only below 1)."""
    size = abs(value)
    if size == 0:
        return "0"
    if size >= 1:
        decimals = 2 if size < 1000 else 1 if size < 10_000 else 0
    else:
        # Two significant digits for small numbers: 0.05, 0.0012 (never 1.2e-03).
        decimals = min(8, 1 - math.floor(math.log10(size)))
    text = _trim(f"{value:,.{decimals}f}")
    return "0" if text in ("-0", "") else text


def _compact(value: float) -> str:
    size = abs(value)
    for scale, suffix in _SCALES:
        if size >= scale * 0.9995:
            shown = size / scale
            decimals = 0 if shown >= 100 else 1
            text = _trim(f"{shown:.{decimals}f}")
            if text == "1000" and suffix != "T":  # 999.96k rounds up to the next scale
                continue
            return ("-" if value < 0 else "") + text + suffix
    return _plain(value)


def format_number(value: float, *, compact: bool = False) -> str:
    """One number for people: ``10,000`` / ``10k``, ``4.5``, ``1.2M``; never ``1e+04``."""
    if isinstance(value, bool):
        value = int(value)
    if value != value:
        return "–"
    if value in (math.inf, -math.inf):
        return "∞" if value > 0 else "-∞"
    if compact or abs(value) >= COMPACT_FROM:
        return _compact(float(value))
    return _plain(float(value))


def format_value(value: float | None, unit: str = "", *, compact: bool = False) -> str:
    """A value with its unit: ``$1.2M``, ``95%``, ``4.5 h``; ``–`` when there is none."""
    if value is None:
        return "–"
    unit = unit.strip()
    number = format_number(value, compact=compact)
    if unit in CURRENCY_PREFIXES:
        sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
        return f"{sign}{unit}{digits}"
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}" if unit else number


def format_percent(share: float) -> str:
    """A share (0.95) as a whole percentage (``95%``)."""
    return f"{format_number(round(share * 100))}%"


def change_words(baseline: float | None, target: float | None) -> str | None:
    """How far the target is from the baseline, in words a person reads the same way.

    A rise reads as a multiple (``6× the baseline``) or a percentage when small
    (``+20% on the baseline``); a fall is a cut (``a cut of 83%``), never "6× the baseline".
    None when the two cannot be compared (missing, or a baseline of zero).
    """
    if baseline is None or target is None or baseline == 0:
        return None
    ratio = target / baseline
    if ratio <= 0:
        return None
    if ratio >= 2:
        return f"{format_number(round(ratio, 1))}× the baseline"
    change = round((ratio - 1) * 100)
    if change == 0:
        return "the same as the baseline"
    if change > 0:
        return f"+{change}% on the baseline"
    return f"a cut of {-change}%"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 check-in``, ``2 check-ins``, ``10,000 key results``."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{format_number(count)} {word}"
