"""Opening the wizard: the alignment choices and the objective being edited, read off the UI
thread, then put into the widgets without raising change events."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Select, TextArea

from okrcoach.services import drafting as d
from okrcoach.tui.autosave import Autosaver
from okrcoach.tui.safe import plain
from okrcoach.tui.widgets.text_block import TextBlock


class LoadingMixin:  # a Screen at runtime: app, query_one, prevent, dismiss are its
    """Mixed into the wizard screen; ``form``, ``parents`` and ``keeper`` are the screen's."""

    form: d.DraftForm
    step: int
    kr_index: int
    ready: bool
    resumed: bool
    asked_split: bool
    objective_id: str | None
    opened_version: int | None
    parents: dict[str, str]
    keeper: Autosaver[Any]

    def _close(self) -> None:
        self.dismiss(None)

    def _start(self) -> None:
        self._fill()
        self.ready = True
        self._show_step(self.step)

    @work(thread=True, exclusive=True, group="wizard-load")
    def _load(self) -> None:
        """Read the alignment choices (and the objective being edited) off the UI thread."""
        app: Any = self.app
        store = app.store
        if store is None:
            return
        parents = d.parent_choices(store, exclude_id=self.objective_id)
        form = None
        problem = ""
        if self.objective_id and not self.resumed:
            from okrcoach.domain.models import Objective
            from okrcoach.services.versions import version_of

            # Read first: a change made while the form loads is then a conflict, not lost.
            self.opened_version = version_of(store.get(Objective, self.objective_id))
            try:
                form = d.load_for_edit(store, self.objective_id)
            except LookupError as error:
                problem = str(error)
        app.call_from_thread(self._loaded, parents, form, problem)

    def _loaded(
        self, parents: list[tuple[str, str]], form: d.DraftForm | None, problem: str
    ) -> None:
        if problem:
            self.app.notify(problem, title="Cannot edit", severity="error")
            self.keeper.finished = True
            self.dismiss(None)
            return
        self.parents = {value: label for label, value in parents}
        parent = self.query_one("#parent", Select)
        with self.prevent(Select.Changed):
            parent.set_options([(plain(label), value) for label, value in parents])
            if self.form.parent_id in self.parents:
                parent.value = self.form.parent_id
        if form is not None:
            form.opened_version = self.opened_version  # kept with any draft of this edit
            self.form = form
            self.asked_split = True
            self._start()
        if self.resumed:
            self.app.notify("Picked up where you left off.", title="Draft resumed")

    def _fill(self) -> None:
        """Put the whole form into the widgets without raising change events."""
        form = self.form
        with self.prevent(
            Input.Changed, TextArea.Changed, Select.Changed, RadioSet.Changed, Checkbox.Changed
        ):
            self.query_one("#title", Input).value = form.title
            self.query_one("#why", TextBlock).load_text(form.why)
            self.query_one("#owner", Input).value = form.owner
            parent = self.query_one("#parent", Select)
            if form.parent_id and form.parent_id in self.parents:
                parent.value = form.parent_id
            if form.maturity:
                self.query_one(f"#maturity-{form.maturity}", RadioButton).value = True
            self.query_one(f"#commit-{form.commitment}", RadioButton).value = True
            self.query_one("#split", Checkbox).value = form.split
        self._sync_goal_type()
        self._show_kr(min(self.kr_index, len(form.krs) - 1))
