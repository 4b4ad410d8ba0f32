"""Turn pydantic validation errors into plain words that name the field and the rule."""

from __future__ import annotations

from pydantic import ValidationError


def describe(error: ValidationError, limit: int = 3) -> str:
    """'title: must not be empty; target: must differ from the baseline (3)…'."""
    parts: list[str] = []
    for item in error.errors()[:limit]:
        field = ".".join(str(p) for p in item.get("loc", ()) if p != "__root__")
        message = str(item.get("msg", "is invalid"))
        message = message.removeprefix("Value error, ")
        kind = item.get("type", "")
        ctx = item.get("ctx") or {}
        if kind == "string_too_short":
            message = "must not be empty" if ctx.get("min_length") == 1 else message
        elif kind == "string_too_long":
            message = f"is too long (at most {ctx.get('max_length')} characters)"
        elif kind == "missing":
            message = "is required"
        elif kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
            message = "must be a number"
        elif kind in ("greater_than_equal", "less_than_equal"):
            message = message.replace("Input should be", "must be")
        elif kind == "enum":
            message = message.replace("Input should be", "must be one of:")
        if field and not message.startswith(f"{field}:") and ":" not in message.split(" ")[0]:
            message = f"{field}: {message}"
        parts.append(message)
    more = len(error.errors()) - limit
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)
