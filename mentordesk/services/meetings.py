"""Meetings: plan, edit, delete and restore; what falls in a range of days; what a mentor's
relationship looks like from its meetings (last met, next planned, next due); "Prepare" and
"Schedule next"."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.engine import reading, writing
from mentordesk.db.models import (
    ActionItem,
    AdviceRow,
    AgendaRow,
    Agreement,
    Meeting,
    MeetingMentor,
    Mentor,
)
from mentordesk.domain import cadence
from mentordesk.domain.agreement import AgreementRecord
from mentordesk.domain.cadence import RelationshipPulse
from mentordesk.domain.enums import ActionStatus, AgreementStatus, MeetingStatus
from mentordesk.domain.listing_keys import folded
from mentordesk.domain.meeting import (
    LONGEST_MINUTES,
    MEETING_COLUMN_FIELDS,
    AgendaItem,
    CalendarEntry,
    MeetingFields,
    MeetingRecord,
    overlapping,
)
from mentordesk.domain.preparation import PreparationSources, prepared_agenda
from mentordesk.domain.time_zones import local_zone_name, wall_time
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.services import _meeting_store as store
from mentordesk.services._bulk import insert_rows

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class DeletedMeeting:
    """A deleted meeting whole, and the action items it had (kept, unlinked) for undo."""

    record: MeetingRecord
    action_item_ids: frozenset[int]
    # Its identity in a calendar file it came from (see mentordesk.interchange), kept too.
    recurrence_id: str = ""
    imported_event: str = ""

    @property
    def id(self) -> int:
        return self.record.id


def _in_range(
    query: Any, start: datetime | None, end: datetime | None, mentors: Iterable[int]
) -> Any:
    """``query`` (of meeting columns) kept to meetings that may take up time from ``start``
    to ``end`` with any of ``mentors``, in order of their start; the exact "still going at
    start" test is the caller's (it needs each meeting's end)."""
    query = query.order_by(Meeting.starts_at, Meeting.id)
    if end is not None:
        query = query.where(Meeting.starts_at < end)
    if start is not None:
        # Indexed bound first; the exact test after reading.
        query = query.where(Meeting.starts_at > start - timedelta(minutes=LONGEST_MINUTES))
    wanted = set(mentors)
    if wanted:
        query = query.where(
            Meeting.id.in_(
                select(MeetingMentor.meeting_id).where(MeetingMentor.mentor_id.in_(wanted))
            )
        )
    return query


class MeetingService:
    """Every change is one committed transaction and returns the meeting as it now is."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = session_factory
        self._now = clock

    def _today(self) -> date:
        return self._now().astimezone().date()

    def _load(self, session: Session, meeting_id: int) -> Meeting:
        meeting = session.get(Meeting, meeting_id, options=store.load_options())
        if meeting is None:
            raise NotFoundError(f"Meeting #{meeting_id} no longer exists.")
        return meeting

    # --- reading -------------------------------------------------------------------------

    def get(self, meeting_id: int) -> MeetingRecord:
        with reading(self._sessions) as session:
            return store.to_meeting_record(self._load(session, meeting_id))

    def count(self) -> int:
        with reading(self._sessions) as session:
            return int(session.scalar(select(func.count(Meeting.id))) or 0)

    def between(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        *,
        mentor_ids: Iterable[int] = (),
    ) -> list[MeetingRecord]:
        """Meetings that take up any time from ``start`` to ``end`` (aware; None: open),
        with any of ``mentor_ids`` (all when empty), in order of their start."""
        query = _in_range(select(*store.COLUMNS), start, end, mentor_ids)
        with reading(self._sessions) as session:
            records = store.read_records(session, query)
        return [r for r in records if r.ends_at > start] if start is not None else records

    def entries_between(
        self, start: datetime, end: datetime, *, mentor_ids: Iterable[int] = ()
    ) -> list[CalendarEntry]:
        """What a calendar grid shows of the meetings ``between`` gives, read without their
        notes, agenda and advice: a month of a busy calendar holds hundreds."""
        query = _in_range(select(*store.ENTRY_COLUMNS), start, end, mentor_ids)
        with reading(self._sessions) as session:
            entries = store.read_entries(session, query)
        return [e for e in entries if e.ends_at > start]

    def overlaps(self, record: MeetingRecord) -> list[MeetingRecord]:
        """The other planned or held meetings during this one."""
        return overlapping(record, self.between(record.starts_at, record.ends_at))

    def last_held(self, mentor_id: int, before: datetime | None = None) -> MeetingRecord | None:
        latest = (
            select(Meeting.id)
            .join(MeetingMentor)
            .where(MeetingMentor.mentor_id == mentor_id, Meeting.status == MeetingStatus.HELD)
            .order_by(Meeting.starts_at.desc())
            .limit(1)
        )
        if before is not None:
            latest = latest.where(Meeting.starts_at < before)
        with reading(self._sessions) as session:
            found = store.read_records(
                session, select(*store.COLUMNS).where(Meeting.id == latest.scalar_subquery())
            )
        return found[0] if found else None

    def pulse(self, mentor_id: int) -> RelationshipPulse:
        """Last met, next planned, next due (from the agreement in force) and open items."""
        now = self._now()
        last = self.last_held(mentor_id)
        planned = (
            select(Meeting)
            .join(MeetingMentor)
            .where(
                MeetingMentor.mentor_id == mentor_id,
                Meeting.status == MeetingStatus.PLANNED,
                Meeting.starts_at >= now,
            )
            .options(*store.load_options())
            .order_by(Meeting.starts_at)
            .limit(1)
        )
        open_items = (
            select(func.count(ActionItem.id))
            .join(MeetingMentor, MeetingMentor.meeting_id == ActionItem.meeting_id)
            .where(MeetingMentor.mentor_id == mentor_id, ActionItem.status == ActionStatus.OPEN)
        )
        with reading(self._sessions) as session:
            upcoming = session.scalars(planned).first()
            next_planned = None if upcoming is None else store.to_meeting_record(upcoming)
            count = int(session.scalar(open_items) or 0)
            agreement = _agreement_in_force(session, mentor_id)
        last_met = last.local_day() if last else None
        due = cadence.next_due(last_met, agreement.fields) if agreement else None
        return RelationshipPulse(last_met, next_planned, due, count, agreement)

    # --- preparing and scheduling ------------------------------------------------------

    def preparation_sources(self, meeting_id: int) -> PreparationSources:
        """What is open with the meeting's mentors, for "Prepare"."""
        return self._sources_for(self.get(meeting_id))

    def _sources_for(self, meeting: MeetingRecord) -> PreparationSources:
        with reading(self._sessions) as session:
            return self._sources_in(session, meeting)

    def _sources_in(self, session: Session, meeting: MeetingRecord) -> PreparationSources:
        """What is open with the meeting's mentors, read in the caller's transaction: one
        transaction for all of Prepare rather than one for each kind of source."""
        from mentordesk.services.action_items import items_of_mentors

        mentors = set(meeting.mentor_ids)
        if not mentors:
            return PreparationSources()
        items = items_of_mentors(session, mentors, pending_only=True)
        latest = (  # the last held meeting with any of them, before this one
            select(Meeting.id)
            .join(MeetingMentor)
            .where(
                MeetingMentor.mentor_id.in_(mentors),
                # Most are held: read through their links, not every held meeting by time.
                func.likelihood(Meeting.status == MeetingStatus.HELD, literal_column("0.9")),
                Meeting.starts_at < meeting.starts_at,
            )
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
            .limit(1)
        )
        found = store.read_records(
            session, select(*store.COLUMNS).where(Meeting.id == latest.scalar_subquery())
        )
        last = found[0] if found else None
        agreements = [_agreement_in_force(session, m) for m in sorted(mentors)]
        objectives = [
            (a.title, _objective_text(session, o.text, o.goal_id))
            for a in agreements
            if a is not None
            for o in a.fields.objectives
        ]
        return PreparationSources(
            open_items=[i for i in items if i.is_open],
            unreported=[i for i in items if i.awaits_report_back],
            last_meeting=last,
            objectives=objectives,
        )

    def prepared_agenda(self, meeting_id: int) -> tuple[AgendaItem, ...]:
        """The meeting's agenda with what "Prepare" adds to it (nothing is stored)."""
        with reading(self._sessions) as session:  # one transaction for all it reads
            meeting = store.to_meeting_record(self._load(session, meeting_id))
            return prepared_agenda(meeting.fields.agenda, self._sources_in(session, meeting))

    def next_meeting_proposal(self, mentor_id: int) -> MeetingFields:
        """A planned meeting at the next due time inside the agreement's availability
        windows ("Schedule next"); nothing is stored."""
        with reading(self._sessions) as session:
            mentor = session.get(Mentor, mentor_id)
            if mentor is None:
                raise NotFoundError(f"Mentor #{mentor_id} no longer exists.")
            name, their_zone = mentor.name, mentor.time_zone
            agreement = _agreement_in_force(session, mentor_id)
        last = self.last_held(mentor_id)
        today = self._today()
        last_met = last.local_day() if last else None
        due = cadence.next_due(last_met, agreement.fields) if agreement else None
        here = local_zone_name()
        windows_zone = their_zone if _is_zone(their_zone) else here
        usual = wall_time(last.starts_at, windows_zone).time() if last else None
        starts_at = cadence.propose_start(
            due,
            today,
            agreement.fields.windows if agreement else (),
            windows_zone,
            usual_time=usual,
        )
        f = agreement.fields if agreement else None
        return MeetingFields(
            title=f"Meeting with {name}",
            start=wall_time(starts_at, here),
            minutes=(f.typical_minutes if f and f.typical_minutes else None)
            or (last.fields.minutes if last else 60),
            time_zone=here,
            mentor_ids=(mentor_id,),
            format=f.format if f else (last.fields.format if last else MeetingFields.format),
            place_or_link=f.place_or_link if f else "",
        )

    # --- changes -------------------------------------------------------------------------

    def create(self, fields: MeetingFields, *, uid: str | None = None) -> MeetingRecord:
        valid = fields.validated()
        now = self._now()
        with writing(self._sessions) as session:
            self._check_mentors(session, valid.mentor_ids)
            meeting = Meeting(
                uid=uid or store.new_uid(), sequence=0, created_at=now, updated_at=now
            )
            store.apply(meeting, valid)
            session.add(meeting)
            session.flush()
            return store.to_meeting_record(self._load(session, meeting.id))

    def update(self, meeting_id: int, fields: MeetingFields) -> MeetingRecord:
        valid = fields.validated()
        with writing(self._sessions) as session:
            meeting = self._load(session, meeting_id)
            before = store.to_meeting_record(meeting).fields
            if before != valid:
                self._check_mentors(session, valid.mentor_ids)
                store.apply(meeting, valid)
                meeting.sequence += 1
                meeting.updated_at = self._now()
            session.flush()
            return store.to_meeting_record(self._load(session, meeting_id))

    def delete(self, meeting_id: int) -> DeletedMeeting:
        with writing(self._sessions) as session:
            meeting = self._load(session, meeting_id)
            record = store.to_meeting_record(meeting)
            items = frozenset(
                session.scalars(select(ActionItem.id).where(ActionItem.meeting_id == meeting_id))
            )
            calendar = (meeting.recurrence_id, meeting.imported_event)
            session.delete(meeting)
            return DeletedMeeting(record, items, *calendar)

    def restore(self, deleted: DeletedMeeting) -> MeetingRecord:
        """Put a deleted meeting back whole, with its action items linked again."""
        record = deleted.record
        with writing(self._sessions) as session:
            if session.get(Meeting, record.id) is not None:
                raise ValidationError({"title": f"Meeting #{record.id} already exists."})
            meeting = Meeting(
                id=record.id,
                uid=record.uid,
                recurrence_id=deleted.recurrence_id,
                imported_event=deleted.imported_event,
                sequence=record.sequence,
                created_at=record.created_at,
                updated_at=record.updated_at,
            )
            existing = set(
                session.scalars(select(Mentor.id).where(Mentor.id.in_(record.mentor_ids)))
            )
            store.apply(
                meeting,
                record.fields.replace(
                    mentor_ids=tuple(m for m in record.mentor_ids if m in existing)
                ),
            )
            session.add(meeting)
            session.flush()
            for item in session.scalars(
                select(ActionItem).where(ActionItem.id.in_(deleted.action_item_ids))
            ):
                item.meeting_id = record.id
            session.flush()
            return store.to_meeting_record(self._load(session, record.id))

    def _check_mentors(self, session: Session, mentor_ids: Sequence[int]) -> None:
        found = set(session.scalars(select(Mentor.id).where(Mentor.id.in_(mentor_ids))))
        if set(mentor_ids) - found:
            raise ValidationError({"mentor_ids": "A chosen mentor no longer exists."})

    def add_many(self, meetings: Sequence[tuple[MeetingFields, datetime]]) -> list[int]:
        """Store many valid meetings at once (sample data, imports): (fields, created at).
        Returns their ids in order. Run inside ``Services.in_one_transaction``.

        Plain rows in one Core executemany per table (see ``_bulk``), not ORM objects. The
        search key is set here as the key listener would set it, each distinct title folded
        once."""
        search_key = cache(folded)
        with writing(self._sessions) as session:
            first = int(session.scalar(select(func.max(Meeting.id))) or 0) + 1
            # sqlite_sequence may be ahead of max(id) after deletes: take ids explicitly.
            rows, links, agenda, advice = [], [], [], []
            for offset, (fields, created) in enumerate(meetings):
                meeting_id = first + offset
                rows.append(
                    {
                        "id": meeting_id,
                        "uid": store.new_uid(),
                        "sequence": 0,
                        "starts_at": fields.starts_at,
                        "created_at": created.astimezone(UTC),
                        "updated_at": created.astimezone(UTC),
                        "search_key": search_key(fields.title),
                        **{name: getattr(fields, name) for name in MEETING_COLUMN_FIELDS},
                    }
                )
                links += [{"meeting_id": meeting_id, "mentor_id": m} for m in fields.mentor_ids]
                agenda += [
                    {
                        "meeting_id": meeting_id,
                        "position": i,
                        "text": a.text,
                        "done": a.done,
                        "origin": a.origin,
                    }
                    for i, a in enumerate(fields.agenda)
                ]
                advice += [
                    {"meeting_id": meeting_id, "position": i, "text": text}
                    for i, text in enumerate(fields.advice)
                ]
            for model, values in (
                (Meeting, rows),
                (MeetingMentor, links),
                (AgendaRow, agenda),
                (AdviceRow, advice),
            ):
                insert_rows(session, model, values)
            return [first + offset for offset in range(len(meetings))]


def _agreement_in_force(session: Session, mentor_id: int) -> AgreementRecord | None:
    from mentordesk.services import _agreement_store as agreement_store

    agreement = session.scalars(
        select(Agreement)
        .where(
            Agreement.mentor_id == mentor_id,
            Agreement.status.in_((AgreementStatus.ACTIVE, AgreementStatus.UNDER_REVIEW)),
        )
        .order_by(Agreement.status, Agreement.id.desc())
        .limit(1)
    ).first()
    return None if agreement is None else agreement_store.current_record(session, agreement)


def _objective_text(session: Session, text: str, goal_id: int | None) -> str:
    if text or goal_id is None:
        return text
    from mentordesk.db.models import Goal

    goal = session.get(Goal, goal_id)
    return goal.title if goal is not None else text


def _is_zone(name: str) -> bool:
    from mentordesk.domain.time_zones import zone_error

    return bool(name) and zone_error(name) is None
