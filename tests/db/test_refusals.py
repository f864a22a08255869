"""Files this version must not touch are refused with a readable message and left byte-for-byte
as they were: a database from a newer MentorDesk, a file that is not a MentorDesk database, and
a damaged one."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mentordesk.db.database import open_database
from mentordesk.db.errors import (
    CorruptDatabaseError,
    DatabaseOpenError,
    NewerDatabaseError,
    NotMentorDeskDatabaseError,
)
from mentordesk.db.schema import HEAD_REVISION
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import holds_data


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MENTORDESK_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "mentordesk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


def _newer_database(location: DataLocation) -> None:
    services = Services.open(location)
    services.mentors.create(MentorFields(name="Ann"))
    services.close()
    connection = sqlite3.connect(location.database)
    try:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
        connection.commit()
    finally:
        connection.close()


def _assert_no_backup_made(location: DataLocation) -> None:
    assert not location.backups.exists() or not any(location.backups.iterdir())


def test_newer_database_is_refused_and_untouched(location: DataLocation) -> None:
    _newer_database(location)
    before = _sha256(location.database)

    with pytest.raises(NewerDatabaseError) as caught:
        open_database(location)

    message = str(caught.value)
    assert str(location.database) in message
    assert "newer" in message
    assert "9999_future" in message
    assert caught.value.path == location.database
    assert caught.value.revision == "9999_future"
    assert _sha256(location.database) == before
    _assert_no_backup_made(location)


def test_newer_database_is_refused_by_services_and_sample_data_check(
    location: DataLocation,
) -> None:
    _newer_database(location)
    before = _sha256(location.database)

    with pytest.raises(NewerDatabaseError):
        Services.open(location)
    with pytest.raises(NewerDatabaseError):
        holds_data(location)

    assert _sha256(location.database) == before


def test_newer_database_is_refused_by_the_command_line(location: DataLocation) -> None:
    _newer_database(location)
    before = _sha256(location.database)

    result = _run_cli("--data-dir", str(location.root), "mentors", "list")

    assert result.returncode != 0
    assert str(location.database) in result.stderr
    assert "newer" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Ann" not in result.stdout
    assert _sha256(location.database) == before


def _text_file(path: Path) -> None:
    path.write_text("Mentors:\n- Ann, ann@example.org\n", encoding="utf-8")


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _foreign_sqlite_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE foo (id INTEGER PRIMARY KEY, bar TEXT)")
        connection.execute("INSERT INTO foo (bar) VALUES ('someone else''s data')")
        connection.commit()
    finally:
        connection.close()


def _sqlite_database_with_empty_version_table(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize(
    "make_file",
    [_text_file, _empty_file, _foreign_sqlite_database, _sqlite_database_with_empty_version_table],
    ids=["text", "empty", "foreign-sqlite", "no-version-row"],
)
def test_file_that_is_not_a_mentordesk_database_is_refused_and_untouched(
    location: DataLocation, make_file: Callable[[Path], None]
) -> None:
    location.root.mkdir(parents=True)
    make_file(location.database)
    before = location.database.read_bytes()

    with pytest.raises(DatabaseOpenError) as caught:
        open_database(location)

    assert isinstance(caught.value, NotMentorDeskDatabaseError)
    assert str(location.database) in str(caught.value)
    assert "not a MentorDesk database" in str(caught.value)
    assert location.database.is_file()
    assert location.database.read_bytes() == before
    assert not list(location.root.glob("*.creating*"))
    _assert_no_backup_made(location)


def test_folder_in_place_of_the_database_is_refused(location: DataLocation) -> None:
    location.database.mkdir(parents=True)

    with pytest.raises(NotMentorDeskDatabaseError) as caught:
        open_database(location)

    assert str(location.database) in str(caught.value)
    assert location.database.is_dir()


def test_corrupt_database_is_refused_and_untouched(location: DataLocation) -> None:
    services = Services.open(location)
    services.mentors.create(MentorFields(name="Ann"))
    services.close()
    damaged = bytearray(location.database.read_bytes())
    assert damaged[:16] == b"SQLite format 3\x00"
    assert len(damaged) >= 4096
    damaged[100:4096] = random.Random(4096).randbytes(4096 - 100)
    location.database.write_bytes(bytes(damaged))
    before = _sha256(location.database)

    with pytest.raises(DatabaseOpenError) as caught:
        open_database(location)

    assert isinstance(caught.value, CorruptDatabaseError)
    assert str(location.database) in str(caught.value)
    assert "damaged" in str(caught.value)
    assert _sha256(location.database) == before
    _assert_no_backup_made(location)


def _damage_mentor_table(location: DataLocation) -> None:
    """A MentorDesk database whose page 1 is intact but whose mentor table page is garbage."""
    services = Services.open(location)
    services.mentors.create(MentorFields(name="Ann"))
    services.close()
    connection = sqlite3.connect(location.database)
    try:
        root_page = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'mentor'"
        ).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    assert root_page > 1
    damaged = bytearray(location.database.read_bytes())
    start = (root_page - 1) * page_size
    damaged[start : start + page_size] = random.Random(root_page).randbytes(page_size)
    location.database.write_bytes(bytes(damaged))


def test_database_with_a_damaged_table_is_refused_and_untouched(location: DataLocation) -> None:
    _damage_mentor_table(location)
    before = _sha256(location.database)

    with pytest.raises(CorruptDatabaseError) as caught:
        open_database(location)

    assert str(location.database) in str(caught.value)
    assert _sha256(location.database) == before


def test_damaged_table_message_is_written_for_a_person(location: DataLocation) -> None:
    _damage_mentor_table(location)

    with pytest.raises(CorruptDatabaseError) as caught:
        open_database(location)

    assert "[SQL:" not in str(caught.value)
    assert "sqlalche.me" not in str(caught.value)


def test_current_revision_without_mentor_table_is_refused_untouched(
    location: DataLocation,
) -> None:
    location.root.mkdir(parents=True)
    connection = sqlite3.connect(location.database)
    try:
        connection.execute(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"
        )
        connection.execute("INSERT INTO alembic_version VALUES (?)", (HEAD_REVISION,))
        connection.commit()
    finally:
        connection.close()
    before = _sha256(location.database)

    with pytest.raises(DatabaseOpenError) as caught:
        open_database(location)

    assert str(location.database) in str(caught.value)
    assert _sha256(location.database) == before
