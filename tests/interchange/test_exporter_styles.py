"""Files written the way Google Calendar, Outlook, Apple Calendar and Thunderbird write
them (tests/interchange/data/) import as the meetings they describe: times in their zones
(IANA, Windows and globally unique names, UTC, floating, all-day), recurrences expanded with
their exceptions, text unescaped and kept literally, and mentors found by address or name."""

from __future__ import annotations

from datetime import UTC, datetime

from mentordesk.domain.enums import MeetingFormat, MeetingStatus
from mentordesk.interchange.ics_plan import Action, ImportPlan, MappedBy, PlannedEvent
from tests.interchange.conftest import HOME, Calendars


def _by_title(plan: ImportPlan, title: str) -> list[PlannedEvent]:
    return [p for p in plan.events if p.event.title == title]


def _at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_google_style(calendars: Calendars) -> None:
    plan = calendars.read("google.ics")
    assert plan.count(Action.NEW) == 10 and plan.count(Action.LEFT_OUT) == 0

    (chat,) = _by_title(plan, "Career chat with Amara")
    assert chat.event.starts_at == _at(2026, 3, 10, 9)
    assert chat.event.time_zone == "Europe/Berlin"  # X-WR-TIMEZONE, made standard
    assert calendars.names(chat.mentor_ids) == {"amara"}  # not me, though I am invited too
    assert chat.mapped_by is MappedBy.EMAIL
    # Folded lines joined, \, and \; unescaped, the markup kept as text.
    assert chat.event.agenda == (
        "<b>Agenda</b><br>Promotion case, first draft<br>Feedback on my talk; the "
        "<i>second</i> half",
    )
    assert chat.fields is not None
    assert chat.fields.place_or_link == "https://meet.google.com/abc-defg-hij"
    assert chat.fields.format is MeetingFormat.VIDEO

    weekly = _by_title(plan, "Weekly check-in with José")
    # Six Mondays from 5 January, less the EXDATE of the 19th; the 26th moved to Tuesday.
    assert [p.event.starts_at for p in weekly] == [
        _at(2026, 1, 5, 17),
        _at(2026, 1, 12, 17),
        _at(2026, 1, 27, 18),
        _at(2026, 2, 2, 17),
        _at(2026, 2, 9, 17),
    ]
    assert len({p.event.uid for p in weekly}) == 1
    assert [p.event.recurrence_id for p in weekly][2] == "20260126T170000Z"
    assert weekly[2].event.agenda == ("Weekly check-in (moved to Tuesday)",)
    assert weekly[0].event.agenda == ("Weekly check-in", "What went well", "What is stuck")
    assert weekly[0].event.place == "Café Einstein, Unter den Linden 42, Berlin"
    assert weekly[0].fields is not None and weekly[0].fields.format is MeetingFormat.IN_PERSON
    assert all(calendars.names(p.mentor_ids) == {"jose"} for p in weekly)

    (workshop,) = _by_title(plan, "Workshop day with Zoë")
    assert workshop.event.all_day and workshop.event.minutes == 24 * 60
    assert workshop.event.starts_at == _at(2026, 4, 14, 22)  # midnight in Berlin
    assert calendars.names(workshop.mentor_ids) == {"zoe"}

    (cancelled,) = _by_title(plan, "Quick call with Amara")
    assert cancelled.event.status is MeetingStatus.CANCELLED

    (priya,) = _by_title(plan, "Coffee with Priya")
    assert priya.is_unassigned and priya.mapped_by is MappedBy.NONE  # not one of my mentors

    (floating,) = _by_title(plan, "Review of the quarter")
    assert floating.event.starts_at == _at(2026, 5, 5, 8)  # 10:00 in the calendar's zone


def test_outlook_style(calendars: Calendars) -> None:
    plan = calendars.read("outlook.ics")
    monthly = [p for p in plan.events if p.event.title.startswith("Monthly mentoring")]
    # First Thursdays of 2026 in "W. Europe Standard Time" (its own VTIMEZONE), March moved.
    assert [p.event.starts_at.date().isoformat() for p in monthly] == [
        "2026-02-05",
        "2026-03-06",
        "2026-04-02",
        "2026-05-07",
        "2026-06-04",
        "2026-07-02",
        "2026-08-06",
        "2026-09-03",
        "2026-10-01",
        "2026-11-05",
        "2026-12-03",
    ]
    assert monthly[0].event.starts_at == _at(2026, 2, 5, 8)  # 09:00 CET
    assert monthly[2].event.starts_at == _at(2026, 4, 2, 7)  # 09:00 CEST
    assert {p.event.time_zone for p in monthly} == {"Europe/Berlin"}
    moved = monthly[1]
    assert moved.event.title == "Monthly mentoring: Amara (moved)"
    assert moved.event.starts_at == _at(2026, 3, 6, 13)
    assert moved.event.place == "Room 4.12, Lumen Health"
    # ORGANIZER;CN="Okafor, Amara":MAILTO:Amara@Example.org, in any case.
    assert all(calendars.names(p.mentor_ids) == {"amara"} for p in monthly)
    first = monthly[0].event
    assert first.agenda[:3] == ("Topics:", "- the reorg", "- my promotion case")
    assert first.agenda[-2].startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_")
    assert first.format is MeetingFormat.VIDEO  # "Microsoft Teams Meeting"

    (talk,) = _by_title(plan, "Data career talk")
    # TZID=Pacific Standard Time with no VTIMEZONE: the Windows name, through icalendar.
    assert talk.event.time_zone == "America/Los_Angeles"
    assert talk.event.starts_at == _at(2026, 6, 12, 15)
    assert calendars.names(talk.mentor_ids) == {"wang"}

    (review,) = _by_title(plan, "Design review")
    # A "Customized Time Zone" (+05:30) defined in the file: the moment is exact.
    assert review.event.starts_at == _at(2026, 7, 10, 11, 30)
    # "Ødegaard, Zoë" at another address: found by the name, written last-name first.
    assert calendars.names(review.mentor_ids) == {"zoe"}
    assert review.mapped_by is MappedBy.NAME


def test_apple_style(calendars: Calendars) -> None:
    plan = calendars.read("apple.ics")
    fortnightly = _by_title(plan, "Fortnightly 1:1 – Amara")
    assert [p.event.starts_at for p in fortnightly] == [
        _at(2026, 2, 3, 16),
        _at(2026, 2, 17, 16),
        _at(2026, 3, 3, 16),
        _at(2026, 3, 17, 15),  # New York is on summer time by then
    ]
    first = fortnightly[0]
    assert first.event.time_zone == "America/New_York"
    assert first.event.place == "https://whereby.com/amara-mentoring"  # URL;VALUE=URI
    # Apple's attendees are urn:uuid: with the address in EMAIL=.
    assert calendars.names(first.mentor_ids) == {"amara"}

    (night,) = _by_title(plan, "Night owl call with 王芳")
    # 01:30 EST to 03:00 EDT on the night the clocks go forward: thirty minutes.
    assert night.event.minutes == 30
    assert calendars.names(night.mentor_ids) == {"wang"}  # by the CN, in any script

    (retreat,) = _by_title(plan, "Mentoring retreat")
    assert retreat.action is Action.NEW and retreat.event.minutes == 2 * 24 * 60
    assert retreat.event.place == "Lakeside Lodge Lake Road 1, Woodstock, NY, United States"
    (conference,) = _by_title(plan, "Conference week")
    assert conference.action is Action.LEFT_OUT
    assert conference.reason == "lasts longer than two days"


def test_thunderbird_style(calendars: Calendars) -> None:
    plan = calendars.read("thunderbird.ics")
    practice = _by_title(plan, "Sprint to the talk – daily practice")
    # Daily for four days less two EXDATEs (written as one list), plus an RDATE.
    assert [p.event.starts_at for p in practice] == [
        _at(2026, 3, 2, 8),
        _at(2026, 3, 5, 8),
        _at(2026, 3, 10, 8),
    ]
    # The globally unique TZID /mozilla.org/20070129_1/Europe/London.
    assert {p.event.time_zone for p in practice} == {"Europe/London"}
    assert practice[0].event.agenda == (
        "Slides are in C:\\Users\\sam\\talk.odp",
        "Run through, time it",
    )
    assert calendars.names(practice[0].mentor_ids) == {"zoe"}  # I organise: not a mentor

    (lunch,) = _by_title(plan, "Lunch with José Álvarez")
    assert lunch.event.time_zone == HOME and lunch.event.starts_at == _at(2026, 3, 18, 11, 30)
    assert lunch.is_unassigned  # a name in the title is no attendee

    (goals,) = _by_title(plan, "Goal setting")
    # 02:30 on the night the clocks go back happens twice: the first, in summer time.
    assert goals.event.starts_at == _at(2026, 10, 25, 0, 30)
    assert len(plan.events) == 5  # the VTODO is no meeting


def test_every_style_imports_and_the_meetings_read_back(calendars: Calendars) -> None:
    services = calendars.services
    for name in ("google.ics", "outlook.ics", "apple.ics", "thunderbird.ics"):
        plan = calendars.read(name)
        result = calendars.importer.apply(plan)
        assert result.created == plan.count(Action.NEW) > 0
        for index, meeting_id in result.meeting_ids.items():
            planned = plan.events[index]
            stored = services.meetings.get(meeting_id)
            assert stored.fields == planned.fields
            assert stored.uid == planned.event.uid
    meetings = services.meetings.between()
    assert len(meetings) == 10 + 13 + 6 + 5  # every one but the week-long conference
    unassigned = {m.title for m in meetings if m.is_unassigned}
    assert unassigned == {
        "Coffee with Priya",
        "Review of the quarter",
        "Mentoring retreat",
        "Lunch with José Álvarez",
    }


def test_text_keeps_what_is_printable_and_loses_what_is_not() -> None:
    """Titles and agendas keep every printable character (accents, scripts, markup) and lose
    control characters, lone surrogates and the invisible ones that reorder text."""
    from mentordesk.interchange.ics_read import _clean

    kept = "Zoë – 王芳 <b>*bold*</b>\tend\nnext"
    assert _clean(kept) == kept
    assert _clean("a\r\nb\rc") == "a\nb\nc"
    assert _clean("x\x00\x07\x1b[31m\u202eevil\u2066\ud800\u2028\x85y") == "x[31mevily"
    # Not printable to Python, but text all the same: a no-break space stays.
    assert _clean("no\u00a0break") == "no\u00a0break"
