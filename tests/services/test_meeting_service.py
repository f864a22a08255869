"""Meetings through the service: what is stored (in UTC, with its zone), what bad input leaves
untouched, sequence counting real changes, what falls in a range, deleting and undoing
(action items kept and linked again, mentors deleted and put back), "Prepare", the
relationship's pulse and "Schedule next"."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.agreement import AgreementFields, AvailabilityWindow, ObjectiveFields
from mentordesk.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgreementStatus,
    CadenceUnit,
    MeetingFormat,
    MeetingStatus,
)
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.meeting import AgendaItem, MeetingFields, MeetingRecord
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.paths import DataLocation
from mentordesk.services.action_items import ActionItemService
from mentordesk.services.context import Services
from mentordesk.services.meetings import MeetingService
from tests.helpers import NOON, Clock

# NOON is Monday 4 March 2030, 12:00 UTC: 13:00 in Berlin, where the computer is.
TODAY = date(2030, 3, 4)
BERLIN = "Europe/Berlin"
HELD, PLANNED = MeetingStatus.HELD, MeetingStatus.PLANNED


@pytest.fixture(autouse=True)
def _computer_in_berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", BERLIN)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def meetings(services: Services, clock: Clock) -> MeetingService:
    return MeetingService(services.sessions, clock=clock)


@pytest.fixture
def items(services: Services, clock: Clock) -> ActionItemService:
    return ActionItemService(services.sessions, clock=clock)


@pytest.fixture
def ann(services: Services) -> int:
    return services.mentors.create(MentorFields(name="Amara Okafor")).id


@pytest.fixture
def bob(services: Services) -> int:
    return services.mentors.create(MentorFields(name="Bob Lin")).id


def _meeting(
    start: datetime,
    *mentor_ids: int,
    minutes: int = 60,
    status: MeetingStatus = PLANNED,
    zone: str = BERLIN,
    **changes: object,
) -> MeetingFields:
    return MeetingFields(
        title="Check-in",
        start=start,
        minutes=minutes,
        time_zone=zone,
        mentor_ids=mentor_ids,
        status=status,
    ).replace(**changes)


def _rows(location: DataLocation, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(location.database)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _all_meeting_rows(location: DataLocation) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row of every meeting (agenda and advice rows without their own ids)."""
    return {
        "meeting": _rows(location, "SELECT * FROM meeting ORDER BY id"),
        "meeting_mentor": _rows(location, "SELECT * FROM meeting_mentor ORDER BY 1, 2"),
        "agenda_item": _rows(
            location,
            "SELECT meeting_id, position, text, done, origin FROM agenda_item ORDER BY 1, 2",
        ),
        "meeting_advice": _rows(
            location, "SELECT meeting_id, position, text FROM meeting_advice ORDER BY 1, 2"
        ),
    }


# --- creating ------------------------------------------------------------------------------


def test_create_stores_utc_with_the_zone(
    meetings: MeetingService, ann: int, location: DataLocation
) -> None:
    fields = _meeting(
        datetime(2030, 3, 12, 9, 0),
        ann,
        minutes=45,
        format=MeetingFormat.IN_PERSON,
        place_or_link="  Café Einstein ",
        agenda=(AgendaItem("Promotion"), AgendaItem("Talk", done=True, origin="Typed")),
        advice=("Say no",),
        notes="Went well",
        takeaway="Ask early",
    )
    record = meetings.create(fields)
    assert record.id > 0
    assert record.uid.endswith("@mentordesk") and len(record.uid) > 20
    assert record.sequence == 0
    assert record.created_at == record.updated_at == NOON
    assert record.fields == fields.validated()
    assert record.fields.place_or_link == "Café Einstein"
    assert record.starts_at == datetime(2030, 3, 12, 8, 0, tzinfo=UTC)
    assert record.local_start().replace(tzinfo=None) == datetime(2030, 3, 12, 9, 0)
    assert meetings.get(record.id) == record
    assert meetings.count() == 1
    ((starts_at, zone),) = _rows(location, "SELECT starts_at, time_zone FROM meeting")
    assert str(starts_at).startswith("2030-03-12 08:00:00")
    assert zone == BERLIN


def test_a_meeting_in_another_zone_reads_back_its_wall_clock(
    meetings: MeetingService, ann: int
) -> None:
    record = meetings.create(_meeting(datetime(2030, 7, 1, 9, 30), ann, zone="America/New_York"))
    again = meetings.get(record.id)
    assert again.fields.start == datetime(2030, 7, 1, 9, 30)
    assert again.fields.time_zone == "America/New_York"
    assert again.starts_at == datetime(2030, 7, 1, 13, 30, tzinfo=UTC)
    assert again.local_start().replace(tzinfo=None) == datetime(2030, 7, 1, 15, 30)


def test_an_ambiguous_start_is_stored_as_its_first_occurrence(
    meetings: MeetingService, ann: int
) -> None:
    record = meetings.create(_meeting(datetime(2030, 10, 27, 2, 30), ann))
    assert record.starts_at == datetime(2030, 10, 27, 0, 30, tzinfo=UTC)
    assert meetings.get(record.id).fields.start == datetime(2030, 10, 27, 2, 30)


def test_a_given_uid_is_kept(meetings: MeetingService) -> None:
    record = meetings.create(_meeting(datetime(2030, 3, 12, 9, 0)), uid="abc-123@elsewhere")
    assert meetings.get(record.id).uid == "abc-123@elsewhere"


def test_uids_differ(meetings: MeetingService) -> None:
    one = meetings.create(_meeting(datetime(2030, 3, 12, 9, 0)))
    two = meetings.create(_meeting(datetime(2030, 3, 12, 9, 0)))
    assert one.uid != two.uid and one.id != two.id


def test_unassigned_and_group_meetings(meetings: MeetingService, ann: int, bob: int) -> None:
    imported = meetings.create(_meeting(datetime(2030, 3, 12, 9, 0)))
    group = meetings.create(_meeting(datetime(2030, 3, 13, 9, 0), bob, ann))
    assert meetings.get(imported.id).is_unassigned
    assert meetings.get(group.id).mentor_ids == tuple(sorted((ann, bob)))
    assert not meetings.get(group.id).is_unassigned


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"minutes": -15}, "minutes"),
        ({"minutes": 0}, "minutes"),
        ({"start": datetime(2030, 3, 31, 2, 30)}, "start"),  # Berlin's spring gap in 2030
        ({"start": datetime(2030, 3, 10, 2, 30), "time_zone": "America/New_York"}, "start"),
        ({"time_zone": "Europe/Atlantis"}, "time_zone"),
        ({"title": " "}, "title"),
    ],
)
def test_bad_input_stores_nothing(
    meetings: MeetingService,
    ann: int,
    location: DataLocation,
    changes: dict[str, object],
    field: str,
) -> None:
    before = _all_meeting_rows(location)
    with pytest.raises(ValidationError) as caught:
        meetings.create(_meeting(datetime(2030, 3, 12, 9, 0), ann).replace(**changes))
    assert set(caught.value.field_errors) == {field}
    assert _all_meeting_rows(location) == before
    assert meetings.count() == 0


def test_a_mentor_that_does_not_exist_is_refused(
    meetings: MeetingService, ann: int, location: DataLocation
) -> None:
    with pytest.raises(ValidationError) as caught:
        meetings.create(_meeting(datetime(2030, 3, 12, 9, 0), ann, ann + 100))
    assert set(caught.value.field_errors) == {"mentor_ids"}
    assert meetings.count() == 0
    assert _rows(location, "SELECT * FROM meeting_mentor") == []


def test_get_of_a_missing_meeting(meetings: MeetingService) -> None:
    with pytest.raises(NotFoundError):
        meetings.get(404)


# --- updating ------------------------------------------------------------------------------


def test_update_counts_a_real_change(
    meetings: MeetingService, clock: Clock, ann: int, bob: int
) -> None:
    record = meetings.create(_meeting(datetime(2030, 3, 12, 9, 0), ann))
    clock.advance(minutes=5)
    moved = meetings.update(record.id, record.fields.replace(start=datetime(2030, 3, 12, 10, 0)))
    assert (moved.id, moved.uid, moved.sequence) == (record.id, record.uid, 1)
    assert moved.starts_at == datetime(2030, 3, 12, 9, 0, tzinfo=UTC)
    assert moved.created_at == NOON and moved.updated_at == NOON + timedelta(minutes=5)
    clock.advance(minutes=5)
    group = meetings.update(record.id, moved.fields.replace(mentor_ids=(bob, ann)))
    assert group.sequence == 2 and group.mentor_ids == tuple(sorted((ann, bob)))
    assert meetings.get(record.id) == group


def test_update_without_a_change_keeps_sequence_and_time(
    meetings: MeetingService, clock: Clock, ann: int
) -> None:
    record = meetings.create(
        _meeting(datetime(2030, 3, 12, 9, 0), ann, agenda=(AgendaItem("Promotion"),))
    )
    clock.advance(hours=1)
    same = meetings.update(record.id, record.fields)
    assert (same.sequence, same.updated_at) == (0, NOON)
    # Only what normalising removes differs: still no change.
    untidy = record.fields.replace(
        title="  Check-in ",
        start=datetime(2030, 3, 12, 9, 0, 30),
        mentor_ids=(ann, ann),
        agenda=(AgendaItem(" Promotion "), AgendaItem("  ")),
    )
    assert meetings.update(record.id, untidy) == record


def test_ticking_an_agenda_line_is_a_change(meetings: MeetingService, ann: int) -> None:
    record = meetings.create(
        _meeting(datetime(2030, 3, 12, 9, 0), ann, agenda=(AgendaItem("Promotion"),))
    )
    ticked = meetings.update(
        record.id, record.fields.replace(agenda=(AgendaItem("Promotion", True),))
    )
    assert ticked.sequence == 1
    assert ticked.fields.agenda == (AgendaItem("Promotion", done=True),)


def test_a_bad_update_changes_nothing(
    meetings: MeetingService, ann: int, location: DataLocation
) -> None:
    record = meetings.create(_meeting(datetime(2030, 3, 12, 9, 0), ann))
    before = _all_meeting_rows(location)
    with pytest.raises(ValidationError):
        meetings.update(record.id, record.fields.replace(start=datetime(2030, 3, 31, 2, 15)))
    with pytest.raises(ValidationError):
        meetings.update(record.id, record.fields.replace(mentor_ids=(ann + 100,)))
    assert _all_meeting_rows(location) == before
    with pytest.raises(NotFoundError):
        meetings.update(record.id + 1, record.fields)


# --- ranges and overlaps -------------------------------------------------------------------


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_between_takes_any_meeting_using_time_in_the_range(
    meetings: MeetingService, ann: int, bob: int
) -> None:
    def at(start: datetime, *mentors: int, minutes: int = 60) -> int:
        return meetings.create(_meeting(start, *mentors, minutes=minutes, zone="UTC")).id

    still_going = at(datetime(2030, 3, 9, 23, 0), ann, minutes=120)  # until 01:00 on the 10th
    ended_at_start = at(datetime(2030, 3, 9, 23, 0), ann)  # until 00:00 exactly
    retreat = at(datetime(2030, 3, 8, 12, 0), bob, minutes=2 * 24 * 60)  # until noon on the 10th
    nine = at(datetime(2030, 3, 10, 9, 0), bob)
    late = at(datetime(2030, 3, 10, 23, 30), ann)
    next_day = at(datetime(2030, 3, 11, 0, 0), ann)  # starts as the range ends
    unassigned = at(datetime(2030, 3, 10, 8, 0))

    day = meetings.between(_utc(2030, 3, 10), _utc(2030, 3, 11))
    assert [r.id for r in day] == [retreat, still_going, unassigned, nine, late]
    assert ended_at_start not in {r.id for r in day} and next_day not in {r.id for r in day}
    assert [
        r.id for r in meetings.between(_utc(2030, 3, 10), _utc(2030, 3, 11), mentor_ids=[ann])
    ] == [
        still_going,
        late,
    ]
    assert [r.id for r in meetings.between(mentor_ids=[bob])] == [retreat, nine]
    assert [r.id for r in meetings.between(start=_utc(2030, 3, 10, 23))] == [late, next_day]
    assert [r.id for r in meetings.between(end=_utc(2030, 3, 9))] == [retreat]
    assert len(meetings.between()) == 7

    # What a calendar grid reads: the same meetings, as entries without notes and lists.
    for mentors in ((), (ann,), (bob, ann)):
        whole = meetings.between(_utc(2030, 3, 10), _utc(2030, 3, 11), mentor_ids=mentors)
        entries = meetings.entries_between(_utc(2030, 3, 10), _utc(2030, 3, 11), mentor_ids=mentors)
        assert entries == [record.entry for record in whole]
    first = meetings.entries_between(
        _utc(2030, 3, 9, 23), _utc(2030, 3, 9, 23, 30), mentor_ids=[ann]
    )[0]  # the two-hour one (they start together; the lower id first)
    assert (first.id, first.starts_at, first.ends_at, first.mentor_ids) == (
        still_going,
        _utc(2030, 3, 9, 23),
        _utc(2030, 3, 10, 1),
        (ann,),
    )


def test_between_with_an_aware_range_in_another_zone(meetings: MeetingService) -> None:
    record = meetings.create(_meeting(datetime(2030, 3, 10, 0, 30), zone=BERLIN))  # 23:30 UTC
    berlin_day = datetime(2030, 3, 10).astimezone()  # local midnight, Berlin
    found = meetings.between(berlin_day, berlin_day + timedelta(days=1))
    assert [r.id for r in found] == [record.id]
    # In UTC it runs from 23:30 on the 9th to 00:30 on the 10th.
    assert [r.id for r in meetings.between(_utc(2030, 3, 10), _utc(2030, 3, 11))] == [record.id]
    assert meetings.between(_utc(2030, 3, 10, 0, 30), _utc(2030, 3, 11)) == []


def test_overlaps_are_allowed_and_listed(meetings: MeetingService, ann: int, bob: int) -> None:
    one = meetings.create(_meeting(datetime(2030, 3, 12, 9, 0), ann))
    two = meetings.create(_meeting(datetime(2030, 3, 12, 9, 30), bob))
    cancelled = meetings.create(
        _meeting(datetime(2030, 3, 12, 9, 0), bob, status=MeetingStatus.CANCELLED)
    )
    missed = meetings.create(_meeting(datetime(2030, 3, 12, 9, 0), status=MeetingStatus.MISSED))
    after = meetings.create(_meeting(datetime(2030, 3, 12, 10, 0), ann))
    assert [r.id for r in meetings.overlaps(one)] == [two.id]
    assert [r.id for r in meetings.overlaps(two)] == [one.id, after.id]
    assert meetings.overlaps(cancelled) == []
    assert meetings.overlaps(missed) == []
    assert meetings.count() == 5


# --- deleting and undoing ------------------------------------------------------------------


def test_deleting_a_meeting_keeps_its_action_items_and_undo_links_them(
    meetings: MeetingService, items: ActionItemService, ann: int, location: DataLocation
) -> None:
    record = meetings.create(
        _meeting(
            datetime(2030, 3, 1, 9, 0), ann, status=HELD, agenda=(AgendaItem("A"),), advice=("B",)
        )
    )
    meetings.update(record.id, record.fields.replace(title="Kick-off"))
    record = meetings.get(record.id)
    first = items.create(ActionItemFields("Send the CV", meeting_id=record.id))
    second = items.create(ActionItemFields("Book the room", meeting_id=record.id))
    alone = items.create(ActionItemFields("Unrelated"))
    rows = _all_meeting_rows(location)

    deleted = meetings.delete(record.id)
    assert deleted.id == record.id and deleted.record == record
    assert deleted.action_item_ids == frozenset({first.id, second.id})
    assert meetings.count() == 0
    kept = items.get(first.id)
    assert kept.text == "Send the CV"
    assert (kept.fields.meeting_id, kept.mentor_ids, kept.meeting_title) == (None, frozenset(), "")
    assert len(items.list_all()) == 3
    assert _rows(location, "SELECT * FROM agenda_item") == []

    restored = meetings.restore(deleted)
    assert restored == record  # same id, uid, sequence and times
    assert _all_meeting_rows(location) == rows
    assert items.get(first.id).fields.meeting_id == record.id
    assert items.get(second.id).mentor_ids == frozenset({ann})
    assert items.get(second.id).meeting_title == "Kick-off"
    assert items.get(alone.id).fields.meeting_id is None
    with pytest.raises(ValidationError):
        meetings.restore(deleted)


def test_restoring_a_meeting_drops_a_mentor_deleted_since(
    services: Services, meetings: MeetingService, ann: int, bob: int
) -> None:
    record = meetings.create(_meeting(datetime(2030, 3, 1, 9, 0), ann, bob))
    deleted = meetings.delete(record.id)
    services.mentors.delete(bob)
    assert meetings.restore(deleted).mentor_ids == (ann,)


def test_deleting_a_mentor_unlinks_meetings_and_undo_links_them_again(
    services: Services, meetings: MeetingService, items: ActionItemService, ann: int, bob: int
) -> None:
    alone = meetings.create(_meeting(datetime(2030, 3, 1, 9, 0), ann, status=HELD))
    group = meetings.create(_meeting(datetime(2030, 3, 2, 9, 0), ann, bob, status=HELD))
    bobs = meetings.create(_meeting(datetime(2030, 3, 3, 9, 0), bob, status=HELD))
    item = items.create(
        ActionItemFields("Report", status=ActionStatus.DONE, done_on=TODAY, meeting_id=alone.id)
    )
    assert items.get(item.id).awaits_report_back

    references = services.mentors.references(ann)
    assert references.meeting_ids == frozenset({alone.id, group.id})
    mentor = services.mentors.delete(ann)

    assert meetings.get(alone.id).is_unassigned
    assert meetings.get(group.id).mentor_ids == (bob,)
    assert meetings.get(bobs.id).mentor_ids == (bob,)
    assert meetings.count() == 3
    assert items.get(item.id).fields.meeting_id == alone.id  # still from that meeting
    assert not items.get(item.id).awaits_report_back  # nobody to report back to

    services.mentors.restore(mentor, references)
    assert meetings.get(alone.id).mentor_ids == (ann,)
    assert meetings.get(group.id).mentor_ids == tuple(sorted((ann, bob)))
    assert meetings.get(bobs.id).mentor_ids == (bob,)
    assert items.get(item.id).awaits_report_back


def test_restoring_a_mentor_without_references_leaves_meetings_unassigned(
    services: Services, meetings: MeetingService, ann: int
) -> None:
    record = meetings.create(_meeting(datetime(2030, 3, 1, 9, 0), ann))
    mentor = services.mentors.delete(ann)
    services.mentors.restore(mentor)
    assert meetings.get(record.id).is_unassigned


def test_restoring_a_mentor_skips_meetings_deleted_since(
    services: Services, meetings: MeetingService, ann: int
) -> None:
    gone = meetings.create(_meeting(datetime(2030, 3, 1, 9, 0), ann))
    stays = meetings.create(_meeting(datetime(2030, 3, 2, 9, 0), ann))
    references = services.mentors.references(ann)
    mentor = services.mentors.delete(ann)
    meetings.delete(gone.id)
    services.mentors.restore(mentor, references)
    assert meetings.get(stays.id).mentor_ids == (ann,)
    assert meetings.count() == 1


# --- "Prepare" -----------------------------------------------------------------------------


def _agreement(**changes: object) -> AgreementFields:
    return AgreementFields(
        "Talk coaching",
        status=AgreementStatus.ACTIVE,
        starts_on=date(2030, 1, 6),
        cadence_every=2,
        cadence_unit=CadenceUnit.WEEKS,
    ).replace(**changes)


def test_prepare_proposes_what_is_open_with_these_mentors(
    services: Services, meetings: MeetingService, items: ActionItemService, ann: int, bob: int
) -> None:
    talk = services.goals.create(GoalFields(title="Give a conference talk")).id
    services.agreements.create(
        ann,
        _agreement(objectives=(ObjectiveFields("Lead a team"), ObjectiveFields("", goal_id=talk))),
    )
    services.agreements.create(bob, _agreement(title="Bob's", objectives=(ObjectiveFields("X"),)))
    older = meetings.create(
        _meeting(
            datetime(2030, 2, 4, 17, 0), ann, status=HELD, agenda=(AgendaItem("Old question"),)
        )
    )
    last = meetings.create(
        _meeting(
            datetime(2030, 2, 18, 17, 0),
            ann,
            status=HELD,
            agenda=(
                AgendaItem("Salary talk", done=True),
                AgendaItem("Conference budget?"),
                AgendaItem("Team size"),
            ),
        )
    )
    # Held with Ann, but cancelled: not "the last held meeting".
    meetings.create(
        _meeting(
            datetime(2030, 2, 25, 17, 0),
            ann,
            status=MeetingStatus.CANCELLED,
            agenda=(AgendaItem("Cancelled question"),),
        )
    )
    with_bob = meetings.create(
        _meeting(datetime(2030, 2, 19, 17, 0), bob, status=HELD, agenda=(AgendaItem("Bob Q"),))
    )
    items.create(ActionItemFields("Update the CV", meeting_id=older.id))
    items.create(
        ActionItemFields("Introduce me to Lee", owner=ActionOwner.MENTOR, meeting_id=last.id)
    )
    items.create(
        ActionItemFields(
            "Read the book",
            status=ActionStatus.DONE,
            done_on=date(2030, 2, 20),
            meeting_id=last.id,
        )
    )
    items.create(
        ActionItemFields(
            "Reported already",
            status=ActionStatus.DONE,
            done_on=date(2030, 2, 20),
            reported_on=date(2030, 2, 21),
            meeting_id=last.id,
        )
    )
    items.create(ActionItemFields("Dropped idea", status=ActionStatus.DROPPED, meeting_id=last.id))
    items.create(ActionItemFields("Bob's item", meeting_id=with_bob.id))
    items.create(ActionItemFields("Not from a meeting"))

    planned = meetings.create(
        _meeting(datetime(2030, 3, 4, 17, 0), ann, agenda=(AgendaItem("team SIZE"),))
    )
    assert meetings.prepared_agenda(planned.id) == (
        AgendaItem("team SIZE"),
        AgendaItem("Progress on: Update the CV", origin="Open since 4 Feb 2030"),
        AgendaItem("Ask about: Introduce me to Lee", origin="Open since 18 Feb 2030"),
        AgendaItem("Report back: Read the book (done 20 Feb 2030)", origin="Not reported back"),
        AgendaItem("Conference budget?", origin="Left open 18 Feb 2030"),
        # "Team size" was left open too, but it is already on the agenda (case ignored).
        AgendaItem("Objective: Lead a team", origin="Agreement: Talk coaching"),
        AgendaItem("Objective: Give a conference talk", origin="Agreement: Talk coaching"),
    )
    # Nothing is stored: the person decides.
    assert meetings.get(planned.id) == planned


def test_team_size_already_typed_is_not_repeated_ignoring_case(
    meetings: MeetingService, ann: int
) -> None:
    last = meetings.create(
        _meeting(datetime(2030, 2, 18, 17, 0), ann, status=HELD, agenda=(AgendaItem("Gehalt"),))
    )
    planned = meetings.create(
        _meeting(datetime(2030, 3, 4, 17, 0), ann, agenda=(AgendaItem("GEHÄLT"),))
    )
    assert last.id != planned.id
    assert meetings.prepared_agenda(planned.id) == (AgendaItem("GEHÄLT"),)


def test_a_group_meeting_gathers_from_every_mentor(
    meetings: MeetingService, items: ActionItemService, ann: int, bob: int
) -> None:
    with_ann = meetings.create(_meeting(datetime(2030, 2, 18, 17, 0), ann, status=HELD))
    with_bob = meetings.create(
        _meeting(datetime(2030, 2, 20, 17, 0), bob, status=HELD, agenda=(AgendaItem("Bob Q"),))
    )
    items.create(ActionItemFields("For Ann", meeting_id=with_ann.id))
    items.create(ActionItemFields("For Bob", meeting_id=with_bob.id))
    group = meetings.create(_meeting(datetime(2030, 3, 4, 17, 0), ann, bob))
    assert [line.text for line in meetings.prepared_agenda(group.id)] == [
        "Progress on: For Ann",
        "Progress on: For Bob",
        "Bob Q",  # the most recent held meeting with any of them
    ]


def test_the_last_meeting_is_the_last_held_before_this_one(
    meetings: MeetingService, ann: int
) -> None:
    meetings.create(
        _meeting(datetime(2030, 2, 18, 17, 0), ann, status=HELD, agenda=(AgendaItem("Before"),))
    )
    planned = meetings.create(_meeting(datetime(2030, 3, 4, 17, 0), ann))
    # A meeting marked held after this one (a slip, or preparing an older meeting late).
    meetings.create(
        _meeting(datetime(2030, 3, 20, 17, 0), ann, status=HELD, agenda=(AgendaItem("After"),))
    )
    texts = [line.text for line in meetings.prepared_agenda(planned.id)]
    assert texts == ["Before"]


def test_items_flow_forward_to_the_next_meeting(
    meetings: MeetingService, items: ActionItemService, ann: int, bob: int
) -> None:
    first = meetings.create(_meeting(datetime(2030, 2, 18, 17, 0), ann, status=HELD))
    item = items.create(ActionItemFields("Draft the proposal", meeting_id=first.id))
    nxt = meetings.create(_meeting(datetime(2030, 3, 4, 17, 0), ann))
    other = meetings.create(_meeting(datetime(2030, 3, 5, 17, 0), bob))
    expected = AgendaItem("Progress on: Draft the proposal", origin="Open since 18 Feb 2030")
    assert meetings.prepared_agenda(nxt.id) == (expected,)
    assert meetings.prepared_agenda(other.id) == ()
    # Done: now it is to be reported back; reported: it is gone.
    items.update(item.id, item.fields.replace(status=ActionStatus.DONE, done_on=date(2030, 3, 1)))
    assert [line.text for line in meetings.prepared_agenda(nxt.id)] == [
        "Report back: Draft the proposal (done 1 Mar 2030)"
    ]
    items.update(
        item.id,
        item.fields.replace(
            status=ActionStatus.DONE, done_on=date(2030, 3, 1), reported_on=date(2030, 3, 2)
        ),
    )
    assert meetings.prepared_agenda(nxt.id) == ()


def test_an_unassigned_meeting_has_nothing_to_prepare(
    meetings: MeetingService, items: ActionItemService, ann: int
) -> None:
    held = meetings.create(_meeting(datetime(2030, 2, 18, 17, 0), ann, status=HELD))
    items.create(ActionItemFields("Open", meeting_id=held.id))
    imported = meetings.create(_meeting(datetime(2030, 3, 4, 17, 0), agenda=(AgendaItem("Q"),)))
    assert meetings.prepared_agenda(imported.id) == (AgendaItem("Q"),)


def test_a_concluded_agreement_gives_no_objectives(
    services: Services, meetings: MeetingService, ann: int
) -> None:
    services.agreements.create(
        ann,
        _agreement(status=AgreementStatus.CONCLUDED, objectives=(ObjectiveFields("Old aim"),)),
    )
    services.agreements.create(
        ann,
        _agreement(
            title="Second round",
            status=AgreementStatus.DRAFT,
            objectives=(ObjectiveFields("Draft aim"),),
        ),
    )
    planned = meetings.create(_meeting(datetime(2030, 3, 4, 17, 0), ann))
    assert meetings.prepared_agenda(planned.id) == ()


def test_prepare_of_a_missing_meeting(meetings: MeetingService) -> None:
    with pytest.raises(NotFoundError):
        meetings.prepared_agenda(404)


# --- the pulse -----------------------------------------------------------------------------


def test_pulse_reads_last_met_next_planned_next_due_and_open_items(
    services: Services, meetings: MeetingService, items: ActionItemService, ann: int, bob: int
) -> None:
    services.agreements.create(ann, _agreement())
    meetings.create(_meeting(datetime(2030, 2, 6, 17, 0), ann, status=HELD))
    last = meetings.create(_meeting(datetime(2030, 2, 20, 23, 30), ann, status=HELD))
    meetings.create(_meeting(datetime(2030, 2, 27, 17, 0), ann, status=MeetingStatus.CANCELLED))
    meetings.create(_meeting(datetime(2030, 3, 4, 9, 0), ann))  # planned, but this morning
    soon = meetings.create(_meeting(datetime(2030, 3, 11, 17, 0), ann))
    meetings.create(_meeting(datetime(2030, 3, 25, 17, 0), ann))
    items.create(ActionItemFields("One", meeting_id=last.id))
    items.create(ActionItemFields("Two", meeting_id=last.id, owner=ActionOwner.MENTOR))
    items.create(ActionItemFields("Closed", status=ActionStatus.DONE, meeting_id=last.id))
    items.create(ActionItemFields("Dropped", status=ActionStatus.DROPPED, meeting_id=last.id))
    bobs = meetings.create(_meeting(datetime(2030, 2, 21, 17, 0), bob, status=HELD))
    items.create(ActionItemFields("Bob's", meeting_id=bobs.id))

    pulse = meetings.pulse(ann)
    assert pulse.last_met == date(2030, 2, 20)
    assert pulse.next_planned == soon
    assert pulse.next_due == date(2030, 3, 6)  # two weeks after the last held meeting
    assert pulse.open_items == 2
    assert pulse.cadence_agreement is not None
    assert pulse.cadence_agreement.title == "Talk coaching"
    assert not pulse.is_overdue(date(2030, 3, 7))  # a meeting is planned


def test_pulse_before_any_meeting_is_due_at_the_agreements_start(
    services: Services, meetings: MeetingService, ann: int
) -> None:
    services.agreements.create(ann, _agreement(starts_on=date(2030, 3, 1)))
    pulse = meetings.pulse(ann)
    assert (pulse.last_met, pulse.next_planned, pulse.next_due, pulse.open_items) == (
        None,
        None,
        date(2030, 3, 1),
        0,
    )
    assert pulse.is_overdue(TODAY)
    assert not pulse.is_overdue(date(2030, 3, 1))  # the due day itself


def test_pulse_without_an_agreement_or_meetings(meetings: MeetingService, ann: int) -> None:
    pulse = meetings.pulse(ann)
    assert (pulse.last_met, pulse.next_planned, pulse.next_due, pulse.open_items) == (
        None,
        None,
        None,
        0,
    )
    assert pulse.cadence_agreement is None
    assert not pulse.is_overdue(TODAY)


def test_pulse_with_an_as_needed_agreement_is_never_due(
    services: Services, meetings: MeetingService, ann: int
) -> None:
    services.agreements.create(ann, _agreement(cadence_unit=CadenceUnit.AS_NEEDED))
    meetings.create(_meeting(datetime(2030, 1, 6, 17, 0), ann, status=HELD))
    pulse = meetings.pulse(ann)
    assert pulse.last_met == date(2030, 1, 6) and pulse.next_due is None
    assert not pulse.is_overdue(TODAY)


def test_pulse_monthly_from_the_31st(
    services: Services, meetings: MeetingService, ann: int
) -> None:
    services.agreements.create(ann, _agreement(cadence_every=1, cadence_unit=CadenceUnit.MONTHS))
    meetings.create(_meeting(datetime(2030, 1, 31, 17, 0), ann, status=HELD))
    assert meetings.pulse(ann).next_due == date(2030, 2, 28)
    assert meetings.pulse(ann).is_overdue(TODAY)


# --- "Schedule next" -----------------------------------------------------------------------


def test_schedule_next_proposes_the_first_window_after_the_due_day(
    services: Services, meetings: MeetingService, ann: int
) -> None:
    services.mentors.update(ann, MentorFields(name="Amara Okafor", time_zone="America/New_York"))
    services.agreements.create(
        ann,
        _agreement(
            typical_minutes=45,
            format=MeetingFormat.PHONE,
            place_or_link="+1 555 0100",
            windows=(
                AvailabilityWindow(3, datetime(1, 1, 1, 16).time(), datetime(1, 1, 1, 17).time()),
            ),
        ),
    )
    meetings.create(_meeting(datetime(2030, 2, 20, 17, 0), ann, status=HELD))
    proposal = meetings.next_meeting_proposal(ann)
    # Due Wednesday 6 March; the first Thursday window is 7 March, 16:00 in New York (EST),
    # 22:00 in Berlin, where it is planned.
    assert proposal == MeetingFields(
        title="Meeting with Amara Okafor",
        start=datetime(2030, 3, 7, 22, 0),
        minutes=45,
        time_zone=BERLIN,
        mentor_ids=(ann,),
        format=MeetingFormat.PHONE,
        place_or_link="+1 555 0100",
    )
    assert proposal.status is PLANNED
    assert proposal.starts_at == datetime(2030, 3, 7, 21, 0, tzinfo=UTC)
    assert meetings.count() == 1  # nothing stored
    # It can be stored as it is.
    assert meetings.create(proposal).starts_at == proposal.starts_at


def test_schedule_next_when_overdue_is_never_before_tomorrow(
    services: Services, meetings: MeetingService, ann: int
) -> None:
    services.agreements.create(ann, _agreement())
    meetings.create(_meeting(datetime(2030, 1, 7, 18, 15), ann, status=HELD, minutes=50))
    proposal = meetings.next_meeting_proposal(ann)
    # Due 21 January, long past: tomorrow at the time we usually meet, as long as last time.
    assert proposal.start == datetime(2030, 3, 5, 18, 15)
    assert proposal.minutes == 50
    assert proposal.time_zone == BERLIN


def test_schedule_next_without_an_agreement_or_meeting(meetings: MeetingService, ann: int) -> None:
    proposal = meetings.next_meeting_proposal(ann)
    assert (proposal.start, proposal.minutes, proposal.format) == (
        datetime(2030, 3, 5, 10, 0),
        60,
        MeetingFormat.VIDEO,
    )
    assert proposal.mentor_ids == (ann,)
    assert proposal.validated() == proposal


def test_schedule_next_without_an_agreement_follows_the_last_meeting(
    meetings: MeetingService, ann: int
) -> None:
    meetings.create(
        _meeting(
            datetime(2030, 2, 20, 8, 30),
            ann,
            status=HELD,
            minutes=25,
            format=MeetingFormat.IN_PERSON,
        )
    )
    proposal = meetings.next_meeting_proposal(ann)
    assert (proposal.start, proposal.minutes, proposal.format) == (
        datetime(2030, 3, 5, 8, 30),
        25,
        MeetingFormat.IN_PERSON,
    )


def test_schedule_next_with_a_mentor_zone_that_is_not_a_zone(
    services: Services, meetings: MeetingService, ann: int
) -> None:
    services.mentors.update(ann, MentorFields(name="Amara Okafor", time_zone="Lagos time"))
    services.agreements.create(
        ann,
        _agreement(
            windows=(
                AvailabilityWindow(4, datetime(1, 1, 1, 9).time(), datetime(1, 1, 1, 11).time()),
            )
        ),
    )
    meetings.create(_meeting(datetime(2030, 2, 20, 17, 0), ann, status=HELD))
    # The windows are then read in the computer's zone: Friday 8 March, 09:00 in Berlin.
    assert meetings.next_meeting_proposal(ann).start == datetime(2030, 3, 8, 9, 0)


def test_schedule_next_for_a_missing_mentor(meetings: MeetingService) -> None:
    with pytest.raises(NotFoundError):
        meetings.next_meeting_proposal(404)


def test_records_are_immutable(meetings: MeetingService) -> None:
    record = meetings.create(_meeting(datetime(2030, 3, 12, 9, 0)))
    assert isinstance(record, MeetingRecord)
    with pytest.raises(AttributeError):
        record.sequence = 5  # type: ignore[misc]


# --- debatable: current behaviour, kept visible -------------------------------------------


def test_debatable_a_meeting_already_going_is_not_the_next_planned(
    meetings: MeetingService, ann: int
) -> None:
    """DEBATABLE (reported, not changed): a planned meeting that started half an hour ago
    and is still going is not "next planned" (only starts from now on count), so the pulse
    can call the cadence overdue during the meeting itself."""
    meetings.create(_meeting(datetime(2030, 3, 4, 12, 30), ann))  # 11:30 UTC, until 12:30
    assert meetings.pulse(ann).next_planned is None


def test_debatable_prepare_proposes_items_of_the_meeting_itself(
    meetings: MeetingService, items: ActionItemService, ann: int
) -> None:
    """DEBATABLE (reported, not changed): an item written down during this meeting (still
    planned) is proposed for this meeting's own agenda, and "Prepare" is not limited to
    planned meetings."""
    planned = meetings.create(_meeting(datetime(2030, 3, 4, 17, 0), ann))
    items.create(ActionItemFields("Written today", meeting_id=planned.id))
    assert [line.text for line in meetings.prepared_agenda(planned.id)] == [
        "Progress on: Written today"
    ]


def _line_rows(location: DataLocation, meeting_id: int) -> list[tuple[str, int, int, str]]:
    connection = sqlite3.connect(location.database)
    try:
        return [
            (table, row_id, position, text)
            for table in ("agenda_item", "meeting_advice")
            for row_id, position, text in connection.execute(
                f"SELECT id, position, text FROM {table} WHERE meeting_id = ? ORDER BY position",
                (meeting_id,),
            )
        ]
    finally:
        connection.close()


def test_an_edit_writes_only_the_lines_that_changed(
    services: Services, location: DataLocation
) -> None:
    """Editing the notes rewrites no agenda or advice line; adding lines keeps the others'
    rows; a changed line is updated in place; lines taken away are deleted."""
    mentor = services.mentors.create(MentorFields(name="Amara Okafor")).id
    record = services.meetings.create(
        MeetingFields(
            title="Check-in",
            start=datetime(2026, 3, 2, 10, 0),
            mentor_ids=(mentor,),
            agenda=(AgendaItem("Pacing"), AgendaItem("Feedback")),
            advice=("Rehearse aloud",),
        )
    )
    before = _line_rows(location, record.id)
    services.meetings.update(record.id, record.fields.replace(notes="Went well"))
    assert _line_rows(location, record.id) == before
    grown = record.fields.replace(
        agenda=(AgendaItem("Pacing", done=True), AgendaItem("Feedback"), AgendaItem("Next step"))
    )
    stored = services.meetings.update(record.id, grown)
    assert stored.fields.agenda == grown.agenda
    after = _line_rows(location, record.id)
    assert [row[1] for row in after[:2]] == [row[1] for row in before[:2]]  # same rows
    assert [row[3] for row in after if row[0] == "agenda_item"] == [
        "Pacing",
        "Feedback",
        "Next step",
    ]
    shrunk = services.meetings.update(
        record.id, grown.replace(agenda=(AgendaItem("Feedback"),), advice=())
    )
    assert shrunk.fields.agenda == (AgendaItem("Feedback"),) and shrunk.fields.advice == ()
    assert [(row[2], row[3]) for row in _line_rows(location, record.id)] == [(0, "Feedback")]
    assert [h.record_id for h in services.search.search("feedback")] == [record.id]
    assert services.search.search("rehearse") == []
