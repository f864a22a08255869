"""The bulk methods sample data and imports use (``create_many``, ``add_many``) store exactly
what the one-by-one methods store, row for row and list keys included, and check what they
check: two databases, one filled a call at a time and one in bulk, compared table by table."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.agreement import (
    AgreementFields,
    AnotherAgreementActive,
    AvailabilityWindow,
    CommitmentFields,
    ObjectiveFields,
)
from mentordesk.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgreementStatus,
    AssessmentSource,
    CommitmentSide,
    GoalKind,
    GoalStatus,
    MeetingFormat,
    MeetingStatus,
)
from mentordesk.domain.goal import GoalFields, GoalNoteFields, MilestoneFields
from mentordesk.domain.meeting import AgendaItem, MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.skill import AssessmentFields, SkillFields
from mentordesk.domain.validation import ValidationError
from mentordesk.paths import DataLocation
from mentordesk.services.action_items import ActionItemService
from mentordesk.services.agreements import AgreementService
from mentordesk.services.context import Services
from mentordesk.services.goals import GoalService, NewGoal
from mentordesk.services.meetings import MeetingService
from mentordesk.services.skills import SkillService
from tests.helpers import NOON, Clock

pytestmark = pytest.mark.usefixtures("local_time_is_utc")

TODAY = NOON.date()
GOAL_TABLES = ("goal", "milestone", "goal_note", "goal_mentor", "goal_skill")
SKILL_TABLES = ("skill", "assessment")
AGREEMENT_TABLES = (
    "agreement",
    "agreement_objective",
    "agreement_commitment",
    "availability_window",
    "agreement_revision",
)
MEETING_TABLES = ("meeting", "meeting_mentor", "agenda_item", "meeting_advice")


@pytest.fixture
def bulk(tmp_path: Path, empty_database: Path) -> Iterator[Services]:
    """A second database beside ``services``: the bulk method fills this one."""
    location = DataLocation(tmp_path / "bulk")
    location.root.mkdir(parents=True)
    shutil.copyfile(empty_database, location.database)
    opened = Services.open(location)
    yield opened
    opened.close()


def _rows(services: Services, *tables: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables, sorted; meeting.uid (random, made per meeting) left out."""
    connection = sqlite3.connect(services.database.location.database)
    try:
        found = {}
        for table in tables:
            cursor = connection.execute(f"SELECT * FROM {table}")
            names = [column[0] for column in cursor.description]
            kept = [i for i, name in enumerate(names) if (table, name) != ("meeting", "uid")]
            rows = [tuple(row[i] for i in kept) for row in cursor]
            found[table] = sorted(rows, key=repr)
        return found
    finally:
        connection.close()


def _mentors(*services: Services) -> list[int]:
    """The same three mentors in each database (so with the same ids)."""
    ids = []
    for each in services:
        ids = each.mentors.create_many(
            [
                MentorFields(name="Amara Okafor", expertise=("hiring",)),
                MentorFields(name="Zoë Ødegaard", organization="Fjordline"),
                MentorFields(name="Liam O'Connell"),
            ]
        )
    return ids


# --- goals -------------------------------------------------------------------------------


def _goals(mentors: list[int], skill: int) -> list[NewGoal]:
    return [
        NewGoal(
            GoalFields(
                title="  Become a  staff engineer ",
                kind=GoalKind.ADVANCE,
                description="Lead across teams.",
                why_it_matters="The work I want.",
                started_on=date(2029, 1, 1),
                target_on=date(2031, 1, 1),
            ),
            milestones=(
                MilestoneFields("Find a sponsor", date(2029, 6, 1), date(2029, 5, 20)),
                MilestoneFields("Écrire la stratégie", date(2030, 6, 1)),
            ),
            notes=(
                GoalNoteFields(date(2029, 3, 1), " Talked it through. "),
                GoalNoteFields(date(2029, 2, 1), "Slower than planned."),
            ),
            mentor_ids=frozenset(mentors[:2]),
            skill_ids=frozenset({skill}),
        ),
        NewGoal(GoalFields(title="Give a talk", status=GoalStatus.ACHIEVED)),
        NewGoal(
            GoalFields(title="Learn Go", status_changed_on=date(2029, 9, 9)),
            milestones=(MilestoneFields("Read the book"),),
            notes=(GoalNoteFields(date(2029, 10, 1), "Halfway."),),
            mentor_ids=frozenset({mentors[2]}),
        ),
    ]


def test_goals_create_many_stores_what_create_and_add_note_store(
    services: Services, bulk: Services, clock: Clock
) -> None:
    mentors = _mentors(services, bulk)
    skill = [s.skills.create(SkillFields(name="Strategy")).id for s in (services, bulk)][-1]
    goals = _goals(mentors, skill)
    one_by_one = GoalService(services.sessions, clock)
    for goal in goals:
        created = one_by_one.create(
            goal.fields,
            mentor_ids=goal.mentor_ids,
            skill_ids=goal.skill_ids,
            milestones=goal.milestones,
        )
        for note in goal.notes:
            one_by_one.add_note(created.id, note)

    ids = GoalService(bulk.sessions, clock).create_many(goals)

    assert ids == [1, 2, 3]
    assert _rows(bulk, *GOAL_TABLES) == _rows(services, *GOAL_TABLES)
    stored = bulk.goals.get(ids[0])
    assert stored.title == "Become a staff engineer"
    assert [n.text for n in stored.notes] == ["Slower than planned.", "Talked it through."]
    keys = _rows(bulk, "goal")["goal"][0][-2:]
    assert keys[0] == "become a staff engineer"
    assert "ecrire la strategie" in str(keys[1])  # the milestones are in the search key


@pytest.mark.parametrize(
    "bad",
    [
        NewGoal(GoalFields(title=" ")),
        NewGoal(GoalFields(title="A"), milestones=(MilestoneFields("", None),)),
        NewGoal(GoalFields(title="A"), notes=(GoalNoteFields(TODAY, "  "),)),
        NewGoal(GoalFields(title="A"), mentor_ids=frozenset({999})),
        NewGoal(GoalFields(title="A"), skill_ids=frozenset({999})),
    ],
    ids=["no-title", "milestone-without-title", "empty-note", "missing-mentor", "missing-skill"],
)
def test_goals_create_many_is_all_or_nothing(services: Services, bad: NewGoal) -> None:
    mentors = _mentors(services)
    before = _rows(services, *GOAL_TABLES)

    with pytest.raises(ValidationError):
        services.goals.create_many(
            [NewGoal(GoalFields(title="Fine"), mentor_ids=frozenset(mentors)), bad]
        )

    assert _rows(services, *GOAL_TABLES) == before


# --- skills ------------------------------------------------------------------------------


def test_skills_create_many_stores_what_create_and_add_assessment_store(
    services: Services, bulk: Services, clock: Clock
) -> None:
    mentors = _mentors(services, bulk)
    skills = [
        (
            SkillFields(name=" Public  speaking ", category="Communication", target_level=4),
            [
                AssessmentFields(date(2029, 1, 1), 2, AssessmentSource.SELF, None, "First try."),
                AssessmentFields(date(2030, 1, 1), 3, AssessmentSource.MENTOR_FEEDBACK, mentors[1]),
            ],
        ),
        (SkillFields(name="Écriture", category="Writing"), []),
        (SkillFields(name="Go"), [AssessmentFields(TODAY, 1)]),
    ]
    one_by_one = SkillService(services.sessions, clock)
    for fields, assessments in skills:
        skill_id = one_by_one.create(fields).id
        for assessment in assessments:
            one_by_one.add_assessment(skill_id, assessment)

    ids = SkillService(bulk.sessions, clock).create_many(skills)

    assert ids == [1, 2, 3]
    assert _rows(bulk, *SKILL_TABLES) == _rows(services, *SKILL_TABLES)
    assert bulk.skills.get(ids[1]).fields.category == "Writing"
    assert "ecriture" in str(_rows(bulk, "skill")["skill"])  # name_key and search_key set


# --- agreements --------------------------------------------------------------------------


def _agreement(title: str, goal_id: int, **changes: object) -> AgreementFields:
    return AgreementFields(
        title=title,
        status=AgreementStatus.ACTIVE,
        agreed_on=date(2029, 1, 10),
        starts_on=date(2029, 1, 15),
        review_on=date(2029, 7, 1),
        cadence_every=1,
        format=MeetingFormat.VIDEO,
        objectives=(ObjectiveFields("Listen more"), ObjectiveFields("", goal_id)),
        commitments=(CommitmentFields(CommitmentSide.ME, "Send the agenda"),),
        windows=(AvailabilityWindow(0, time(9, 0), time(10, 30)),),
    ).replace(**changes)


def _moment(days: int) -> datetime:
    return NOON - timedelta(days=400 - days)


def _histories(
    mentors: list[int], goal_id: int
) -> list[tuple[int, list[tuple[datetime, AgreementFields]]]]:
    first = _agreement("Mentoring with Amara", goal_id)
    promised = first.replace(
        commitments=(
            *first.commitments,
            CommitmentFields(CommitmentSide.MENTOR, "Honest feedback"),
        )
    )
    concluded = promised.replace(status=AgreementStatus.CONCLUDED, ends_on=date(2029, 12, 1))
    draft = _agreement("Peer mentoring with Zoë", goal_id, status=AgreementStatus.DRAFT)
    return [
        (
            mentors[0],
            [
                (_moment(0), first),
                (_moment(30), promised),
                (_moment(45), promised),  # nothing changed: no revision, no new date
                (_moment(90), promised.replace(review_on=date(2029, 12, 1), typical_minutes=45)),
                (_moment(200), concluded.replace(review_on=date(2029, 12, 1), typical_minutes=45)),
            ],
        ),
        # Concluded above, so the mentor may have an active one again.
        (mentors[0], [(_moment(210), _agreement("Sponsorship with Amara", goal_id))]),
        (mentors[1], [(_moment(5), draft), (_moment(9), draft.replace(reply_time="A week"))]),
        (mentors[1], [(_moment(20), draft.replace(title="Second draft", windows=()))]),
    ]


def test_agreements_create_many_stores_what_create_and_update_store(
    services: Services, bulk: Services
) -> None:
    mentors = _mentors(services, bulk)
    goal_id = [s.goals.create(GoalFields(title="Listen")).id for s in (services, bulk)][-1]
    histories = _histories(mentors, goal_id)
    clock = Clock()
    one_by_one = AgreementService(services.sessions, clock)
    for mentor_id, steps in histories:
        (clock.now, first), *later = steps
        created = one_by_one.create(mentor_id, first)
        for clock.now, fields in later:
            one_by_one.update(created.id, fields)

    ids = AgreementService(bulk.sessions).create_many(histories)

    assert ids == [1, 2, 3, 4]
    assert _rows(bulk, *AGREEMENT_TABLES) == _rows(services, *AGREEMENT_TABLES)
    assert len(bulk.agreements.revisions(ids[0])) == 4
    assert bulk.agreements.revisions(ids[2]) == []  # never active
    assert bulk.agreements.get(ids[0]).fields.commitments[-1].text == "Honest feedback"
    assert "mentoring with amara" in str(_rows(bulk, "agreement")["agreement"][0])  # keys


def test_agreements_create_many_refuses_a_second_active_agreement(services: Services) -> None:
    mentors = _mentors(services)
    goal_id = services.goals.create(GoalFields(title="Listen")).id
    stored = services.agreements.create(mentors[0], _agreement("Already active", goal_id))
    before = _rows(services, *AGREEMENT_TABLES)
    fine = (mentors[1], [(_moment(0), _agreement("Fine", goal_id))])

    with pytest.raises(AnotherAgreementActive) as caught:
        services.agreements.create_many(
            [fine, (mentors[0], [(_moment(1), _agreement("B", goal_id))])]
        )
    assert caught.value.agreement_id == stored.id
    with pytest.raises(AnotherAgreementActive) as caught:
        services.agreements.create_many(
            [fine, (mentors[1], [(_moment(1), _agreement("C", goal_id))])]
        )
    assert caught.value.title == "Fine"  # the batch's own, still active

    assert _rows(services, *AGREEMENT_TABLES) == before


@pytest.mark.parametrize("problem", ["missing-mentor", "missing-goal", "invalid-step"])
def test_agreements_create_many_is_all_or_nothing(services: Services, problem: str) -> None:
    mentors = _mentors(services)
    goal_id = services.goals.create(GoalFields(title="Listen")).id
    fine = _agreement("Fine", goal_id)
    bad = {
        "missing-mentor": (999, [(_moment(0), fine)]),
        "missing-goal": (mentors[1], [(_moment(0), _agreement("Bad", 999))]),
        "invalid-step": (mentors[1], [(_moment(0), fine), (_moment(1), fine.replace(title=""))]),
    }[problem]
    before = _rows(services, *AGREEMENT_TABLES)

    with pytest.raises(ValidationError):
        services.agreements.create_many([(mentors[0], [(_moment(0), fine)]), bad])

    assert _rows(services, *AGREEMENT_TABLES) == before


# --- meetings and action items -------------------------------------------------------------


def test_meetings_add_many_stores_what_create_stores(
    services: Services, bulk: Services, clock: Clock
) -> None:
    mentors = _mentors(services, bulk)
    meetings = [
        MeetingFields(
            "Mentoring session with José",
            start=datetime(2030, 2, 1, 9, 30),
            minutes=45,
            time_zone="Europe/Madrid",
            mentor_ids=(mentors[0], mentors[1]),
            format=MeetingFormat.IN_PERSON,
            place_or_link="The café",
            status=MeetingStatus.HELD,
            agenda=(AgendaItem("How did you learn it?", True), AgendaItem("Feedback", False)),
            notes="## Notes\n\nGood.",
            advice=("Start smaller.", "Ship it."),
            takeaway="Ask.",
        ),
        MeetingFields("Coffee?", start=datetime(2030, 3, 10, 12, 0)),
    ]
    one_by_one = MeetingService(services.sessions, clock)
    for fields in meetings:
        one_by_one.create(fields)

    with bulk.in_one_transaction() as shared:
        ids = shared.meetings.add_many([(fields, NOON) for fields in meetings])

    assert ids == [1, 2]
    assert _rows(bulk, *MEETING_TABLES) == _rows(services, *MEETING_TABLES)
    assert bulk.meetings.get(ids[0]).fields == one_by_one.get(ids[0]).fields
    assert "mentoring session with jose" in str(_rows(bulk, "meeting")["meeting"])  # its key


def test_action_items_add_many_stores_what_create_stores(
    services: Services, bulk: Services, clock: Clock
) -> None:
    mentors = _mentors(services, bulk)
    for each in (services, bulk):
        each.meetings.create(
            MeetingFields("Check-in", start=datetime(2030, 3, 1, 9, 0), mentor_ids=(mentors[0],))
        )
    items = [
        ActionItemFields("Écrire le plan", ActionOwner.ME, date(2030, 3, 20), meeting_id=1),
        ActionItemFields(
            "Send the article",
            ActionOwner.MENTOR,
            status=ActionStatus.DONE,
            done_on=date(2030, 3, 2),
            reported_on=date(2030, 3, 3),
            meeting_id=1,
        ),
        ActionItemFields("Update my impact log", status=ActionStatus.DROPPED),
    ]
    one_by_one = ActionItemService(services.sessions, clock)
    for fields in items:
        one_by_one.create(fields)

    with bulk.in_one_transaction() as shared:
        shared.action_items.add_many([(fields, NOON) for fields in items])

    assert _rows(bulk, "action_item") == _rows(services, "action_item")
    assert bulk.action_items.list_all() == one_by_one.list_all()
    assert "ecrire le plan" in str(_rows(bulk, "action_item")["action_item"])  # its key
