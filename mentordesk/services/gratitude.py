"""The gratitude log: add, edit, delete and restore entries; read a mentor's log, when each
mentor was last thanked, and whom it is time to thank (``thanks_due``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.engine import reading, writing
from mentordesk.db.home_read import thanks_candidates
from mentordesk.db.models import GratitudeEntry, Mentor
from mentordesk.domain.gratitude import (
    GRATITUDE_COLUMN_FIELDS,
    GratitudeFields,
    GratitudeRecord,
    ThanksDue,
    newest_first,
    thanks_due,
)
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.services.listing import sql_executor
from mentordesk.services.settings import SettingsService

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


_COLUMNS = (
    GratitudeEntry.id,
    *(getattr(GratitudeEntry, name) for name in GRATITUDE_COLUMN_FIELDS),
    GratitudeEntry.created_at,
    GratitudeEntry.updated_at,
)


def _records(session: Session, query: Any) -> list[GratitudeRecord]:
    count = len(GRATITUDE_COLUMN_FIELDS)
    return [
        GratitudeRecord(
            id=row[0],
            fields=GratitudeFields(
                **dict(zip(GRATITUDE_COLUMN_FIELDS, row[1 : 1 + count], strict=True))
            ),
            created_at=row[1 + count],
            updated_at=row[2 + count],
        )
        for row in session.execute(query)
    ]


def _query() -> Any:  # Select of an entry's columns, in the order of the log
    return select(*_COLUMNS).order_by(GratitudeEntry.given_on, GratitudeEntry.id)


# --- what a mentor's delete keeps and its undo puts back (see MentorService) -------------


def records_of_mentor(session: Session, mentor_id: int) -> tuple[GratitudeRecord, ...]:
    """A mentor's entries whole, oldest first: what deleting the mentor deletes."""
    return tuple(_records(session, _query().where(GratitudeEntry.mentor_id == mentor_id)))


def restore_in(session: Session, record: GratitudeRecord) -> None:
    """Put a deleted entry back in ``session`` with its id and times (its mentor exists)."""
    entry = GratitudeEntry(id=record.id, created_at=record.created_at, updated_at=record.updated_at)
    _apply(entry, record.fields)
    session.add(entry)


class GratitudeService:
    """Every change is one committed transaction and returns the entry as it now is."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = session_factory
        self._now = clock

    def _today(self) -> date:
        return self._now().astimezone().date()

    # --- reading -------------------------------------------------------------------------

    def get(self, entry_id: int) -> GratitudeRecord:
        with reading(self._sessions) as session:
            found = _records(session, _query().where(GratitudeEntry.id == entry_id))
        if not found:
            raise NotFoundError(f"Gratitude entry #{entry_id} no longer exists.")
        return found[0]

    def list_all(self) -> list[GratitudeRecord]:
        """Every entry, in the order of the log: oldest first."""
        with reading(self._sessions) as session:
            return _records(session, _query())

    def of_mentor(self, mentor_id: int) -> list[GratitudeRecord]:
        """One mentor's entries as their card shows them: newest first."""
        with reading(self._sessions) as session:
            found = _records(session, _query().where(GratitudeEntry.mentor_id == mentor_id))
        return newest_first(found)

    def count(self) -> int:
        with reading(self._sessions) as session:
            return int(session.scalar(select(func.count(GratitudeEntry.id))) or 0)

    def last_thanked(self, on_or_before: date | None = None) -> dict[int, date]:
        """Each thanked mentor's latest entry date (mentors never thanked are absent);
        ``on_or_before``: only entries up to that day."""
        query = select(GratitudeEntry.mentor_id, func.max(GratitudeEntry.given_on)).group_by(
            GratitudeEntry.mentor_id
        )
        if on_or_before is not None:
            query = query.where(GratitudeEntry.given_on <= on_or_before)
        with reading(self._sessions) as session:
            return {mentor_id: day for mentor_id, day in session.execute(query)}

    def thanks_due(self, today: date, span_days: int | None = None) -> list[ThanksDue]:
        """Whom to thank on ``today``: active, not archived mentors who mentor me (not the
        people I mentor), whose latest held meeting (its local day, on or before today) was
        at most ``span_days`` days ago, and who were not thanked in those days: never, or
        last thanked more than ``span_days`` days before today. The rule and its order are
        ``mentordesk.domain.gratitude.thanks_due``. ``span_days`` defaults to the person's
        setting, ``thanks_after_days`` (90 days unless changed).
        """
        if span_days is None:
            span_days = SettingsService(self._sessions).read().thanks_after_days
        with reading(self._sessions) as session:
            candidates = thanks_candidates(sql_executor(session), today)
        return thanks_due(candidates, today, span_days)

    # --- changes -------------------------------------------------------------------------

    def _valid(self, session: Session, fields: GratitudeFields) -> GratitudeFields:
        valid = fields.validated(self._today())
        if session.get(Mentor, valid.mentor_id) is None:
            raise ValidationError({"mentor_id": "The mentor no longer exists."})
        return valid

    def add(self, fields: GratitudeFields) -> GratitudeRecord:
        now = self._now()
        with writing(self._sessions) as session:
            entry = GratitudeEntry(created_at=now, updated_at=now)
            _apply(entry, self._valid(session, fields))
            session.add(entry)
            session.flush()
            new_id = entry.id
        return self.get(new_id)

    def update(self, entry_id: int, fields: GratitudeFields) -> GratitudeRecord:
        with writing(self._sessions) as session:
            entry = self._entry(session, entry_id)
            _apply(entry, self._valid(session, fields))
            if session.is_modified(entry):
                entry.updated_at = self._now()
        return self.get(entry_id)

    def delete(self, entry_id: int) -> GratitudeRecord:
        """Delete an entry; returns it whole, which is what ``restore`` needs."""
        record = self.get(entry_id)
        with writing(self._sessions) as session:
            session.delete(self._entry(session, entry_id))
        return record

    def restore(self, record: GratitudeRecord) -> GratitudeRecord:
        """Put a deleted entry back with its id and times (undo of a delete)."""
        with writing(self._sessions) as session:
            if session.get(GratitudeEntry, record.id) is not None:
                raise ValidationError({"text": f"Gratitude entry #{record.id} already exists."})
            if session.get(Mentor, record.mentor_id) is None:
                raise ValidationError({"mentor_id": "The mentor no longer exists."})
            restore_in(session, record)
        return self.get(record.id)

    def add_many(self, entries: Sequence[tuple[GratitudeFields, datetime]]) -> None:
        """Store many valid entries at once (sample data, imports): (fields, created at).
        Run inside ``Services.in_one_transaction``."""
        rows = [
            {
                **{name: getattr(fields, name) for name in GRATITUDE_COLUMN_FIELDS},
                "created_at": created.astimezone(UTC),
                "updated_at": created.astimezone(UTC),
            }
            for fields, created in entries
        ]
        if rows:
            with writing(self._sessions) as session:
                session.execute(insert(GratitudeEntry), rows)

    @staticmethod
    def _entry(session: Session, entry_id: int) -> GratitudeEntry:
        entry = session.get(GratitudeEntry, entry_id)
        if entry is None:
            raise NotFoundError(f"Gratitude entry #{entry_id} no longer exists.")
        return entry


def _apply(entry: GratitudeEntry, fields: GratitudeFields) -> None:
    for name in GRATITUDE_COLUMN_FIELDS:
        setattr(entry, name, getattr(fields, name))
