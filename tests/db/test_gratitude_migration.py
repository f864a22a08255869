"""Revision 0008 upgrades a database holding mentors and meetings, losing nothing, and adds
the gratitude log empty; from scratch, the table is the model's; a downgrade drops only it."""

from __future__ import annotations

import sqlite3
from datetime import date

from alembic import command

from mentordesk.db.database import open_database
from mentordesk.db.engine import create_sqlite_engine
from mentordesk.db.migrate import alembic_config, schema_differences, upgrade_to_head
from mentordesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS, REQUIRED_TABLES
from mentordesk.domain.enums import GratitudeKind, MeetingStatus
from mentordesk.domain.gratitude import GratitudeFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from tests.db.helpers import STAMP, database_at, insert_mentor


def _calendar_database(location: DataLocation) -> None:
    """A database as MentorDesk 0007 left it: two mentors and a held meeting with both."""
    with database_at(location, "0007_calendar_import") as connection:
        insert_mentor(connection, 1, "Amara Okafor")
        insert_mentor(connection, 2, "José Álvarez", notes="Met at PyCon")
        connection.execute(
            "INSERT INTO meeting (id, uid, sequence, title, starts_at, minutes, time_zone,"
            " format, place_or_link, status, notes, takeaway, created_at, updated_at)"
            " VALUES (5, 'uid-5@mentordesk', 0, 'Talk review', '2021-06-01 09:00:00.000000',"
            f" 60, 'UTC', 'video', '', 'held', '', '', {STAMP}, {STAMP})"
        )
        connection.executemany(
            "INSERT INTO meeting_mentor (meeting_id, mentor_id) VALUES (5, ?)", [(1,), (2,)]
        )
    connection.close()


def _tables(location: DataLocation) -> set[str]:
    connection = sqlite3.connect(location.database)
    try:
        return {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    finally:
        connection.close()


def test_0008_follows_0007_and_its_table_is_required_counted_and_salvaged() -> None:
    from mentordesk.db.backup import COUNTED_TABLES
    from mentordesk.services.recovery import SALVAGE_ORDER

    at = KNOWN_REVISIONS.index("0008_gratitude")
    assert KNOWN_REVISIONS[at - 1] == "0007_calendar_import"
    assert "gratitude_entry" in REQUIRED_TABLES
    assert COUNTED_TABLES["gratitude entries"] == "gratitude_entry"
    # Salvaged after the mentors its rows name.
    assert SALVAGE_ORDER.index("mentor") < SALVAGE_ORDER.index("gratitude_entry")


def test_upgrade_from_0007_keeps_everything_and_adds_an_empty_log(
    location: DataLocation,
) -> None:
    _calendar_database(location)
    database = open_database(location)
    try:
        assert len(database.backups_made) == 1  # backed up before migrating
        assert schema_differences(database.engine) == []
    finally:
        database.close()
    connection = sqlite3.connect(location.database)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        assert connection.execute("SELECT count(*) FROM gratitude_entry").fetchone() == (0,)
    finally:
        connection.close()

    services = Services.open(location)
    try:
        assert [(m.id, m.name) for m in services.mentors.list_all()] == [
            (1, "Amara Okafor"),
            (2, "José Álvarez"),
        ]
        assert services.mentors.get(2).fields.notes == "Met at PyCon"
        meeting = services.meetings.get(5)
        assert (meeting.status, meeting.mentor_ids) == (MeetingStatus.HELD, (1, 2))
        assert services.gratitude.list_all() == []

        # The new table works on the upgraded database, with the old rows.
        entry = services.gratitude.add(
            GratitudeFields(1, date(2021, 6, 2), GratitudeKind.UPDATE_SENT, "Sent the slides")
        )
        assert services.gratitude.of_mentor(1) == [entry]
        assert services.gratitude.last_thanked() == {1: date(2021, 6, 2)}
        assert [d.mentor_id for d in services.gratitude.thanks_due(date(2021, 6, 10), 90)] == [2]
    finally:
        services.close()


def test_a_new_database_has_the_gratitude_table_as_the_model_says(
    location: DataLocation,
) -> None:
    database = open_database(location)
    try:
        assert schema_differences(database.engine) == []
    finally:
        database.close()
    connection = sqlite3.connect(location.database)
    try:
        links = [
            (row[2], row[3], row[6])
            for row in connection.execute("PRAGMA foreign_key_list(gratitude_entry)")
        ]
        assert links == [("mentor", "mentor_id", "CASCADE")]
        indexed = {
            row[1]: [col[2] for col in connection.execute(f"PRAGMA index_info('{row[1]}')")]
            for row in connection.execute("PRAGMA index_list(gratitude_entry)")
        }
        assert indexed == {
            "ix_gratitude_entry_mentor_id": ["mentor_id"],
            "ix_gratitude_entry_given_on": ["given_on"],
        }
        sql = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'gratitude_entry'"
        ).fetchone()[0]
        assert "AUTOINCREMENT" in sql  # ids never reused: undo relies on them
    finally:
        connection.close()


def test_downgrade_to_0007_drops_only_the_gratitude_table(location: DataLocation) -> None:
    _calendar_database(location)
    engine = create_sqlite_engine(location.database, foreign_keys=False)
    try:
        upgrade_to_head(engine)
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0007_calendar_import")
    finally:
        engine.dispose()
    tables = _tables(location)
    assert "gratitude_entry" not in tables
    assert {"mentor", "meeting", "meeting_mentor"} <= tables
    connection = sqlite3.connect(location.database)
    try:
        assert connection.execute("SELECT count(*) FROM mentor").fetchone() == (2,)
        assert connection.execute("SELECT count(*) FROM meeting_mentor").fetchone() == (2,)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0007_calendar_import",
        )
    finally:
        connection.close()
