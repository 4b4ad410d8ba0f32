"""Whose objectives the dashboard shows (everyone, mine, a team, a person), and who may
change the one selected."""

from __future__ import annotations

from typing import Any


class WhoseMixin:  # a Screen at runtime: notify, app, data and the selection are its
    """Mixed into the dashboard; ``data``, ``who`` and ``_selected`` are the screen's."""

    data: Any
    who: Any
    _selected: str | None

    def who_choices(self) -> list[Any]:
        """Everyone, mine, each team and each owner seen in this cycle."""
        from okrcoach.services.people import EVERYONE, who_choices

        if self.data is None:
            return [EVERYONE]
        portfolio = self.data.portfolio
        owners = [row.objective.owner for row in portfolio.rows]
        return who_choices(portfolio.people, owners, portfolio.me)

    def action_who(self) -> None:
        """Choose whose objectives are shown: everyone, mine, a team or one person."""
        from okrcoach.tui.screens.who_picker import WhoModal

        choices = self.who_choices()
        if len(choices) < 2:
            self.notify("Every objective here is yours: there is nobody else to filter by.")
            return
        self.app.push_screen(WhoModal(choices, self.who), self.show_who)

    def show_who(self, who: Any) -> None:
        if who is None or who == self.who:
            return
        self.who = who
        self._selected = None
        if self.data is not None:
            self.run_worker(self._show(self.data), group="dashboard-show", exclusive=True)

    def _mine(self, row: Any) -> bool:
        """On a team store only the owner (or an admin) changes an objective: say so early."""
        from okrcoach.services.people import may_change, not_yours

        portfolio = self.data.portfolio if self.data is not None else None
        if portfolio is None or may_change(row.objective.owner, portfolio.me, portfolio.admin):
            return True
        self.notify(
            not_yours(row.objective.title, row.owner_name),
            title="Not yours to change",
            severity="warning",
            markup=False,
        )
        return False
