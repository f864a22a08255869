"""What the Calendar stores on a meeting's behalf besides its card's fields: creating and
deleting it, Prepare, Schedule Next, and the action items that come of it. Each is one
undoable command; mixed into CalendarView before CardHost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.enums import ActionStatus
from mentordesk.domain.meeting import MeetingFields, MeetingRecord
from mentordesk.domain.validation import DomainError
from mentordesk.ui.common.commands import (
    CommandContext,
    CreateRecord,
    DeleteRecord,
    EditFields,
    ServiceCommand,
)
from mentordesk.ui.common.data_bus import DataBus, DataKind

if TYPE_CHECKING:
    from mentordesk.services.context import Services
    from mentordesk.ui.common.card import ListCardTexts
    from mentordesk.ui.meetings.editor import MeetingEditor
    from mentordesk.ui.meetings.nav_bar import CalendarNavBar

MEETING = frozenset({DataKind.MEETING})
MEETING_AND_ITEMS = frozenset({DataKind.MEETING, DataKind.ACTION_ITEM})
ITEMS = frozenset({DataKind.ACTION_ITEM})


def day_text(locale: QLocale, day: date) -> str:
    return locale.toString(day, "d MMM")


class MeetingEdits:
    """The Calendar's edits of meetings and their action items (see the module)."""

    _services: Services | None
    _bus: DataBus
    context: CommandContext
    texts: ListCardTexts
    editor: MeetingEditor
    nav: CalendarNavBar
    status_message: Any
    tr: Callable[[str], str]
    editable: bool
    shown_meeting: Callable[[], MeetingRecord | None]
    _show_card: Callable[[MeetingRecord | None], None]
    focus_record: Callable[[int], None]
    may_leave_card: Callable[[], bool]
    run: Callable[..., bool]
    ask: Callable[[str, str], bool]
    report_error: Callable[[str], None]
    report_errors: Callable[[dict[str, str]], None]

    def record_service(self) -> Any:
        assert self._services is not None
        return self._services.meetings

    def create_command(self, fields: MeetingFields) -> ServiceCommand:
        service = self.record_service()
        text = self.tr("Add meeting “{title}”").format(title=fields.title.strip())
        return CreateRecord(self.context, service, lambda: service.create(fields), text, MEETING)

    def delete_selected(self) -> None:
        record = self.shown_meeting()
        if record is None or not self.editable:
            return
        question = self.tr(
            "Delete the meeting “{title}” with its agenda and notes?\n\nIts action items are "
            "kept. You can undo this with Ctrl+Z."
        ).format(title=record.title)
        if not self.ask(self.tr("Delete meeting"), question):
            return
        text = self.tr("Delete meeting “{title}”").format(title=record.title)
        command = DeleteRecord(
            self.context, self.record_service(), record.id, text, MEETING_AND_ITEMS
        )
        if self.run(command, self.report_errors):
            self._show_card(None)
            self.status_message.emit(self.texts.deleted.format(name=record.title))

    def prepare(self) -> None:
        """Add what is open with the meeting's mentors to its agenda (one undoable edit)."""
        record = self.shown_meeting()
        if record is None or self._services is None or not self.editable:
            return
        self.commit_pending()  # a stored edit refreshes the card, so it shows what is stored
        record = self.shown_meeting() or record
        agenda = self._services.meetings.prepared_agenda(record.id)
        added = len(agenda) - len(record.fields.agenda)
        if added <= 0:
            self.status_message.emit(self.tr("Nothing open to add: the agenda has it all."))
            return
        after = record.fields.replace(agenda=agenda)
        command = EditFields(
            self.context,
            self._services.meetings.update,
            record.id,
            record.fields,
            after,
            "agenda",
            self.tr("Prepare “{title}”").format(title=record.title),
            MEETING,
        )
        if self.run(command):
            self.status_message.emit(
                self.tr("Prepared: {n} points added to the agenda.").format(n=added)
            )
            self.editor.focus_agenda()

    def _mentor_for_next(self) -> int | None:
        record = self.shown_meeting()
        if record is not None and record.mentor_ids:
            return record.mentor_ids[0]
        return self.nav.chosen_mentor()

    def schedule_next(self, mentor_id: int | None = None) -> None:
        """Plan the next meeting with a mentor at the agreed cadence (undoable)."""
        mentor_id = mentor_id if mentor_id is not None else self._mentor_for_next()
        if mentor_id is None or self._services is None or not self.editable:
            return
        if not self.may_leave_card():
            return
        fields = self._services.meetings.next_meeting_proposal(mentor_id)
        if self.run(self.create_command(fields), self.report_errors):
            self.status_message.emit(
                self.tr("Planned “{title}” on {day}.").format(
                    title=fields.title, day=day_text(QLocale(), fields.start.date())
                )
            )

    def add_action_item(self, text: str) -> None:
        """A new action item from this meeting (advice turned into action, or typed)."""
        record = self.shown_meeting()
        if record is None or self._services is None:
            return
        service = self._services.action_items
        fields = ActionItemFields(text=text, meeting_id=record.id)
        context = self._item_context(record.id)
        command = CreateRecord(
            context,
            service,
            lambda: service.create(fields),
            self.tr("Add action item “{text}”").format(text=text),
            ITEMS,
        )
        if self.run(command, self.report_errors):
            self.status_message.emit(self.tr("Added the action item “{text}”.").format(text=text))

    def mark_item(self, item_id: int, done: bool) -> None:
        record = self.shown_meeting()
        if record is None or self._services is None:
            return
        service = self._services.action_items
        try:
            before = service.get(item_id).fields
        except DomainError as exc:
            self.report_error(str(exc))
            return
        status = ActionStatus.DONE if done else ActionStatus.OPEN
        after = before.replace(status=status, done_on=None if not done else before.done_on)
        text = self.tr("Mark “{text}” done") if done else self.tr("Open “{text}” again")
        command = EditFields(
            self._item_context(record.id),
            service.update,
            item_id,
            before,
            after,
            "status",
            text.format(text=before.text),
            ITEMS,
        )
        self.run(command, self.report_errors)

    def _item_context(self, meeting_id: int) -> CommandContext:
        """Undoing an edit of an action item shows the meeting it came from."""
        return CommandContext(
            bus=self._bus,
            report_error=self.report_error,
            focus=lambda _id: self.focus_record(meeting_id),
        )
