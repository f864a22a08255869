"""Skills and their assessments through the service: unique names ignoring case and accents,
levels only on the 1-5 scale, the current level is the latest assessment, and a deleted skill
comes back whole. Also the decade sample data's skills, as stored."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path
from statistics import mean

import pytest

from mentordesk.domain.enums import AssessmentSource
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.skill import AssessmentFields, SkillFields, SkillRecord
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from mentordesk.services.skills import SkillService
from tests.helpers import NOON, Clock

pytestmark = pytest.mark.usefixtures("local_time_is_utc")

TODAY = date(2030, 3, 4)
SKILL_TABLES = ("skill", "assessment", "goal_skill")


@pytest.fixture
def skills(services: Services, clock: Clock) -> SkillService:
    return SkillService(services.database.session_factory, clock=clock)


@pytest.fixture
def db(location: DataLocation) -> Path:
    return location.database


def _rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return {table: _rows(path, f"SELECT * FROM {table} ORDER BY 1, 2") for table in SKILL_TABLES}


def _mentor(services: Services, name: str) -> int:
    return services.mentors.create(MentorFields(name=name)).id


def _assess(day: date, level: int, **more: object) -> AssessmentFields:
    return AssessmentFields(assessed_on=day, level=level, **more)  # type: ignore[arg-type]


# --- the skill itself -------------------------------------------------------------------


def test_create_and_update_store_the_skill(skills: SkillService, clock: Clock, db: Path) -> None:
    created = skills.create(
        SkillFields(
            name="  Public   speaking ",
            category=" Communication ",
            description="Talks and demos.",
            target_level=4,
            target_on=date(2031, 1, 1),
        )
    )

    assert created.name == "Public speaking"
    assert created.fields.category == "Communication"
    assert created.current_level is None
    assert created.assessments == ()
    assert created.created_at == created.updated_at == NOON
    assert skills.get(created.id) == created
    assert _rows(db, "SELECT name, name_key, category, target_level, target_on FROM skill") == [
        ("Public speaking", "public speaking", "Communication", 4, "2031-01-01")
    ]

    clock.advance(minutes=1)
    changed = SkillFields(
        name="Public speaking (large rooms)", category="Influence", target_level=5
    )
    updated = skills.update(created.id, changed)

    assert updated.fields == changed
    assert updated.updated_at == NOON + timedelta(minutes=1)
    assert updated.created_at == NOON
    assert skills.get(created.id) == updated
    assert _rows(db, "SELECT name, category, target_level, target_on FROM skill") == [
        ("Public speaking (large rooms)", "Influence", 5, None)
    ]


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_a_skill_needs_a_name(skills: SkillService, db: Path, name: str) -> None:
    kept = skills.create(SkillFields(name="Kept"))

    with pytest.raises(ValidationError) as caught:
        skills.create(SkillFields(name=name))
    assert set(caught.value.field_errors) == {"name"}
    with pytest.raises(ValidationError) as caught:
        skills.update(kept.id, SkillFields(name=name, category="Changed"))
    assert set(caught.value.field_errors) == {"name"}

    assert skills.list_all() == [kept]
    assert _rows(db, "SELECT name, category FROM skill") == [("Kept", "")]


DUPLICATES = [
    ("Public speaking", "PUBLIC SPEAKING"),
    ("Public speaking", "  public   Speaking "),
    ("Café", "cafe"),
    ("cafe", "CAFÉ"),
    ("Résumé writing", "resume WRITING"),
    ("Straße", "STRASSE"),
]


@pytest.mark.parametrize(("existing", "duplicate"), DUPLICATES)
def test_a_duplicate_name_is_refused_on_create(
    skills: SkillService, db: Path, existing: str, duplicate: str
) -> None:
    first = skills.create(SkillFields(name=existing))

    with pytest.raises(ValidationError) as caught:
        skills.create(SkillFields(name=duplicate, category="Other"))

    assert set(caught.value.field_errors) == {"name"}
    assert skills.list_all() == [first]
    assert _rows(db, "SELECT count(*) FROM skill") == [(1,)]


@pytest.mark.parametrize(("existing", "duplicate"), DUPLICATES)
def test_renaming_to_another_skills_name_is_refused(
    skills: SkillService, db: Path, existing: str, duplicate: str
) -> None:
    skills.create(SkillFields(name=existing))
    other = skills.create(SkillFields(name="Negotiation", category="Influence"))
    before = _snapshot(db)

    with pytest.raises(ValidationError) as caught:
        skills.update(other.id, SkillFields(name=duplicate, category="Changed"))

    assert set(caught.value.field_errors) == {"name"}
    assert skills.get(other.id) == other
    assert _snapshot(db) == before


@pytest.mark.parametrize(
    ("name", "renamed"),
    [("public speaking", "Public Speaking"), ("Cafe", "Café"), ("SQL", "sql")],
)
def test_a_skill_may_change_the_case_or_accents_of_its_own_name(
    skills: SkillService, db: Path, name: str, renamed: str
) -> None:
    created = skills.create(SkillFields(name=name))
    skills.create(SkillFields(name="Something else"))

    updated = skills.update(created.id, SkillFields(name=renamed))

    assert updated.name == renamed
    assert skills.get(created.id).name == renamed
    assert _rows(db, "SELECT name FROM skill WHERE id = ?", created.id) == [(renamed,)]


def test_a_deleted_skills_name_can_be_used_again(skills: SkillService) -> None:
    first = skills.create(SkillFields(name="Rust"))
    skills.delete(first.id)

    again = skills.create(SkillFields(name="rust"))

    assert [s.name for s in skills.list_all()] == ["rust"]
    assert again.id != first.id


@pytest.mark.parametrize("level", [0, 6])
def test_a_target_level_outside_the_scale_is_refused(
    skills: SkillService, db: Path, level: int
) -> None:
    kept = skills.create(SkillFields(name="Kept", target_level=3))
    before = _snapshot(db)

    with pytest.raises(ValidationError) as caught:
        skills.create(SkillFields(name="New", target_level=level))
    assert set(caught.value.field_errors) == {"target_level"}
    with pytest.raises(ValidationError) as caught:
        skills.update(kept.id, SkillFields(name="Kept", target_level=level))
    assert set(caught.value.field_errors) == {"target_level"}

    assert _snapshot(db) == before


def test_target_levels_on_the_scale_are_stored(skills: SkillService) -> None:
    for level in (None, 1, 5):
        created = skills.create(SkillFields(name=f"S {level}", target_level=level))

        assert skills.get(created.id).fields.target_level == level


def test_categories_are_distinct_and_sorted(skills: SkillService) -> None:
    assert skills.categories() == []
    for name, category in [
        ("a", "Leadership"),
        ("b", "Engineering"),
        ("c", " Leadership "),
        ("d", ""),
        ("e", "Écriture"),
        ("f", "data"),
        ("g", "Engineering"),
    ]:
        skills.create(SkillFields(name=name, category=category))

    assert skills.categories() == ["data", "Écriture", "Engineering", "Leadership"]


def test_list_all_is_sorted_by_name_ignoring_case_and_accents(skills: SkillService) -> None:
    for name in ("zig", "Élan", "apple", "Banana"):
        skills.create(SkillFields(name=name))

    assert [s.name for s in skills.list_all()] == ["apple", "Banana", "Élan", "zig"]


def test_a_missing_skill_is_reported(skills: SkillService) -> None:
    with pytest.raises(NotFoundError):
        skills.get(7)
    with pytest.raises(NotFoundError):
        skills.update(7, SkillFields(name="x"))
    with pytest.raises(NotFoundError):
        skills.delete(7)
    with pytest.raises(NotFoundError):
        skills.add_assessment(7, _assess(TODAY, 3))


# --- assessments ------------------------------------------------------------------------


def test_assessments_are_added_updated_removed_and_restored(
    services: Services, skills: SkillService, db: Path
) -> None:
    ann = _mentor(services, "Ann")
    skill = skills.create(SkillFields(name="Python"))

    added = skills.add_assessment(
        skill.id,
        _assess(
            date(2029, 5, 1),
            2,
            source=AssessmentSource.MENTOR_FEEDBACK,
            mentor_id=ann,
            evidence="  Reviewed my PR. ",
        ),
    )
    assert added.skill_id == skill.id
    assert added.fields.evidence == "Reviewed my PR."
    assert skills.get(skill.id).assessments == (added,)
    assert _rows(
        db, "SELECT id, skill_id, assessed_on, level, source, mentor_id, evidence FROM assessment"
    ) == [(added.id, skill.id, "2029-05-01", 2, "mentor_feedback", ann, "Reviewed my PR.")]

    updated = skills.update_assessment(
        added.id, _assess(TODAY, 3, source=AssessmentSource.CERTIFICATION, evidence="Course")
    )
    assert updated.id == added.id
    assert skills.get(skill.id).assessments == (updated,)
    assert _rows(db, "SELECT assessed_on, level, source, mentor_id, evidence FROM assessment") == [
        ("2030-03-04", 3, "certification", None, "Course")
    ]

    removed = skills.remove_assessment(added.id)
    assert removed == updated
    assert skills.get(skill.id).assessments == ()
    assert _rows(db, "SELECT count(*) FROM assessment") == [(0,)]

    restored = skills.restore_assessment(removed)
    assert restored == updated
    assert skills.get(skill.id).assessments == (updated,)
    assert _rows(db, "SELECT id, level FROM assessment") == [(added.id, 3)]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (_assess(TODAY, 0), "level"),
        (_assess(TODAY, 6), "level"),
        (_assess(TODAY + timedelta(days=1), 3), "assessed_on"),
        (_assess(date(2040, 1, 1), 3), "assessed_on"),
        (_assess(TODAY, 3, mentor_id=999), "mentor_id"),
    ],
)
def test_bad_assessments_are_refused_and_change_nothing(
    skills: SkillService, db: Path, fields: AssessmentFields, field: str
) -> None:
    skill = skills.create(SkillFields(name="Python"))
    kept = skills.add_assessment(skill.id, _assess(date(2029, 1, 1), 2))
    before = _snapshot(db)

    with pytest.raises(ValidationError) as caught:
        skills.add_assessment(skill.id, fields)
    assert set(caught.value.field_errors) == {field}
    with pytest.raises(ValidationError) as caught:
        skills.update_assessment(kept.id, fields)
    assert set(caught.value.field_errors) == {field}

    assert skills.get(skill.id).assessments == (kept,)
    assert _snapshot(db) == before


def test_every_level_on_the_scale_is_accepted(skills: SkillService) -> None:
    for level in (1, 2, 3, 4, 5):
        skill = skills.create(SkillFields(name=f"Skill {level}"))

        skills.add_assessment(skill.id, _assess(TODAY, level))

        assert skills.get(skill.id).current_level == level


def test_the_current_level_is_the_latest_by_date(skills: SkillService) -> None:
    skill = skills.create(SkillFields(name="Negotiation"))
    skills.add_assessment(skill.id, _assess(date(2024, 5, 1), 4))
    first = skills.add_assessment(skill.id, _assess(date(2022, 1, 1), 2))
    skills.add_assessment(skill.id, _assess(date(2023, 3, 1), 3))

    stored = skills.get(skill.id)
    assert [a.fields.assessed_on for a in stored.assessments] == [
        date(2022, 1, 1),
        date(2023, 3, 1),
        date(2024, 5, 1),
    ]
    assert stored.current_level == 4

    # Moving the oldest assessment to the newest date makes it the current one.
    skills.update_assessment(first.id, _assess(date(2025, 1, 1), 1))
    assert skills.get(skill.id).current_level == 1

    # Two on the same day: the one recorded last counts.
    skills.add_assessment(skill.id, _assess(date(2025, 1, 1), 5))
    assert skills.get(skill.id).current_level == 5

    # Removing the latest falls back to the one before.
    latest = skills.get(skill.id).assessments[-1]
    skills.remove_assessment(latest.id)
    assert skills.get(skill.id).current_level == 1


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> SkillRecord:
    """One skill assessed 1 (2020), 3 (mid-2022) and 4 (mid-2024), recorded out of order."""
    services = Services.open(DataLocation(tmp_path_factory.mktemp("history") / "data"))
    try:
        skill = services.skills.create(SkillFields(name="System design"))
        for day, level in [(date(2024, 6, 1), 4), (date(2020, 1, 1), 1), (date(2022, 6, 1), 3)]:
            services.skills.add_assessment(skill.id, _assess(day, level))
        return services.skills.get(skill.id)
    finally:
        services.close()


@pytest.mark.parametrize(
    ("day", "level"),
    [
        (date(2019, 12, 31), None),
        (date(2020, 1, 1), 1),
        (date(2022, 5, 31), 1),
        (date(2022, 6, 1), 3),
        (date(2023, 1, 1), 3),
        (date(2024, 6, 1), 4),
        (date(2030, 1, 1), 4),
    ],
)
def test_level_on_a_day(history: SkillRecord, day: date, level: int | None) -> None:
    assert history.level_on(day) == level


@pytest.mark.parametrize(
    ("day", "change"),
    [
        (date(2023, 1, 1), 1),  # 3 then, 4 now
        (date(2021, 1, 1), 3),  # 1 then, 4 now
        (date(2024, 6, 1), 0),  # the latest itself
        (date(2029, 1, 1), 0),  # nothing since
        (date(2019, 1, 1), 3),  # first assessment inside the window: 4 - 1
    ],
)
def test_change_since_a_day(history: SkillRecord, day: date, change: int) -> None:
    assert history.current_level == 4
    assert history.change_since(day) == change


def test_a_single_assessment_inside_the_window_is_no_change(skills: SkillService) -> None:
    skill = skills.create(SkillFields(name="Rust"))
    skills.add_assessment(skill.id, _assess(date(2029, 6, 1), 2))

    stored = skills.get(skill.id)
    assert stored.change_since(date(2029, 1, 1)) == 0
    assert stored.level_on(date(2029, 1, 1)) is None


def test_no_assessments_means_no_level_and_no_change(skills: SkillService) -> None:
    skill = skills.create(SkillFields(name="Rust"))

    stored = skills.get(skill.id)
    assert stored.current_level is None
    assert stored.level_on(TODAY) is None
    assert stored.change_since(date(2000, 1, 1)) is None
    assert stored.change_since(TODAY) is None


def test_assessments_by_mentor(services: Services, skills: SkillService) -> None:
    ann, bob = _mentor(services, "Ann"), _mentor(services, "Bob")
    one = skills.create(SkillFields(name="One"))
    two = skills.create(SkillFields(name="Two"))
    a = skills.add_assessment(one.id, _assess(TODAY, 2, mentor_id=ann))
    b = skills.add_assessment(two.id, _assess(TODAY, 3, mentor_id=ann))
    skills.add_assessment(two.id, _assess(TODAY, 4, mentor_id=bob))
    skills.add_assessment(two.id, _assess(TODAY, 4))

    assert {r.id for r in skills.assessments_by_mentor(ann)} == {a.id, b.id}
    assert skills.assessments_by_mentor(999) == []


# --- delete and restore ---------------------------------------------------------------


def _skill_with_history(services: Services, skills: SkillService) -> tuple[SkillRecord, int, int]:
    ann = _mentor(services, "Ann")
    skill = skills.create(SkillFields(name="Python", category="Engineering", target_level=5))
    skills.add_assessment(skill.id, _assess(date(2028, 1, 1), 2))
    skills.add_assessment(
        skill.id,
        _assess(
            date(2029, 1, 1),
            3,
            source=AssessmentSource.MENTOR_FEEDBACK,
            mentor_id=ann,
            evidence="e",
        ),
    )
    goal = services.goals.create(GoalFields(title="Senior"), skill_ids=[skill.id])
    return skills.get(skill.id), ann, goal.id


def test_delete_removes_the_assessments_and_goal_links(
    services: Services, skills: SkillService, db: Path
) -> None:
    record, ann, goal_id = _skill_with_history(services, skills)
    other = skills.create(SkillFields(name="Kept"))
    kept = skills.add_assessment(other.id, _assess(TODAY, 3, mentor_id=ann))
    services.goals.set_links(goal_id, mentor_ids=[], skill_ids=[record.id, other.id])

    deleted = skills.delete(record.id)

    assert deleted == record
    assert deleted.goal_ids == {goal_id}
    assert len(deleted.assessments) == 2
    with pytest.raises(NotFoundError):
        skills.get(record.id)
    assert _rows(db, "SELECT id FROM assessment") == [(kept.id,)]
    assert _rows(db, "SELECT goal_id, skill_id FROM goal_skill") == [(goal_id, other.id)]
    assert services.goals.get(goal_id).skill_ids == {other.id}
    assert _rows(db, "PRAGMA foreign_key_check") == []


def test_restore_brings_the_skill_back_whole(
    services: Services, skills: SkillService, clock: Clock, db: Path
) -> None:
    record, _, goal_id = _skill_with_history(services, skills)
    # A later skill holds the highest ids, so new rows would not get the old ids by chance.
    later = skills.create(SkillFields(name="Later"))
    skills.add_assessment(later.id, _assess(TODAY, 1))
    before = _snapshot(db)
    deleted = skills.delete(record.id)
    clock.advance(days=1)

    restored = skills.restore(deleted)

    assert restored == record
    assert skills.get(record.id) == record
    assert services.goals.get(goal_id).skill_ids == {record.id}
    assert _snapshot(db) == before


def test_restore_drops_a_mentor_or_goal_deleted_meanwhile(
    services: Services, skills: SkillService, db: Path
) -> None:
    record, ann, goal_id = _skill_with_history(services, skills)
    deleted = skills.delete(record.id)
    services.mentors.delete(ann)
    services.goals.delete(goal_id)

    restored = skills.restore(deleted)

    assert [a.id for a in restored.assessments] == [a.id for a in record.assessments]
    assert [a.fields.mentor_id for a in restored.assessments] == [None, None]
    assert [a.fields.level for a in restored.assessments] == [2, 3]
    assert restored.assessments[1].fields.source is AssessmentSource.MENTOR_FEEDBACK
    assert restored.goal_ids == frozenset()
    assert skills.get(record.id) == restored
    assert _rows(db, "SELECT count(*) FROM goal_skill") == [(0,)]
    assert _rows(db, "PRAGMA foreign_key_check") == []


def test_restore_is_refused_when_the_name_was_taken_meanwhile(
    skills: SkillService, db: Path
) -> None:
    record = skills.create(SkillFields(name="Rust"))
    deleted = skills.delete(record.id)
    skills.create(SkillFields(name="RUST"))
    before = _snapshot(db)

    with pytest.raises(ValidationError):
        skills.restore(deleted)

    assert _snapshot(db) == before


def test_restoring_an_assessment_whose_mentor_was_deleted_drops_the_mentor(
    services: Services, skills: SkillService
) -> None:
    ann = _mentor(services, "Ann")
    skill = skills.create(SkillFields(name="Python"))
    removed = skills.remove_assessment(
        skills.add_assessment(skill.id, _assess(TODAY, 3, mentor_id=ann)).id
    )
    services.mentors.delete(ann)

    restored = skills.restore_assessment(removed)

    assert restored.id == removed.id
    assert restored.fields.mentor_id is None
    assert skills.get(skill.id).assessments == (restored,)


# --- many at once ----------------------------------------------------------------------


def test_create_many_stores_skills_with_their_assessments(
    services: Services, skills: SkillService, db: Path
) -> None:
    ann = _mentor(services, "Ann")

    ids = skills.create_many(
        [
            (SkillFields(name="A"), [_assess(date(2029, 1, 1), 1), _assess(TODAY, 3)]),
            (SkillFields(name="B", category="X"), [_assess(TODAY, 2, mentor_id=ann)]),
            (SkillFields(name="C"), []),
        ]
    )

    assert len(ids) == 3
    stored = {s.name: s for s in skills.list_all()}
    assert [stored[n].id for n in "ABC"] == ids
    assert stored["A"].current_level == 3
    assert stored["B"].assessments[0].fields.mentor_id == ann
    assert stored["C"].assessments == ()
    assert _rows(db, "SELECT count(*) FROM assessment") == [(3,)]


@pytest.mark.parametrize(
    "bad",
    [
        (SkillFields(name="  "), []),
        (SkillFields(name="Bad", target_level=6), []),
        (SkillFields(name="Bad"), [_assess(TODAY, 0)]),
        (SkillFields(name="Bad"), [_assess(TODAY + timedelta(days=1), 3)]),
        (SkillFields(name="a"), []),  # same name as the first one of the batch
        (SkillFields(name="Existing"), []),  # same name as one already stored
    ],
    ids=["no-name", "target-6", "level-0", "future", "duplicate-in-batch", "duplicate-stored"],
)
def test_create_many_is_all_or_nothing(
    skills: SkillService,
    db: Path,
    bad: tuple[SkillFields, list[AssessmentFields]],
) -> None:
    skills.create(SkillFields(name="EXISTING"))
    before = _snapshot(db)

    with pytest.raises(ValidationError):
        skills.create_many(
            [
                (SkillFields(name="A"), [_assess(date(2029, 1, 1), 2)]),
                bad,
                (SkillFields(name="Z"), [_assess(date(2029, 1, 1), 2)]),
            ]
        )

    assert [s.name for s in skills.list_all()] == ["EXISTING"]
    assert _snapshot(db) == before


def test_create_many_with_a_missing_mentor_stores_nothing(skills: SkillService, db: Path) -> None:
    before = _snapshot(db)

    with pytest.raises(ValidationError):
        skills.create_many(
            [
                (SkillFields(name="A"), [_assess(TODAY, 2)]),
                (SkillFields(name="B"), [_assess(TODAY, 2, mentor_id=999)]),
            ]
        )

    assert skills.list_all() == []
    assert _snapshot(db) == before


def test_create_many_refuses_a_missing_mentor_with_a_readable_error(skills: SkillService) -> None:
    with pytest.raises(ValidationError) as caught:
        skills.create_many([(SkillFields(name="A"), [_assess(TODAY, 2, mentor_id=999)])])

    assert set(caught.value.field_errors) == {"mentor_id"}
    assert skills.list_all() == []


def test_ids_of_deleted_assessments_are_not_reused_so_restore_still_works(
    skills: SkillService,
) -> None:
    other = skills.create(SkillFields(name="Other"))
    skills.add_assessment(other.id, _assess(date(2029, 1, 1), 1))
    record = skills.create(SkillFields(name="Python"))
    skills.add_assessment(record.id, _assess(date(2029, 1, 1), 2))
    record = skills.get(record.id)
    deleted = skills.delete(record.id)

    newer = skills.add_assessment(other.id, _assess(TODAY, 3))

    assert newer.id not in {a.id for a in deleted.assessments}
    assert skills.restore(deleted) == record


# --- the decade sample ------------------------------------------------------------------

SAMPLE_TODAY = date(2025, 6, 15)


@pytest.fixture(scope="module")
def decade_skills(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[SkillRecord], set[int]]:
    services = Services.open(DataLocation(tmp_path_factory.mktemp("decade") / "data"))
    try:
        load_sample_data(services, SampleSize.DECADE, today=SAMPLE_TODAY)
        return services.skills.list_all(), {m.id for m in services.mentors.list_all()}
    finally:
        services.close()


@pytest.mark.slow
def test_decade_sample_has_sixty_skills_with_about_forty_assessments(
    decade_skills: tuple[list[SkillRecord], set[int]],
) -> None:
    stored, _ = decade_skills
    assert len(stored) == 60
    assert len({s.fields.name.casefold() for s in stored}) == 60
    assert 30 <= mean(len(s.assessments) for s in stored) <= 50
    assert all(len(s.assessments) >= 10 for s in stored)


@pytest.mark.slow
def test_decade_sample_assessments_span_ten_years_and_none_in_the_future(
    decade_skills: tuple[list[SkillRecord], set[int]],
) -> None:
    stored, _ = decade_skills
    ten_years_ago = SAMPLE_TODAY.replace(year=SAMPLE_TODAY.year - 10)
    days = [a.fields.assessed_on for s in stored for a in s.assessments]
    assert all(ten_years_ago <= day <= SAMPLE_TODAY for day in days)
    assert min(days) < ten_years_ago + timedelta(days=365)
    assert max(days) > SAMPLE_TODAY - timedelta(days=90)
    for skill in stored:
        assert all(1 <= a.fields.level <= 5 for a in skill.assessments), skill.name
        assert skill.fields.target_level is None or 1 <= skill.fields.target_level <= 5


@pytest.mark.slow
def test_decade_sample_tells_a_story_of_growth(
    decade_skills: tuple[list[SkillRecord], set[int]],
) -> None:
    stored, _ = decade_skills
    first = mean(s.assessments[0].fields.level for s in stored)
    latest = mean(s.current_level or 0 for s in stored)
    assert latest > first + 1
    grew = sum(1 for s in stored if (s.current_level or 0) > s.assessments[0].fields.level)
    assert grew >= len(stored) * 3 / 4


@pytest.mark.slow
def test_decade_sample_mentor_feedback_names_a_mentor(
    decade_skills: tuple[list[SkillRecord], set[int]],
) -> None:
    stored, mentor_ids = decade_skills
    feedback = [
        a
        for s in stored
        for a in s.assessments
        if a.fields.source is AssessmentSource.MENTOR_FEEDBACK
    ]
    assert len(feedback) >= 100
    assert all(a.fields.mentor_id in mentor_ids for a in feedback)
    sources = {a.fields.source for s in stored for a in s.assessments}
    assert AssessmentSource.SELF in sources
