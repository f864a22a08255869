"""Revision 0005 upgrades a database holding mentors, goals and an agreement, losing nothing,
and adds the meeting and action item tables empty; from scratch, the tables are the models'."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time

from alembic import command

from mentordesk.db.database import open_database
from mentordesk.db.engine import create_sqlite_engine
from mentordesk.db.migrate import alembic_config, schema_differences, upgrade_to_head
from mentordesk.db.schema import HEAD_REVISION
from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.agreement import AvailabilityWindow, ObjectiveFields
from mentordesk.domain.enums import CadenceUnit, MeetingStatus
from mentordesk.domain.meeting import MeetingFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from tests.db.helpers import STAMP, database_at, insert_mentor

MEETING_TABLES = ("meeting", "meeting_mentor", "agenda_item", "meeting_advice", "action_item")


def _settings_database(location: DataLocation) -> None:
    """A database as MentorDesk 0004 left it: two mentors, a goal, an agreement in force
    with a cadence, an objective and an availability window."""
    with database_at(location, "0004_settings") as connection:
        insert_mentor(connection, 1, "Amara Okafor")
        insert_mentor(connection, 2, "José Álvarez", notes="Met at PyCon")
        connection.execute(
            "INSERT INTO goal (id, title, kind, description, why_it_matters, status,"
            f" created_at, updated_at) VALUES (7, 'Give a talk', 'develop_skill', '', '',"
            f" 'active', {STAMP}, {STAMP})"
        )
        connection.execute("INSERT INTO goal_mentor (goal_id, mentor_id) VALUES (7, 1)")
        connection.execute(
            "INSERT INTO agreement (id, mentor_id, title, status, starts_on, planned_length,"
            " cadence_every, cadence_unit, format, place_or_link, who_schedules, out_of_scope,"
            " reply_time, cancellation, preferred_channels, acceptable_channels,"
            " communication_notes, confidentiality, created_at, updated_at) VALUES (4, 1,"
            " 'Talk coaching', 'active', '2021-05-03', '', 2, 'weeks', 'video', '', 'me', '',"
            f" '', '', '[]', '[]', '', '', {STAMP}, {STAMP})"
        )
        connection.execute(
            "INSERT INTO agreement_objective (agreement_id, position, text, goal_id)"
            " VALUES (4, 0, '', 7)"
        )
        connection.execute(
            "INSERT INTO availability_window (agreement_id, position, weekday, starts, ends)"
            " VALUES (4, 0, 3, '16:00:00.000000', '17:00:00.000000')"
        )
    connection.close()


def _count(location: DataLocation, table: str) -> int:
    connection = sqlite3.connect(location.database)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def test_upgrade_from_settings_keeps_everything_and_adds_empty_meetings(
    location: DataLocation,
) -> None:
    _settings_database(location)
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
    assert {table: _count(location, table) for table in MEETING_TABLES} == dict.fromkeys(
        MEETING_TABLES, 0
    )

    services = Services.open(location)
    try:
        mentors = services.mentors.list_all()
        assert [(m.id, m.name) for m in mentors] == [(1, "Amara Okafor"), (2, "José Álvarez")]
        assert services.mentors.get(2).fields.notes == "Met at PyCon"
        (goal,) = services.goals.list_all()
        assert (goal.id, goal.title, goal.mentor_ids) == (7, "Give a talk", frozenset({1}))
        agreement = services.agreements.active_for_mentor(1)
        assert agreement is not None and agreement.id == 4
        assert (agreement.fields.cadence_every, agreement.fields.cadence_unit) == (
            2,
            CadenceUnit.WEEKS,
        )
        assert agreement.fields.starts_on == date(2021, 5, 3)
        assert agreement.fields.objectives == (ObjectiveFields("", goal_id=7),)
        assert agreement.fields.windows == (AvailabilityWindow(3, time(16), time(17)),)
        assert services.meetings.count() == 0
        assert services.action_items.list_all() == []

        # The new tables work on the upgraded database, with the old rows.
        held = services.meetings.create(
            MeetingFields(
                "First talk review",
                start=datetime(2021, 6, 1, 9, 0),
                time_zone="UTC",
                mentor_ids=(1, 2),
                status=MeetingStatus.HELD,
            )
        )
        item = services.action_items.create(
            ActionItemFields("Submit a CFP", meeting_id=held.id, goal_id=7)
        )
        assert services.action_items.get(item.id).mentor_ids == frozenset({1, 2})
        pulse = services.meetings.pulse(1)
        assert (pulse.last_met, pulse.open_items) == (date(2021, 6, 1), 1)
        assert pulse.next_due == date(2021, 6, 15)  # the migrated cadence: every two weeks
        planned = services.meetings.create(
            MeetingFields(
                "Next", start=datetime(2021, 6, 15, 9, 0), time_zone="UTC", mentor_ids=(1,)
            )
        )
        assert [line.text for line in services.meetings.prepared_agenda(planned.id)] == [
            "Progress on: Submit a CFP",
            "Objective: Give a talk",  # the goal-linked objective, by the goal's title
        ]
    finally:
        services.close()


def test_a_new_database_has_the_meeting_tables_as_the_models_say(location: DataLocation) -> None:
    database = open_database(location)
    try:
        assert schema_differences(database.engine) == []
    finally:
        database.close()
    connection = sqlite3.connect(location.database)
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        assert set(MEETING_TABLES) <= tables
        on_delete = {
            (row[2], row[3]): row[6]
            for row in connection.execute("PRAGMA foreign_key_list(action_item)")
        }
        assert on_delete == {
            ("meeting", "meeting_id"): "SET NULL",
            ("goal", "goal_id"): "SET NULL",
            ("skill", "skill_id"): "SET NULL",
        }
        links = {
            row[2]: row[6] for row in connection.execute("PRAGMA foreign_key_list(meeting_mentor)")
        }
        assert links == {"meeting": "CASCADE", "mentor": "CASCADE"}
    finally:
        connection.close()


def test_downgrade_to_0004_drops_only_the_meeting_tables(location: DataLocation) -> None:
    _settings_database(location)
    engine = create_sqlite_engine(location.database, foreign_keys=False)
    try:
        upgrade_to_head(engine)
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0004_settings")
    finally:
        engine.dispose()
    connection = sqlite3.connect(location.database)
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        assert not set(MEETING_TABLES) & tables
        assert connection.execute("SELECT count(*) FROM mentor").fetchone() == (2,)
        assert connection.execute("SELECT count(*) FROM agreement").fetchone() == (1,)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0004_settings",
        )
    finally:
        connection.close()
