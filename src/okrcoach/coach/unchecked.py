"""Answer models made from values the coach has just computed, without validating them again.

Every review builds a metric guess, a few findings and the review itself. Their values
come from the coach's own code, each already of its field's declared type (floats,
enums, strings, lists of findings), so pydantic's validation finds nothing to convert
and costs more than the rest of the review's wording. ``unchecked`` makes the same
instance that validation would make: the same fields, the same set of fields given,
the same private state, so equality, hashing and ``model_dump`` are unchanged.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_set = object.__setattr__


def unchecked(model: type[M], fields: dict[str, Any], private: dict[str, Any] | None = None) -> M:
    """An instance of ``model`` holding ``fields``: every field of the model, each value
    already of its declared type (the caller's promise; nothing is converted or checked).
    ``private`` is the model's private state, when it has private attributes."""
    made = model.__new__(model)
    _set(made, "__dict__", fields)
    _set(made, "__pydantic_fields_set__", set(fields))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", private)
    return made
