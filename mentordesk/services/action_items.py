"""Action items: create, edit, delete and restore; mark many done or reported back at once;
read them with their meeting's mentors, title and day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.engine import reading, writing
from mentordesk.db.list_specs import ActionItemList
from mentordesk.db.models import ActionItem, Goal, Meeting, MeetingMentor, Skill
from mentordesk.domain.action_item import (
    ACTION_COLUMN_FIELDS,
    ActionItemFields,
    ActionItemRecord,
)
from mentordesk.domain.enums import ActionStatus
from mentordesk.domain.listing_keys import folded
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.services._bulk import insert_rows
from mentordesk.services.listing import Listing

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


_COLUMNS = (
    ActionItem.id,
    *(getattr(ActionItem, name) for name in ACTION_COLUMN_FIELDS),
    ActionItem.created_at,
    ActionItem.updated_at,
)


def _query() -> Any:  # Select of the item's columns, its meeting's title and start
    # Columns, not mapped objects: building 12,000 ORM objects took a second.
    return (
        select(*_COLUMNS, Meeting.title, Meeting.starts_at)
        .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
        .order_by(ActionItem.id)
    )


def items_of_mentors(
    session: Session, mentor_ids: Iterable[int], *, pending_only: bool = False
) -> list[ActionItemRecord]:
    """``ActionItemService.of_mentors`` inside a transaction the caller holds (Prepare reads
    everything it needs in one)."""
    meetings = select(MeetingMentor.meeting_id).where(MeetingMentor.mentor_id.in_(set(mentor_ids)))
    query = _query().where(ActionItem.meeting_id.in_(meetings))
    if pending_only:
        query = query.where(_PENDING)
    return _records(session, query)


def _records(session: Session, query: Any) -> list[ActionItemRecord]:
    rows = session.execute(query).all()
    field_count = len(ACTION_COLUMN_FIELDS)
    meeting_at = 1 + ACTION_COLUMN_FIELDS.index("meeting_id")
    meeting_ids = {row[meeting_at] for row in rows if row[meeting_at] is not None}
    mentors: dict[int, set[int]] = defaultdict(set)
    if meeting_ids:
        links = select(MeetingMentor.meeting_id, MeetingMentor.mentor_id)
        if len(meeting_ids) < 900:  # SQLite's limit on bound parameters is far above this
            links = links.where(MeetingMentor.meeting_id.in_(meeting_ids))
        for meeting_id, mentor_id in session.execute(links):
            mentors[meeting_id].add(mentor_id)
    local_days: dict[datetime, date] = {}
    records = []
    for row in rows:
        values = dict(zip(ACTION_COLUMN_FIELDS, row[1 : 1 + field_count], strict=True))
        created, updated, title, starts = row[1 + field_count :]
        if starts is not None and starts not in local_days:
            local_days[starts] = starts.astimezone().date()
        records.append(
            ActionItemRecord(
                id=row[0],
                fields=ActionItemFields(**values),
                mentor_ids=frozenset(mentors.get(values["meeting_id"] or 0, ())),
                meeting_title=title or "",
                meeting_on=local_days[starts] if starts is not None else None,
                created_at=created,
                updated_at=updated,
            )
        )
    return records


# What still asks something of the person: open, or done but not yet reported back to a
# mentor (from a meeting with one, as ActionItemRecord.awaits_report_back).
_PENDING = or_(
    ActionItem.status == ActionStatus.OPEN,
    (ActionItem.status == ActionStatus.DONE)
    & ActionItem.reported_on.is_(None)
    & ActionItem.meeting_id.in_(select(MeetingMentor.meeting_id)),
)


class ActionItemService:
    """Every change is one committed transaction and returns the item as it now is."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = session_factory
        self._now = clock
        self.listing = Listing(
            session_factory,
            ActionItemList(),
            lambda session, ids: _records(session, _query().where(ActionItem.id.in_(ids))),
        )

    def _today(self) -> date:
        return self._now().astimezone().date()

    # --- reading -------------------------------------------------------------------------

    def list_all(self) -> list[ActionItemRecord]:
        with reading(self._sessions) as session:
            return _records(session, _query())

    def list_pending(self) -> list[ActionItemRecord]:
        """What still asks something of the person: open items, and items done but not yet
        reported back to their mentor (the Action items view's default)."""
        with reading(self._sessions) as session:
            return _records(session, _query().where(_PENDING))

    def of_meeting(self, meeting_id: int) -> list[ActionItemRecord]:
        with reading(self._sessions) as session:
            return _records(session, _query().where(ActionItem.meeting_id == meeting_id))

    def of_mentors(
        self, mentor_ids: Iterable[int], *, pending_only: bool = False
    ) -> list[ActionItemRecord]:
        """Items from meetings with any of these mentors, oldest first (``pending_only``:
        those still open or not yet reported back, as "Prepare" needs)."""
        with reading(self._sessions) as session:
            return items_of_mentors(session, mentor_ids, pending_only=pending_only)

    def get(self, item_id: int) -> ActionItemRecord:
        with reading(self._sessions) as session:
            found = _records(session, _query().where(ActionItem.id == item_id))
        if not found:
            raise NotFoundError(f"Action item #{item_id} no longer exists.")
        return found[0]

    # --- changes -------------------------------------------------------------------------

    def _valid(
        self, session: Session, fields: ActionItemFields, before: ActionItem | None
    ) -> ActionItemFields:
        valid = fields.validated(self._today())
        if valid.status is ActionStatus.DONE and valid.done_on is None:
            # Marked done without a date: done today (or when it was marked done before).
            kept = before.done_on if before is not None else None
            valid = valid.replace(done_on=kept or self._today())
            if errors := valid.errors():  # the date filled in may be after the report back
                raise ValidationError(errors)
        for column, model, message in (
            ("meeting_id", Meeting, "The meeting no longer exists."),
            ("goal_id", Goal, "The goal no longer exists."),
            ("skill_id", Skill, "The skill no longer exists."),
        ):
            value = getattr(valid, column)
            if value is not None and session.get(model, value) is None:
                raise ValidationError({column: message})
        return valid

    def create(self, fields: ActionItemFields, *, item_id: int | None = None) -> ActionItemRecord:
        now = self._now()
        with writing(self._sessions) as session:
            valid = self._valid(session, fields, None)
            item = ActionItem(id=item_id, created_at=now, updated_at=now)
            _apply(item, valid)
            session.add(item)
            session.flush()
            new_id = item.id
        return self.get(new_id)

    def update(self, item_id: int, fields: ActionItemFields) -> ActionItemRecord:
        with writing(self._sessions) as session:
            item = self._item(session, item_id)
            _apply(item, self._valid(session, fields, item))
            if session.is_modified(item):
                item.updated_at = self._now()
        return self.get(item_id)

    def update_many(
        self, changes: Sequence[tuple[int, ActionItemFields]]
    ) -> list[ActionItemRecord]:
        """Several items changed together (marking a selection done): all or none."""
        with writing(self._sessions) as session:
            for item_id, fields in changes:
                item = self._item(session, item_id)
                _apply(item, self._valid(session, fields, item))
                if session.is_modified(item):
                    item.updated_at = self._now()
        ids = {item_id for item_id, _fields in changes}
        with reading(self._sessions) as session:
            return _records(session, _query().where(ActionItem.id.in_(ids)))

    def delete(self, item_id: int) -> ActionItemRecord:
        record = self.get(item_id)
        with writing(self._sessions) as session:
            session.delete(self._item(session, item_id))
        return record

    def restore(self, record: ActionItemRecord) -> ActionItemRecord:
        with writing(self._sessions) as session:
            if session.get(ActionItem, record.id) is not None:
                raise ValidationError({"text": f"Action item #{record.id} already exists."})
            item = ActionItem(
                id=record.id, created_at=record.created_at, updated_at=record.updated_at
            )
            fields = record.fields
            for column, model in (("meeting_id", Meeting), ("goal_id", Goal), ("skill_id", Skill)):
                value = getattr(fields, column)
                if value is not None and session.get(model, value) is None:
                    fields = fields.replace(**{column: None})
            _apply(item, fields)
            session.add(item)
        return self.get(record.id)

    def add_many(self, items: Sequence[tuple[ActionItemFields, datetime]]) -> None:
        """Store many valid items at once (sample data, imports): (fields, created at).
        Run inside ``Services.in_one_transaction``.

        Plain rows in one Core executemany (see ``_bulk``), not ORM objects, which cost the
        huge sample's 120,000 items a third more time. The search key is set here as the key
        listener would set it; the texts repeat, so each distinct one is folded once."""
        search_key = cache(folded)
        rows = [
            {
                **{name: getattr(fields, name) for name in ACTION_COLUMN_FIELDS},
                "created_at": created.astimezone(UTC),
                "updated_at": created.astimezone(UTC),
                "search_key": search_key(fields.text),
            }
            for fields, created in items
        ]
        if rows:
            with writing(self._sessions) as session:
                insert_rows(session, ActionItem, rows)

    @staticmethod
    def _item(session: Session, item_id: int) -> ActionItem:
        item = session.get(ActionItem, item_id)
        if item is None:
            raise NotFoundError(f"Action item #{item_id} no longer exists.")
        return item


def _apply(item: ActionItem, fields: ActionItemFields) -> None:
    for name in ACTION_COLUMN_FIELDS:
        setattr(item, name, getattr(fields, name))
