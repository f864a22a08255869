"""Mentor cards: list, create, edit, archive, delete, and put back what was deleted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload, sessionmaker

from mentordesk.db.engine import reading, writing
from mentordesk.db.list_specs import MentorList
from mentordesk.db.models import (
    Assessment,
    Goal,
    GoalMentor,
    Meeting,
    MeetingMentor,
    Mentor,
    MentorExpertise,
    MentorTag,
)
from mentordesk.domain.mentor import (
    COLUMN_FIELDS,
    MentorEntry,
    MentorFields,
    MentorRecord,
    MentorReferences,
    mentor_record,
    sorted_by_name,
)
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.services import _agreement_store as agreement_store
from mentordesk.services import gratitude as gratitude_store
from mentordesk.services.listing import Listing, sql_executor

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


_ROW_COLUMNS = ("id", *COLUMN_FIELDS, "archived_at", "created_at", "updated_at")


def to_record(mentor: Mentor) -> MentorRecord:
    return mentor_record(
        {name: getattr(mentor, name) for name in _ROW_COLUMNS},
        [item.label for item in mentor.expertise],
        [item.label for item in mentor.tags],
    )


def _apply(mentor: Mentor, fields: MentorFields) -> None:
    for name in COLUMN_FIELDS:
        setattr(mentor, name, getattr(fields, name))
    if tuple(item.label for item in mentor.expertise) != fields.expertise:
        mentor.expertise = [
            MentorExpertise(position=i, label=label) for i, label in enumerate(fields.expertise)
        ]
    if tuple(item.label for item in mentor.tags) != fields.tags:
        mentor.tags = [MentorTag(position=i, label=label) for i, label in enumerate(fields.tags)]


def _fetch_mentors(session: Session, ids: Sequence[int]) -> list[MentorRecord]:
    query = (
        select(Mentor)
        .where(Mentor.id.in_(ids))
        .options(selectinload(Mentor.expertise), selectinload(Mentor.tags))
    )
    return [to_record(mentor) for mentor in session.scalars(query)]


class MentorService:
    """Every change is one committed transaction; every result is a detached record."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = session_factory
        self._now = clock
        # What the Mentors view shows: ids in SQL, cards read only for the rows painted.
        self.listing = Listing(session_factory, MentorList(), _fetch_mentors)

    def _load(self, session: Session, mentor_id: int) -> Mentor:
        mentor = session.get(
            Mentor,
            mentor_id,
            options=[selectinload(Mentor.expertise), selectinload(Mentor.tags)],
        )
        if mentor is None:
            raise NotFoundError(f"Mentor #{mentor_id} no longer exists.")
        return mentor

    def list_all(self, *, include_archived: bool = True) -> list[MentorRecord]:
        with reading(self._sessions) as session:
            query = select(Mentor).options(
                selectinload(Mentor.expertise), selectinload(Mentor.tags)
            )
            if not include_archived:
                query = query.where(Mentor.archived_at.is_(None))
            records = [to_record(m) for m in session.scalars(query)]
        # Sorted here, not in SQL: SQLite's lower() folds ASCII only, so "Élodie" sorted last.
        return sorted_by_name(records)

    def directory(self) -> list[MentorEntry]:
        """Every mentor's name, archive state and time zone, by name: what the Calendar
        shows, read in one query rather than every card whole."""
        # Through the DB-API cursor: SQLAlchemy's rows cost 8 µs each, 20 ms for the 2,400
        # people of a large imported network, on every opening of the Calendar.
        query = (
            "SELECT id, name, archived_at IS NOT NULL, time_zone, organization FROM mentor"
            " ORDER BY name_key, id"
        )
        with reading(self._sessions) as session:
            return [
                MentorEntry(id, name, bool(archived), zone, organization)
                for id, name, archived, zone, organization in sql_executor(session)(query, {})
            ]

    def count(self) -> int:
        with reading(self._sessions) as session:
            return int(session.scalar(select(func.count()).select_from(Mentor)) or 0)

    def get(self, mentor_id: int) -> MentorRecord:
        with reading(self._sessions) as session:
            return to_record(self._load(session, mentor_id))

    def create(self, fields: MentorFields, *, mentor_id: int | None = None) -> MentorRecord:
        """Store a new card. ``mentor_id`` lets redo put a card back under its old id."""
        valid = fields.validated()
        now = self._now()
        with writing(self._sessions) as session:
            if mentor_id is not None and session.get(Mentor, mentor_id) is not None:
                raise ValidationError({"name": f"Mentor #{mentor_id} already exists."})
            mentor = Mentor(created_at=now, updated_at=now)
            if mentor_id is not None:
                mentor.id = mentor_id
            _apply(mentor, valid)
            session.add(mentor)
            session.flush()
            return to_record(mentor)

    def create_many(self, cards: list[MentorFields]) -> list[int]:
        """Store several new cards in one transaction: all of them, or none."""
        valid = [card.validated() for card in cards]
        now = self._now()
        with writing(self._sessions) as session:
            mentors = []
            for fields in valid:
                mentor = Mentor(created_at=now, updated_at=now)
                _apply(mentor, fields)
                mentors.append(mentor)
            session.add_all(mentors)
            session.flush()
            return [mentor.id for mentor in mentors]

    def update(self, mentor_id: int, fields: MentorFields) -> MentorRecord:
        valid = fields.validated()
        with writing(self._sessions) as session:
            mentor = self._load(session, mentor_id)
            _apply(mentor, valid)
            if session.is_modified(mentor):
                mentor.updated_at = self._now()
            session.flush()
            return to_record(mentor)

    def set_archived(self, mentor_id: int, archived: bool) -> MentorRecord:
        """Archiving hides a card from the everyday list; nothing in it is lost."""
        with writing(self._sessions) as session:
            mentor = self._load(session, mentor_id)
            if archived and mentor.archived_at is None:
                mentor.archived_at = self._now()
            elif not archived:
                mentor.archived_at = None
            mentor.updated_at = self._now()
            session.flush()
            return to_record(mentor)

    def delete(self, mentor_id: int) -> MentorRecord:
        """Delete a card and return it as it was, so undo can put it back whole."""
        with writing(self._sessions) as session:
            mentor = self._load(session, mentor_id)
            record = to_record(mentor)
            session.delete(mentor)
            return record

    def references(self, mentor_id: int) -> MentorReferences:
        """What names this mentor: goals and assessments (deleting unlinks them) and
        agreements and gratitude entries (deleting deletes them, kept whole here so undo
        can restore them)."""
        with reading(self._sessions) as session:
            goals = frozenset(
                session.scalars(select(GoalMentor.goal_id).where(GoalMentor.mentor_id == mentor_id))
            )
            given = frozenset(
                session.scalars(select(Assessment.id).where(Assessment.mentor_id == mentor_id))
            )
            agreements = agreement_store.snapshots_of_mentor(session, mentor_id)
            meetings = frozenset(
                session.scalars(
                    select(MeetingMentor.meeting_id).where(MeetingMentor.mentor_id == mentor_id)
                )
            )
            thanks = gratitude_store.records_of_mentor(session, mentor_id)
            return MentorReferences(goals, given, agreements, meetings, thanks)

    def restore(
        self, record: MentorRecord, references: MentorReferences | None = None
    ) -> MentorRecord:
        """Put a deleted card back exactly as it was: same id, same dates, and (when given)
        linked again to the goals and assessments that named it and still exist."""
        with writing(self._sessions) as session:
            if session.get(Mentor, record.id) is not None:
                raise ValidationError({"name": f"Mentor #{record.id} already exists."})
            mentor = Mentor(
                id=record.id,
                archived_at=record.archived_at,
                created_at=record.created_at,
                updated_at=record.updated_at,
            )
            _apply(mentor, record.fields)
            session.add(mentor)
            session.flush()
            if references:
                self._relink(session, record.id, references)
                for agreement in references.agreements:
                    agreement_store.restore_in(session, agreement)
                for entry in references.gratitude:
                    gratitude_store.restore_in(session, entry)
            return to_record(mentor)

    @staticmethod
    def _relink(session: Session, mentor_id: int, references: MentorReferences) -> None:
        goals = session.scalars(select(Goal.id).where(Goal.id.in_(references.goal_ids)))
        session.add_all(GoalMentor(goal_id=goal_id, mentor_id=mentor_id) for goal_id in goals)
        meetings = session.scalars(select(Meeting.id).where(Meeting.id.in_(references.meeting_ids)))
        session.add_all(MeetingMentor(meeting_id=m, mentor_id=mentor_id) for m in meetings)
        session.execute(
            update(Assessment)
            .where(Assessment.id.in_(references.assessment_ids), Assessment.mentor_id.is_(None))
            .values(mentor_id=mentor_id)
        )
