"""Meetings as an iCalendar file that calendar programs open.

One VEVENT per meeting, with the meeting's UID (kept from the file it came from, made by
MentorDesk otherwise), so that exporting again updates the events in another calendar
instead of adding them twice; an instance of a recurring event keeps its RECURRENCE-ID.
Times carry their zone's TZID with a VTIMEZONE for it (UTC ones are written in UTC); the
agenda is the DESCRIPTION; each mentor with an email is an ATTENDEE, the person (when their
address is set) the ORGANIZER. What only MentorDesk reads (status, format, ticks, mentors'
names) goes into X-MENTORDESK-* properties, which other programs keep and ignore. The notes,
advice and takeaway stay private: they are never written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk import APP_NAME, __version__
from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import MeetingRecord
from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.settings import PersonalSettings
from mentordesk.domain.time_zones import zone
from mentordesk.domain.validation import url_error
from mentordesk.files import write_atomically
from mentordesk.interchange.errors import CalendarFileError
from mentordesk.interchange.ics_read import recurrence_value

if TYPE_CHECKING:
    from icalendar import Calendar, Event

    from mentordesk.services.context import Services

log = logging.getLogger(__name__)

PRODID = f"-//{APP_NAME}//{APP_NAME} {__version__}//EN"
_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT"})


def build_calendar(
    meetings: Sequence[MeetingRecord],
    mentors: Mapping[int, MentorRecord],
    settings: PersonalSettings,
    *,
    recurrence_ids: Mapping[int, str] | None = None,
    now: datetime | None = None,
) -> Calendar:
    """The calendar holding ``meetings`` (with ``recurrence_ids``: meeting id -> the
    RECURRENCE-ID of an imported instance)."""
    from icalendar import Calendar

    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar.new(prodid=PRODID, method="PUBLISH", calscale="GREGORIAN")
    for record in meetings:
        calendar.add_component(
            _event(record, mentors, settings, (recurrence_ids or {}).get(record.id, ""), stamp)
        )
    if meetings:
        first = min(m.starts_at for m in meetings).date() - timedelta(days=366)
        last = max(m.ends_at for m in meetings).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def _event(
    record: MeetingRecord,
    mentors: Mapping[int, MentorRecord],
    settings: PersonalSettings,
    recurrence_id: str,
    stamp: datetime,
) -> Event:
    from icalendar import Event, vCalAddress
    from icalendar.enums import STATUS

    f = record.fields
    start, end = _times(record, recurrence_id)
    place = f.place_or_link
    event = Event.new(
        uid=record.uid,
        stamp=stamp,
        summary=f.title,
        start=start,
        end=end,
        sequence=record.sequence,
        status=STATUS.CANCELLED if f.status is MeetingStatus.CANCELLED else STATUS.CONFIRMED,
        created=record.created_at.astimezone(UTC).replace(microsecond=0),
        last_modified=record.updated_at.astimezone(UTC).replace(microsecond=0),
    )
    recurrence = recurrence_value(recurrence_id) if recurrence_id else None
    if recurrence is not None:
        event.add("RECURRENCE-ID", recurrence)
    if place:
        event.add("LOCATION", place)
        if url_error(place) is None and place.lower().startswith(("http://", "https://")):
            event.add("URL", place)
    if f.agenda:
        event.add("DESCRIPTION", "\n".join(item.text for item in f.agenda))
        if any(item.done for item in f.agenda):
            event.add("X-MENTORDESK-DONE", ",".join("1" if i.done else "0" for i in f.agenda))
    if settings.your_emails:
        organizer = vCalAddress(f"mailto:{settings.your_emails[0]}")
        if settings.your_name:
            organizer.params["CN"] = _parameter(settings.your_name)
        event.add("ORGANIZER", organizer)
    for mentor_id in f.mentor_ids:
        mentor = mentors.get(mentor_id)
        if mentor is None:
            continue
        if mentor.fields.email:
            attendee = vCalAddress(f"mailto:{mentor.fields.email}")
            attendee.params["CN"] = _parameter(mentor.name)
            attendee.params["ROLE"] = "REQ-PARTICIPANT"
            attendee.params["CUTYPE"] = "INDIVIDUAL"
            event.add("ATTENDEE", attendee)
        event.add("X-MENTORDESK-MENTOR", mentor.name)
    event.add("X-MENTORDESK-STATUS", f.status.value)
    event.add("X-MENTORDESK-FORMAT", f.format.value)
    # The zone's own name: a zone that is UTC all year (Africa/Accra) is written in UTC.
    event.add("X-MENTORDESK-TZ", f.time_zone)
    return event


def _times(record: MeetingRecord, recurrence_id: str) -> tuple[date | datetime, date | datetime]:
    """Start and end in the meeting's own zone (UTC ones in UTC); whole days for an
    instance of an all-day series, whose RECURRENCE-ID is a day."""
    f = record.fields
    tz = UTC if f.time_zone in _UTC_NAMES else zone(f.time_zone)
    start = record.starts_at.astimezone(tz)
    end = record.ends_at.astimezone(tz)
    if len(recurrence_id) == 8 and start.time() == time(0) and f.minutes % (24 * 60) == 0:
        return start.date(), end.date()
    return start, end


def _parameter(text: str) -> str:
    """A name as a parameter value: icalendar quotes it, but a double quote cannot be."""
    return text.replace('"', "'")


def calendar_bytes(calendar: Calendar) -> bytes:
    return bytes(calendar.to_ical())


# --- the export command ----------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int


class CalendarExport:
    """Write meetings of ``services`` to a calendar file."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def meetings(
        self,
        mentor_ids: Sequence[int] = (),
        start: date | None = None,
        end: date | None = None,
    ) -> list[MeetingRecord]:
        """The meetings with any of ``mentor_ids`` (all when empty) taking place from
        ``start`` to ``end`` (local days, inclusive; None: open)."""
        first = _local_midnight(start) if start else None
        after = _local_midnight(end + timedelta(days=1)) if end else None
        return self._services.meetings.between(first, after, mentor_ids=mentor_ids)

    def write(
        self,
        path: Path,
        mentor_ids: Sequence[int] = (),
        start: date | None = None,
        end: date | None = None,
        *,
        cancelled: Callable[[], bool] | None = None,
    ) -> ExportResult:
        """Write the chosen meetings to ``path`` (replacing it whole, or not at all);
        ExportCancelled (nothing written) when ``cancelled()`` turns true before the file
        is put in place."""
        from mentordesk.interchange import _meeting_rows as rows
        from mentordesk.interchange.errors import check_cancelled

        services = self._services
        meetings = self.meetings(mentor_ids, start, end)
        calendar = build_calendar(
            meetings,
            {m.id: m for m in services.mentors.list_all()},
            services.settings.read(),
            recurrence_ids=rows.recurrence_ids(services.sessions, [m.id for m in meetings]),
        )
        data = calendar_bytes(calendar)
        check_cancelled(cancelled)
        write_file(path, data)
        log.info("exported %d meetings to a calendar file", len(meetings))
        return ExportResult(path, len(meetings))


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it, so that a failure
    leaves whatever was there before."""
    if path.is_dir():
        raise CalendarFileError(path, "It is a folder.", nothing="Nothing was written.")
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise CalendarFileError(
            path, f"It cannot be written ({exc.strerror or exc}).", nothing="Nothing was written."
        ) from exc


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()
