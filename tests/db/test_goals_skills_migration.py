"""Revision 0002 upgrades a foundation database that already holds mentors, losing nothing."""

from __future__ import annotations

import sqlite3

from mentordesk.db.database import open_database
from mentordesk.db.migrate import schema_differences
from mentordesk.db.schema import HEAD_REVISION
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from tests.db.helpers import database_at, insert_mentor


def _foundation_database(location: DataLocation) -> None:
    """A database as MentorDesk 0001 left it, with two mentors and their labels."""
    with database_at(location, "0001_mentors") as connection:
        for mentor_id, name in ((1, "Amara Okafor"), (2, "José Álvarez")):
            insert_mentor(connection, mentor_id, name, "years of notes")
            connection.execute(
                "INSERT INTO mentor_tag (mentor_id, position, label) VALUES (?, 0, 'career')",
                (mentor_id,),
            )
    connection.close()


def test_upgrade_from_the_foundation_keeps_every_mentor(location: DataLocation) -> None:
    _foundation_database(location)
    database = open_database(location)
    try:
        assert len(database.backups_made) == 1  # backed up before migrating
        assert schema_differences(database.engine) == []
    finally:
        database.close()
    with sqlite3.connect(location.database) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
    connection.close()
    services = Services.open(location)
    try:
        mentors = services.mentors.list_all()
        assert [m.name for m in mentors] == ["Amara Okafor", "José Álvarez"]
        assert all(
            m.fields.tags == ("career",) and m.fields.notes == "years of notes" for m in mentors
        )
        assert services.goals.list_all() == [] and services.skills.list_all() == []
    finally:
        services.close()
    # The backup still holds the foundation schema and the mentors, untouched.
    backup = database.backups_made[0]
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001_mentors",
        )
        assert connection.execute("SELECT count(*) FROM mentor").fetchone() == (2,)
    connection.close()
