"""The gratitude log through its service: what is stored and refused, a mentor's log newest
first, delete and restore, when each mentor was last thanked, whom it is time to thank
(the span's boundaries with a fixed clock, and the span setting), and a mentor's delete
taking their log with it and its undo putting it back."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest

from mentordesk.domain.enums import Direction, GratitudeKind, MeetingStatus, MentorStatus
from mentordesk.domain.gratitude import GratitudeFields
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.gratitude import GratitudeService
from tests.helpers import NOON, Clock

pytestmark = pytest.mark.usefixtures("local_time_is_utc")

TODAY = date(2030, 3, 4)  # NOON's day, local time pinned to UTC
SPAN = 90
NOTE, UPDATE = GratitudeKind.THANK_YOU_NOTE, GratitudeKind.UPDATE_SENT


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def log(services: Services, clock: Clock) -> GratitudeService:
    return GratitudeService(services.sessions, clock=clock)


def mentor(services: Services, name: str, **fields: object) -> int:
    return services.mentors.create(MentorFields(name=name, **fields)).id  # type: ignore[arg-type]


def meet(
    services: Services,
    mentor_id: int,
    day: date,
    status: MeetingStatus = MeetingStatus.HELD,
    hour: int = 12,
) -> None:
    services.meetings.create(
        MeetingFields(
            "Check-in",
            start=datetime.combine(day, datetime.min.time()).replace(hour=hour),
            time_zone="UTC",
            mentor_ids=(mentor_id,),
            status=status,
        )
    )


def thank(log: GratitudeService, mentor_id: int, day: date, text: str = "Thanks!") -> int:
    return log.add(GratitudeFields(mentor_id, day, NOTE, text)).id


# --- storing ------------------------------------------------------------------------------


def test_add_stores_the_entry_as_validated(services: Services, log: GratitudeService) -> None:
    ann = mentor(services, "Amara Okafor")
    record = log.add(GratitudeFields(ann, ago(3), UPDATE, "  Told her the talk went well "))
    assert (record.mentor_id, record.given_on, record.kind, record.text) == (
        ann,
        ago(3),
        UPDATE,
        "Told her the talk went well",
    )
    assert record.created_at == record.updated_at == NOON
    assert log.get(record.id) == record
    assert log.list_all() == [record]
    assert log.count() == 1


def test_refused_input_stores_nothing(
    services: Services, log: GratitudeService, location: DataLocation
) -> None:
    ann = mentor(services, "Amara Okafor")
    for fields, field in (
        (GratitudeFields(ann, TODAY, NOTE, "  "), "text"),
        (GratitudeFields(ann, TODAY + timedelta(days=1), NOTE, "Lunch"), "given_on"),
        (GratitudeFields(ann + 99, TODAY, NOTE, "Lunch"), "mentor_id"),
    ):
        with pytest.raises(ValidationError) as caught:
            log.add(fields)
        assert set(caught.value.field_errors) == {field}
    connection = sqlite3.connect(location.database)
    try:
        assert connection.execute("SELECT count(*) FROM gratitude_entry").fetchone() == (0,)
    finally:
        connection.close()


def test_of_mentor_is_newest_first_and_only_theirs(
    services: Services, log: GratitudeService
) -> None:
    ann, bob = mentor(services, "Amara Okafor"), mentor(services, "Bob Lin")
    first = thank(log, ann, ago(30))
    same_day = thank(log, ann, ago(2))
    latest_written = thank(log, ann, ago(2))
    thank(log, bob, ago(1))
    assert [r.id for r in log.of_mentor(ann)] == [latest_written, same_day, first]
    assert [r.given_on for r in log.list_all()] == [ago(30), ago(2), ago(2), ago(1)]


def test_update_changes_the_entry_and_its_time(
    services: Services, log: GratitudeService, clock: Clock
) -> None:
    ann = mentor(services, "Amara Okafor")
    entry = thank(log, ann, ago(5))
    clock.advance(minutes=5)
    updated = log.update(entry, GratitudeFields(ann, ago(4), UPDATE, "Sent the write-up"))
    assert (updated.given_on, updated.kind, updated.text) == (ago(4), UPDATE, "Sent the write-up")
    assert updated.updated_at == NOON + timedelta(minutes=5) and updated.created_at == NOON
    with pytest.raises(ValidationError):
        log.update(entry, GratitudeFields(ann, ago(4), UPDATE, ""))
    assert log.get(entry).text == "Sent the write-up"
    with pytest.raises(NotFoundError):
        log.update(entry + 1, GratitudeFields(ann, ago(4), UPDATE, "x"))


def test_delete_returns_what_restore_puts_back_whole(
    services: Services, log: GratitudeService
) -> None:
    ann = mentor(services, "Amara Okafor")
    entry = log.get(thank(log, ann, ago(5), "Coffee"))
    deleted = log.delete(entry.id)
    assert deleted == entry
    assert log.list_all() == []
    with pytest.raises(NotFoundError):
        log.delete(entry.id)
    assert log.restore(deleted) == entry
    with pytest.raises(ValidationError):
        log.restore(deleted)  # already there


def test_last_thanked_per_mentor(services: Services, log: GratitudeService) -> None:
    ann, bob, _cy = (mentor(services, n) for n in ("Ann", "Bob", "Cy"))
    thank(log, ann, ago(40))
    thank(log, ann, ago(4))
    thank(log, bob, ago(100))
    assert log.last_thanked() == {ann: ago(4), bob: ago(100)}
    assert log.last_thanked(on_or_before=ago(5)) == {ann: ago(40), bob: ago(100)}


# --- whom to thank ------------------------------------------------------------------------


def test_thanks_due_at_the_boundaries_of_the_span(
    services: Services, log: GratitudeService
) -> None:
    """Today is 2030-03-04 and the span 90 days: the window runs from 2029-12-04 on."""
    exactly = mentor(services, "Thanked exactly 90 days ago")
    day_more = mentor(services, "Thanked 91 days ago")
    never = mentor(services, "Never thanked")
    met_long_ago = mentor(services, "Met 91 days ago only")
    met_at_the_edge = mentor(services, "Met exactly 90 days ago")
    for person in (exactly, day_more, never):
        meet(services, person, ago(10))
    thank(log, exactly, ago(SPAN))
    thank(log, day_more, ago(SPAN + 1))
    meet(services, met_long_ago, ago(SPAN + 1))
    meet(services, met_at_the_edge, ago(SPAN))

    due = log.thanks_due(TODAY, SPAN)
    assert [d.mentor_id for d in due] == [never, met_at_the_edge, day_more]
    assert (due[0].last_met, due[0].last_thanked) == (ago(10), None)
    assert (due[2].last_met, due[2].last_thanked) == (ago(10), ago(SPAN + 1))


def test_only_active_unarchived_mentors_who_mentor_me_and_held_meetings(
    services: Services, log: GratitudeService
) -> None:
    paused = mentor(services, "Paused", status=MentorStatus.PAUSED)
    archived = mentor(services, "Archived")
    services.mentors.set_archived(archived, True)
    mentee = mentor(services, "Mentee", direction=Direction.I_MENTOR_THEM)
    cancelled = mentor(services, "Only cancelled lately")
    planned_today = mentor(services, "Planned later today")
    due = mentor(services, "Due")
    for person in (paused, archived, mentee, due):
        meet(services, person, ago(3))
    meet(services, cancelled, ago(3), MeetingStatus.CANCELLED)
    meet(services, cancelled, ago(200))
    meet(services, planned_today, TODAY, MeetingStatus.PLANNED, hour=18)
    assert [d.mentor_id for d in log.thanks_due(TODAY, SPAN)] == [due]


def test_a_held_meeting_after_today_does_not_count_nor_a_later_thanks(
    services: Services, log: GratitudeService
) -> None:
    ann = mentor(services, "Ann")
    meet(services, ann, ago(200))
    meet(services, ann, TODAY + timedelta(days=1))  # marked held ahead of time
    assert log.thanks_due(TODAY, SPAN) == []
    meet(services, ann, ago(1))
    assert [d.mentor_id for d in log.thanks_due(TODAY, SPAN)] == [ann]
    thank(log, ann, TODAY)
    assert log.thanks_due(TODAY, SPAN) == []
    # Seen from the day of that meeting, today's thanks was not given yet.
    assert [d.last_thanked for d in log.thanks_due(ago(1), SPAN)] == [None]


def test_the_span_defaults_to_the_setting(services: Services, log: GratitudeService) -> None:
    ann = mentor(services, "Ann")
    meet(services, ann, ago(5))
    thank(log, ann, ago(60))
    assert services.settings.read().thanks_after_days == 90
    assert log.thanks_due(TODAY) == []  # thanked 60 days ago: within 90
    services.settings.save(services.settings.read().replace(thanks_after_days=30))
    assert [d.mentor_id for d in log.thanks_due(TODAY)] == [ann]
    assert log.thanks_due(TODAY, 60) == []  # a span given wins over the setting


# --- a mentor's delete and its undo -----------------------------------------------------


def test_deleting_a_mentor_deletes_their_log_and_undo_puts_it_back(
    services: Services, log: GratitudeService
) -> None:
    ann, bob = mentor(services, "Amara Okafor"), mentor(services, "Bob Lin")
    entries = [log.get(thank(log, ann, ago(d), f"Thanks {d}")) for d in (30, 3)]
    kept = thank(log, bob, ago(2))

    references = services.mentors.references(ann)
    assert references.gratitude == tuple(entries)  # oldest first, whole
    assert references  # something refers to the mentor
    record = services.mentors.delete(ann)
    assert log.of_mentor(ann) == []
    assert [r.id for r in log.list_all()] == [kept]

    services.mentors.restore(record, references)
    assert log.of_mentor(ann) == entries[::-1]  # same ids, times and text
    assert log.last_thanked() == {ann: ago(3), bob: ago(2)}
