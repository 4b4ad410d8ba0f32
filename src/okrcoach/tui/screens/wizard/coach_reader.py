"""The coach re-reads the form in a thread after each change; only the newest reading shows.

Bursts of typing collapse into one trailing reading, and a lone keystroke is
read at once, without a fixed delay.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from textual.widget import Widget

from okrcoach.services import drafting as d

Step = d.Step
# What to read: the form, the step on screen and the KR being edited.
Reading = tuple[d.DraftForm, int, int]


def note_for(form: d.DraftForm, step: int, kr_index: int) -> d.CoachNote:
    """What the coach says on ``step`` (the KR step speaks of KR ``kr_index``)."""
    if step == Step.OBJECTIVE:
        return d.coach_objective(form)
    if step == Step.KIND:
        return d.coach_goal_type(form)
    if step == Step.KEY_RESULTS:
        return d.coach_kr(form, kr_index)
    if step == Step.AMBITION:
        return d.coach_ambition(form)
    return d.coach_review(form)


class CoachReader:
    """Reads ``current()`` for ``owner`` in a thread and hands the newest note to ``show``."""

    def __init__(
        self,
        owner: Widget,
        current: Callable[[], Reading],
        show: Callable[[d.CoachNote], None],
    ) -> None:
        self.owner = owner
        self.current = current
        self.show = show
        self._seq = 0
        self._in_flight = 0
        self._again = False

    def schedule(self) -> None:
        """Read now if the coach is idle; otherwise once the current reading lands."""
        if self._in_flight:
            self._again = True
        else:
            self.read_now()

    def read_now(self) -> None:
        form, step, kr_index = self.current()
        self._seq += 1
        self._in_flight += 1
        seq, snapshot = self._seq, copy.deepcopy(form)

        def read() -> None:
            note = note_for(snapshot, step, kr_index)
            self.owner.app.call_from_thread(self._landed, seq, note)

        self.owner.run_worker(read, thread=True, group="wizard-coach", exclusive=False)

    def _landed(self, seq: int, note: d.CoachNote) -> None:
        self._in_flight -= 1
        if not self.owner.is_mounted:
            return
        if seq == self._seq:
            self.show(note)
        if self._again and not self._in_flight:
            self._again = False
            self.read_now()
