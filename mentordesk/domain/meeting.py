"""A meeting with its mentors, agenda, notes and advice: what can be typed, what must hold,
and the stored record with the rules on it (when it starts and ends, what it overlaps).

The start is typed as a wall-clock time in the meeting's time zone and stored in UTC; a
record gives it back in any zone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import TypeVar

from mentordesk.domain.enums import MeetingFormat, MeetingStatus
from mentordesk.domain.text import one_line
from mentordesk.domain.time_zones import is_nonexistent, to_utc, zone_error
from mentordesk.domain.validation import (
    NAME_MAX,
    NOTES_MAX,
    ValidationError,
    line_error,
    lines_error,
)

# A meeting lasts from one minute to two days (a retreat); longer is a typing slip.
LONGEST_MINUTES = 2 * 24 * 60
AGENDA_LINE_MAX = 1000

MEETING_COLUMN_FIELDS = (
    "title",
    "minutes",
    "time_zone",
    "format",
    "place_or_link",
    "status",
    "notes",
    "takeaway",
)


def tidy_line(text: str) -> str:
    return " ".join(one_line(text).split())


@dataclass(frozen=True)
class AgendaItem:
    """A question or topic for the meeting, ticked off when it was answered. ``origin`` says
    where "Prepare" found it ("Open action item from 3 March"); empty when typed."""

    text: str
    done: bool = False
    origin: str = ""


@dataclass(frozen=True)
class MeetingFields:
    """Everything typed on a meeting. ``start`` is naive: the wall-clock time in
    ``time_zone``."""

    title: str
    start: datetime
    minutes: int = 60
    time_zone: str = "UTC"
    mentor_ids: tuple[int, ...] = ()
    format: MeetingFormat = MeetingFormat.VIDEO
    place_or_link: str = ""
    status: MeetingStatus = MeetingStatus.PLANNED
    agenda: tuple[AgendaItem, ...] = ()
    notes: str = ""  # Markdown
    advice: tuple[str, ...] = ()
    takeaway: str = ""

    def replace(self, **changes: object) -> MeetingFields:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def normalized(self) -> MeetingFields:
        """Trim text, drop blank agenda and advice lines; never changes meaning."""
        return self.replace(
            title=tidy_line(self.title),
            start=self.start.replace(second=0, microsecond=0, tzinfo=None),
            time_zone=self.time_zone.strip(),
            mentor_ids=tuple(sorted(set(self.mentor_ids))),
            place_or_link=tidy_line(self.place_or_link),
            agenda=tuple(
                AgendaItem(tidy_line(item.text), item.done, tidy_line(item.origin))
                for item in self.agenda
                if item.text.strip()
            ),
            notes=self.notes.strip(),
            advice=tuple(tidy_line(line) for line in self.advice if line.strip()),
            takeaway=tidy_line(self.takeaway),
        )

    def errors(self) -> dict[str, str]:
        """Field name -> message for every rule this meeting breaks."""
        found: dict[str, str | None] = {
            "title": line_error(self.title, "Title", NAME_MAX, required=True),
            "time_zone": zone_error(self.time_zone),
            "place_or_link": line_error(self.place_or_link, "The place or link"),
            "notes": lines_error(self.notes, "The notes", NOTES_MAX),
            "takeaway": line_error(self.takeaway, "The key takeaway", AGENDA_LINE_MAX),
            "agenda": next(
                (
                    m
                    for item in self.agenda
                    if (m := line_error(item.text, "An agenda line", AGENDA_LINE_MAX))
                ),
                None,
            ),
            "advice": next(
                (m for line in self.advice if (m := line_error(line, "Advice", AGENDA_LINE_MAX))),
                None,
            ),
        }
        if self.minutes < 0:
            found["minutes"] = "The meeting ends before it starts."
        elif self.minutes == 0:
            found["minutes"] = "A meeting lasts at least one minute."
        elif self.minutes > LONGEST_MINUTES:
            found["minutes"] = "A meeting lasts at most two days."
        if found["time_zone"] is None and is_nonexistent(self.start, self.time_zone.strip()):
            found["start"] = (
                f"{self.start:%H:%M} does not exist on {self.start:%Y-%m-%d} in "
                f"{self.time_zone.strip()}: the clocks go forward then. Choose another time."
            )
        return {name: message for name, message in found.items() if message}

    def validated(self) -> MeetingFields:
        """The normalized meeting, or ValidationError naming each field that is wrong."""
        fields = self.normalized()
        errors = fields.errors()
        if errors:
            raise ValidationError(errors)
        return fields

    # Computed once per instance (the calendar reads them many times per paint). The cache
    # sits in the instance's __dict__, outside the fields: equality, hash and repr ignore it,
    # and ``replace`` builds a new instance that computes its own.
    @cached_property
    def starts_at(self) -> datetime:
        """The start in UTC (the fields must be valid)."""
        return to_utc(self.start, self.time_zone)

    @cached_property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


class _InTime:
    """What a meeting in time answers, whether read whole or for a calendar grid."""

    # What each kind has (as a field or a property); only declared here.
    id: int
    starts_at: datetime
    status: MeetingStatus
    mentor_ids: tuple[int, ...]

    @property
    def is_unassigned(self) -> bool:
        """No mentor yet: brought in from another calendar and not yet assigned."""
        return not self.mentor_ids

    @property
    def takes_place(self) -> bool:
        """Planned or held: it holds (or held) the time, unlike a cancelled or missed one."""
        return self.status in (MeetingStatus.PLANNED, MeetingStatus.HELD)

    def local_start(self) -> datetime:
        """The start in the computer's local zone."""
        return self.starts_at.astimezone()

    def local_day(self) -> date:
        return self.local_start().date()


@dataclass(frozen=True)
class MeetingRecord(_InTime):
    """A stored meeting. ``uid`` is its identity in calendar files; ``sequence`` counts its
    stored changes (iCalendar's SEQUENCE)."""

    id: int
    fields: MeetingFields
    uid: str
    sequence: int
    created_at: datetime
    updated_at: datetime

    @property
    def title(self) -> str:
        return self.fields.title

    @property
    def starts_at(self) -> datetime:  # type: ignore[override]
        return self.fields.starts_at

    @property
    def ends_at(self) -> datetime:
        return self.fields.ends_at

    @property
    def status(self) -> MeetingStatus:  # type: ignore[override]
        return self.fields.status

    @property
    def mentor_ids(self) -> tuple[int, ...]:  # type: ignore[override]
        return self.fields.mentor_ids

    @property
    def format(self) -> MeetingFormat:
        return self.fields.format

    @property
    def takeaway(self) -> str:
        return self.fields.takeaway

    @property
    def entry(self) -> CalendarEntry:
        return CalendarEntry(
            self.id,
            self.title,
            self.starts_at,
            self.fields.minutes,
            self.status,
            self.format,
            self.takeaway,
            self.mentor_ids,
        )

    def open_agenda(self) -> tuple[AgendaItem, ...]:
        """Agenda points not ticked off: what the meeting left unanswered."""
        return tuple(item for item in self.fields.agenda if not item.done)


@dataclass(frozen=True)
class CalendarEntry(_InTime):
    """What a calendar grid shows of a meeting, read without its notes, agenda and advice:
    a month of a busy calendar holds hundreds of meetings, and the card reads the one it
    shows whole (a MeetingRecord)."""

    id: int
    title: str
    starts_at: datetime  # aware, in UTC
    minutes: int
    status: MeetingStatus
    format: MeetingFormat
    takeaway: str
    mentor_ids: tuple[int, ...]

    @cached_property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


Timed = TypeVar("Timed", MeetingRecord, CalendarEntry)


def overlapping(record: MeetingRecord | CalendarEntry, others: Iterable[Timed]) -> list[Timed]:
    """The other meetings that take place during ``record`` (cancelled and missed ones free
    their time)."""
    if not record.takes_place:
        return []
    start, end = record.starts_at, record.ends_at
    return [
        other
        for other in others
        if other.id != record.id
        and other.takes_place
        and other.starts_at < end
        and start < other.ends_at
    ]


def utc(moment: datetime) -> datetime:
    """An aware time in UTC; a naive one is taken to be UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
