"""Undoable changes to an agreement beyond create and delete (the generic commands of
ui/common): edit a field, and restore a revision.

An edit is undone by putting back the record read before it (same list row ids, and the
revisions it added removed); when the edit concluded the mentor's other active agreement,
undo puts that one back too.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from mentordesk.domain.agreement import AgreementFields, AgreementRecord
from mentordesk.ui.common.commands import CommandContext, MergesQuickEdits, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind

AGREEMENT = frozenset({DataKind.AGREEMENT})

if TYPE_CHECKING:
    from mentordesk.services.agreements import AgreementService


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementCommands", text)


class AgreementCommand(ServiceCommand):
    """Changes one existing agreement; ``other`` is the mentor's other active agreement as it
    was before, when this change concludes it."""

    kinds = AGREEMENT

    def __init__(
        self,
        context: CommandContext,
        service: AgreementService,
        before: AgreementRecord,
        text: str,
        other: AgreementRecord | None = None,
    ) -> None:
        super().__init__(context, text)
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
        self.context.focus(self.before.id)


class EditAgreement(MergesQuickEdits, AgreementCommand):
    """One field changed; quick further edits of the same field merge into one undo step."""

    after_fields: AgreementFields

    def __init__(
        self,
        context: CommandContext,
        service: AgreementService,
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
        context: CommandContext,
        service: AgreementService,
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
