from __future__ import annotations

from datetime import date

import pytest

from okrcoach.paths import AppPaths
from okrcoach.tui.app import OkrApp, make_app
from tests.conftest import settle

__all__ = ["TODAY", "settle"]

TODAY = date(2026, 11, 24)


@pytest.fixture
def app(paths: AppPaths) -> OkrApp:
    return make_app(paths, today=TODAY)
