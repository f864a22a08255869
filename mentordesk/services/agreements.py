"""Expectations agreements: one active per mentor, and every change to an active one kept.

A revision stores the fields a change touched (old and new values) and the whole agreement
after it, so the history can show what changed when, compare any two revisions field by
field, and restore one as a new change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.orm.interfaces import ORMOption

from mentordesk.db.engine import reading, storage_errors
from mentordesk.domain.agreement import (
    AGREEMENT_COLUMN_FIELDS,
    AgreementFields,
    AnotherAgreementActive,
    AvailabilityWindow,
    CommitmentFields,
    FieldChange,
    ObjectiveFields,
    decode_field,
    encode_field,
    field_changes,
    fields_from_json,
    fields_to_json,
)
from mentordesk.domain.enums import AgreementStatus, Channel
from mentordesk.domain.models import (
    Agreement,
    AgreementCommitment,
    AgreementObjective,
    AgreementRevision,
    AvailabilityWindowRow,
    Goal,
    Mentor,
)
from mentordesk.domain.validation import NotFoundError, ValidationError, fold
from mentordesk.services.records import AgreementRecord, DeletedAgreement, RevisionRecord

Clock = Callable[[], datetime]

_CHANNEL_FIELDS = ("preferred_channels", "acceptable_channels")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _load_options() -> list[ORMOption]:
    return [
        selectinload(Agreement.objectives),
        selectinload(Agreement.commitments),
        selectinload(Agreement.windows),
    ]


def _stored_fields(agreement: Agreement) -> AgreementFields:
    values: dict[str, Any] = {name: getattr(agreement, name) for name in AGREEMENT_COLUMN_FIELDS}
    for name in _CHANNEL_FIELDS:
        values[name] = tuple(Channel(value) for value in json.loads(values[name]))
    return AgreementFields(
        **values,
        objectives=tuple(ObjectiveFields(o.text, o.goal_id) for o in agreement.objectives),
        commitments=tuple(CommitmentFields(c.side, c.text) for c in agreement.commitments),
        windows=tuple(AvailabilityWindow(w.weekday, w.starts, w.ends) for w in agreement.windows),
    )


def _to_record(agreement: Agreement, latest_revision_id: int | None) -> AgreementRecord:
    return AgreementRecord(
        id=agreement.id,
        mentor_id=agreement.mentor_id,
        fields=_stored_fields(agreement),
        objective_ids=tuple(o.id for o in agreement.objectives),
        commitment_ids=tuple(c.id for c in agreement.commitments),
        window_ids=tuple(w.id for w in agreement.windows),
        latest_revision_id=latest_revision_id,
        created_at=agreement.created_at,
        updated_at=agreement.updated_at,
    )


def _revision_record(revision: AgreementRevision) -> RevisionRecord:
    stored: dict[str, list[Any]] = json.loads(revision.changes)
    return RevisionRecord(
        id=revision.id,
        agreement_id=revision.agreement_id,
        revised_at=revision.revised_at,
        changes=tuple(
            FieldChange(
                name,
                None if old is None else decode_field(name, old),
                None if new is None else decode_field(name, new),
            )
            for name, (old, new) in stored.items()
        ),
        state=fields_from_json(revision.state),
    )


def _changes_json(changes: Sequence[FieldChange]) -> str:
    return json.dumps(
        {
            c.name: [
                None if c.old is None else encode_field(c.name, c.old),
                None if c.new is None else encode_field(c.name, c.new),
            ]
            for c in changes
        },
        ensure_ascii=False,
    )


def _sync_rows(
    current: list[Any], values: Sequence[Any], ids: Sequence[int] | None, make: Callable[[], Any]
) -> list[Any]:
    """The rows that hold ``values`` in order: existing rows reused (by id when ``ids`` are
    given, else by position), new ones made for the rest."""
    if ids is None:
        rows = [current[i] if i < len(current) else make() for i in range(len(values))]
    else:
        by_id = {row.id: row for row in current}
        rows = []
        for row_id in ids:
            row = by_id.get(row_id)
            if row is None:
                row = make()
                row.id = row_id
            rows.append(row)
    for position, row in enumerate(rows):
        row.position = position
    return rows


class AgreementService:
    """Every change is one committed transaction and returns the agreement as it now is."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = session_factory
        self._now = clock

    def _load(self, session: Session, agreement_id: int) -> Agreement:
        agreement = session.get(Agreement, agreement_id, options=_load_options())
        if agreement is None:
            raise NotFoundError(f"Agreement #{agreement_id} no longer exists.")
        return agreement

    @staticmethod
    def _latest_revision(session: Session, agreement_id: int) -> int | None:
        return session.scalar(
            select(func.max(AgreementRevision.id)).where(
                AgreementRevision.agreement_id == agreement_id
            )
        )

    def _record(self, session: Session, agreement: Agreement) -> AgreementRecord:
        session.flush()
        return _to_record(agreement, self._latest_revision(session, agreement.id))

    # --- reading -------------------------------------------------------------------------

    def _read(self, *criteria: Any) -> list[AgreementRecord]:
        with reading(self._sessions) as session:
            agreements = session.scalars(
                select(Agreement).where(*criteria).options(*_load_options())
            ).all()
            latest_query = select(
                AgreementRevision.agreement_id, func.max(AgreementRevision.id)
            ).group_by(AgreementRevision.agreement_id)
            latest = {row[0]: row[1] for row in session.execute(latest_query)}
            records = [_to_record(a, latest.get(a.id)) for a in agreements]
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
            return self._record(session, self._load(session, agreement_id))

    def count(self) -> int:
        with reading(self._sessions) as session:
            return int(session.scalar(select(func.count(Agreement.id))) or 0)

    def revisions(self, agreement_id: int) -> list[RevisionRecord]:
        """Every revision of one agreement, newest first."""
        with reading(self._sessions) as session:
            self._load(session, agreement_id)
            rows = session.scalars(
                select(AgreementRevision)
                .where(AgreementRevision.agreement_id == agreement_id)
                .order_by(AgreementRevision.revised_at.desc(), AgreementRevision.id.desc())
            ).all()
            return [_revision_record(row) for row in rows]

    def revision(self, revision_id: int) -> RevisionRecord:
        with reading(self._sessions) as session:
            return _revision_record(self._load_revision(session, revision_id))

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
        with storage_errors(), self._sessions.begin() as session:
            if session.get(Mentor, mentor_id) is None:
                raise ValidationError({"mentor": "The chosen mentor no longer exists."})
            self._check_goals(session, valid)
            agreement = Agreement(mentor_id=mentor_id, created_at=now, updated_at=now)
            self._store(session, agreement, None, valid, conclude_other=conclude_other)
            return self._record(session, agreement)

    def update(
        self, agreement_id: int, fields: AgreementFields, *, conclude_other: bool = False
    ) -> AgreementRecord:
        """Store the edit; when the agreement is or was active, keep it as a revision."""
        valid = fields.validated()
        with storage_errors(), self._sessions.begin() as session:
            agreement = self._load(session, agreement_id)
            self._check_goals(session, valid)
            before = _stored_fields(agreement)
            self._store(session, agreement, before, valid, conclude_other=conclude_other)
            return self._record(session, agreement)

    def restore_revision(
        self, agreement_id: int, revision_id: int, *, conclude_other: bool = False
    ) -> AgreementRecord:
        """Make the agreement what it was after that revision, as a new change (which is
        itself kept as a revision). Objectives linked to goals since deleted keep their
        text and lose the link."""
        with storage_errors(), self._sessions.begin() as session:
            agreement = self._load(session, agreement_id)
            revision = self._load_revision(session, revision_id)
            if revision.agreement_id != agreement_id:
                raise ValidationError({"revision": "That revision belongs to another agreement."})
            state = fields_from_json(revision.state)
            goals = self._existing_goals(session, (o.goal_id for o in state.objectives))
            state = state.replace(
                objectives=tuple(
                    ObjectiveFields(o.text, o.goal_id if o.goal_id in goals else None)
                    for o in state.objectives
                )
            )
            valid = state.validated()
            before = _stored_fields(agreement)
            self._store(session, agreement, before, valid, conclude_other=conclude_other)
            return self._record(session, agreement)

    def put_back(self, record: AgreementRecord) -> AgreementRecord:
        """Undo an edit: the agreement exactly as ``record`` shows it (same list row ids), and
        the revisions the edit added removed. Use the record read before the edit."""
        with storage_errors(), self._sessions.begin() as session:
            agreement = self._load(session, record.id)
            self._apply(agreement, record.fields, record)
            agreement.updated_at = record.updated_at
            newer = select(AgreementRevision).where(
                AgreementRevision.agreement_id == record.id,
                AgreementRevision.id > (record.latest_revision_id or 0),
            )
            for revision in session.scalars(newer):
                session.delete(revision)
            return self._record(session, agreement)

    def delete(self, agreement_id: int) -> DeletedAgreement:
        with storage_errors(), self._sessions.begin() as session:
            agreement = self._load(session, agreement_id)
            deleted = self.snapshot(session, agreement)
            session.delete(agreement)
            return deleted

    def snapshot(self, session: Session, agreement: Agreement) -> DeletedAgreement:
        """The agreement with all its revisions, as a delete would remove it."""
        revisions = session.scalars(
            select(AgreementRevision)
            .where(AgreementRevision.agreement_id == agreement.id)
            .order_by(AgreementRevision.id)
        ).all()
        record = self._record(session, agreement)
        return DeletedAgreement(record, tuple(_revision_record(r) for r in revisions))

    def snapshots_of_mentor(self, session: Session, mentor_id: int) -> tuple[DeletedAgreement, ...]:
        """Every agreement of a mentor, whole: deleting the mentor deletes them."""
        agreements = session.scalars(
            select(Agreement).options(*_load_options()).where(Agreement.mentor_id == mentor_id)
        ).all()
        return tuple(self.snapshot(session, agreement) for agreement in agreements)

    def restore(self, deleted: DeletedAgreement) -> AgreementRecord:
        """Put a deleted agreement back whole: same id, list rows and revisions. Objective
        links to goals deleted since are dropped; the text stays."""
        with storage_errors(), self._sessions.begin() as session:
            return self.restore_in(session, deleted)

    def restore_in(self, session: Session, deleted: DeletedAgreement) -> AgreementRecord:
        """restore() inside a transaction that is already open (e.g. undoing a mentor's
        delete puts the mentor and their agreements back together)."""
        record = deleted.record
        if session.get(Agreement, record.id) is not None:
            raise ValidationError({"title": f"Agreement #{record.id} already exists."})
        if session.get(Mentor, record.mentor_id) is None:
            raise ValidationError({"mentor": "The agreement's mentor no longer exists."})
        if record.is_active:
            self._refuse_second_active(session, record.mentor_id, record.id)
        goals = self._existing_goals(session, (o.goal_id for o in record.fields.objectives))
        fields = record.fields.replace(
            objectives=tuple(
                ObjectiveFields(o.text, o.goal_id if o.goal_id in goals else None)
                for o in record.fields.objectives
            )
        )
        agreement = Agreement(
            id=record.id,
            mentor_id=record.mentor_id,
            created_at=record.created_at,
            updated_at=record.updated_at,
        )
        session.add(agreement)
        self._apply(agreement, fields, record)
        for revision in deleted.revisions:
            session.add(
                AgreementRevision(
                    id=revision.id,
                    agreement_id=record.id,
                    revised_at=revision.revised_at,
                    changes=_changes_json(revision.changes),
                    state=fields_to_json(revision.state),
                )
            )
        return self._record(session, agreement)

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
            other = self._other_active(session, agreement.mentor_id, agreement.id)
            if other is not None:
                if not conclude_other:
                    raise AnotherAgreementActive(other.id, other.title)
                other_before = _stored_fields(other)
                other_after = other_before.replace(status=AgreementStatus.CONCLUDED)
                self._store(session, other, other_before, other_after, conclude_other=False)
        changes = field_changes(before, after)
        if before is not None and not changes:
            return
        self._apply(agreement, after, None)
        agreement.updated_at = self._now()
        session.add(agreement)
        was_active = before is not None and before.status is AgreementStatus.ACTIVE
        if was_active or after.status is AgreementStatus.ACTIVE:
            session.flush()  # the new agreement's id
            session.add(
                AgreementRevision(
                    agreement_id=agreement.id,
                    revised_at=self._now(),
                    changes=_changes_json(changes),
                    state=fields_to_json(after),
                )
            )

    @staticmethod
    def _apply(
        agreement: Agreement, fields: AgreementFields, ids_from: AgreementRecord | None
    ) -> None:
        for name in AGREEMENT_COLUMN_FIELDS:
            value = getattr(fields, name)
            if name in _CHANNEL_FIELDS:
                value = json.dumps(encode_field(name, value))
            setattr(agreement, name, value)
        objectives = _sync_rows(
            list(agreement.objectives),
            fields.objectives,
            None if ids_from is None else ids_from.objective_ids,
            lambda: AgreementObjective(),
        )
        for row, objective in zip(objectives, fields.objectives, strict=True):
            row.text, row.goal_id = objective.text, objective.goal_id
        agreement.objectives = objectives
        commitments = _sync_rows(
            list(agreement.commitments),
            fields.commitments,
            None if ids_from is None else ids_from.commitment_ids,
            lambda: AgreementCommitment(),
        )
        for row, commitment in zip(commitments, fields.commitments, strict=True):
            row.side, row.text = commitment.side, commitment.text
        agreement.commitments = commitments
        windows = _sync_rows(
            list(agreement.windows),
            fields.windows,
            None if ids_from is None else ids_from.window_ids,
            lambda: AvailabilityWindowRow(),
        )
        for row, window in zip(windows, fields.windows, strict=True):
            row.weekday, row.starts, row.ends = window.weekday, window.starts, window.ends
        agreement.windows = windows

    @staticmethod
    def _other_active(
        session: Session, mentor_id: int, agreement_id: int | None
    ) -> Agreement | None:
        return session.scalars(
            select(Agreement)
            .where(
                Agreement.mentor_id == mentor_id,
                Agreement.status == AgreementStatus.ACTIVE,
                Agreement.id != (agreement_id or 0),
            )
            .options(*_load_options())
        ).first()

    def _refuse_second_active(self, session: Session, mentor_id: int, agreement_id: int) -> None:
        other = self._other_active(session, mentor_id, agreement_id)
        if other is not None:
            raise AnotherAgreementActive(other.id, other.title)

    @staticmethod
    def _existing_goals(session: Session, goal_ids: Iterable[int | None]) -> set[int]:
        wanted = {goal_id for goal_id in goal_ids if goal_id is not None}
        return set(session.scalars(select(Goal.id).where(Goal.id.in_(wanted))))

    def _check_goals(self, session: Session, fields: AgreementFields) -> None:
        wanted = [o.goal_id for o in fields.objectives if o.goal_id is not None]
        if set(wanted) - self._existing_goals(session, wanted):
            raise ValidationError({"objectives": "A goal chosen as an objective no longer exists."})
