"""A draft comes back exactly as it was left: resume, move around, leave, resume again."""

from __future__ import annotations

from okrcoach.domain.models import Draft
from okrcoach.paths import AppPaths
from okrcoach.services import drafting as d
from okrcoach.store import open_store
from okrcoach.tui.app import make_app
from tests.tui.conftest import TODAY, settle


def full_form() -> d.DraftForm:
    """Every field of the form set, two directions, hand-set and pre-filled fields mixed."""
    return d.DraftForm(
        title="Support that customers rave about",
        why="Slow replies cost us renewals",
        owner="Sam",
        maturity="improving",
        goal_type="performance",
        commitment="aspirational",
        krs=[
            d.KRForm(
                text="Cut median first-reply time from 24 h to 4 h",
                metric_kind="number",
                unit="h",
                baseline="24",
                target="4",
                direction="decrease",
                confidence="6",
                auto=["metric_kind"],
            ),
            d.KRForm(
                text="Fewer tickets reopened",
                metric_kind="percent",
                unit="%",
                baseline="30",
                target="10",
                direction="decrease",
                confidence="5",
                auto=[],
            ),
            d.KRForm(
                text="Raise CSAT from 78% to 90%",
                metric_kind="percent",
                unit="%",
                baseline="78",
                target="90",
                direction="increase",
                confidence="7",
                auto=["baseline", "target", "unit", "direction", "metric_kind"],
            ),
        ],
    )


def seed(paths: AppPaths, form: d.DraftForm, step: int) -> str:
    store = open_store(paths)
    try:
        draft = store.save(Draft(kind=d.DRAFT_KIND, step=step, data=form.to_data()))
    finally:
        store.close()
    return draft.id


def stored(paths: AppPaths, draft_id: str) -> Draft | None:
    store = open_store(paths)
    try:
        return store.get(Draft, draft_id)
    finally:
        store.close()


async def test_every_field_of_a_draft_survives_resume_moving_around_and_leaving(
    paths: AppPaths,
) -> None:
    form = full_form()
    draft_id = seed(paths, form, d.Step.KEY_RESULTS)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")  # resume
        await settle(pilot)
        wizard = app.screen
        assert wizard.form == form
        # Move between the KRs and through every step, touching nothing.
        for key in ("pagedown", "pagedown", "pageup", "pageup", "pagedown"):
            await pilot.press(key)
            await settle(pilot)
        note = wizard.query_one("CoachPanel").note
        assert note is not None
        assert not any("wrong side" in f.message for f in note.findings), note.findings
        assert wizard.form == form
        for key in ("ctrl+n", "ctrl+n", "ctrl+b", "ctrl+b", "ctrl+b", "ctrl+b"):
            await pilot.press(key)
            await settle(pilot)
        assert wizard.form == form
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("k")  # keep the draft
        await settle(pilot)
    kept = stored(paths, draft_id)
    assert kept is not None
    assert d.DraftForm.from_data(kept.data) == form


async def test_the_coach_speaks_of_the_key_result_the_editor_shows(paths: AppPaths) -> None:
    seed(paths, full_form(), d.Step.KEY_RESULTS)
    app = make_app(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        for key, number in (("pagedown", 2), ("pagedown", 3), ("pageup", 2), ("ctrl+o", 4)):
            await pilot.press(key)
            await settle(pilot)
            heading = str(app.screen.query_one("#kr-heading").render())
            note = app.screen.query_one("CoachPanel").note
            assert heading == f"Key result {number} of {len(app.screen.form.krs)}"
            assert note is not None and note.heading == heading
