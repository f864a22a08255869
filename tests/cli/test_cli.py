"""The ``mentordesk`` command without a GUI: what it prints, what it stores, what it refuses."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import mentordesk
from mentordesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DATABASE_FILENAME, DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, sample_mentors

SUMMARY_KEYS = {"id", "name", "email", "organization", "kind", "direction", "status"}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "MENTORDESK_DATA_DIR"}
    env.update(extra)
    return env


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mentordesk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env if env is not None else _env(),
        timeout=60,
        check=False,
    )


def _run_in(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run("--data-dir", str(data_dir), *args)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stored_names(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM mentor ORDER BY id")]
    finally:
        connection.close()


def _list_json(data_dir: Path) -> list[dict[str, object]]:
    result = _run_in(data_dir, "mentors", "list", "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert isinstance(listed, list)
    return listed


def _location(data_dir: Path) -> DataLocation:
    return DataLocation(data_dir.resolve())


def _make_newer(data_dir: Path) -> None:
    connection = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
        connection.commit()
    finally:
        connection.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


# --- through a real process --------------------------------------------------------------------


def test_version() -> None:
    result = _run("--version")

    assert result.returncode == 0
    assert result.stdout.strip() == f"MentorDesk {mentordesk.__version__}"
    assert re.fullmatch(r"MentorDesk \d+\.\d+\.\d+\S*", result.stdout.strip())


def test_verbose_version_names_versions_and_folders(tmp_path: Path) -> None:
    data = tmp_path / "notebook"
    state = tmp_path / "state"
    result = _run(
        "--version", "--verbose", f"--data-dir={data}", env=_env(XDG_STATE_HOME=str(state))
    )

    assert result.returncode == 0, result.stderr
    facts = dict(line.split(":", 1) for line in result.stdout.splitlines())
    facts = {label: value.strip() for label, value in facts.items()}
    assert facts["MentorDesk"] == mentordesk.__version__
    assert facts["SQLite"] == sqlite3.sqlite_version
    for label in ("Python", "Qt", "PySide6", "SQLAlchemy", "Alembic", "Platform"):
        assert re.match(r"\d+\.\d+", facts[label]) or label == "Platform", (label, facts)
    assert facts["Data folder"] == str(data.resolve())
    assert facts["Window and view state"] == str(data.resolve() / "ui-state.ini")
    assert facts["Log folder"] == str(state / "MentorDesk" / "log")
    assert not data.exists()  # looking writes nothing


def test_verbose_alone_is_a_usage_error() -> None:
    result = _run("--verbose")

    assert result.returncode == EXIT_USAGE
    assert "--verbose goes with --version" in result.stderr


def test_help_names_the_subcommands(data_dir: Path) -> None:
    result = _run_in(data_dir, "--help")

    assert result.returncode == 0
    for command in ("sample-data", "mentors", "check", "--data-dir"):
        assert command in result.stdout
    assert not data_dir.exists(), "--help must not create a data folder"


@pytest.mark.slow
def test_sample_data_then_list_as_json_then_refuse_a_second_load(data_dir: Path) -> None:
    expected = sample_mentors(SampleSize.SMALL)

    loaded = _run_in(data_dir, "sample-data", "--size", "small")

    assert loaded.returncode == 0, loaded.stderr
    assert f"{len(expected)} mentors" in loaded.stdout
    assert str(data_dir.resolve()) in loaded.stdout

    listed = _list_json(data_dir)
    assert len(listed) == len(expected)
    for item in listed:
        assert SUMMARY_KEYS <= set(item) <= SUMMARY_KEYS | {"archived"}
        assert isinstance(item["id"], int)
    names = {str(item["name"]) for item in listed}
    assert names == {card.name for card in expected}
    assert any(not name.isascii() for name in names)
    by_name = {item["name"]: item for item in listed}
    for card in expected:
        assert by_name[card.name]["email"] == card.email
        assert by_name[card.name]["kind"] == card.kind.value
        assert by_name[card.name]["status"] == card.status.value

    database = data_dir / DATABASE_FILENAME
    before = _sha256(database)
    again = _run_in(data_dir, "sample-data", "--size", "decade")

    assert again.returncode != 0
    assert "already holds data" in again.stderr
    assert again.stdout == ""
    assert _sha256(database) == before
    assert len(_stored_names(data_dir)) == len(expected)


def test_add_mentor_with_hyphenated_choices_then_list_it(data_dir: Path) -> None:
    added = _run_in(
        data_dir,
        "mentors",
        "add",
        "--name",
        "Zoë",
        "--email",
        "zoe@example.org",
        "--kind",
        "peer-mentor",
        "--direction",
        "i-mentor-them",
        "--status",
        "prospect",
    )

    assert added.returncode == 0, added.stderr
    assert "Added mentor 1" in added.stdout
    assert "Zoë" in added.stdout
    assert "peer_mentor" in added.stdout
    assert _list_json(data_dir) == [
        {
            "id": 1,
            "name": "Zoë",
            "email": "zoe@example.org",
            "organization": "",
            "kind": "peer_mentor",
            "direction": "i_mentor_them",
            "status": "prospect",
            "archived": False,
        }
    ]


def test_add_with_bad_email_fails_and_adds_nothing(data_dir: Path) -> None:
    result = _run_in(data_dir, "mentors", "add", "--name", "X", "--email", "bad")

    assert result.returncode == EXIT_FAILED
    assert "email" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert "Added" not in result.stdout
    assert _stored_names(data_dir) == []


def test_add_with_unknown_kind_is_a_usage_error(data_dir: Path) -> None:
    result = _run_in(data_dir, "mentors", "add", "--name", "X", "--kind", "nonsense")

    assert result.returncode == 2
    assert "peer-mentor" in result.stderr, "the error lists the choices"
    assert not (data_dir / DATABASE_FILENAME).exists()


def test_check_passes_on_a_good_database_and_does_not_change_it(data_dir: Path) -> None:
    services = Services.open(_location(data_dir))
    services.mentors.create(MentorFields(name="Ann"))
    services.close()
    before = _sha256(data_dir / DATABASE_FILENAME)

    result = _run_in(data_dir, "check")

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "OK"
    assert "PROBLEM" not in result.stdout
    assert _sha256(data_dir / DATABASE_FILENAME) == before


def test_check_fails_on_a_newer_database(data_dir: Path) -> None:
    Services.open(_location(data_dir)).close()
    _make_newer(data_dir)
    before = _sha256(data_dir / DATABASE_FILENAME)

    result = _run_in(data_dir, "check")

    assert result.returncode != 0
    assert "PROBLEM" in result.stdout
    assert "9999_future" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "NOT OK"
    assert _sha256(data_dir / DATABASE_FILENAME) == before


def test_data_dir_environment_variable_is_honoured(tmp_path: Path) -> None:
    from_env = tmp_path / "from-env"

    result = _run("mentors", "add", "--name", "Ann", env=_env(MENTORDESK_DATA_DIR=str(from_env)))

    assert result.returncode == 0, result.stderr
    assert _stored_names(from_env) == ["Ann"]
    assert list(tmp_path.rglob("*.sqlite3")) == [from_env / DATABASE_FILENAME]


# --- in-process, so coverage sees the command line ---------------------------------------------


def test_main_adds_and_lists(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add = [
        "mentors",
        "add",
        "--name",
        " Ana  Lía ",
        "--organization",
        "Núcleo",
        "--kind",
        "Sponsor",
    ]
    code = main(["--data-dir", str(data_dir), *add, "--json"])

    captured = capsys.readouterr()
    assert code == EXIT_OK, captured.err
    assert json.loads(captured.out) == {
        "id": 1,
        "name": "Ana Lía",
        "email": "",
        "organization": "Núcleo",
        "kind": "sponsor",
        "direction": "they_mentor_me",
        "status": "active",
        "archived": False,
    }

    assert main(["--data-dir", str(data_dir), "mentors", "list"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "ORGANIZATION", "KIND", "DIRECTION", "STATUS"]
    assert lines[1].split() == ["1", "Ana", "Lía", "Núcleo", "sponsor", "they_mentor_me", "active"]


def test_main_lists_archived_and_empty(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Services.open(_location(data_dir)).close()  # listing a folder without data creates none
    assert main(["--data-dir", str(data_dir), "mentors", "list"]) == EXIT_OK
    assert "No mentors yet" in capsys.readouterr().out

    services = Services.open(_location(data_dir))
    record = services.mentors.create(MentorFields(name="Old Friend"))
    services.mentors.set_archived(record.id, True)
    services.close()

    assert main(["--data-dir", str(data_dir), "mentors", "list"]) == EXIT_OK
    assert "Old Friend (archived)" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "mentors", "list", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)[0]["archived"] is True


def test_main_reports_each_invalid_field(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(data_dir), "mentors", "add", "--name", " ", "--email", "a@"])

    captured = capsys.readouterr()
    assert code == EXIT_FAILED
    assert captured.out == ""
    errors = captured.err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("mentordesk: name: ")
    assert errors[1].startswith("mentordesk: email: ")
    assert _stored_names(data_dir) == []


def test_main_refuses_a_newer_database(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Services.open(_location(data_dir)).close()
    _make_newer(data_dir)
    database = data_dir / DATABASE_FILENAME
    before = _sha256(database)

    for argv in (["mentors", "list"], ["mentors", "add", "--name", "X"], ["sample-data"]):
        assert main(["--data-dir", str(data_dir), *argv]) == EXIT_FAILED
        err = capsys.readouterr().err
        assert "newer" in err
        assert str(database.resolve()) in err

    assert _sha256(database) == before


def test_main_check_on_missing_database_fails_without_creating_one(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "check"]) == EXIT_FAILED

    out = capsys.readouterr().out
    assert "no database" in out.lower()
    assert out.strip().splitlines()[-1] == "NOT OK"
    assert not (data_dir / DATABASE_FILENAME).exists()


@pytest.mark.slow
def test_main_sample_data_decade(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "sample-data", "--size", "decade"]) == EXIT_OK

    assert "40 mentors" in capsys.readouterr().out
    assert len(_stored_names(data_dir)) == 40


def test_main_honours_environment_and_data_dir_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from_env = tmp_path / "from-env"
    from_flag = tmp_path / "from-flag"
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(from_env))

    assert main(["mentors", "add", "--name", "Env"]) == EXIT_OK
    assert main(["--data-dir", str(from_flag), "mentors", "add", "--name", "Flag"]) == EXIT_OK
    capsys.readouterr()

    assert _stored_names(from_env) == ["Env"]
    assert _stored_names(from_flag) == ["Flag"]


def test_main_usage_errors(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["mentors"],
        ["mentors", "add"],
        ["mentors", "add", "--name", "X", "--status", "retired"],
        ["sample-data", "--size", "enormous"],
        ["no-such-command"],
    ):
        with pytest.raises(SystemExit) as caught:
            main(["--data-dir", str(data_dir), *argv])
        assert caught.value.code == EXIT_USAGE, argv
        assert "usage:" in capsys.readouterr().err

    assert not data_dir.exists()


def test_main_sample_data_refuses_a_foreign_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    foreign = data_dir / DATABASE_FILENAME
    foreign.write_text("not a database\n", encoding="utf-8")

    assert main(["--data-dir", str(data_dir), "sample-data"]) == EXIT_FAILED

    err = capsys.readouterr().err
    assert "not a MentorDesk database" in err
    assert foreign.read_text(encoding="utf-8") == "not a database\n"


def test_main_expands_a_home_relative_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))

    assert main(["--data-dir", "~/mentoring", "mentors", "add", "--name", "Ann"]) == EXIT_OK

    capsys.readouterr()
    assert _stored_names(tmp_path / "home" / "mentoring") == ["Ann"]
    assert not Path("~").exists()
