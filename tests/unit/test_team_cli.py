"""``okrcoach team``: discoverable like every command, and bad input named before any server."""

from __future__ import annotations

import pytest

from okrcoach.cli import main
from okrcoach.location import is_team_location
from okrcoach.store.team import is_team_url


def test_completion_offers_the_team_actions_and_their_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for shell in ("bash", "zsh", "fish"):
        assert main(["completion", shell]) == 0
        script = capsys.readouterr().out
        assert "init" in script and "list" in script, shell
        flag = "-l " if shell == "fish" else "--"
        for option in ("admin", "name", "store"):
            assert f"{flag}{option}" in script, (shell, option)


def test_the_man_page_has_a_section_for_each_team_action(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["man"]) == 0
    page = capsys.readouterr().out
    for usage in ("okrcoach team init", "okrcoach team add", "okrcoach team list"):
        assert f"\\fB{usage}" in page


def test_team_help_ends_with_examples_and_exit_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["team", "add", "--help"])
    text = capsys.readouterr().out
    assert "examples:" in text and "exit status" in text and "--admin" in text


def test_a_role_with_escape_codes_is_refused_in_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        ["team", "add", "bob\x1b[2J", "--name", "Bob", "--store", "postgresql://o@db.invalid/okr"]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "control characters" in err and "\x1b" not in err


def test_init_refuses_a_url_that_is_not_postgresql(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["team", "init", "mysql://owner:pw@db/okr"]) == 2
    err = capsys.readouterr().err
    assert "URL should be a PostgreSQL URL" in err and ":pw@" not in err


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://a@h/d",
        "POSTGRES://a@h/d",
        "  postgresql://h/d",
        "postgresq://a@h/d",
        "/home/a/okr",
        "local",
        "",
    ],
)
def test_the_cli_and_the_store_agree_on_what_a_team_url_is(text: str) -> None:
    assert is_team_location(text) == is_team_url(text)
