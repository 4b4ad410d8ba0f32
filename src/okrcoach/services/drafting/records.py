"""Domain records from the form, and the form back from records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from okrcoach.domain.models import (
    Direction,
    KeyResult,
    MetricKind,
    Objective,
    ObjectiveStatus,
)
from okrcoach.domain.text import clean_line
from okrcoach.services.drafting.form import DraftForm, KRForm, format_number, parse_number


def build_kr(
    kr: KRForm, objective_id: str, position: int, keep: KeyResult | None = None
) -> KeyResult:
    """A validated KeyResult from the form (ValidationError on a domain rule)."""
    confidence = kr.confidence.strip()
    values: dict[str, Any] = {
        "objective_id": objective_id,
        "title": kr.text,
        "metric_kind": kr.metric_kind or MetricKind.NUMBER.value,
        "unit": kr.unit,
        "baseline": parse_number(kr.baseline),
        "target": parse_number(kr.target),
        "direction": kr.direction or Direction.INCREASE.value,
        "confidence": int(confidence) if confidence.isdigit() else None,
        "position": position,
    }
    if keep is not None:
        return keep.touched(**values)
    if kr.id:
        values["id"] = kr.id
    return KeyResult.model_validate(values)


def build_objective(
    form: DraftForm,
    cycle_id: str,
    status: ObjectiveStatus,
    keep: Objective | None = None,
) -> Objective:
    values: dict[str, Any] = {
        "cycle_id": cycle_id,
        "title": form.title,
        "why": form.why,
        "owner": form.owner,
        "goal_type": form.chosen_goal_type(),
        "maturity": form.maturity or None,
        "commitment": form.commitment,
        "parent_id": form.parent_id or None,
        "status": status,
    }
    if keep is not None:
        return keep.touched(**values)
    return Objective.model_validate(values)


def preview(form: DraftForm) -> tuple[Objective, list[KeyResult]]:
    """Records for the review card; fields that do not validate yet are left out."""
    try:
        objective = build_objective(form, "preview", ObjectiveStatus.DRAFT)
    except ValidationError:
        objective = Objective(cycle_id="preview", title=clean_line(form.title) or "(untitled)")
    krs: list[KeyResult] = []
    for position, (_, kr) in enumerate(form.filled_krs()):
        try:
            krs.append(build_kr(kr, objective.id, position))
        except (ValidationError, ValueError):
            if clean_line(kr.text):
                krs.append(KeyResult(objective_id=objective.id, title=kr.text, position=position))
    return objective, krs


def form_of(objective: Objective, krs: Sequence[KeyResult]) -> DraftForm:
    """The wizard's form for an existing objective (KR ids kept so check-ins survive)."""
    return DraftForm(
        title=objective.title,
        why=objective.why,
        owner=objective.owner,
        parent_id=objective.parent_id,
        maturity=objective.maturity.value if objective.maturity else None,
        goal_type=objective.goal_type.value,
        commitment=objective.commitment.value,
        krs=[
            KRForm(
                text=kr.title,
                metric_kind=kr.metric_kind.value,
                unit=kr.unit,
                baseline=format_number(kr.baseline),
                target=format_number(kr.target),
                direction=kr.direction.value,
                confidence="" if kr.confidence is None else str(kr.confidence),
                id=kr.id,
                auto=[],
            )
            for kr in krs
        ]
        or [KRForm(), KRForm()],
    )
