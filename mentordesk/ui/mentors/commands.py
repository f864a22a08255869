"""Undoable edits of mentor cards beyond create, edit and delete: archive, and a delete that
remembers what referred to the mentor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mentordesk.domain.mentor import MentorRecord, MentorReferences
from mentordesk.ui.common.commands import CommandContext, DeleteRecord, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind

if TYPE_CHECKING:
    from mentordesk.services.mentors import MentorService

MENTOR = frozenset({DataKind.MENTOR})
# A mentor's delete unlinks goals and assessments and removes their agreements and log.
EVERYTHING_OF_A_MENTOR = frozenset(
    {
        DataKind.MENTOR,
        DataKind.GOAL,
        DataKind.SKILL,
        DataKind.AGREEMENT,
        DataKind.MEETING,
        DataKind.GRATITUDE,
    }
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MentorCommands", text)


class SetMentorArchived(ServiceCommand):
    kinds = MENTOR

    def __init__(
        self,
        context: CommandContext,
        service: MentorService,
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
            self.context.focus(self.mentor_id)


class DeleteMentor(DeleteRecord[MentorRecord, MentorRecord]):
    """What named the mentor (goals, assessments, agreements) is unlinked or removed by the
    delete; it is kept, so undo links and restores it again."""

    def __init__(self, context: CommandContext, service: MentorService, record: MentorRecord):
        text = _tr("Delete “{name}”").format(name=record.name)
        super().__init__(context, service, record.id, text, EVERYTHING_OF_A_MENTOR)
        self.mentors = service
        self.references = MentorReferences()

    def apply(self) -> None:
        self.references = self.mentors.references(self.record_id)
        super().apply()

    def revert(self) -> None:
        assert self.deleted is not None
        self.mentors.restore(self.deleted, self.references)
