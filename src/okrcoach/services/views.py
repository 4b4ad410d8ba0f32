"""How the dashboard is viewed: filter and sort choices (light: no store, no pydantic)."""

from __future__ import annotations

from enum import StrEnum


class Filter(StrEnum):
    ALL = "all"
    LEARNING = "learning"
    PERFORMANCE = "performance"
    AT_RISK = "at-risk"

    def next(self) -> Filter:
        members = list(Filter)
        return members[(members.index(self) + 1) % len(members)]

    @property
    def label(self) -> str:
        return {"all": "all objectives", "at-risk": "at risk or off track"}.get(
            self.value, f"{self.value} goals"
        )


class Sort(StrEnum):
    PLANNED = "planned"
    PROGRESS = "progress"
    CONFIDENCE = "confidence"

    def next(self) -> Sort:
        members = list(Sort)
        return members[(members.index(self) + 1) % len(members)]

    @property
    def label(self) -> str:
        return {"planned": "plan", "progress": "progress (lowest first)"}.get(
            self.value, "confidence (lowest first)"
        )
