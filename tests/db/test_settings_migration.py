"""Revision 0004 upgrades a database holding agreements, losing nothing, and starts every
setting at its default."""

from __future__ import annotations

from mentordesk.db.database import open_database
from mentordesk.db.migrate import schema_differences
from mentordesk.domain.settings import PersonalSettings
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from tests.db.helpers import STAMP, database_at, insert_mentor


def _agreements_database(location: DataLocation) -> None:
    """A database as MentorDesk 0003 left it: a mentor with an agreement."""
    with database_at(location, "0003_agreements") as connection:
        insert_mentor(connection, 1, "Amara Okafor")
        connection.execute(
            "INSERT INTO agreement (id, mentor_id, title, status, planned_length,"
            " cadence_unit, format, place_or_link, who_schedules, out_of_scope, reply_time,"
            " cancellation, preferred_channels, acceptable_channels, communication_notes,"
            " confidentiality, created_at, updated_at) VALUES (4, 1, 'Talk coaching',"
            " 'active', '', 'weeks', 'video', '', 'me', '', '', '', '[]', '[]', '', '',"
            f" {STAMP}, {STAMP})"
        )
    connection.close()


def test_upgrade_from_agreements_keeps_everything(location: DataLocation) -> None:
    _agreements_database(location)
    database = open_database(location)
    try:
        assert len(database.backups_made) == 1
        assert schema_differences(database.engine) == []
    finally:
        database.close()
    services = Services.open(location)
    try:
        assert [m.name for m in services.mentors.list_all()] == ["Amara Okafor"]
        assert [a.fields.title for a in services.agreements.list_all()] == ["Talk coaching"]
        assert services.settings.read() == PersonalSettings()
        services.settings.save(PersonalSettings(your_name="Dana Reyes"))
        assert services.settings.read().your_name == "Dana Reyes"
    finally:
        services.close()
