"""What stops a step or a save: plain-words problems keyed by the field they concern."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from okrcoach.domain.errors import describe
from okrcoach.domain.models import NAME_MAX, TITLE_MAX, MetricKind, ObjectiveStatus
from okrcoach.domain.text import clean_line
from okrcoach.services.drafting.form import MAX_KRS, MIN_KRS, DraftForm, KRForm, Step, parse_number
from okrcoach.services.drafting.records import build_kr


@dataclass(frozen=True)
class FieldKey:
    """Which field a problem concerns: a field of the objective, or ``field`` of KR ``kr``.

    Fields: "title", "owner", "krs" (the list as a whole), "form"; and per KR "text",
    "baseline", "target", "unit", "confidence".
    """

    field: str
    kr: int | None = None

    def __str__(self) -> str:
        return self.field if self.kr is None else f"kr{self.kr}.{self.field}"


TITLE = FieldKey("title")
OWNER = FieldKey("owner")
KRS = FieldKey("krs")
WHOLE_FORM = FieldKey("form")
Errors = dict[FieldKey, str]


class FormInvalid(Exception):
    """The form cannot be saved as asked; ``errors`` maps a field to plain words."""

    def __init__(self, errors: Errors, step: int) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors
        self.step = step


def objective_errors(form: DraftForm) -> Errors:
    errors: Errors = {}
    title = clean_line(form.title)
    if not title:
        errors[TITLE] = "Give the objective a title: where do you want to go?"
    elif len(title) > TITLE_MAX:
        errors[TITLE] = f"The title is too long: keep it under {TITLE_MAX} characters."
    if len(clean_line(form.owner)) > NAME_MAX:
        errors[OWNER] = f"The owner's name is too long: keep it under {NAME_MAX} characters."
    return errors


def kr_errors(kr: KRForm, *, index: int = 0, need_target: bool = False) -> Errors:
    """Plain-words problems with one KR, keyed by ``FieldKey(field, index)``."""
    label = f"Key result {index + 1}"
    errors: Errors = {}
    if not clean_line(kr.text):
        errors[FieldKey("text", index)] = f"{label}: write what will change."
    values: dict[str, float | None] = {}
    for name in ("baseline", "target"):
        try:
            values[name] = parse_number(getattr(kr, name))
        except ValueError as error:
            errors[FieldKey(name, index)] = f"{label}: the {name} {error}."
    if errors:
        return errors
    kind = MetricKind(kr.metric_kind or MetricKind.NUMBER.value)
    if need_target and kind is not MetricKind.MILESTONE and values["target"] is None:
        errors[FieldKey("target", index)] = (
            f"{label}: give a target so you can tell whether it happened."
        )
        return errors
    try:
        build_kr(kr, "check", 0)
    except ValidationError as error:
        errors[FieldKey(_field_of(error), index)] = f"{label}: {describe(error, limit=1)}."
    return errors


def _field_of(error: ValidationError) -> str:
    """The form field a domain error names first ("target: must differ…" -> "target")."""
    first = error.errors()[0]
    message = str(first.get("msg", "")).removeprefix("Value error, ")
    named = message.split(":", 1)[0].strip() if ":" in message else ""
    located = [str(p) for p in first.get("loc", ())]
    for name in (named, *located):
        if name in ("baseline", "target", "unit", "confidence"):
            return name
    return "text"


def confidence_errors(form: DraftForm) -> Errors:
    errors: Errors = {}
    for index, kr in form.filled_krs():
        raw = kr.confidence.strip()
        if not raw:
            continue
        if not raw.isdigit() or not 0 <= int(raw) <= 10:
            errors[FieldKey("confidence", index)] = (
                f"Key result {index + 1}: confidence is a whole number from 0 to 10."
            )
    return errors


def step_errors(form: DraftForm, step: int) -> Errors:
    """What stops the user leaving ``step`` with Next (a draft may still be incomplete)."""
    if step == Step.OBJECTIVE:
        return objective_errors(form)
    if step == Step.KEY_RESULTS:
        errors: Errors = {}
        for index, kr in form.filled_krs():
            errors.update(kr_errors(kr, index=index))
        if not form.filled_krs():
            errors[KRS] = "Add at least one key result: how will you know you've arrived?"
        return errors
    if step == Step.AMBITION:
        return confidence_errors(form)
    return {}


def save_errors(form: DraftForm, status: ObjectiveStatus) -> tuple[Errors, Step]:
    """Everything wrong for saving with ``status``, and the first step to fix."""
    for step in (Step.OBJECTIVE, Step.KEY_RESULTS, Step.AMBITION):
        errors = step_errors(form, step)
        if step == Step.KEY_RESULTS and KRS in errors and status is ObjectiveStatus.DRAFT:
            errors.pop(KRS)
        if errors:
            return errors, step
    if status is ObjectiveStatus.ACTIVE:
        count = len(form.filled_krs())
        if not MIN_KRS <= count <= MAX_KRS:
            return {
                KRS: f"An active objective needs {MIN_KRS} to {MAX_KRS} key results; it has "
                f"{count}. Add more, or save it as a draft."
            }, Step.KEY_RESULTS
        errors = {}
        for index, kr in form.filled_krs():
            errors.update(kr_errors(kr, index=index, need_target=True))
        if errors:
            return errors, Step.KEY_RESULTS
    return {}, Step.OBJECTIVE
