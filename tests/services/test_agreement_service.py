"""Agreements through the service: what is stored, one active agreement per mentor, revisions
kept only for active agreements and only for what changed, two revisions compared field by
field, a revision restored as a new one, undo, and bad input that changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date, time, timedelta

import pytest

from mentordesk.domain.agreement import (
    AgreementFields,
    AnotherAgreementActive,
    AvailabilityWindow,
    CommitmentFields,
    ObjectiveFields,
)
from mentordesk.domain.agreement_templates import template
from mentordesk.domain.enums import (
    AgreementStatus,
    CadenceUnit,
    Channel,
    CommitmentSide,
    MeetingFormat,
)
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.paths import DataLocation
from mentordesk.services.agreements import AgreementService
from mentordesk.services.context import Services
from tests.helpers import NOON, Clock

TABLES = (
    "agreement",
    "agreement_objective",
    "agreement_commitment",
    "availability_window",
    "agreement_revision",
)
ACTIVE = AgreementStatus.ACTIVE


@pytest.fixture
def agreements(services: Services, clock: Clock) -> AgreementService:
    return AgreementService(services.database.session_factory, clock)


@pytest.fixture
def mentor_id(services: Services) -> int:
    return services.mentors.create(MentorFields(name="Amara Okafor")).id


def _rows(location: DataLocation) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(location.database)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in TABLES
        }
    finally:
        connection.close()


def _full(**changes: object) -> AgreementFields:
    return AgreementFields(
        title="Career mentoring",
        status=ACTIVE,
        agreed_on=date(2030, 1, 10),
        starts_on=date(2030, 1, 15),
        ends_on=date(2030, 12, 31),
        planned_length="12 months",
        review_on=date(2030, 7, 1),
        cadence_every=1,
        cadence_unit=CadenceUnit.MONTHS,
        format=MeetingFormat.VIDEO,
        typical_minutes=60,
        place_or_link="https://meet.example/amara",
        out_of_scope="Salary talk",
        reply_time="Within a week",
        cancellation="Two days ahead",
        preferred_channels=(Channel.EMAIL,),
        acceptable_channels=(Channel.CHAT, Channel.VIDEO),
        communication_notes="Email for agendas",
        confidentiality="Between us",
        objectives=(ObjectiveFields("Become a better listener"),),
        commitments=(
            CommitmentFields(CommitmentSide.ME, "Send the agenda"),
            CommitmentFields(CommitmentSide.MENTOR, "Honest feedback"),
        ),
        windows=(AvailabilityWindow(0, time(9, 0), time(10, 30)),),
    ).replace(**changes)


def test_create_stores_every_field_and_reads_back(
    agreements: AgreementService, services: Services, mentor_id: int
) -> None:
    goal = services.goals.create(GoalFields(title="Become a staff engineer"))
    fields = _full(objectives=(ObjectiveFields("Listen more"), ObjectiveFields("", goal.id)))
    created = agreements.create(mentor_id, fields)

    assert created.fields == fields
    assert agreements.get(created.id) == created
    assert agreements.list_all() == [created]
    assert agreements.for_mentor(mentor_id) == [created]
    assert agreements.active_for_mentor(mentor_id) == created
    assert len(created.objective_ids) == 2 and len(created.window_ids) == 1
    assert services.agreements.count() == 1


def test_deleting_a_goal_keeps_the_objective_without_its_link(
    agreements: AgreementService, services: Services, mentor_id: int
) -> None:
    goal = services.goals.create(GoalFields(title="Speak at a conference"))
    created = agreements.create(mentor_id, _full(objectives=(ObjectiveFields("Talk", goal.id),)))
    services.goals.delete(goal.id)
    assert agreements.get(created.id).fields.objectives == (ObjectiveFields("Talk", None),)


def test_draft_changes_keep_no_revisions(agreements: AgreementService, mentor_id: int) -> None:
    draft = agreements.create(mentor_id, _full(status=AgreementStatus.DRAFT))
    agreements.update(draft.id, draft.fields.replace(typical_minutes=30))
    assert agreements.revisions(draft.id) == []


def test_revisions_only_for_active_agreements_and_only_changed_fields(
    agreements: AgreementService, mentor_id: int, clock: Clock
) -> None:
    draft = agreements.create(mentor_id, _full(status=AgreementStatus.DRAFT))
    clock.advance(days=3)
    active = agreements.update(draft.id, draft.fields.replace(status=ACTIVE))
    first = agreements.revisions(draft.id)
    assert [r.changed_fields for r in first] == [("status",)]
    assert first[0].revised_at == NOON + timedelta(days=3)
    assert first[0].state == active.fields

    clock.advance(days=30)
    agreements.update(active.id, active.fields)  # nothing changed: no revision
    assert len(agreements.revisions(active.id)) == 1

    new_windows = (AvailabilityWindow(4, time(14, 0), time(15, 0)),)
    changed = agreements.update(
        active.id, active.fields.replace(cadence_every=2, windows=new_windows)
    )
    newest = agreements.revisions(active.id)[0]
    assert newest.changed_fields == ("cadence_every", "windows")
    assert {c.name: (c.old, c.new) for c in newest.changes} == {
        "cadence_every": (1, 2),
        "windows": (active.fields.windows, new_windows),
    }
    assert newest.state == changed.fields
    assert changed.latest_revision_id == newest.id

    # Concluding is a change to an active agreement, kept too; later edits of a concluded
    # agreement are not.
    concluded = agreements.update(
        active.id, changed.fields.replace(status=AgreementStatus.CONCLUDED)
    )
    assert agreements.revisions(active.id)[0].changed_fields == ("status",)
    agreements.update(active.id, concluded.fields.replace(title="Old mentoring"))
    assert len(agreements.revisions(active.id)) == 3


def test_created_active_records_a_first_revision(
    agreements: AgreementService, mentor_id: int
) -> None:
    created = agreements.create(mentor_id, _full())
    (revision,) = agreements.revisions(created.id)
    assert revision.state == created.fields
    assert all(change.old is None for change in revision.changes)
    assert "title" in revision.changed_fields and "format" in revision.changed_fields


def test_only_one_active_agreement_per_mentor(
    agreements: AgreementService, services: Services, mentor_id: int, location: DataLocation
) -> None:
    first = agreements.create(mentor_id, _full(title="First"))
    before = _rows(location)
    with pytest.raises(AnotherAgreementActive) as caught:
        agreements.create(mentor_id, _full(title="Second"))
    assert (caught.value.agreement_id, caught.value.title) == (first.id, "First")
    assert _rows(location) == before

    draft = agreements.create(mentor_id, _full(title="Second", status=AgreementStatus.DRAFT))
    before = _rows(location)
    with pytest.raises(AnotherAgreementActive):
        agreements.update(draft.id, draft.fields.replace(status=ACTIVE))
    assert _rows(location) == before

    other_mentor = services.mentors.create(MentorFields(name="José")).id
    agreements.create(other_mentor, _full(title="Elsewhere"))  # another mentor: fine

    second = agreements.update(draft.id, draft.fields.replace(status=ACTIVE), conclude_other=True)
    assert second.is_active
    assert agreements.get(first.id).fields.status is AgreementStatus.CONCLUDED
    assert agreements.active_for_mentor(mentor_id) == second
    assert agreements.revisions(first.id)[0].changed_fields == ("status",)


def test_create_active_with_conclude_other(agreements: AgreementService, mentor_id: int) -> None:
    first = agreements.create(mentor_id, _full(title="First"))
    second = agreements.create(mentor_id, _full(title="Second"), conclude_other=True)
    assert agreements.get(first.id).fields.status is AgreementStatus.CONCLUDED
    assert agreements.active_for_mentor(mentor_id) == second


def test_two_revisions_compared_field_by_field(
    agreements: AgreementService, mentor_id: int, clock: Clock
) -> None:
    created = agreements.create(mentor_id, _full())
    clock.advance(days=60)
    middle = agreements.update(created.id, created.fields.replace(typical_minutes=45))
    clock.advance(days=60)
    agreements.update(
        created.id,
        middle.fields.replace(
            format=MeetingFormat.IN_PERSON, preferred_channels=(Channel.PHONE,), typical_minutes=60
        ),
    )
    newest, _, oldest = agreements.revisions(created.id)
    assert newest.revised_at > oldest.revised_at

    changes = agreements.compare_revisions(oldest.id, newest.id)
    assert {c.name: (c.old, c.new) for c in changes} == {
        "format": (MeetingFormat.VIDEO, MeetingFormat.IN_PERSON),
        "preferred_channels": ((Channel.EMAIL,), (Channel.PHONE,)),
    }  # typical_minutes went 60 -> 45 -> 60: the same in both
    assert agreements.compare_revisions(newest.id, newest.id) == ()


def test_comparing_revisions_of_different_agreements_is_refused(
    agreements: AgreementService, services: Services, mentor_id: int
) -> None:
    a = agreements.create(mentor_id, _full())
    b = agreements.create(services.mentors.create(MentorFields(name="B")).id, _full())
    with pytest.raises(ValidationError):
        agreements.compare_revisions(
            agreements.revisions(a.id)[0].id, agreements.revisions(b.id)[0].id
        )


def test_restore_revision_is_a_new_revision_and_undoable(
    agreements: AgreementService, mentor_id: int, clock: Clock
) -> None:
    created = agreements.create(mentor_id, _full())
    original = agreements.revisions(created.id)[0]
    clock.advance(days=10)
    edited = agreements.update(
        created.id,
        created.fields.replace(title="Renamed", objectives=(), windows=()),
    )
    clock.advance(days=10)
    restored = agreements.restore_revision(created.id, original.id)

    assert restored.fields == created.fields
    history = agreements.revisions(created.id)
    assert len(history) == 3
    assert set(history[0].changed_fields) == {"title", "objectives", "windows"}
    assert history[0].revised_at == NOON + timedelta(days=20)

    # Undo: the agreement as before the restore, and the restore's revision gone.
    back = agreements.put_back(edited)
    assert back == edited
    assert [r.id for r in agreements.revisions(created.id)] == [r.id for r in history[1:]]


def test_put_back_keeps_list_row_ids(agreements: AgreementService, mentor_id: int) -> None:
    created = agreements.create(mentor_id, _full())
    agreements.update(created.id, created.fields.replace(commitments=()))
    back = agreements.put_back(created)
    assert back == created
    assert back.commitment_ids == created.commitment_ids


def test_delete_and_restore_with_the_same_ids(
    agreements: AgreementService, mentor_id: int, location: DataLocation, clock: Clock
) -> None:
    created = agreements.create(mentor_id, _full())
    clock.advance(days=5)
    agreements.update(created.id, created.fields.replace(reply_time="Within a day"))
    before = _rows(location)

    deleted = agreements.delete(created.id)
    assert _rows(location) == {table: [] for table in TABLES}
    with pytest.raises(NotFoundError):
        agreements.get(created.id)

    restored = agreements.restore(deleted)
    assert restored == deleted.record
    assert _rows(location) == before
    with pytest.raises(ValidationError):
        agreements.restore(deleted)


def test_restoring_an_active_agreement_respects_the_one_active_rule(
    agreements: AgreementService, mentor_id: int
) -> None:
    deleted = agreements.delete(agreements.create(mentor_id, _full(title="Old")).id)
    agreements.create(mentor_id, _full(title="New"))
    with pytest.raises(AnotherAgreementActive):
        agreements.restore(deleted)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"cadence_every": 0, "cadence_unit": CadenceUnit.WEEKS}, "cadence_every"),
        ({"cadence_every": -1, "cadence_unit": CadenceUnit.DAYS}, "cadence_every"),
        ({"review_on": date(2030, 1, 1)}, "review_on"),
        ({"windows": (AvailabilityWindow(1, time(18, 0), time(17, 0)),)}, "windows"),
        ({"title": ""}, "title"),
        ({"objectives": (ObjectiveFields("Gone", 999),)}, "objectives"),
    ],
)
def test_bad_input_stores_nothing(
    agreements: AgreementService,
    mentor_id: int,
    location: DataLocation,
    changes: dict[str, object],
    field: str,
) -> None:
    with pytest.raises(ValidationError) as caught:
        agreements.create(mentor_id, _full(**changes))
    assert field in caught.value.field_errors
    assert _rows(location) == {table: [] for table in TABLES}

    created = agreements.create(mentor_id, _full())
    before = _rows(location)
    with pytest.raises(ValidationError):
        agreements.update(created.id, created.fields.replace(**changes))
    assert _rows(location) == before


def test_unknown_mentor_or_agreement(agreements: AgreementService) -> None:
    with pytest.raises(ValidationError):
        agreements.create(404, _full())
    with pytest.raises(NotFoundError):
        agreements.update(404, _full())
    with pytest.raises(NotFoundError):
        agreements.revisions(404)


def test_deleting_the_mentor_deletes_the_agreement(
    agreements: AgreementService, services: Services, mentor_id: int
) -> None:
    agreements.create(mentor_id, template("sponsorship").fields)
    services.mentors.delete(mentor_id)
    assert agreements.list_all() == []


def test_review_due(agreements: AgreementService, mentor_id: int) -> None:
    created = agreements.create(mentor_id, _full())
    assert created.is_review_due(date(2030, 7, 2))
    assert not created.is_review_due(date(2030, 7, 1))
