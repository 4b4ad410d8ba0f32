"""The coach re-reads the form after each change; only the newest reading shows.

A reading the coach does quickly (most are well under a millisecond) is done at
once on the spot, so the note lands in the same frame as the key: handing it to a
thread and back cost more than the reading itself. The first reading (which loads
the coach) and any after a slow one go to a thread, so typing never waits on the
coach; there, bursts of typing collapse into one trailing reading.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable

from textual.widget import Widget

from okrcoach.services import drafting as d

Step = d.Step
# What to read: the form, the step on screen and the KR being edited.
Reading = tuple[d.DraftForm, int, int]
# A reading that took at most this long (seconds) lets the next one be done on the spot.
QUICK_SECONDS = 0.002


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
        self.quick = False  # the last reading was quick: the next one is done on the spot

    def schedule(self) -> None:
        """Read now if the coach is idle; otherwise once the current reading lands."""
        if self._in_flight:
            self._again = True
        else:
            self.read_now()

    def read_now(self) -> None:
        form, step, kr_index = self.current()
        self._seq += 1
        if self.quick and not self._in_flight:
            self.show(self._timed(form, step, kr_index))
            return
        self._in_flight += 1
        seq, snapshot = self._seq, copy.deepcopy(form)

        def read() -> None:
            note = self._timed(snapshot, step, kr_index)
            self.owner.app.call_from_thread(self._landed, seq, note)

        self.owner.run_worker(read, thread=True, group="wizard-coach", exclusive=False)

    def _timed(self, form: d.DraftForm, step: int, kr_index: int) -> d.CoachNote:
        start = time.perf_counter()
        note = note_for(form, step, kr_index)
        self.quick = time.perf_counter() - start <= QUICK_SECONDS
        return note

    def _landed(self, seq: int, note: d.CoachNote) -> None:
        self._in_flight -= 1
        if not self.owner.is_mounted:
            return
        if seq == self._seq:
            self.show(note)
        if self._again and not self._in_flight:
            self._again = False
            self.read_now()
