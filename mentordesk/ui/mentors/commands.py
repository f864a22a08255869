"""Undoable edits of mentor cards: create, edit a field, archive, delete."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication

from mentordesk.domain.mentor import MentorFields, MentorRecord, MentorReferences
from mentordesk.ui.common.commands import CommandContext, MergesQuickEdits, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.mentors.protocols import MentorServiceLike

_MENTOR = frozenset({DataKind.MENTOR})


def _tr(text: str) -> str:
    return QCoreApplication.translate("MentorCommands", text)


class CreateMentor(ServiceCommand):
    kinds = _MENTOR

    def __init__(self, context: CommandContext, service: MentorServiceLike, fields: MentorFields):
        super().__init__(context, _tr("Add mentor “{name}”").format(name=fields.name.strip()))
        self.service = service
        self.fields = fields
        self.record: MentorRecord | None = None

    def apply(self) -> None:
        if self.record is None:
            self.record = self.service.create(self.fields)
        else:
            self.service.restore(self.record)

    def revert(self) -> None:
        assert self.record is not None
        self.service.delete(self.record.id)

    def after(self, undone: bool) -> None:
        if not undone and self.record is not None:
            self.context.focus_mentor(self.record.id)


class EditMentor(MergesQuickEdits, ServiceCommand):
    """One field changed. Edits of the same field in quick succession (the autosave while
    typing, then leaving the field) merge into one undo step."""

    kinds = _MENTOR

    def __init__(
        self,
        context: CommandContext,
        service: MentorServiceLike,
        mentor_id: int,
        before: MentorFields,
        after: MentorFields,
        field: str,
        noun: str,
    ) -> None:
        super().__init__(
            context, _tr("Edit {field} of “{name}”").format(field=noun, name=before.name)
        )
        self.service = service
        self.mentor_id = mentor_id
        self.before = before
        self.after_fields = after
        self.field = field
        self.made_at = time.monotonic()
        self.record_key = mentor_id

    def apply(self) -> None:
        self.service.update(self.mentor_id, self.after_fields)

    def revert(self) -> None:
        self.service.update(self.mentor_id, self.before)

    def after(self, undone: bool) -> None:
        self.context.focus_mentor(self.mentor_id)


class SetMentorArchived(ServiceCommand):
    kinds = _MENTOR

    def __init__(
        self,
        context: CommandContext,
        service: MentorServiceLike,
        record: MentorRecord,
        archived: bool,
    ) -> None:
        text = _tr("Archive “{name}”") if archived else _tr("Restore “{name}” from the archive")
        super().__init__(context, text.format(name=record.name))
        self.service = service
        self.mentor_id = record.id
        self.archived = archived

    def apply(self) -> None:
        self.service.set_archived(self.mentor_id, self.archived)

    def revert(self) -> None:
        self.service.set_archived(self.mentor_id, not self.archived)

    def after(self, undone: bool) -> None:
        # Archiving hides the card from the list; only bringing it back selects it.
        if undone == self.archived:
            self.context.focus_mentor(self.mentor_id)


class DeleteMentor(ServiceCommand):
    kinds = frozenset({DataKind.MENTOR, DataKind.GOAL, DataKind.SKILL, DataKind.AGREEMENT})

    def __init__(self, context: CommandContext, service: MentorServiceLike, record: MentorRecord):
        super().__init__(context, _tr("Delete “{name}”").format(name=record.name))
        self.service = service
        self.record = record
        self.references = MentorReferences()

    def apply(self) -> None:
        # What named the mentor (goals, assessments) is unlinked by the delete; keep it so
        # undo can link it again.
        self.references = self.service.references(self.record.id)
        self.record = self.service.delete(self.record.id)

    def revert(self) -> None:
        self.service.restore(self.record, self.references)

    def after(self, undone: bool) -> None:
        if undone:
            self.context.focus_mentor(self.record.id)
