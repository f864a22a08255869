"""Revision 0007 upgrades a database holding meetings, losing nothing: every meeting keeps its
UID, is no instance (recurrence id "") and was never imported; instances of one recurring
event may then share a UID, but (uid, recurrence_id) stays unique. A downgrade gives each
instance a UID of its own again."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command

from mentordesk.db.database import open_database
from mentordesk.db.engine import create_sqlite_engine
from mentordesk.db.migrate import alembic_config, schema_differences, upgrade_to_head
from mentordesk.db.schema import KNOWN_REVISIONS
from mentordesk.paths import DataLocation
from tests.db.helpers import STAMP, database_at, insert_mentor


def _meetings_database(location: DataLocation) -> None:
    """A database as MentorDesk 0006 left it: a mentor and two meetings with them."""
    with database_at(location, "0006_list_keys") as connection:
        insert_mentor(connection, 1, "Amara Okafor")
        for meeting_id, uid in ((5, "uid-5@mentordesk"), (6, "040000008200E00074C5B7101A82E008")):
            connection.execute(
                "INSERT INTO meeting (id, uid, sequence, title, starts_at, minutes, time_zone,"
                " format, place_or_link, status, notes, takeaway, created_at, updated_at,"
                " search_key) VALUES (?, ?, 2, 'Talk review', '2021-06-01 09:00:00.000000',"
                f" 60, 'UTC', 'video', '', 'held', 'My notes', '', {STAMP}, {STAMP},"
                " 'talk review')",
                (meeting_id, uid),
            )
            connection.execute(
                "INSERT INTO meeting_mentor (meeting_id, mentor_id) VALUES (?, 1)", (meeting_id,)
            )
    connection.close()


def _rows(location: DataLocation, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(location.database)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_0007_follows_0006() -> None:
    at = KNOWN_REVISIONS.index("0007_calendar_import")
    assert KNOWN_REVISIONS[at - 1] == "0006_list_keys"


def test_upgrade_keeps_every_meeting_and_adds_the_calendar_columns(
    location: DataLocation,
) -> None:
    _meetings_database(location)
    database = open_database(location)
    try:
        assert len(database.backups_made) == 1  # backed up before migrating
        assert schema_differences(database.engine) == []
    finally:
        database.close()
    assert _rows(
        location,
        "SELECT id, uid, sequence, notes, search_key, recurrence_id, imported_event"
        " FROM meeting ORDER BY id",
    ) == [
        (5, "uid-5@mentordesk", 2, "My notes", "talk review", "", ""),
        (6, "040000008200E00074C5B7101A82E008", 2, "My notes", "talk review", "", ""),
    ]
    assert _rows(location, "SELECT meeting_id, mentor_id FROM meeting_mentor") == [(5, 1), (6, 1)]

    # Instances of one recurring event share its UID; each (uid, recurrence id) only once.
    connection = sqlite3.connect(location.database)
    try:
        insert = (
            "INSERT INTO meeting (uid, recurrence_id, sequence, title, starts_at, minutes,"
            " time_zone, format, place_or_link, status, notes, takeaway, created_at,"
            " updated_at) VALUES ('series@example.org', ?, 0, 'Weekly', "
            f"'2026-01-05 17:00:00.000000', 45, 'UTC', 'video', '', 'planned', '', '', {STAMP},"
            f" {STAMP})"
        )
        connection.execute(insert, ("20260105T170000Z",))
        connection.execute(insert, ("20260112T170000Z",))
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(insert, ("20260112T170000Z",))
        connection.commit()
    finally:
        connection.close()


def test_a_new_database_has_the_columns_as_the_model_says(location: DataLocation) -> None:
    database = open_database(location)
    try:
        assert schema_differences(database.engine) == []
    finally:
        database.close()
    columns = {row[1]: row for row in _rows(location, "PRAGMA table_info(meeting)")}
    assert columns["recurrence_id"][3] == 1 and columns["recurrence_id"][4] == "''"
    assert columns["imported_event"][3] == 1 and columns["imported_event"][4] == "''"
    unique = [
        [info[2] for info in _rows(location, f"PRAGMA index_info('{row[1]}')")]
        for row in _rows(location, "PRAGMA index_list(meeting)")
        if row[2] == 1
    ]
    assert unique == [["uid", "recurrence_id"]]
    ((table_sql,),) = _rows(location, "SELECT sql FROM sqlite_master WHERE name = 'meeting'")
    assert "CONSTRAINT uq_meeting_uid_recurrence_id UNIQUE (uid, recurrence_id)" in str(table_sql)


def test_downgrade_to_0006_gives_instances_their_own_uids(location: DataLocation) -> None:
    _meetings_database(location)
    engine = create_sqlite_engine(location.database, foreign_keys=False)
    try:
        upgrade_to_head(engine)
        with engine.begin() as connection:
            for key in ("20260105T170000Z", "20260112T170000Z"):
                connection.exec_driver_sql(
                    "INSERT INTO meeting (uid, recurrence_id, sequence, title, starts_at,"
                    " minutes, time_zone, format, place_or_link, status, notes, takeaway,"
                    " created_at, updated_at) VALUES ('series@example.org', ?, 0, 'Weekly',"
                    " '2026-01-05 17:00:00.000000', 45, 'UTC', 'video', '', 'planned', '', '',"
                    f" {STAMP}, {STAMP})",
                    (key,),
                )
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0006_list_keys")
    finally:
        engine.dispose()
    uids = [row[0] for row in _rows(location, "SELECT uid FROM meeting ORDER BY id")]
    assert uids == [
        "uid-5@mentordesk",
        "040000008200E00074C5B7101A82E008",
        "series@example.org",
        "series@example.org-20260112T170000Z",
    ]
    columns = {row[1] for row in _rows(location, "PRAGMA table_info(meeting)")}
    assert not {"recurrence_id", "imported_event"} & columns
    assert _rows(location, "SELECT version_num FROM alembic_version") == [("0006_list_keys",)]
