"""What refers to a mentor (goals they help with, assessments they gave): deleting the mentor
leaves no dangling reference, and undoing the delete links everything back that still exists."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from mentordesk.domain.enums import AssessmentSource
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.mentor import MentorFields, MentorReferences
from mentordesk.domain.skill import AssessmentFields, SkillFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services

DAY = date(2024, 3, 1)


@pytest.fixture
def db(location: DataLocation) -> Path:
    return location.database


def _rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


class World:
    """Two mentors, three goals, two skills with assessments; Ann is named in most of it."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.ann = services.mentors.create(MentorFields(name="Ann")).id
        self.bob = services.mentors.create(MentorFields(name="Bob")).id
        skills = services.skills
        self.python = skills.create(SkillFields(name="Python")).id
        self.speaking = skills.create(SkillFields(name="Public speaking")).id
        self.by_ann = [
            skills.add_assessment(self.python, self._feedback(2, self.ann)).id,
            skills.add_assessment(self.speaking, self._feedback(3, self.ann)).id,
        ]
        self.by_bob = skills.add_assessment(self.python, self._feedback(3, self.bob)).id
        self.own = skills.add_assessment(self.python, AssessmentFields(DAY, 4)).id
        goals = services.goals
        self.senior = goals.create(GoalFields(title="Senior"), mentor_ids=[self.ann]).id
        self.talk = goals.create(
            GoalFields(title="Talk"), mentor_ids=[self.ann, self.bob], skill_ids=[self.speaking]
        ).id
        self.alone = goals.create(GoalFields(title="Alone"), mentor_ids=[self.bob]).id

    @staticmethod
    def _feedback(level: int, mentor_id: int) -> AssessmentFields:
        return AssessmentFields(
            DAY, level, source=AssessmentSource.MENTOR_FEEDBACK, mentor_id=mentor_id
        )

    def mentor_of(self, assessment_id: int) -> int | None:
        for skill in self.services.skills.list_all():
            for assessment in skill.assessments:
                if assessment.id == assessment_id:
                    return assessment.fields.mentor_id
        raise AssertionError(f"assessment {assessment_id} is gone")


@pytest.fixture
def world(services: Services) -> World:
    return World(services)


def test_references_list_the_goals_and_assessments_that_name_a_mentor(world: World) -> None:
    mentors = world.services.mentors

    assert mentors.references(world.ann) == MentorReferences(
        frozenset({world.senior, world.talk}), frozenset(world.by_ann)
    )
    assert mentors.references(world.bob) == MentorReferences(
        frozenset({world.talk, world.alone}), frozenset({world.by_bob})
    )
    assert bool(mentors.references(world.ann))


def test_a_mentor_named_nowhere_has_no_references(world: World) -> None:
    carl = world.services.mentors.create(MentorFields(name="Carl")).id

    references = world.services.mentors.references(carl)

    assert references == MentorReferences()
    assert not references


def test_references_follow_link_changes(world: World) -> None:
    world.services.goals.set_links(world.senior, mentor_ids=[world.bob], skill_ids=[])
    world.services.skills.update_assessment(
        world.by_ann[0], AssessmentFields(DAY, 2, source=AssessmentSource.MENTOR_FEEDBACK)
    )

    assert world.services.mentors.references(world.ann) == MentorReferences(
        frozenset({world.talk}), frozenset({world.by_ann[1]})
    )


def test_deleting_a_mentor_unlinks_goals_and_keeps_assessments_without_a_mentor(
    world: World, db: Path
) -> None:
    services = world.services
    count_before = _rows(db, "SELECT count(*) FROM assessment")

    services.mentors.delete(world.ann)

    assert _rows(db, "SELECT count(*) FROM goal_mentor WHERE mentor_id = ?", world.ann) == [(0,)]
    assert _rows(db, "SELECT count(*) FROM assessment WHERE mentor_id = ?", world.ann) == [(0,)]
    assert _rows(db, "SELECT count(*) FROM assessment") == count_before
    for assessment_id in world.by_ann:
        assert _rows(
            db, "SELECT mentor_id, source FROM assessment WHERE id = ?", assessment_id
        ) == [(None, "mentor_feedback")]
    assert world.mentor_of(world.by_bob) == world.bob
    assert services.goals.get(world.senior).mentor_ids == frozenset()
    assert services.goals.get(world.talk).mentor_ids == {world.bob}
    assert services.goals.goals_of_mentor(world.ann) == []
    assert services.mentors.references(world.ann) == MentorReferences()
    assert _rows(db, "PRAGMA foreign_key_check") == []


def test_restore_with_references_links_everything_back(world: World, db: Path) -> None:
    services = world.services
    goal_links_before = _rows(db, "SELECT * FROM goal_mentor ORDER BY 1, 2")
    assessments_before = _rows(db, "SELECT * FROM assessment ORDER BY id")
    record = services.mentors.get(world.ann)
    references = services.mentors.references(world.ann)
    deleted = services.mentors.delete(world.ann)

    restored = services.mentors.restore(deleted, references)

    assert restored == record
    assert services.mentors.references(world.ann) == references
    assert services.goals.get(world.senior).mentor_ids == {world.ann}
    assert services.goals.get(world.talk).mentor_ids == {world.ann, world.bob}
    assert [world.mentor_of(i) for i in world.by_ann] == [world.ann, world.ann]
    assert _rows(db, "SELECT * FROM goal_mentor ORDER BY 1, 2") == goal_links_before
    assert _rows(db, "SELECT * FROM assessment ORDER BY id") == assessments_before


def test_restore_without_references_links_nothing(world: World, db: Path) -> None:
    services = world.services
    deleted = services.mentors.delete(world.ann)

    services.mentors.restore(deleted)

    assert services.mentors.get(world.ann).name == "Ann"
    assert services.mentors.references(world.ann) == MentorReferences()
    assert _rows(db, "SELECT count(*) FROM goal_mentor WHERE mentor_id = ?", world.ann) == [(0,)]


def test_restore_links_back_only_what_still_exists(world: World, db: Path) -> None:
    services = world.services
    references = services.mentors.references(world.ann)
    deleted = services.mentors.delete(world.ann)
    services.goals.delete(world.senior)
    services.skills.remove_assessment(world.by_ann[0])

    services.mentors.restore(deleted, references)

    assert services.mentors.references(world.ann) == MentorReferences(
        frozenset({world.talk}), frozenset({world.by_ann[1]})
    )
    assert _rows(db, "SELECT goal_id FROM goal_mentor WHERE mentor_id = ?", world.ann) == [
        (world.talk,)
    ]
    assert _rows(db, "SELECT count(*) FROM goal WHERE id = ?", world.senior) == [(0,)]
    assert _rows(db, "SELECT count(*) FROM assessment WHERE id = ?", world.by_ann[0]) == [(0,)]
    assert _rows(db, "PRAGMA foreign_key_check") == []


def test_restore_leaves_an_assessment_given_to_someone_else_meanwhile(
    world: World, db: Path
) -> None:
    services = world.services
    references = services.mentors.references(world.ann)
    deleted = services.mentors.delete(world.ann)
    reassigned = world.by_ann[0]
    services.skills.update_assessment(
        reassigned,
        AssessmentFields(DAY, 2, source=AssessmentSource.MENTOR_FEEDBACK, mentor_id=world.bob),
    )

    services.mentors.restore(deleted, references)

    assert world.mentor_of(reassigned) == world.bob
    assert world.mentor_of(world.by_ann[1]) == world.ann
    assert _rows(db, "SELECT mentor_id FROM assessment WHERE id = ?", reassigned) == [(world.bob,)]
    assert services.mentors.references(world.ann).assessment_ids == {world.by_ann[1]}


def test_restore_after_the_goal_was_deleted_and_restored_links_it_again(world: World) -> None:
    """Undo in reverse order: delete Ann, delete a goal she helped with, undo both."""
    services = world.services
    references = services.mentors.references(world.ann)
    deleted_mentor = services.mentors.delete(world.ann)
    deleted_goal = services.goals.delete(world.talk)

    assert services.goals.restore(deleted_goal).mentor_ids == {world.bob}
    services.mentors.restore(deleted_mentor, references)

    assert services.goals.get(world.talk).mentor_ids == {world.ann, world.bob}
    assert services.goals.get(world.talk).skill_ids == {world.speaking}


def test_deleting_a_skill_keeps_the_mentor_and_their_other_references(world: World) -> None:
    services = world.services

    services.skills.delete(world.speaking)

    assert services.mentors.references(world.ann) == MentorReferences(
        frozenset({world.senior, world.talk}), frozenset({world.by_ann[0]})
    )
    assert services.goals.get(world.talk).skill_ids == frozenset()
