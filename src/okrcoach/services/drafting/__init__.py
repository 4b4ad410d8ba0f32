"""Drafting an objective: the wizard's form, its checks, the coach's notes, and saving.

The wizard screen only turns keys into changes of a ``DraftForm`` and renders
what this package answers, so every rule here can be tested without a terminal:

- ``form``: the form as typed, metric pre-fill, fields set by hand, the split;
- ``checks``: plain-words problems per step and for a save;
- ``records``: domain records from the form and back;
- ``coaching``: the coach panel's note for each step, learning-shaped ideas;
- ``ambition``: sandbagging, unsure commitments, moonshots;
- ``saving``: saving objectives, autosaved drafts, what the wizard loads.
"""

from okrcoach.services.draft_offer import DRAFT_KIND, STEPS, draft_title, latest_draft
from okrcoach.services.drafting import outcome
from okrcoach.services.drafting.ambition import (
    COMMITTED_UNSURE_AT,
    HUGE_STRETCH,
    MOONSHOT_AT,
    SANDBAG_AT,
    ambition_findings,
    stretch_factor,
)
from okrcoach.services.drafting.checks import (
    KRS,
    OWNER,
    TITLE,
    WHOLE_FORM,
    Errors,
    FieldKey,
    FormInvalid,
    confidence_errors,
    kr_errors,
    objective_errors,
    save_errors,
    step_errors,
)
from okrcoach.services.drafting.coaching import (
    CoachNote,
    coach_ambition,
    coach_goal_type,
    coach_kr,
    coach_objective,
    coach_review,
    learning_suggestions,
    rewrite_text,
    skill_of,
)
from okrcoach.services.drafting.form import (
    MAX_KRS,
    MIN_KRS,
    PREFILLED,
    DraftForm,
    KRForm,
    Step,
    choose_split,
    format_number,
    learn_first_applies,
    parse_number,
    prefill,
    set_goal_type,
    set_maturity,
    split_offered,
    typed,
)
from okrcoach.services.drafting.readiness import (
    BLOCKED_SCORE_CAP,
    Readiness,
    readiness,
    save_blockers,
)
from okrcoach.services.drafting.records import build_kr, build_objective, form_of, preview
from okrcoach.services.drafting.saving import (
    SaveResult,
    autosave,
    load_for_edit,
    parent_choices,
    save_objective,
)

__all__ = [
    "BLOCKED_SCORE_CAP",
    "COMMITTED_UNSURE_AT",
    "DRAFT_KIND",
    "HUGE_STRETCH",
    "KRS",
    "MAX_KRS",
    "MIN_KRS",
    "MOONSHOT_AT",
    "OWNER",
    "PREFILLED",
    "SANDBAG_AT",
    "STEPS",
    "TITLE",
    "WHOLE_FORM",
    "CoachNote",
    "DraftForm",
    "Errors",
    "FieldKey",
    "FormInvalid",
    "KRForm",
    "Readiness",
    "SaveResult",
    "Step",
    "ambition_findings",
    "autosave",
    "build_kr",
    "build_objective",
    "choose_split",
    "coach_ambition",
    "coach_goal_type",
    "coach_kr",
    "coach_objective",
    "coach_review",
    "confidence_errors",
    "draft_title",
    "form_of",
    "format_number",
    "kr_errors",
    "latest_draft",
    "learn_first_applies",
    "learning_suggestions",
    "load_for_edit",
    "objective_errors",
    "outcome",
    "parent_choices",
    "parse_number",
    "prefill",
    "preview",
    "readiness",
    "rewrite_text",
    "save_blockers",
    "save_errors",
    "save_objective",
    "set_goal_type",
    "set_maturity",
    "skill_of",
    "split_offered",
    "step_errors",
    "stretch_factor",
    "typed",
]
