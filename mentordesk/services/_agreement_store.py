"""The agreement rows inside an open transaction: reading them into records, writing fields
into them, and the snapshots that undo puts back whole.

Internal to the services package (the leading underscore says so): these take a session,
which no public service method does. AgreementService and MentorService (a mentor's delete
removes their agreements) share them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from mentordesk.db.models import (
    Agreement,
    AgreementCommitment,
    AgreementObjective,
    AgreementRevision,
    AvailabilityWindowRow,
    Goal,
    Mentor,
)
from mentordesk.domain.agreement import (
    AGREEMENT_COLUMN_FIELDS,
    AgreementFields,
    AgreementRecord,
    AnotherAgreementActive,
    AvailabilityWindow,
    CommitmentFields,
    ObjectiveFields,
)
from mentordesk.domain.agreement_revision import (
    DeletedAgreement,
    FieldChange,
    RevisionRecord,
    decode_field,
    encode_field,
    fields_from_json,
    fields_to_json,
)
from mentordesk.domain.enums import AgreementStatus, Channel
from mentordesk.domain.validation import NotFoundError, ValidationError

CHANNEL_FIELDS = ("preferred_channels", "acceptable_channels")


def load_options() -> list[ORMOption]:
    return [
        selectinload(Agreement.objectives),
        selectinload(Agreement.commitments),
        selectinload(Agreement.windows),
    ]


def stored_fields(agreement: Agreement) -> AgreementFields:
    values: dict[str, Any] = {name: getattr(agreement, name) for name in AGREEMENT_COLUMN_FIELDS}
    for name in CHANNEL_FIELDS:
        values[name] = tuple(Channel(value) for value in json.loads(values[name]))
    return AgreementFields(
        **values,
        objectives=tuple(ObjectiveFields(o.text, o.goal_id) for o in agreement.objectives),
        commitments=tuple(CommitmentFields(c.side, c.text) for c in agreement.commitments),
        windows=tuple(AvailabilityWindow(w.weekday, w.starts, w.ends) for w in agreement.windows),
    )


def to_record(agreement: Agreement, latest_revision_id: int | None) -> AgreementRecord:
    return AgreementRecord(
        id=agreement.id,
        mentor_id=agreement.mentor_id,
        fields=stored_fields(agreement),
        objective_ids=tuple(o.id for o in agreement.objectives),
        commitment_ids=tuple(c.id for c in agreement.commitments),
        window_ids=tuple(w.id for w in agreement.windows),
        latest_revision_id=latest_revision_id,
        created_at=agreement.created_at,
        updated_at=agreement.updated_at,
    )


def revision_record(revision: AgreementRevision) -> RevisionRecord:
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


def changes_json(changes: Sequence[FieldChange]) -> str:
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


def sync_rows(
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


def load(session: Session, agreement_id: int) -> Agreement:
    agreement = session.get(Agreement, agreement_id, options=load_options())
    if agreement is None:
        raise NotFoundError(f"Agreement #{agreement_id} no longer exists.")
    return agreement


def latest_revision(session: Session, agreement_id: int) -> int | None:
    return session.scalar(
        select(func.max(AgreementRevision.id)).where(AgreementRevision.agreement_id == agreement_id)
    )


def current_record(session: Session, agreement: Agreement) -> AgreementRecord:
    session.flush()
    return to_record(agreement, latest_revision(session, agreement.id))


def snapshot(session: Session, agreement: Agreement) -> DeletedAgreement:
    """The agreement with all its revisions, as a delete would remove it."""
    revisions = session.scalars(
        select(AgreementRevision)
        .where(AgreementRevision.agreement_id == agreement.id)
        .order_by(AgreementRevision.id)
    ).all()
    record = current_record(session, agreement)
    return DeletedAgreement(record, tuple(revision_record(r) for r in revisions))


def snapshots_of_mentor(session: Session, mentor_id: int) -> tuple[DeletedAgreement, ...]:
    """Every agreement of a mentor, whole: deleting the mentor deletes them."""
    agreements = session.scalars(
        select(Agreement).options(*load_options()).where(Agreement.mentor_id == mentor_id)
    ).all()
    return tuple(snapshot(session, agreement) for agreement in agreements)


def restore_in(session: Session, deleted: DeletedAgreement) -> AgreementRecord:
    """restore() inside a transaction that is already open (e.g. undoing a mentor's
    delete puts the mentor and their agreements back together)."""
    record = deleted.record
    if session.get(Agreement, record.id) is not None:
        raise ValidationError({"title": f"Agreement #{record.id} already exists."})
    if session.get(Mentor, record.mentor_id) is None:
        raise ValidationError({"mentor": "The agreement's mentor no longer exists."})
    if record.is_active:
        refuse_second_active(session, record.mentor_id, record.id)
    goals = existing_goals(session, (o.goal_id for o in record.fields.objectives))
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
    apply(agreement, fields, record)
    for revision in deleted.revisions:
        session.add(
            AgreementRevision(
                id=revision.id,
                agreement_id=record.id,
                revised_at=revision.revised_at,
                changes=changes_json(revision.changes),
                state=fields_to_json(revision.state),
            )
        )
    return current_record(session, agreement)


def apply(agreement: Agreement, fields: AgreementFields, ids_from: AgreementRecord | None) -> None:
    for name in AGREEMENT_COLUMN_FIELDS:
        value = getattr(fields, name)
        if name in CHANNEL_FIELDS:
            value = json.dumps(encode_field(name, value))
        setattr(agreement, name, value)
    objectives = sync_rows(
        list(agreement.objectives),
        fields.objectives,
        None if ids_from is None else ids_from.objective_ids,
        lambda: AgreementObjective(),
    )
    for row, objective in zip(objectives, fields.objectives, strict=True):
        row.text, row.goal_id = objective.text, objective.goal_id
    agreement.objectives = objectives
    commitments = sync_rows(
        list(agreement.commitments),
        fields.commitments,
        None if ids_from is None else ids_from.commitment_ids,
        lambda: AgreementCommitment(),
    )
    for row, commitment in zip(commitments, fields.commitments, strict=True):
        row.side, row.text = commitment.side, commitment.text
    agreement.commitments = commitments
    windows = sync_rows(
        list(agreement.windows),
        fields.windows,
        None if ids_from is None else ids_from.window_ids,
        lambda: AvailabilityWindowRow(),
    )
    for row, window in zip(windows, fields.windows, strict=True):
        row.weekday, row.starts, row.ends = window.weekday, window.starts, window.ends
    agreement.windows = windows


def other_active(session: Session, mentor_id: int, agreement_id: int | None) -> Agreement | None:
    return session.scalars(
        select(Agreement)
        .where(
            Agreement.mentor_id == mentor_id,
            Agreement.status == AgreementStatus.ACTIVE,
            Agreement.id != (agreement_id or 0),
        )
        .options(*load_options())
    ).first()


def active_by_mentor(session: Session, mentor_ids: Iterable[int]) -> dict[int, Agreement]:
    """The active agreement of each of these mentors that has one."""
    query = select(Agreement).where(
        Agreement.mentor_id.in_(set(mentor_ids)), Agreement.status == AgreementStatus.ACTIVE
    )
    return {agreement.mentor_id: agreement for agreement in session.scalars(query)}


def refuse_second_active(session: Session, mentor_id: int, agreement_id: int) -> None:
    other = other_active(session, mentor_id, agreement_id)
    if other is not None:
        raise AnotherAgreementActive(other.id, other.title)


def existing_goals(session: Session, goal_ids: Iterable[int | None]) -> set[int]:
    wanted = {goal_id for goal_id in goal_ids if goal_id is not None}
    return set(session.scalars(select(Goal.id).where(Goal.id.in_(wanted))))
