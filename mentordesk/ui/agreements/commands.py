"""Undoable changes to agreements: create, edit, restore a revision, delete.

An edit is undone by putting back the record read before it (same list row ids, and the
revisions it added removed); when the edit concluded the mentor's other active agreement,
undo puts that one back too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from mentordesk.domain.agreement import AgreementFields, AgreementRecord
from mentordesk.domain.agreement_revision import DeletedAgreement
from mentordesk.ui.common.commands import CommandContext, MergesQuickEdits, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind

_AGREEMENT = frozenset({DataKind.AGREEMENT})


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementCommands", text)


class AgreementServiceLike(Protocol):
    """What the commands need of AgreementService (importing it would import SQLAlchemy)."""

    def get(self, agreement_id: int) -> AgreementRecord: ...
    def create(
        self, mentor_id: int, fields: AgreementFields, *, conclude_other: bool = False
    ) -> AgreementRecord: ...
    def update(
        self, agreement_id: int, fields: AgreementFields, *, conclude_other: bool = False
    ) -> AgreementRecord: ...
    def restore_revision(
        self, agreement_id: int, revision_id: int, *, conclude_other: bool = False
    ) -> AgreementRecord: ...
    def put_back(self, record: AgreementRecord) -> AgreementRecord: ...
    def delete(self, agreement_id: int) -> DeletedAgreement: ...
    def restore(self, deleted: DeletedAgreement) -> AgreementRecord: ...


@dataclass(frozen=True)
class AgreementCommandContext(CommandContext):
    """Adds where to bring an agreement back into view."""

    focus_agreement: Callable[[int], None] = lambda _id: None


class AgreementCommand(ServiceCommand):
    """Changes one existing agreement; ``other`` is the mentor's other active agreement as it
    was before, when this change concludes it."""

    kinds = _AGREEMENT

    def __init__(
        self,
        context: AgreementCommandContext,
        service: AgreementServiceLike,
        before: AgreementRecord,
        text: str,
        other: AgreementRecord | None = None,
    ) -> None:
        super().__init__(context, text)
        self.agreement_context = context
        self.service = service
        self.before = before
        self.other = other

    @property
    def conclude_other(self) -> bool:
        return self.other is not None

    def revert(self) -> None:
        self.service.put_back(self.before)
        if self.other is not None:
            self.service.put_back(self.other)

    def after(self, undone: bool) -> None:
        self.agreement_context.focus_agreement(self.before.id)


class CreateAgreement(ServiceCommand):
    kinds = _AGREEMENT

    def __init__(
        self,
        context: AgreementCommandContext,
        service: AgreementServiceLike,
        mentor_id: int,
        fields: AgreementFields,
    ) -> None:
        super().__init__(context, _tr("Add agreement “{title}”").format(title=fields.title))
        self.agreement_context = context
        self.service = service
        self.mentor_id = mentor_id
        self.fields = fields
        self.record: AgreementRecord | None = None
        self.deleted: DeletedAgreement | None = None

    def apply(self) -> None:
        if self.deleted is None:
            self.record = self.service.create(self.mentor_id, self.fields)
        else:
            self.record = self.service.restore(self.deleted)

    def revert(self) -> None:
        assert self.record is not None
        self.deleted = self.service.delete(self.record.id)

    def after(self, undone: bool) -> None:
        if not undone and self.record is not None:
            self.agreement_context.focus_agreement(self.record.id)


class EditAgreement(MergesQuickEdits, AgreementCommand):
    """One field changed; quick further edits of the same field merge into one undo step."""

    after_fields: AgreementFields

    def __init__(
        self,
        context: AgreementCommandContext,
        service: AgreementServiceLike,
        before: AgreementRecord,
        after: AgreementFields,
        field: str,
        noun: str,
        other: AgreementRecord | None = None,
    ) -> None:
        text = _tr("Edit {field} of “{title}”").format(field=noun, title=before.title)
        super().__init__(context, service, before, text, other)
        self.after_fields = after
        self.field = field
        self.made_at = time.monotonic()
        self.record_key = before.id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if self.conclude_other or (isinstance(other, EditAgreement) and other.conclude_other):
            return False
        return super().mergeWith(other)

    def apply(self) -> None:
        self.service.update(self.before.id, self.after_fields, conclude_other=self.conclude_other)


class RestoreRevision(AgreementCommand):
    """The agreement made what it was after an earlier revision, as a new revision."""

    def __init__(
        self,
        context: AgreementCommandContext,
        service: AgreementServiceLike,
        before: AgreementRecord,
        revision_id: int,
        other: AgreementRecord | None = None,
    ) -> None:
        text = _tr("Restore an earlier revision of “{title}”").format(title=before.title)
        super().__init__(context, service, before, text, other)
        self.revision_id = revision_id

    def apply(self) -> None:
        self.service.restore_revision(
            self.before.id, self.revision_id, conclude_other=self.conclude_other
        )


class DeleteAgreement(AgreementCommand):
    def __init__(
        self,
        context: AgreementCommandContext,
        service: AgreementServiceLike,
        record: AgreementRecord,
    ) -> None:
        super().__init__(
            context, service, record, _tr("Delete agreement “{title}”").format(title=record.title)
        )
        self.deleted: DeletedAgreement | None = None

    def apply(self) -> None:
        self.deleted = self.service.delete(self.before.id)

    def revert(self) -> None:
        assert self.deleted is not None
        self.service.restore(self.deleted)

    def after(self, undone: bool) -> None:
        if undone:
            self.agreement_context.focus_agreement(self.before.id)
