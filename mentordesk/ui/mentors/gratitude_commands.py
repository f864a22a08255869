"""Undoable edits of a mentor's gratitude log (log, edit, remove an entry), and what turns
the Gratitude box's requests into them on the card shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from mentordesk.domain.enums import Direction, MentorStatus
from mentordesk.domain.gratitude import (
    GratitudeFields,
    GratitudeRecord,
    ThanksCandidate,
    thanks_due,
)
from mentordesk.domain.mentor import MentorRecord
from mentordesk.ui.common.commands import CommandContext, PartCommand
from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.common.labels import saved_now
from mentordesk.ui.mentors.gratitude_box import MentorGratitudeBox

if TYPE_CHECKING:
    from mentordesk.services.gratitude import GratitudeService
    from mentordesk.ui.mentors.view import MentorsView

GRATITUDE = frozenset({DataKind.GRATITUDE})


def _tr(text: str) -> str:
    return QCoreApplication.translate("GratitudeCommands", text)


class GratitudeCommand(PartCommand):
    """Changes one entry of a mentor's log; their card is shown again afterwards."""

    service: GratitudeService

    def __init__(
        self, context: CommandContext, service: GratitudeService, mentor: MentorRecord, text: str
    ) -> None:
        super().__init__(context, service, mentor.id, text.format(name=mentor.name), GRATITUDE)


class LogThanks(GratitudeCommand):
    def __init__(
        self,
        context: CommandContext,
        service: GratitudeService,
        mentor: MentorRecord,
        fields: GratitudeFields,
    ) -> None:
        super().__init__(context, service, mentor, _tr("Log thanks to “{name}”"))
        self.fields = fields
        self.record: GratitudeRecord | None = None

    def apply(self) -> None:
        if self.record is None:
            self.record = self.service.add(self.fields)
        else:
            self.service.restore(self.record)  # redo: the same entry, the same id

    def revert(self) -> None:
        assert self.record is not None
        self.record = self.service.delete(self.record.id)


class EditThanks(GratitudeCommand):
    def __init__(
        self,
        context: CommandContext,
        service: GratitudeService,
        mentor: MentorRecord,
        entry: GratitudeRecord,
        after: GratitudeFields,
    ) -> None:
        super().__init__(context, service, mentor, _tr("Edit thanks to “{name}”"))
        self.entry_id = entry.id
        self.before = entry.fields
        self.after_fields = after

    def apply(self) -> None:
        self.service.update(self.entry_id, self.after_fields)

    def revert(self) -> None:
        self.service.update(self.entry_id, self.before)


class RemoveThanks(GratitudeCommand):
    def __init__(
        self,
        context: CommandContext,
        service: GratitudeService,
        mentor: MentorRecord,
        entry: GratitudeRecord,
    ) -> None:
        super().__init__(context, service, mentor, _tr("Remove thanks to “{name}”"))
        self.entry_id = entry.id
        self.deleted: GratitudeRecord | None = None

    def apply(self) -> None:
        self.deleted = self.service.delete(self.entry_id)

    def revert(self) -> None:
        assert self.deleted is not None
        self.service.restore(self.deleted)


class GratitudeEdits(QObject):
    """Fills the card's Gratitude box and runs what it asks as commands on the view."""

    def __init__(
        self, view: MentorsView, box: MentorGratitudeBox, today: Callable[[], date]
    ) -> None:
        super().__init__(view)
        self._view = view
        self._box = box
        self._today = today
        box.set_today(today)
        box.add_requested.connect(self._log)
        box.edit_requested.connect(self._edit)
        box.remove_requested.connect(self._remove)

    def _mentor(self) -> tuple[MentorRecord, GratitudeService] | None:
        record = self._view.selected_record()
        services = self._view.services
        if record is None or services is None:
            return None
        return record, services.gratitude

    def refresh(self) -> None:
        """Show the log of the mentor on the card (nothing for a new card), and whether it
        is time to thank them."""
        services = self._view.services
        record = self._view.editor.record if not self._view.editor.is_new else None
        self._box.set_editable(self._view.editable)
        if record is None or services is None:
            self._box.set_entries(None, [])
            return
        entries = services.gratitude.of_mentor(record.id)
        met_on, span = self._due(record, entries)
        self._box.set_entries(record.id, entries, met_on=met_on, span_days=span)

    def _due(
        self, record: MentorRecord, entries: list[GratitudeRecord]
    ) -> tuple[date | None, int | None]:
        """The day they were last met and the span, when it is time to thank them (the
        rule of GratitudeService.thanks_due, for this one mentor)."""
        services = self._view.services
        fields = record.fields
        if (
            services is None
            or record.is_archived
            or fields.status is not MentorStatus.ACTIVE
            or fields.direction is not Direction.THEY_MENTOR_ME
        ):
            return None, None
        today = self._today()
        last = services.meetings.last_held(record.id)
        met = last.local_day() if last is not None else None
        thanked = max((e.given_on for e in entries if e.given_on <= today), default=None)
        span = services.settings.read().thanks_after_days
        due = thanks_due([ThanksCandidate(record.id, met, thanked)], today, span)
        return (due[0].last_met, span) if due else (None, None)

    def _log(self, fields: GratitudeFields) -> None:
        found = self._mentor()
        if found is None:
            return
        mentor, service = found
        command = LogThanks(self._view.context, service, mentor, fields)
        if self._view.run(command, self._box.form.show_errors):
            self._box.close_form()
            if command.record is not None:
                self._box.select_entry(command.record.id)
            self._view.status_message.emit(
                self.tr("Logged thanks to {name}. Undo: Ctrl+Z").format(name=mentor.name)
            )

    def _edit(self, entry: GratitudeRecord, fields: GratitudeFields) -> None:
        found = self._mentor()
        if found is None:
            return
        mentor, service = found
        command = EditThanks(self._view.context, service, mentor, entry, fields)
        if self._view.run(command, self._box.form.show_errors):
            self._box.close_form()
            self._box.select_entry(entry.id)
            self._view.status_message.emit(saved_now())

    def _remove(self, entry: GratitudeRecord) -> None:
        found = self._mentor()
        if found is None:
            return
        mentor, service = found
        command = RemoveThanks(self._view.context, service, mentor, entry)
        if self._view.run(command, self._view.report_errors):
            self._view.status_message.emit(self.tr("Removed the entry. Undo: Ctrl+Z"))
