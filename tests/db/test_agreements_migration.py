"""Revision 0003 upgrades a database holding mentors, goals and skills, losing nothing."""

from __future__ import annotations

import sqlite3

from mentordesk.db.database import open_database
from mentordesk.db.migrate import schema_differences
from mentordesk.db.schema import HEAD_REVISION
from mentordesk.domain.agreement import AgreementFields, ObjectiveFields
from mentordesk.domain.enums import AgreementStatus
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from tests.db.helpers import STAMP, database_at, insert_mentor


def _goals_skills_database(location: DataLocation) -> None:
    """A database as MentorDesk 0002 left it: two mentors, a goal linked to one, a skill."""
    with database_at(location, "0002_goals_skills") as connection:
        for mentor_id, name in ((1, "Amara Okafor"), (2, "José Álvarez")):
            insert_mentor(connection, mentor_id, name)
        connection.execute(
            "INSERT INTO goal (id, title, kind, description, why_it_matters, status,"
            f" created_at, updated_at) VALUES (7, 'Give a talk', 'develop_skill', '', '',"
            f" 'active', {STAMP}, {STAMP})"
        )
        connection.execute("INSERT INTO goal_mentor (goal_id, mentor_id) VALUES (7, 1)")
        connection.execute(
            "INSERT INTO milestone (goal_id, position, title) VALUES (7, 0, 'Submit a CFP')"
        )
        connection.execute(
            "INSERT INTO skill (id, name, name_key, category, description, created_at,"
            f" updated_at) VALUES (3, 'Public speaking', 'public speaking', '', '', {STAMP},"
            f" {STAMP})"
        )
        connection.execute(
            "INSERT INTO assessment (skill_id, assessed_on, level, source, mentor_id, evidence)"
            " VALUES (3, '2021-06-01', 2, 'mentor_feedback', 1, 'first talk')"
        )
        connection.execute("INSERT INTO goal_skill (goal_id, skill_id) VALUES (7, 3)")
    connection.close()


def test_upgrade_from_goals_and_skills_keeps_everything(location: DataLocation) -> None:
    _goals_skills_database(location)
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
        assert [m.name for m in services.mentors.list_all()] == ["Amara Okafor", "José Álvarez"]
        (goal,) = services.goals.list_all()
        assert (goal.id, goal.mentor_ids, goal.skill_ids) == (7, frozenset({1}), frozenset({3}))
        assert [m.title for m in goal.milestones] == ["Submit a CFP"]
        (skill,) = services.skills.list_all()
        assert skill.current_level == 2 and skill.goal_ids == frozenset({7})
        assert services.agreements.list_all() == []

        # The new tables work on the upgraded database, goal links included.
        created = services.agreements.create(
            1,
            AgreementFields(
                "Talk coaching",
                status=AgreementStatus.ACTIVE,
                objectives=(ObjectiveFields("", goal_id=7),),
            ),
        )
        assert services.agreements.active_for_mentor(1) == created
        assert len(services.agreements.revisions(created.id)) == 1
    finally:
        services.close()
