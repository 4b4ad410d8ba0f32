"""Where the wizard shows a problem: beside its field on its own step, else on the review."""

from __future__ import annotations

from okrcoach.services import drafting as d

Step = d.Step
PLACES = ("#title-error", "#owner-error", "#conf-error", "#kr-error", "#review-error")
KR_FIELDS = ("text", "baseline", "target", "unit")
# Which field each objective-level problem points at, to move the focus there.
FOCUS_OF = {d.TITLE: "#title", d.OWNER: "#owner", d.KRS: "#kr-text"}


def place_of(key: d.FieldKey, step: int) -> str:
    """The Static that shows the problem ``key`` while ``step`` is on screen."""
    if key in (d.TITLE, d.OWNER):
        return f"#{key.field}-error"
    if key.kr is not None and key.field == "confidence":
        return "#conf-error" if step == Step.AMBITION else "#review-error"
    if key.kr is not None or key == d.KRS:
        return "#kr-error" if step == Step.KEY_RESULTS else "#review-error"
    return "#review-error"


def messages_by_place(errors: d.Errors, step: int) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {place: [] for place in PLACES}
    for key, message in errors.items():
        found[place_of(key, step)].append(message)
    return found


def focus_target(key: d.FieldKey, step: int) -> tuple[int | None, str | None]:
    """(the KR to show first, the field to focus) for the first problem, if on screen."""
    if key.kr is not None:
        if key.field == "confidence":
            return None, f"#conf-{key.kr}"
        if step == Step.KEY_RESULTS:
            return key.kr, f"#kr-{key.field}" if key.field in KR_FIELDS else "#kr-text"
        return None, None
    target = FOCUS_OF.get(key)
    if target and step in (Step.OBJECTIVE, Step.KEY_RESULTS):
        return None, target
    return None, None
