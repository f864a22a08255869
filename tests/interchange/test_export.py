"""Exported files are iCalendar that validates, that calendar programs read as the meetings
(zones with their VTIMEZONEs, attendees, stable UIDs), that never carries the private notes,
and that imports back as the same meetings."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import icalendar
import pytest

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import MeetingRecord
from mentordesk.interchange.ics_export import CalendarExport
from mentordesk.interchange.ics_import import CalendarImport
from mentordesk.interchange.ics_plan import Action
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from tests.interchange.conftest import Calendars

TODAY = date(2025, 11, 20)


@pytest.fixture
def sample(services: Services) -> Services:
    load_sample_data(services, SampleSize.SMALL, today=TODAY)
    return services


@pytest.fixture
def empty_copy(tmp_path: Path, empty_database: Path) -> Iterator[Services]:
    """A second data folder: empty, for the round trip's import."""
    location = DataLocation(tmp_path / "other")
    location.root.mkdir(parents=True)
    shutil.copyfile(empty_database, location.database)
    opened = Services.open(location)
    yield opened
    opened.close()


def _parsed(path: Path) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert isinstance(calendar, icalendar.Calendar)
    return calendar


def test_the_export_validates_and_says_what_calendar_programs_need(
    sample: Services, tmp_path: Path
) -> None:
    path = tmp_path / "mentoring.ics"
    result = CalendarExport(sample).write(path)
    meetings = sample.meetings.between()
    assert result.count == len(meetings) > 10

    data = path.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded as RFC 5545 says
    calendar = _parsed(path)
    calendar.validate()
    assert calendar.get_missing_tzids() == set()  # a VTIMEZONE for every TZID used
    assert all(not component.errors for component in calendar.walk())
    assert str(calendar["VERSION"]) == "2.0" and "MentorDesk" in str(calendar["PRODID"])

    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {m.uid for m in meetings}
    mentors = {m.id: m for m in sample.mentors.list_all()}
    for meeting in meetings:
        event = events[meeting.uid]
        for name in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS"):
            assert name in event, name
        assert event.start == meeting.starts_at and event.end == meeting.ends_at
        if meeting.fields.time_zone not in ("UTC", "Etc/UTC"):
            assert event["DTSTART"].params["TZID"] == meeting.fields.time_zone
        assert str(event["SUMMARY"]) == meeting.title
        assert int(event["SEQUENCE"]) == meeting.sequence
        expected_status = "CANCELLED" if meeting.status is MeetingStatus.CANCELLED else "CONFIRMED"
        assert str(event["STATUS"]) == expected_status
        if meeting.fields.agenda:
            assert str(event["DESCRIPTION"]).split("\n") == [
                item.text for item in meeting.fields.agenda
            ]
        attendees = event.get("ATTENDEE", [])
        attendees = attendees if isinstance(attendees, list) else [attendees]
        with_email = [mentors[m] for m in meeting.mentor_ids if mentors[m].fields.email]
        assert sorted(str(a) for a in attendees) == sorted(
            f"mailto:{m.fields.email}" for m in with_email
        )
        assert sorted(a.params["CN"] for a in attendees) == sorted(m.name for m in with_email)
    notes = [m.fields.notes for m in meetings if m.fields.notes]
    assert notes and not any(note[:40].encode() in data for note in notes)  # private


def test_the_uid_is_stable_and_an_imported_event_keeps_its_own(
    calendars: Calendars, tmp_path: Path
) -> None:
    services = calendars.services
    calendars.importer.apply(calendars.read("outlook.ics"))
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    CalendarExport(services).write(first)
    CalendarExport(services).write(second)
    uids = [
        (str(e["UID"]), e.get("RECURRENCE-ID") and e["RECURRENCE-ID"].dt)
        for e in _parsed(first).walk("VEVENT")
    ]
    assert uids == [
        (str(e["UID"]), e.get("RECURRENCE-ID") and e["RECURRENCE-ID"].dt)
        for e in _parsed(second).walk("VEVENT")
    ]
    outlook_uid = (
        "040000008200E00074C5B7101A82E00800000000D0B5E3C2A0A4DC01000000000000000"
        "010000000A1B2C3D4E5F60718293A4B5C6D7E8F9"
    )
    instances = [rid for uid, rid in uids if uid == outlook_uid]
    assert len(instances) == 11 and all(rid is not None for rid in instances)
    assert len(set(uids)) == len(uids) == 13
    # Importing the export changes nothing: every event is its meeting.
    assert calendars.read(first).count(Action.UNCHANGED) == 13


def test_export_by_mentor_and_days(calendars: Calendars, tmp_path: Path) -> None:
    services = calendars.services
    calendars.importer.apply(calendars.read("google.ics"))
    export = CalendarExport(services)
    jose = export.meetings([calendars.ids["jose"]])
    assert {m.title for m in jose} == {"Weekly check-in with José"}
    march = export.meetings(start=date(2026, 3, 1), end=date(2026, 3, 31))
    assert sorted(m.title for m in march) == ["Career chat with Amara", "Quick call with Amara"]


def _facts(a: MeetingRecord, mentor_names: dict[int, str]) -> tuple[object, ...]:
    """What a round trip keeps: times and zone, mentors, status, format, title, place, agenda
    (with its ticks)."""
    return (
        a.starts_at,
        a.ends_at,
        a.fields.time_zone,
        sorted(mentor_names[m] for m in a.mentor_ids),
        a.status,
        a.fields.format,
        a.title,
        a.fields.place_or_link,
        a.fields.agenda and [(i.text, i.done) for i in a.fields.agenda],
    )


def round_trip(source: Services, target: Services, path: Path) -> tuple[int, int]:
    """Export ``source``, import it into ``target`` (given the same mentors); returns the
    meetings compared and how many differ."""
    CalendarExport(source).write(path)
    for mentor in source.mentors.list_all():
        target.mentors.create(mentor.fields)
    importer = CalendarImport(target)
    plan = importer.read(path, date(1990, 1, 1), date(2100, 1, 1))
    assert plan.count(Action.NEW) == source.meetings.count()
    importer.apply(plan)
    names_before = {m.id: m.name for m in source.mentors.list_all()}
    names_after = {m.id: m.name for m in target.mentors.list_all()}
    before = {m.uid: m for m in source.meetings.between()}
    after = {m.uid: m for m in target.meetings.between()}
    assert set(before) == set(after)
    differ = sum(
        1
        for uid, meeting in before.items()
        if _facts(meeting, names_before) != _facts(after[uid], names_after)
    )
    # And again: nothing changes the second time.
    assert not importer.read(path, date(1990, 1, 1), date(2100, 1, 1)).writes
    return len(before), differ


def test_round_trip_of_the_small_sample(
    sample: Services, empty_copy: Services, tmp_path: Path
) -> None:
    compared, differ = round_trip(sample, empty_copy, tmp_path / "small.ics")
    assert compared > 10 and differ == 0


@pytest.mark.slow
def test_round_trip_of_the_decade_sample(
    services: Services, empty_copy: Services, tmp_path: Path
) -> None:
    load_sample_data(services, SampleSize.DECADE, today=TODAY)
    compared, differ = round_trip(services, empty_copy, tmp_path / "decade.ics")
    print(f"round trip of the decade sample: {compared} meetings, {differ} differ")
    assert compared > 3000 and differ == 0
