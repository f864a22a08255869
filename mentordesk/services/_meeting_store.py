"""Meetings as stored: how rows become records (columns for a range, mapped objects for
one meeting) and records rows again, for MeetingService (as _agreement_store is for
agreements)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from mentordesk.db.models import AdviceRow, AgendaRow, Meeting, MeetingMentor
from mentordesk.domain.meeting import (
    MEETING_COLUMN_FIELDS,
    AgendaItem,
    CalendarEntry,
    MeetingFields,
    MeetingRecord,
)
from mentordesk.domain.time_zones import wall_time


def new_uid() -> str:
    """An identity for calendar files that no other program's event shares."""
    return f"{uuid.uuid4()}@mentordesk"


def load_options() -> list[ORMOption]:
    return [
        selectinload(Meeting.mentor_links),
        selectinload(Meeting.agenda),
        selectinload(Meeting.advice),
    ]


def to_meeting_record(meeting: Meeting) -> MeetingRecord:
    fields = MeetingFields(
        title=meeting.title,
        start=wall_time(meeting.starts_at, meeting.time_zone),
        minutes=meeting.minutes,
        time_zone=meeting.time_zone,
        mentor_ids=tuple(sorted(link.mentor_id for link in meeting.mentor_links)),
        format=meeting.format,
        place_or_link=meeting.place_or_link,
        status=meeting.status,
        agenda=tuple(AgendaItem(row.text, row.done, row.origin) for row in meeting.agenda),
        notes=meeting.notes,
        advice=tuple(row.text for row in meeting.advice),
        takeaway=meeting.takeaway,
    )
    return MeetingRecord(
        id=meeting.id,
        fields=fields,
        uid=meeting.uid,
        sequence=meeting.sequence,
        created_at=meeting.created_at,
        updated_at=meeting.updated_at,
    )


COLUMNS = (
    Meeting.id,
    Meeting.uid,
    Meeting.sequence,
    Meeting.title,
    Meeting.starts_at,
    Meeting.minutes,
    Meeting.time_zone,
    Meeting.format,
    Meeting.place_or_link,
    Meeting.status,
    Meeting.notes,
    Meeting.takeaway,
    Meeting.created_at,
    Meeting.updated_at,
)
_CHUNK = 500  # ids per IN (...) list, well below SQLite's limit on parameters
# What a calendar grid shows (CalendarEntry): no notes, agenda or advice.
ENTRY_COLUMNS = (
    Meeting.id,
    Meeting.title,
    Meeting.starts_at,
    Meeting.minutes,
    Meeting.status,
    Meeting.format,
    Meeting.takeaway,
)


def _mentors_of(session: Session, ids: Sequence[int]) -> dict[int, list[int]]:
    mentors: dict[int, list[int]] = defaultdict(list)
    for first in range(0, len(ids), _CHUNK):
        for meeting_id, mentor_id in session.execute(
            select(MeetingMentor.meeting_id, MeetingMentor.mentor_id)
            .where(MeetingMentor.meeting_id.in_(ids[first : first + _CHUNK]))
            .order_by(MeetingMentor.meeting_id, MeetingMentor.mentor_id)
        ):
            mentors[meeting_id].append(mentor_id)
    return mentors


def read_entries(session: Session, query: Any) -> list[CalendarEntry]:
    """Calendar entries from a select of ``ENTRY_COLUMNS``, their mentors in one more
    query."""
    rows = session.execute(query).all()
    mentors = _mentors_of(session, [row.id for row in rows])
    return [
        CalendarEntry(
            row.id,
            row.title,
            row.starts_at,
            row.minutes,
            row.status,
            row.format,
            row.takeaway,
            tuple(mentors.get(row.id, ())),
        )
        for row in rows
    ]


def read_records(session: Session, query: Any) -> list[MeetingRecord]:
    """Meetings as records from a select of ``COLUMNS``, their lists read in three more
    queries: columns, not mapped objects, as a calendar month is read on every step."""
    rows = session.execute(query).all()
    ids = [row.id for row in rows]
    mentors = _mentors_of(session, ids)
    agenda: dict[int, list[AgendaItem]] = defaultdict(list)
    advice: dict[int, list[str]] = defaultdict(list)
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first : first + _CHUNK]
        for meeting_id, text, done, origin in session.execute(
            select(AgendaRow.meeting_id, AgendaRow.text, AgendaRow.done, AgendaRow.origin)
            .where(AgendaRow.meeting_id.in_(chunk))
            .order_by(AgendaRow.meeting_id, AgendaRow.position)
        ):
            agenda[meeting_id].append(AgendaItem(text, done, origin))
        for meeting_id, text in session.execute(
            select(AdviceRow.meeting_id, AdviceRow.text)
            .where(AdviceRow.meeting_id.in_(chunk))
            .order_by(AdviceRow.meeting_id, AdviceRow.position)
        ):
            advice[meeting_id].append(text)
    return [
        MeetingRecord(
            id=row.id,
            fields=MeetingFields(
                title=row.title,
                start=wall_time(row.starts_at, row.time_zone),
                minutes=row.minutes,
                time_zone=row.time_zone,
                mentor_ids=tuple(mentors.get(row.id, ())),
                format=row.format,
                place_or_link=row.place_or_link,
                status=row.status,
                agenda=tuple(agenda.get(row.id, ())),
                notes=row.notes,
                advice=tuple(advice.get(row.id, ())),
                takeaway=row.takeaway,
            ),
            uid=row.uid,
            sequence=row.sequence,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )
        for row in rows
    ]


def apply(meeting: Meeting, fields: MeetingFields) -> None:
    """Make the meeting's row and its lines hold ``fields``, changing only what differs:
    an edit of the notes writes no agenda line, and "Prepare" only adds lines. (Each line
    written also rewrites the meeting's search document, in a trigger.)"""
    for name in MEETING_COLUMN_FIELDS:
        setattr(meeting, name, getattr(fields, name))
    meeting.starts_at = fields.starts_at
    if sorted(link.mentor_id for link in meeting.mentor_links) != sorted(fields.mentor_ids):
        meeting.mentor_links = [MeetingMentor(mentor_id=m) for m in fields.mentor_ids]
    agenda = list(meeting.agenda)
    for i, item in enumerate(fields.agenda):
        if i < len(agenda):
            _set_changed(agenda[i], position=i, text=item.text, done=item.done, origin=item.origin)
        else:
            meeting.agenda.append(
                AgendaRow(position=i, text=item.text, done=item.done, origin=item.origin)
            )
    del meeting.agenda[len(fields.agenda) :]
    advice = list(meeting.advice)
    for i, text in enumerate(fields.advice):
        if i < len(advice):
            _set_changed(advice[i], position=i, text=text)
        else:
            meeting.advice.append(AdviceRow(position=i, text=text))
    del meeting.advice[len(fields.advice) :]


def _set_changed(row: AgendaRow | AdviceRow, **values: Any) -> None:
    """Set the attributes that differ (an unchanged row is not written)."""
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
