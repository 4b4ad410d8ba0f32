"""Drafting an objective: the wizard's form, its checks, the coach's notes, and saving.

The wizard screen only turns keys into changes of a ``DraftForm`` and renders
what this module answers, so every rule here can be tested without a terminal:
plain-words validation of each field, metric pre-fill from a KR's wording, the
ambition comments (sandbagging, moonshots), learn-first splitting, autosaved
drafts, and saving a new or edited objective with its key results.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from okrcoach.coach import (
    Finding,
    Severity,
    classify_goal,
    parse_metric,
    review_key_result,
    review_objective,
    review_set,
)
from okrcoach.coach.prompts import (
    LEARN_FIRST_HINT,
    LEARN_FIRST_QUESTION,
    LEARNING_KR_TEMPLATES,
    MATURITY_ADVICE,
)
from okrcoach.domain.errors import describe
from okrcoach.domain.models import (
    NAME_MAX,
    TITLE_MAX,
    Commitment,
    Cycle,
    Direction,
    Draft,
    GoalType,
    KeyResult,
    Maturity,
    MetricKind,
    Objective,
    ObjectiveStatus,
)
from okrcoach.domain.text import clean_line
from okrcoach.services.cycles import current_cycle, next_cycle
from okrcoach.store import Store

STEPS = (
    "Where do we want to go?",
    "Learning or performance?",
    "How will we know we've arrived?",
    "How ambitious?",
    "Review",
)
MIN_KRS = 2
MAX_KRS = 5
DRAFT_KIND = "objective"
# Fields of a KR the text may pre-fill; a field the user typed in is never overwritten.
PREFILLED = ("baseline", "target", "unit", "direction", "metric_kind")


class FormInvalid(Exception):
    """The form cannot be saved as asked; ``errors`` maps a field key to plain words."""

    def __init__(self, errors: dict[str, str], step: int) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors
        self.step = step


# --- the form -------------------------------------------------------------------------


@dataclass
class KRForm:
    """One key result as typed: numbers stay text until they are checked."""

    text: str = ""
    metric_kind: str = MetricKind.NUMBER.value
    unit: str = ""
    baseline: str = ""
    target: str = ""
    direction: str = Direction.INCREASE.value
    confidence: str = ""
    id: str | None = None
    auto: list[str] = field(default_factory=lambda: list(PREFILLED))

    def is_blank(self) -> bool:
        return not (self.text.strip() or self.baseline.strip() or self.target.strip())


@dataclass
class DraftForm:
    """Everything the wizard asks, as the user left it."""

    title: str = ""
    why: str = ""
    owner: str = ""
    parent_id: str | None = None
    maturity: str | None = None
    goal_type: str | None = None  # None: follow the coach's classification
    commitment: str = Commitment.COMMITTED.value
    split: bool = False
    krs: list[KRForm] = field(default_factory=lambda: [KRForm(), KRForm()])

    def is_empty(self) -> bool:
        return not (
            self.title.strip() or self.why.strip() or any(not k.is_blank() for k in self.krs)
        )

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> DraftForm:
        """Rebuild a form from a stored draft; anything unknown or malformed is dropped."""
        form = cls(
            title=_text(data.get("title")),
            why=_text(data.get("why")),
            owner=_text(data.get("owner")),
            parent_id=_text(data.get("parent_id")) or None,
            maturity=_choice(data.get("maturity"), Maturity),
            goal_type=_choice(data.get("goal_type"), GoalType),
            commitment=_choice(data.get("commitment"), Commitment) or Commitment.COMMITTED.value,
            split=data.get("split") is True,
        )
        rows = data.get("krs")
        if isinstance(rows, list):
            krs = [_kr_from(row) for row in rows[:MAX_KRS] if isinstance(row, dict)]
            form.krs = krs or [KRForm(), KRForm()]
        return form

    def chosen_goal_type(self) -> GoalType:
        """The user's pick, else the coach's reading of the title and maturity."""
        if self.goal_type:
            return GoalType(self.goal_type)
        return GoalType(classify_goal(self.title, self.maturity).goal_type)

    def filled_krs(self) -> list[tuple[int, KRForm]]:
        return [(i, kr) for i, kr in enumerate(self.krs) if not kr.is_blank()]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _choice(value: object, kind: type[Any]) -> str | None:
    return value if isinstance(value, str) and value in {m.value for m in kind} else None


def _kr_from(row: dict[str, Any]) -> KRForm:
    auto = row.get("auto")
    return KRForm(
        text=_text(row.get("text")),
        metric_kind=_choice(row.get("metric_kind"), MetricKind) or MetricKind.NUMBER.value,
        unit=_text(row.get("unit")),
        baseline=_text(row.get("baseline")),
        target=_text(row.get("target")),
        direction=_choice(row.get("direction"), Direction) or Direction.INCREASE.value,
        confidence=_text(row.get("confidence")),
        id=_text(row.get("id")) or None,
        auto=[a for a in auto if a in PREFILLED] if isinstance(auto, list) else [],
    )


# --- numbers and pre-fill -------------------------------------------------------------


def parse_number(text: str) -> float | None:
    """'1,200' -> 1200.0, '' -> None; raises ValueError with plain words otherwise."""
    raw = text.strip().replace(",", "").replace("_", "")
    if not raw:
        return None
    raw = raw.removesuffix("%").strip()
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"must be a number, like 24 or 3.5 (not {text.strip()!r})") from None
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


def format_number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def prefill(kr: KRForm) -> KRForm:
    """Fill what the wording gives ("from 24 h to 4 h") into fields the user has not typed in."""
    guess = parse_metric(kr.text)
    offered: dict[str, str] = {
        "baseline": format_number(guess.baseline),
        "target": format_number(guess.target),
        "unit": guess.unit,
        "direction": guess.direction.value if guess.direction else "",
        "metric_kind": guess.metric_kind.value if guess.metric_kind else "",
    }
    defaults = {"direction": Direction.INCREASE.value, "metric_kind": MetricKind.NUMBER.value}
    for name in kr.auto:
        value = offered.get(name, "") or defaults.get(name, "")
        setattr(kr, name, value)
    return kr


def typed(kr: KRForm, name: str, value: str) -> KRForm:
    """The user set a field by hand: keep it from now on."""
    setattr(kr, name, value)
    if name in kr.auto:
        kr.auto.remove(name)
    return kr


# --- validation -----------------------------------------------------------------------


def objective_errors(form: DraftForm) -> dict[str, str]:
    errors: dict[str, str] = {}
    title = clean_line(form.title)
    if not title:
        errors["title"] = "Give the objective a title: where do you want to go?"
    elif len(title) > TITLE_MAX:
        errors["title"] = f"The title is too long: keep it under {TITLE_MAX} characters."
    if len(clean_line(form.owner)) > NAME_MAX:
        errors["owner"] = f"The owner's name is too long: keep it under {NAME_MAX} characters."
    return errors


def kr_errors(kr: KRForm, *, index: int = 0, need_target: bool = False) -> dict[str, str]:
    """Plain-words problems with one KR, keyed 'kr{index}.{field}'."""
    key = f"kr{index}."
    label = f"Key result {index + 1}"
    errors: dict[str, str] = {}
    if not clean_line(kr.text):
        errors[key + "text"] = f"{label}: write what will change."
    values: dict[str, float | None] = {}
    for name in ("baseline", "target"):
        try:
            values[name] = parse_number(getattr(kr, name))
        except ValueError as error:
            errors[key + name] = f"{label}: the {name} {error}."
    if errors:
        return errors
    kind = MetricKind(kr.metric_kind or MetricKind.NUMBER.value)
    if need_target and kind is not MetricKind.MILESTONE and values["target"] is None:
        errors[key + "target"] = f"{label}: give a target so you can tell whether it happened."
        return errors
    try:
        build_kr(kr, "check", 0)
    except ValidationError as error:
        errors[key + _field_of(error)] = f"{label}: {describe(error, limit=1)}."
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


def confidence_errors(form: DraftForm) -> dict[str, str]:
    errors: dict[str, str] = {}
    for index, kr in form.filled_krs():
        raw = kr.confidence.strip()
        if not raw:
            continue
        if not raw.isdigit() or not 0 <= int(raw) <= 10:
            errors[f"kr{index}.confidence"] = (
                f"Key result {index + 1}: confidence is a whole number from 0 to 10."
            )
    return errors


def step_errors(form: DraftForm, step: int) -> dict[str, str]:
    """What stops the user leaving ``step`` with Next (a draft may still be incomplete)."""
    if step == 0:
        return objective_errors(form)
    if step == 2:
        errors: dict[str, str] = {}
        for index, kr in form.filled_krs():
            errors.update(kr_errors(kr, index=index))
        if not form.filled_krs():
            errors["krs"] = "Add at least one key result: how will you know you've arrived?"
        return errors
    if step == 3:
        return confidence_errors(form)
    return {}


def save_errors(form: DraftForm, status: ObjectiveStatus) -> tuple[dict[str, str], int]:
    """Everything wrong for saving with ``status``, and the first step to fix."""
    for step in (0, 2, 3):
        errors = step_errors(form, step)
        if step == 2 and "krs" in errors and status is ObjectiveStatus.DRAFT:
            errors.pop("krs")
        if errors:
            return errors, step
    if status is ObjectiveStatus.ACTIVE:
        count = len(form.filled_krs())
        if not MIN_KRS <= count <= MAX_KRS:
            return {
                "krs": f"An active objective needs {MIN_KRS} to {MAX_KRS} key results; it has "
                f"{count}. Add more, or save it as a draft."
            }, 2
        errors = {}
        for index, kr in form.filled_krs():
            errors.update(kr_errors(kr, index=index, need_target=True))
        if errors:
            return errors, 2
    return {}, 0


# --- building records -----------------------------------------------------------------


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


# --- coaching notes -------------------------------------------------------------------


@dataclass
class CoachNote:
    """What the coach panel shows: a heading, a score, findings and extra lines."""

    heading: str
    score: int | None = None
    findings: list[Finding] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    rewrite: str | None = None


def _finding(rule_id: str, severity: Severity, message: str, suggestion: str) -> Finding:
    return Finding(rule_id=rule_id, severity=severity, message=message, suggestion=suggestion)


def coach_objective(form: DraftForm) -> CoachNote:
    review = review_objective(form.title, why=form.why, has_parent=bool(form.parent_id))
    return CoachNote("The objective", review.score, list(review.findings))


def coach_goal_type(form: DraftForm) -> CoachNote:
    reading = classify_goal(form.title, form.maturity)
    kind = reading.goal_type
    lines = [f"The coach reads this as a {kind} goal ({round(reading.confidence * 100)}% sure):"]
    lines += [f"• {reason}" for reason in reading.reasons]
    if form.maturity:
        lines.append(MATURITY_ADVICE[Maturity(form.maturity)])
    findings: list[Finding] = []
    if learn_first_applies(form):
        findings.append(
            _finding(
                "wizard.learn-first",
                Severity.WARNING,
                LEARN_FIRST_QUESTION,
                LEARN_FIRST_HINT + " Split it: learn this cycle, perform next cycle.",
            )
        )
    return CoachNote("Learning or performance?", None, findings, lines)


def learn_first_applies(form: DraftForm) -> bool:
    """A performance goal on a skill that is new: the coach offers the split."""
    return form.goal_type == GoalType.PERFORMANCE.value and form.maturity == Maturity.NEW.value


def set_maturity(form: DraftForm, maturity: str) -> None:
    """A skill that is not new needs no learn-first split."""
    form.maturity = maturity
    if maturity != Maturity.NEW.value:
        form.split = False


def set_goal_type(form: DraftForm, goal_type: str) -> None:
    """Choosing performance again undoes a split; the coach will ask once more."""
    form.goal_type = goal_type
    if goal_type == GoalType.PERFORMANCE.value:
        form.split = False


def choose_split(form: DraftForm, split: bool) -> None:
    """Learn first, perform next: this objective becomes the learning one."""
    form.split = split
    if split:
        form.goal_type = GoalType.LEARNING.value


def split_offered(form: DraftForm) -> bool:
    return form.maturity == Maturity.NEW.value and (
        form.goal_type == GoalType.PERFORMANCE.value or form.split
    )


_EXAMPLE = re.compile(r"e\.g\. '(?P<example>[^']+)'\s*$")


def rewrite_text(rewrite: str | None) -> str | None:
    """The outcome-shaped example inside a rewrite scaffold, to put in place of the task."""
    match = _EXAMPLE.search(rewrite or "")
    return match.group("example") if match else None


def coach_kr(form: DraftForm, index: int) -> CoachNote:
    kr = form.krs[index]
    try:
        baseline, target = parse_number(kr.baseline), parse_number(kr.target)
    except ValueError:
        baseline = target = None
    explicit = "direction" not in kr.auto or baseline is not None or target is not None
    review = review_key_result(
        kr.text,
        baseline=baseline,
        target=target,
        direction=kr.direction if explicit and kr.direction else None,
        commitment=form.commitment,
        metric_kind=kr.metric_kind or None,
    )
    lines: list[str] = []
    if form.chosen_goal_type() is GoalType.LEARNING:
        lines.append("Learning-shaped key results you could use (ctrl+t puts one in):")
        lines += [f"• {s}" for s in learning_suggestions(form.title)[:3]]
    return CoachNote(
        f"Key result {index + 1}", review.score, list(review.findings), lines, review.rewrite
    )


def coach_ambition(form: DraftForm) -> CoachNote:
    findings: list[Finding] = []
    for index, kr in form.filled_krs():
        findings += ambition_findings(form.commitment, kr, index)
    lines = [
        "Committed: you expect to meet it in full."
        if form.commitment == Commitment.COMMITTED.value
        else "Aspirational: about 0.6–0.7 of the way is a good result."
    ]
    if not findings:
        lines.append("Confidence is how sure you are today, 0–10; 5 means a real stretch.")
    return CoachNote("How ambitious?", None, findings, lines)


def coach_review(form: DraftForm) -> CoachNote:
    objective, krs = preview(form)
    review = review_set(objective, krs)
    findings = list(review.findings) + list(review.objective_review.findings)
    for kr_review in review.kr_reviews:
        findings += kr_review.findings
    for index, kr in form.filled_krs():
        findings += ambition_findings(form.commitment, kr, index)
    return CoachNote("The whole objective", review.score, findings)


# --- ambition -------------------------------------------------------------------------

SANDBAG_AT = 9
MOONSHOT_AT = 2
COMMITTED_UNSURE_AT = 4
HUGE_STRETCH = 4.0  # target at least this many times the baseline (or a tenth of it)


def stretch_factor(baseline: float | None, target: float | None) -> float | None:
    """How many times bigger (or smaller) the target is than the baseline."""
    if baseline is None or target is None or baseline <= 0 or target <= 0:
        return None
    return max(target / baseline, baseline / target)


def ambition_findings(commitment: str, kr: KRForm, index: int = 0) -> list[Finding]:
    """Sandbagging, a committed KR nobody believes in, and moonshots, in plain words."""
    label = f"Key result {index + 1}"
    raw = kr.confidence.strip()
    confidence = int(raw) if raw.isdigit() and int(raw) <= 10 else None
    aspirational = commitment == Commitment.ASPIRATIONAL.value
    found: list[Finding] = []
    if aspirational and confidence is not None and confidence >= SANDBAG_AT:
        found.append(
            _finding(
                "ambition.sandbag",
                Severity.WARNING,
                f"{label}: {confidence}/10 on an aspirational key result looks like sandbagging.",
                "Raise the target until you are about 5/10 sure: aspirational goals are meant "
                "to land around 0.6–0.7.",
            )
        )
    if (
        not aspirational
        and confidence is not None
        and MOONSHOT_AT < confidence <= COMMITTED_UNSURE_AT
    ):
        found.append(
            _finding(
                "ambition.committed-unsure",
                Severity.WARNING,
                f"{label}: committed, yet only {confidence}/10 sure.",
                "A committed key result is one you expect to meet in full: lower the target or "
                "make the objective aspirational.",
            )
        )
    if confidence is not None and confidence <= MOONSHOT_AT:
        found.append(
            _finding(
                "ambition.moonshot",
                Severity.WARNING,
                f"{label}: at {confidence}/10 this is a moonshot.",
                "Keep it if missing it will still teach you a lot; otherwise pick a target you "
                "can reach at least halfway.",
            )
        )
    try:
        factor = stretch_factor(parse_number(kr.baseline), parse_number(kr.target))
    except ValueError:
        factor = None
    if factor is not None and factor >= HUGE_STRETCH:
        found.append(
            _finding(
                "ambition.huge-stretch",
                Severity.INFO,
                f"{label}: the target is {factor:.0f}× the baseline, a huge stretch for one cycle.",
                "Check it is reachable in a cycle, or split it into a first step now and the "
                "rest next cycle.",
            )
        )
    return found


# --- learning suggestions -------------------------------------------------------------

_LEAD = re.compile(
    r"^(?:(?:learn|learning)\s+(?:how\s+)?(?:to\s+)?|get\s+better\s+at\s+|become\s+"
    r"(?:a\s+)?(?:confident|comfortable|fluent|good)\s+(?:in|at|with)\s+|"
    r"(?:build|develop|improve|grow)\s+(?:my|our)\s+|understand\s+|explore\s+|practi[sc]e\s+|master\s+)",
    re.I,
)


def skill_of(title: str) -> str:
    """'Learn to run user interviews' -> 'running user interviews'-ish: the skill's words."""
    text = clean_line(title).rstrip(" .!")
    stripped = _LEAD.sub("", text).strip()
    return (stripped or text or "the skill")[:1].lower() + (stripped or text or "the skill")[1:]


def learning_suggestions(title: str) -> list[str]:
    """Learning-shaped key results for the objective's skill (coach/prompts.py templates)."""
    skill = skill_of(title)
    filled = []
    for template in LEARNING_KR_TEMPLATES:
        filled.append(
            template.format(
                skill=skill,
                n=5,
                from_=3,
                to=7,
                hypothesis=f"weekly practice makes {skill} feel routine",
            )
        )
    return filled


# --- the store ------------------------------------------------------------------------


@dataclass
class SaveResult:
    objective_id: str
    next_objective_id: str | None = None  # the performance objective of a learn-first split


def save_objective(
    store: Store,
    form: DraftForm,
    *,
    status: ObjectiveStatus,
    today: date | None = None,
    objective_id: str | None = None,
    draft_id: str | None = None,
    cycle_length: str = "quarter",
) -> SaveResult:
    """Save a new or edited objective with its KRs; FormInvalid if it cannot be saved.

    A new objective joins the current cycle, made as a ``cycle_length`` period if none holds
    ``today``.
    """
    errors, step = save_errors(form, status)
    if errors:
        raise FormInvalid(errors, step)
    keep = store.get(Objective, objective_id) if objective_id else None
    cycle_id = keep.cycle_id if keep is not None else current_cycle(store, today, cycle_length).id
    try:
        objective = build_objective(form, cycle_id, status, keep)
        old = {kr.id: kr for kr in store.key_results(objective.id)} if keep else {}
        krs = [
            build_kr(kr, objective.id, position, old.get(kr.id or ""))
            for position, (_, kr) in enumerate(form.filled_krs())
        ]
    except ValidationError as error:
        raise FormInvalid({"form": describe(error)}, 0) from None
    if keep is None:
        objective = objective.model_copy(
            update={"position": len(store.objectives(cycle_id, include_archived=True))}
        )
    removed = set(old) - {kr.id for kr in krs}
    result = SaveResult(objective.id)
    later: list[Cycle | Objective] = []
    if form.split and keep is None:
        later = _next_performance(store, form, cycle_id, objective, cycle_length)
        result.next_objective_id = later[-1].id
    gone = [(KeyResult, kr_id) for kr_id in removed] + ([(Draft, draft_id)] if draft_id else [])
    store.save_many([objective, *krs, *later], delete=gone)  # one change: no draft left behind
    return result


def _next_performance(
    store: Store, form: DraftForm, cycle_id: str, learning: Objective, length: str = "quarter"
) -> list[Cycle | Objective]:
    """Learn first, perform next: the performance objective waits as a draft in the next cycle."""
    cycle = store.get(Cycle, cycle_id) or current_cycle(store, length=length)
    following = next_cycle(store, cycle, length)
    new_cycle = [following] if store.get(Cycle, following.id) is None else []
    later = learning.copy_to(
        following.id,
        why=f"Graduates from the learning objective of {cycle.name}: {learning.title}",
        goal_type=GoalType.PERFORMANCE,
        maturity=Maturity.IMPROVING,
        status=ObjectiveStatus.DRAFT,
        position=len(store.objectives(following.id, include_archived=True)),
    )
    return [*new_cycle, later]


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


def load_for_edit(store: Store, objective_id: str) -> DraftForm:
    objective = store.get(Objective, objective_id)
    if objective is None:
        raise LookupError("That objective no longer exists.")
    return form_of(objective, store.key_results(objective_id))


def autosave(
    store: Store,
    draft_id: str,
    form: DraftForm,
    step: int,
    target_id: str | None = None,
) -> Draft | None:
    """Keep the wizard's state as a Draft record; nothing is kept for an untouched form."""
    if form.is_empty() and target_id is None:
        store.delete(Draft, draft_id)
        return None
    existing = store.get(Draft, draft_id)
    values = {"kind": DRAFT_KIND, "step": step, "target_id": target_id, "data": form.to_data()}
    if existing is not None:
        return store.save(existing.touched(**values))
    return store.save(Draft(id=draft_id, **values))


def latest_draft(store: Store) -> Draft | None:
    """The most recently touched objective draft, if any."""
    drafts = store.drafts(DRAFT_KIND)
    return drafts[0] if drafts else None


def draft_title(draft: Draft) -> str:
    title = clean_line(str(draft.data.get("title", "")))
    return title or "(untitled objective)"


def parent_choices(store: Store, exclude_id: str | None = None) -> list[tuple[str, str]]:
    """(label, id) of every active objective in any cycle, for the alignment picker."""
    names = {cycle.id: cycle.name for cycle in store.cycles()}
    found = [
        o
        for o in store.objectives()
        if o.status is ObjectiveStatus.ACTIVE and not o.deleted and o.id != exclude_id
    ]
    found.sort(key=lambda o: (names.get(o.cycle_id, ""), o.position, o.created_at))
    return [(f"{o.title} ({names.get(o.cycle_id, '?')})", o.id) for o in found]
