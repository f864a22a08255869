"""Revision 0006 works out the list keys of the rows already stored, once: folded names,
expertise, tags, milestones, titles and texts, so the list views find and sort old data as
they find new."""

from __future__ import annotations

import sqlite3

from mentordesk.db.database import open_database
from mentordesk.db.listing import ListQuery
from mentordesk.db.migrate import schema_differences
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from tests.db.helpers import STAMP, database_at, insert_mentor


def _meetings_database(location: DataLocation) -> None:
    """A database as MentorDesk 0005 left it: a mentor with expertise and a tag, a goal
    with a milestone, a skill, an agreement, a meeting and an action item."""
    with database_at(location, "0005_meetings") as connection:
        insert_mentor(connection, 1, "José Álvarez")
        connection.execute("UPDATE mentor SET organization = 'Ørsted' WHERE id = 1")
        connection.execute(
            "INSERT INTO mentor_expertise (mentor_id, position, label) VALUES (1, 0, 'Négociation')"
        )
        connection.execute("INSERT INTO mentor_tag (mentor_id, position, label) VALUES (1, 0, 'B')")
        connection.execute(
            "INSERT INTO goal (id, title, kind, description, why_it_matters, status,"
            f" created_at, updated_at) VALUES (7, 'Give a Talk', 'develop_skill', 'At PyCon', '',"
            f" 'active', {STAMP}, {STAMP})"
        )
        connection.execute(
            "INSERT INTO milestone (goal_id, position, title) VALUES (7, 0, 'Submit a CFP')"
        )
        connection.execute(
            "INSERT INTO skill (id, name, name_key, category, description, created_at,"
            f" updated_at) VALUES (3, 'Public speaking', 'public speaking', 'Communication', '',"
            f" {STAMP}, {STAMP})"
        )
        connection.execute(
            "INSERT INTO agreement (id, mentor_id, title, status, planned_length,"
            " cadence_unit, format, place_or_link, who_schedules, out_of_scope, reply_time,"
            " cancellation, preferred_channels, acceptable_channels, communication_notes,"
            " confidentiality, created_at, updated_at) VALUES (4, 1, 'Talk Coaching',"
            " 'active', '', 'weeks', 'video', '', 'me', '', '', '', '[]', '[]', '', '',"
            f" {STAMP}, {STAMP})"
        )
        connection.execute(
            "INSERT INTO meeting (id, uid, sequence, title, starts_at, minutes, time_zone,"
            " format, place_or_link, status, notes, takeaway, created_at, updated_at)"
            " VALUES (5, 'uid-5@mentordesk', 0, 'Talk Review', '2021-06-01 09:00:00.000000',"
            f" 60, 'UTC', 'video', '', 'held', '', '', {STAMP}, {STAMP})"
        )
        connection.execute(
            "INSERT INTO action_item (id, text, owner, status, meeting_id, created_at,"
            f" updated_at) VALUES (9, 'Rehearse Twice', 'me', 'open', 5, {STAMP}, {STAMP})"
        )
    connection.close()


def _keys(location: DataLocation, table: str) -> tuple[str, ...]:
    connection = sqlite3.connect(location.database)
    try:
        columns = (
            "name_key, search_key" if table in ("mentor", "goal", "agreement") else ("search_key")
        )
        row = connection.execute(f"SELECT {columns} FROM {table}").fetchone()
        return tuple(row)
    finally:
        connection.close()


def test_upgrade_works_out_the_keys_of_stored_rows(location: DataLocation) -> None:
    _meetings_database(location)
    database = open_database(location)
    try:
        assert len(database.backups_made) == 1  # backed up before migrating
        assert schema_differences(database.engine) == []
    finally:
        database.close()
    assert _keys(location, "mentor") == ("jose alvarez", "jose alvarez\nørsted\nnegociation\nb")
    assert _keys(location, "goal") == ("give a talk", "give a talk\nat pycon\nsubmit a cfp")
    assert _keys(location, "skill") == ("public speaking\ncommunication",)
    assert _keys(location, "agreement") == ("talk coaching", "talk coaching")
    assert _keys(location, "meeting") == ("talk review",)
    assert _keys(location, "action_item") == ("rehearse twice",)
    services = Services.open(location)
    try:
        assert services.mentors.listing.ids(ListQuery(words=("negociation",))) == [1]
        assert services.action_items.listing.ids(ListQuery(words=("review",))) == [9]
    finally:
        services.close()
