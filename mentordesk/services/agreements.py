"""Expectations agreements: one active per mentor, and every change to an active one kept.

A revision stores the fields a change touched (old and new values) and the whole agreement
after it, so the history can show what changed when, compare any two revisions field by
field, and restore one as a new change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.engine import reading, writing
from mentordesk.db.list_specs import AgreementList
from mentordesk.db.models import Agreement, AgreementRevision, Mentor
from mentordesk.domain.agreement import (
    AgreementFields,
    AgreementRecord,
    AnotherAgreementActive,
    ObjectiveFields,
)
from mentordesk.domain.agreement_revision import (
    DeletedAgreement,
    FieldChange,
    RevisionRecord,
    field_changes,
    fields_from_json,
    fields_to_json,
)
from mentordesk.domain.enums import AgreementStatus
from mentordesk.domain.validation import NotFoundError, ValidationError, fold
from mentordesk.services import _agreement_store as store
from mentordesk.services._bulk import insert_rows
from mentordesk.services.listing import Listing

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


# A new agreement's story for ``AgreementService.create_many``: its mentor, and the fields
# it had at each moment (the first its creation, each later one a change).
AgreementHistory = tuple[int, Sequence[tuple[datetime, AgreementFields]]]


def _change(
    agreement: Agreement, before: AgreementFields | None, after: AgreementFields, at: datetime
) -> tuple[FieldChange, ...] | None:
    """Make the row ``after``, changed ``at``, unless nothing changed. Returns the changes a
    revision keeps: when the agreement is, was or becomes active; else (or unchanged) None."""
    changes = field_changes(before, after)
    if before is not None and not changes:
        return None
    store.apply(agreement, after, None)
    agreement.updated_at = at
    was_active = before is not None and before.status is AgreementStatus.ACTIVE
    if was_active or after.status is AgreementStatus.ACTIVE:
        return changes
    return None


def _revision(
    agreement_id: int, at: datetime, changes: Sequence[FieldChange], after: AgreementFields
) -> dict[str, Any]:
    """An agreement_revision row's values: the changes and the whole state after them."""
    return {
        "agreement_id": agreement_id,
        "revised_at": at,
        "changes": store.changes_json(changes),
        "state": fields_to_json(after),
    }


def _one_active(
    session: Session, active: dict[int, Agreement], agreement: Agreement, after: AgreementFields
) -> None:
    """Keep ``active`` (mentor id to their active agreement) in step as a new agreement
    becomes ``after``, refusing a second active agreement for its mentor."""
    other = active.get(agreement.mentor_id)
    if after.status is AgreementStatus.ACTIVE:
        if other is not None and other is not agreement:
            session.flush()  # the other one's id, for the message
            raise AnotherAgreementActive(other.id, other.title)
        active[agreement.mentor_id] = agreement
    elif other is agreement:
        del active[agreement.mentor_id]


def _agreement_records(session: Session, *criteria: Any) -> list[AgreementRecord]:
    agreements = session.scalars(
        select(Agreement).where(*criteria).options(*store.load_options())
    ).all()
    latest_query = select(AgreementRevision.agreement_id, func.max(AgreementRevision.id))
    if len(agreements) < 500:  # the latest revisions of these only
        latest_query = latest_query.where(
            AgreementRevision.agreement_id.in_([a.id for a in agreements])
        )
    latest_query = latest_query.group_by(AgreementRevision.agreement_id)
    latest = {row[0]: row[1] for row in session.execute(latest_query)}
    return [store.to_record(a, latest.get(a.id)) for a in agreements]


def _records(session: Session, ids: Sequence[int]) -> list[AgreementRecord]:
    return _agreement_records(session, Agreement.id.in_(ids))


class AgreementService:
    """Every change is one committed transaction and returns the agreement as it now is."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = session_factory
        self._now = clock
        self.listing = Listing(
            session_factory, AgreementList(), lambda session, ids: _records(session, ids)
        )

    # --- reading -------------------------------------------------------------------------

    def _read(self, *criteria: Any) -> list[AgreementRecord]:
        with reading(self._sessions) as session:
            records = _agreement_records(session, *criteria)
        return sorted(records, key=lambda r: (fold(r.title), r.id))

    def list_all(self) -> list[AgreementRecord]:
        return self._read()

    def for_mentor(self, mentor_id: int) -> list[AgreementRecord]:
        return self._read(Agreement.mentor_id == mentor_id)

    def active_for_mentor(self, mentor_id: int) -> AgreementRecord | None:
        found = self._read(
            Agreement.mentor_id == mentor_id, Agreement.status == AgreementStatus.ACTIVE
        )
        return found[0] if found else None

    def get(self, agreement_id: int) -> AgreementRecord:
        with reading(self._sessions) as session:
            return store.current_record(session, store.load(session, agreement_id))

    def count(self) -> int:
        with reading(self._sessions) as session:
            return int(session.scalar(select(func.count(Agreement.id))) or 0)

    def revisions(self, agreement_id: int) -> list[RevisionRecord]:
        """Every revision of one agreement, newest first."""
        with reading(self._sessions) as session:
            store.load(session, agreement_id)
            rows = session.scalars(
                select(AgreementRevision)
                .where(AgreementRevision.agreement_id == agreement_id)
                .order_by(AgreementRevision.revised_at.desc(), AgreementRevision.id.desc())
            ).all()
            return [store.revision_record(row) for row in rows]

    def revision(self, revision_id: int) -> RevisionRecord:
        with reading(self._sessions) as session:
            return store.revision_record(self._load_revision(session, revision_id))

    @staticmethod
    def _load_revision(session: Session, revision_id: int) -> AgreementRevision:
        revision = session.get(AgreementRevision, revision_id)
        if revision is None:
            raise NotFoundError("That revision no longer exists.")
        return revision

    def compare_revisions(self, older_id: int, newer_id: int) -> tuple[FieldChange, ...]:
        """Field by field, what differs between the agreement after one revision and after
        another: ``old`` is the value after ``older_id``, ``new`` after ``newer_id``."""
        with reading(self._sessions) as session:
            older = self._load_revision(session, older_id)
            newer = self._load_revision(session, newer_id)
            if older.agreement_id != newer.agreement_id:
                raise ValidationError(
                    {"revision": "Only revisions of the same agreement can be compared."}
                )
            return field_changes(fields_from_json(older.state), fields_from_json(newer.state))

    # --- changes -------------------------------------------------------------------------

    def create(
        self, mentor_id: int, fields: AgreementFields, *, conclude_other: bool = False
    ) -> AgreementRecord:
        """A new agreement; one created active gets its first revision (everything agreed)."""
        valid = fields.validated()
        now = self._now()
        with writing(self._sessions) as session:
            if session.get(Mentor, mentor_id) is None:
                raise ValidationError({"mentor": "The chosen mentor no longer exists."})
            self._check_goals(session, valid)
            agreement = Agreement(mentor_id=mentor_id, created_at=now, updated_at=now)
            self._store(session, agreement, None, valid, conclude_other=conclude_other)
            return store.current_record(session, agreement)

    def update(
        self, agreement_id: int, fields: AgreementFields, *, conclude_other: bool = False
    ) -> AgreementRecord:
        """Store the edit; when the agreement is or was active, keep it as a revision."""
        valid = fields.validated()
        with writing(self._sessions) as session:
            agreement = store.load(session, agreement_id)
            self._check_goals(session, valid)
            before = store.stored_fields(agreement)
            self._store(session, agreement, before, valid, conclude_other=conclude_other)
            return store.current_record(session, agreement)

    def restore_revision(
        self, agreement_id: int, revision_id: int, *, conclude_other: bool = False
    ) -> AgreementRecord:
        """Make the agreement what it was after that revision, as a new change (which is
        itself kept as a revision). Objectives linked to goals since deleted keep their
        text and lose the link."""
        with writing(self._sessions) as session:
            agreement = store.load(session, agreement_id)
            revision = self._load_revision(session, revision_id)
            if revision.agreement_id != agreement_id:
                raise ValidationError({"revision": "That revision belongs to another agreement."})
            state = fields_from_json(revision.state)
            goals = store.existing_goals(session, (o.goal_id for o in state.objectives))
            state = state.replace(
                objectives=tuple(
                    ObjectiveFields(o.text, o.goal_id if o.goal_id in goals else None)
                    for o in state.objectives
                )
            )
            valid = state.validated()
            before = store.stored_fields(agreement)
            self._store(session, agreement, before, valid, conclude_other=conclude_other)
            return store.current_record(session, agreement)

    def create_many(self, histories: Sequence[AgreementHistory]) -> list[int]:
        """Many new agreements, each with the story of its changes (sample data, imports);
        returns their ids in order. Stores what ``create`` and then ``update`` at each step's
        moment would, revisions included, checked as they check (no agreement is concluded
        to make room: a second active one for a mentor is refused), but in one flush: a call
        each reloaded the agreement every time, 15 seconds for the huge sample's 370
        agreements and their 1,000 changes."""
        checked = [
            (mentor_id, [(at, fields.validated()) for at, fields in steps])
            for mentor_id, steps in histories
        ]
        with writing(self._sessions) as session:
            mentor_ids = {mentor_id for mentor_id, _steps in checked}
            found = session.scalars(select(Mentor.id).where(Mentor.id.in_(mentor_ids)))
            if mentor_ids - set(found):
                raise ValidationError({"mentor": "The chosen mentor no longer exists."})
            self._check_goals(session, *(f for _m, steps in checked for _at, f in steps))
            active = store.active_by_mentor(session, mentor_ids)
            created: list[Agreement] = []
            revisions = []
            for mentor_id, steps in checked:
                agreement = Agreement(mentor_id=mentor_id, created_at=steps[0][0])
                before = None
                for at, after in steps:
                    _one_active(session, active, agreement, after)
                    kept = _change(agreement, before, after, at)
                    if kept is not None:
                        revisions.append((agreement, at, kept, after))
                    before = store.stored_fields(agreement)
                session.add(agreement)
                created.append(agreement)
            session.flush()
            rows = [_revision(a.id, at, kept, after) for a, at, kept, after in revisions]
            insert_rows(session, AgreementRevision, rows)
            return [agreement.id for agreement in created]

    def put_back(self, record: AgreementRecord) -> AgreementRecord:
        """Undo an edit: the agreement exactly as ``record`` shows it (same list row ids), and
        the revisions the edit added removed. Use the record read before the edit."""
        with writing(self._sessions) as session:
            agreement = store.load(session, record.id)
            store.apply(agreement, record.fields, record)
            agreement.updated_at = record.updated_at
            newer = select(AgreementRevision).where(
                AgreementRevision.agreement_id == record.id,
                AgreementRevision.id > (record.latest_revision_id or 0),
            )
            for revision in session.scalars(newer):
                session.delete(revision)
            return store.current_record(session, agreement)

    def delete(self, agreement_id: int) -> DeletedAgreement:
        with writing(self._sessions) as session:
            agreement = store.load(session, agreement_id)
            deleted = store.snapshot(session, agreement)
            session.delete(agreement)
            return deleted

    def restore(self, deleted: DeletedAgreement) -> AgreementRecord:
        """Put a deleted agreement back whole: same id, list rows and revisions. Objective
        links to goals deleted since are dropped; the text stays."""
        with writing(self._sessions) as session:
            return store.restore_in(session, deleted)

    # --- helpers -------------------------------------------------------------------------

    def _store(
        self,
        session: Session,
        agreement: Agreement,
        before: AgreementFields | None,
        after: AgreementFields,
        *,
        conclude_other: bool,
    ) -> None:
        """Apply ``after``; keep a revision when the agreement is, was or becomes active."""
        if after.status is AgreementStatus.ACTIVE:
            other = store.other_active(session, agreement.mentor_id, agreement.id)
            if other is not None:
                if not conclude_other:
                    raise AnotherAgreementActive(other.id, other.title)
                other_before = store.stored_fields(other)
                other_after = other_before.replace(status=AgreementStatus.CONCLUDED)
                self._store(session, other, other_before, other_after, conclude_other=False)
        now = self._now()
        kept = _change(agreement, before, after, now)
        session.add(agreement)
        if kept is not None:
            session.flush()  # the new agreement's id
            session.add(AgreementRevision(**_revision(agreement.id, now, kept, after)))

    def _check_goals(self, session: Session, *fields: AgreementFields) -> None:
        wanted = [o.goal_id for f in fields for o in f.objectives if o.goal_id is not None]
        if set(wanted) - store.existing_goals(session, wanted):
            raise ValidationError({"objectives": "A goal chosen as an objective no longer exists."})
