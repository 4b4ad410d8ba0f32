"""A personal workspace moves into the team store losslessly; init works on any new database."""

from __future__ import annotations

import psycopg

from okrcoach.domain.models import Objective
from okrcoach.store import open_store
from okrcoach.store.team.admin import init_schema
from tests.contract.records import workspace
from tests.team.cluster import DATABASE


def test_a_local_workspace_saved_into_the_team_store_comes_back_the_same(team, paths) -> None:
    with open_store(paths) as local:
        records = workspace(local)  # owner "" as a personal workspace has it
        local.save_many(records.values())
        mine = {model: local.all(model) for model in {type(r) for r in records.values()}}
    alice = team.open("alice")
    alice.save_many([r for rows in mine.values() for r in rows])
    for model, rows in mine.items():
        back = alice.all(model)
        expected = [
            r.model_copy(update={"owner": "alice"}) if isinstance(r, Objective) else r for r in rows
        ]
        dumped = [r.model_dump(exclude={"version"}) for r in back]
        assert dumped == [r.model_dump(exclude={"version"}) for r in expected], model
    # Moving in again (the same file imported twice) changes nothing and is not refused.
    alice.save_many([r for rows in mine.values() for r in rows])
    assert alice.counts()["checkins"] == 1


def test_init_creates_the_schema_in_a_new_database_then_is_up_to_date(team) -> None:
    other = "okr_second"
    with psycopg.connect(team.owner_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{other}"')
        conn.execute(f'CREATE DATABASE "{other}"')
    url = team.owner_url.replace(f"/{DATABASE}?", f"/{other}?")
    first = init_schema(url)
    assert first.startswith("Created the team store at postgresql://okr_owner@/okr_second")
    assert "owner-secret" not in first
    assert "up to date" in init_schema(url)
    with psycopg.connect(url, autocommit=True) as conn:
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'okrcoach'"
            ).fetchall()
        }
    assert tables == {
        "schema_version",
        "people",
        "cycles",
        "objectives",
        "key_results",
        "checkins",
        "retros",
        "journal",
        "drafts",
    }
