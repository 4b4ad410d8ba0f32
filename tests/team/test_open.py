"""Opening a team store, the schema's versions, and who is let in."""

from __future__ import annotations

import psycopg
import pytest

from okrcoach.domain.models import Objective
from okrcoach.store import FutureSchemaError, NotAllowedError, StoreError
from okrcoach.store.team import open_team_store
from okrcoach.store.team.admin import add_person, init_schema, list_people
from okrcoach.store.team.schema import TEAM_SCHEMA_VERSION


def test_alice_opens_the_store_as_herself(team) -> None:
    store = team.open("alice")
    assert store.me == "alice"
    assert store.is_admin is False
    assert "alice-pw" not in store.location
    assert store.location.startswith("postgresql://alice@")
    carol = team.open("carol")
    assert carol.is_admin is True


def test_init_twice_changes_nothing(team) -> None:
    saved = team.open("alice").save(Objective(cycle_id="c1", title="Kept across init"))
    said = init_schema(team.owner_url)
    assert "up to date" in said
    assert f"version {TEAM_SCHEMA_VERSION}" in said
    assert "owner-secret" not in said
    assert team.open("bob").get(Objective, saved.id) == saved


def test_a_newer_schema_is_refused_in_words(team) -> None:
    with psycopg.connect(team.owner_url, autocommit=True) as conn:
        conn.execute("INSERT INTO okrcoach.schema_version (version) VALUES (99)")
    try:
        with pytest.raises(FutureSchemaError, match="newer than this okrcoach"):
            team.open("alice")
        with pytest.raises(FutureSchemaError, match="version 99"):
            init_schema(team.owner_url)
    finally:
        with psycopg.connect(team.owner_url, autocommit=True) as conn:
            conn.execute("DELETE FROM okrcoach.schema_version WHERE version = 99")


def test_a_role_outside_the_team_is_told_whom_to_ask(team) -> None:
    if not _role_exists(team, "dave"):
        team.cluster.create_role("dave", "dave-pw")
    with pytest.raises(NotAllowedError, match="okrcoach team add dave"):
        open_team_store(team.cluster.url("dave", "dave-pw"))


def test_a_database_without_the_schema_says_run_init(team) -> None:
    url = team.owner_url.replace("/okr?", "/postgres?")
    with pytest.raises(StoreError, match="okrcoach team init URL"):
        open_team_store(url)


def test_a_wrong_password_is_a_clear_refusal_without_the_password(team) -> None:
    with pytest.raises(StoreError) as caught:
        open_team_store(team.cluster.url("alice", "not-her-password"))
    assert "refused the login" in str(caught.value)
    assert "not-her-password" not in str(caught.value)


def test_add_person_needs_an_existing_role_and_lists_people(team) -> None:
    with pytest.raises(StoreError, match="no database role «nobody»"):
        add_person(team.owner_url, "nobody", name="No One")
    names = {p.role: p for p in list_people(team.owner_url)}
    assert names["alice"].name == "Alice" and names["alice"].team == "Support"
    assert names["carol"].admin is True
    assert [p.name for p in team.open("bob").people()][:3] == ["Alice", "Bob", "Carol"]


def _role_exists(team, role: str) -> bool:
    return bool(team.sql("owner", "SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)))


def test_tls_options_in_the_url_reach_the_server_untouched(team) -> None:
    tls = "&sslmode=allow&sslrootcert=/etc/okr/ca.pem&sslcert=/etc/okr/alice.crt"
    with open_team_store(team.url("alice") + tls) as store:
        given = store._session.connection().info.get_parameters()
        assert given["sslmode"] == "allow"
        assert given["sslrootcert"] == "/etc/okr/ca.pem"
        assert given["sslcert"] == "/etc/okr/alice.crt"
        assert "sslrootcert=/etc/okr/ca.pem" in store.location
    with pytest.raises(StoreError, match="sslmode") as refused:
        open_team_store(team.url("alice") + "&sslmode=bogus")
    assert "alice-pw" not in str(refused.value)


def test_a_role_name_full_of_quotes_is_added_safely(team) -> None:
    role = "o'brien \"; DROP TABLE okrcoach.objectives; --"
    if not _role_exists(team, role):
        team.cluster.create_role(role, "pw")
    person = add_person(team.owner_url, role, name="O'Brien", team="R&D")
    assert person.role == role
    assert role in {p.role for p in list_people(team.owner_url)}
    assert team.sql("owner", "SELECT count(*) FROM okrcoach.objectives") == [(0,)]
