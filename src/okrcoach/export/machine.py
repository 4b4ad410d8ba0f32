"""What ``--json`` prints for ``report``, ``due``, ``doctor`` and ``themes``, as models.

Each command builds one of these and dumps it, so the output and the schema
(``okrcoach export --schema NAME``) are generated from the same class and
cannot drift apart.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from okrcoach.domain.text import clean_line


class Output(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2)


class DueItem(Output):
    objective_id: str
    objective: str
    kr_id: str
    key_result: str
    days: int = Field(description="days since the last check-in, or since the cycle started")
    never: bool = Field(description="true when the key result has no check-in yet")
    line: str = Field(description="the same sentence the text output prints")


class DueOutput(Output):
    today: date
    cadence_days: int
    due: list[DueItem]


class ReportKeyResult(Output):
    id: str
    title: str
    unit: str
    baseline: float | None
    current: float | None
    target: float | None
    progress: float = Field(description="0 to 1")
    health: str
    confidence: int | None
    score: float | None = Field(default=None, description="the retrospective's score, if any")


class ReportObjective(Output):
    id: str
    title: str
    goal_type: str
    commitment: str
    owner: str = Field(description="the owner as stored (a database role on a team store)")
    owner_name: str = Field(description="the owner as people know them (a team store's name)")
    progress: float
    health: str
    confidence: int | None
    key_results: list[ReportKeyResult]


class ReportOutput(Output):
    cycle: str
    start: date
    end: date
    today: date
    objectives: list[ReportObjective]
    coach: list[str] = Field(default_factory=list, description="balance hints for the cycle")


class DoctorOutput(Output):
    data_dir: str
    data_file: str
    backup_dir: str
    config_dir: str
    settings_file: str
    themes_dir: str
    exists: bool
    schema_version: int | None
    counts: dict[str, int]
    last_backup: str | None
    healthy: bool
    notes: list[str]
    problems: list[str]


class ThemeFile(Output):
    name: str
    file: str


class ThemesOutput(Output):
    in_use: str
    available: bool = Field(description="whether the theme in use exists")
    built_in: list[str]
    yours: list[ThemeFile]
    themes_dir: str
    textual: list[str]
    broken: list[str]


def schema_of(name: str) -> dict[str, Any]:
    """The JSON schema of the export (``export``) or of a command's ``--json`` output."""
    if name == "export":
        from okrcoach.export.snapshot import Snapshot

        return Snapshot.model_json_schema()
    models: dict[str, type[BaseModel]] = {
        "due": DueOutput,
        "report": ReportOutput,
        "doctor": DoctorOutput,
        "themes": ThemesOutput,
    }
    return models[name].model_json_schema()


def report_output(store: Any, cycle: Any, today: date, cadence_days: int) -> ReportOutput:
    """The report's content as data: the same portfolio the text report prints."""
    from okrcoach.services.portfolio import load_portfolio

    portfolio = load_portfolio(store, cycle, today, cadence_days=cadence_days)
    scores = {s.kr_id: s.score for r in store.retros(cycle.id) for s in r.scores}
    objectives = []
    for row in portfolio.rows:
        krs = []
        for kr_row in row.krs:
            kr = kr_row.kr
            latest = kr_row.latest
            krs.append(
                ReportKeyResult(
                    id=kr.id,
                    title=clean_line(kr.title),
                    unit=clean_line(kr.unit),
                    baseline=kr.baseline,
                    current=kr.current,
                    target=kr.target,
                    progress=round(kr_row.progress, 4),
                    health=kr_row.health.value,
                    confidence=latest.confidence if latest is not None else kr.confidence,
                    score=scores.get(kr.id),
                )
            )
        objective = row.objective
        objectives.append(
            ReportObjective(
                id=objective.id,
                title=clean_line(objective.title),
                goal_type=objective.goal_type.value,
                commitment=objective.commitment.value,
                owner=clean_line(objective.owner),
                owner_name=clean_line(row.owner_name or objective.owner),
                progress=round(row.progress, 4),
                health=row.health.value,
                confidence=row.confidence,
                key_results=krs,
            )
        )
    return ReportOutput(
        cycle=clean_line(cycle.name),
        start=cycle.start,
        end=cycle.end,
        today=today,
        objectives=objectives,
        coach=[clean_line(h) for h in portfolio.balance_hints],
    )
