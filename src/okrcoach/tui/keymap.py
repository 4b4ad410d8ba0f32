"""Every key binding by id, and the user's ``[keymap]`` checked against them.

``okrcoach keys`` prints the table; the app applies only the keymap entries
that name a real binding and take a key nobody else on that screen uses, and
says which entries it left out and why. So a typo in an id, or two actions on
one key, is reported by name, and a rebinding never hides an action.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import pkgutil
import re
from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding
from textual.keys import _normalize_key_list, format_key

EVERYWHERE = "everywhere"
_SUFFIXES = ("Screen", "Modal", "App", "Widget")


@dataclass(frozen=True)
class BindingInfo:
    id: str
    keys: tuple[str, ...]  # Textual's long names: "question_mark", "ctrl+s"
    scope: str  # the screen (or "everywhere" for the app's own bindings)
    description: str
    shown: bool  # in the footer

    @property
    def key_display(self) -> str:
        return ", ".join(format_key(key) for key in self.keys)


def normalise_keys(keys: str) -> tuple[str, ...]:
    """``"?, ctrl+s"`` as Textual reads it: ``("question_mark", "ctrl+s")``."""
    return tuple(k.strip() for k in _normalize_key_list(keys).split(",") if k.strip())


def _scope(cls: type) -> str:
    from textual.app import App

    if issubclass(cls, App):
        return EVERYWHERE
    name = cls.__name__
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and name != suffix:
            name = name.removesuffix(suffix)
            break
    return " ".join(re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name)).lower()


def _classes() -> list[type]:
    import okrcoach.tui as package

    found: list[type] = []
    for module_info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and "BINDINGS" in cls.__dict__:
                found.append(cls)
    return found


def binding_table() -> list[BindingInfo]:
    """Every binding with an id in the app, its screens and widgets, sorted by scope and id."""
    table: dict[tuple[str, str], BindingInfo] = {}
    for cls in _classes():
        scope = _scope(cls)
        for binding in cls.__dict__["BINDINGS"]:
            if isinstance(binding, Binding) and binding.id:
                table[(scope, binding.id)] = BindingInfo(
                    id=binding.id,
                    keys=normalise_keys(binding.key),
                    scope=scope,
                    description=binding.description or binding.action,
                    shown=binding.show,
                )
    return sorted(table.values(), key=lambda b: (b.scope != EVERYWHERE, b.scope, b.id))


def check_keymap(
    keymap: Mapping[str, str], table: list[BindingInfo] | None = None
) -> tuple[dict[str, str], list[str]]:
    """The entries safe to apply, and a sentence for each one that was left out."""
    table = binding_table() if table is None else table
    by_id: dict[str, list[BindingInfo]] = {}
    for info in table:
        by_id.setdefault(info.id, []).append(info)
    problems: list[str] = []
    wanted: dict[str, tuple[str, ...]] = {}
    for binding_id, keys in keymap.items():
        if binding_id not in by_id:
            near = difflib.get_close_matches(binding_id, list(by_id), n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            problems.append(
                f"keymap: there is no binding '{binding_id}'{hint}; see `okrcoach keys`."
            )
            continue
        wanted[binding_id] = normalise_keys(keys)

    def effective(info: BindingInfo) -> tuple[str, ...]:
        return wanted.get(info.id, info.keys)

    good: dict[str, str] = {}
    for binding_id, keys in wanted.items():
        clashes: list[str] = []
        for mine in by_id[binding_id]:
            for other in table:
                if other.id == binding_id:
                    continue
                same_place = other.scope == mine.scope or EVERYWHERE in (other.scope, mine.scope)
                if same_place and set(keys) & set(effective(other)):
                    where = mine.scope if mine.scope != EVERYWHERE else other.scope
                    clash = f"'{other.id}' ({other.description}) on the {where} screen"
                    if clash not in clashes:
                        clashes.append(clash)
        if clashes:
            shown = ", ".join(format_key(k) for k in keys)
            problems.append(
                f"keymap: '{binding_id}' = '{shown}' is not applied: that key is taken by "
                + "; ".join(clashes)
                + "."
            )
        else:
            good[binding_id] = keymap[binding_id]
    return good, problems
