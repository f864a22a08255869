"""The Action items view: advice turned into things to do, in a filterable table, with the
selected item's card beside it.

Acting on advice and telling the mentor how it went is what keeps a mentoring relationship
alive, so the list opens on what still needs doing: open items and done items not yet
reported back. Those are few even in a notebook of years, and only they are read until the
person asks for done or dropped items too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from mentordesk.domain.action_item import ActionItemFields, ActionItemRecord
from mentordesk.ui.actions.commands import (
    ACTION_ITEM,
    can_mark_done,
    can_mark_reported,
    mark_done,
    mark_reported,
)
from mentordesk.ui.actions.editor import ActionItemEditor
from mentordesk.ui.actions.filter_bar import ActionItemFilterBar
from mentordesk.ui.actions.model import ActionItemTableModel
from mentordesk.ui.actions.proxy import ActionItemFilterProxy, StatusChoice
from mentordesk.ui.common.card import ListCardTexts
from mentordesk.ui.common.commands import CreateRecord, DeleteRecord, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.list_card_view import ListCardView
from mentordesk.ui.common.record_table_view import RecordTableView

if TYPE_CHECKING:
    from mentordesk.services.action_items import ActionItemService
    from mentordesk.services.context import Services
    from mentordesk.services.listing import Listing

_ITEMS_CHANGE = frozenset({DataKind.ACTION_ITEM, DataKind.MEETING, DataKind.GOAL, DataKind.SKILL})


class ActionItemsView(ListCardView):
    """Lists action items, marks a selection done or reported back in one step, and edits
    the current item on its card."""

    name = "actions"
    kinds = frozenset(
        {DataKind.ACTION_ITEM, DataKind.MEETING, DataKind.MENTOR, DataKind.GOAL, DataKind.SKILL}
    )
    edit_kinds = ACTION_ITEM
    key_field = "text"
    sort_column = ActionItemTableModel.DUE
    stretch_column = ActionItemTableModel.WHAT
    initial_sizes = (860, 420)
    model: ActionItemTableModel
    proxy: ActionItemFilterProxy
    filter_bar: ActionItemFilterBar
    editor: ActionItemEditor

    # The meeting an item came from, for the main window to show in the Calendar.
    open_meeting_requested = Signal(int)

    # Whether every item is read, not only the pending ones (see _load_items).
    # (id, title) of the goals and (id, name) of the skills an item can serve.
    _goals: Sequence[tuple[int, str]] = ()
    _skills: Sequence[tuple[int, str]] = ()
    lazy_card = True  # built when an item is first chosen

    def make_texts(self) -> ListCardTexts:
        return ListCardTexts(
            new_action=self.tr("&New Action Item"),
            new_tip=self.tr("Write down something to do"),
            delete_action=self.tr("De&lete Action Item…"),
            find_action=self.tr("&Find Action Item"),
            list_name=self.tr("Action items"),
            empty_icon="actions",
            empty_title=self.tr("No action items yet"),
            empty_body=self.tr(
                "Advice becomes action: turn a piece of advice from a meeting into an action "
                "item, or add one here with Ctrl+N."
            ),
            empty_button=self.tr("Add an action item (Ctrl+N)"),
            no_match_title=self.tr("No action item matches"),
            no_match_body=self.tr("Try fewer words, or another status, due date or mentor."),
            hint_title=self.tr("No action item selected"),
            hint_body=self.tr("Select an item in the list to see and edit it, or press Ctrl+N."),
            count_one=self.tr("1 action item"),
            count_many=self.tr("{n} action items"),
            draft_title=self.tr("Unsaved new action item"),
            draft_text=self.tr(
                "The new action item says nothing to do yet, so nothing on it is saved."
                "\n\nDiscard it?"
            ),
            started_new=self.tr("New action item: say what to do, then fill in the rest."),
            added=self.tr("Added the action item “{name}”."),
            deleted=self.tr("Deleted the action item “{name}”. Undo: Ctrl+Z"),
        )

    def make_model(self) -> ActionItemTableModel:
        return ActionItemTableModel(self, today=self._today)

    def make_proxy(self) -> ActionItemFilterProxy:
        return ActionItemFilterProxy(self)

    def make_filter_bar(self) -> ActionItemFilterBar:
        bar = ActionItemFilterBar(self.proxy)
        # Before the base view's update of its panes: the items a choice needs come first.
        self.status_filter = bar.status_filter
        self.due_filter = bar.due_filter
        self.owner_filter = bar.owner_filter
        self.mentor_filter = bar.mentor_filter
        self.awaiting_check = bar.awaiting_check
        return bar

    def make_table(self) -> QTableView:
        table = RecordTableView(
            self.proxy, sort_column=self.sort_column, stretch=self.stretch_column
        )
        # Several items can be marked done or reported back at once.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.setFocusProxy(table)
        return table

    def make_card(self) -> QWidget:
        self.editor = ActionItemEditor(today=self._today)
        self.editor.edit_requested.connect(self.store_edit)
        self.editor.create_requested.connect(self.store_new)
        self.editor.open_meeting_requested.connect(self.open_meeting_requested)
        self.editor.set_choices(self._goals, self._skills)
        return self.editor

    def extra_actions(self) -> Sequence[QAction]:
        self.mark_done_action = QAction(icon("done"), self.tr("Mark &Done"), self)
        self.mark_done_action.setShortcut(QKeySequence("Ctrl+D"))
        self.mark_done_action.setStatusTip(self.tr("Mark the selected action items done today"))
        self.mark_done_action.triggered.connect(self.mark_selected_done)
        self.mark_reported_action = QAction(icon("reported"), self.tr("Mark &Reported Back"), self)
        self.mark_reported_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.mark_reported_action.setStatusTip(
            self.tr("Note that you told your mentor today how the selected items went")
        )
        self.mark_reported_action.triggered.connect(self.mark_selected_reported)
        self.open_meeting_action = QAction(icon("calendar"), self.tr("&Open Meeting"), self)
        self.open_meeting_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_meeting_action.setStatusTip(self.tr("Show the meeting the item came from"))
        self.open_meeting_action.triggered.connect(self.open_meeting)
        return (self.mark_done_action, self.mark_reported_action, self.open_meeting_action)

    def record_service(self) -> ActionItemService:
        assert self.services is not None
        return self.services.action_items

    # --- reading -------------------------------------------------------------------------

    def reload(self, kinds: frozenset[DataKind]) -> None:
        services = self.services
        assert services is not None
        if DataKind.MENTOR in kinds:
            mentors = self._bus.mentor_directory(services)
            self.model.set_mentor_names({m.id: m.name for m in mentors})
            self.filter_bar.set_mentors([m for m in mentors if not m.is_archived])
        if DataKind.GOAL in kinds:
            self._goals = services.goals.titles()
        if DataKind.SKILL in kinds:
            self._skills = services.skills.names()
        editor = self.built_editor
        if kinds & {DataKind.GOAL, DataKind.SKILL} and isinstance(editor, ActionItemEditor):
            editor.set_choices(self._goals, self._skills)
        if kinds & _ITEMS_CHANGE:  # a deleted meeting, goal or skill changes items too
            self.show_rows()

    def row_source(self, services: Services) -> Listing[ActionItemRecord]:
        return services.action_items.listing

    # --- the list's words ----------------------------------------------------------------

    def count_text(self, shown: int, total: int) -> str:
        # Counted within the status chosen, so the count reads the same whether or not
        # the items outside it were read.
        status = self.proxy.status
        if status is not StatusChoice.ANY:
            total = self.model.count(status=status.value)
        return super().count_text(shown, total)

    def update_panes(self) -> None:
        super().update_panes()
        if self.proxy.narrowed_beyond_default:
            self.no_match_state.set_text(self.texts.no_match_title, self.texts.no_match_body)
        else:
            self.no_match_state.set_text(
                self.tr("Nothing needs doing"),
                self.tr(
                    "Every action item is done and reported back, or dropped. "
                    "Choose “Any status” to see them all."
                ),
            )

    def clear_filters(self) -> None:
        if self.proxy.narrowed_beyond_default:
            super().clear_filters()
        else:
            self.filter_bar.set_status(StatusChoice.ANY)

    # --- actions -------------------------------------------------------------------------

    def selected_records(self) -> list[ActionItemRecord]:
        """The items of the selected rows in list order; the card's item when no row is
        selected (an item edited out of the filter)."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        found = [self.model.record_at(self.proxy.mapToSource(index).row()) for index in rows]
        if not found:
            record = self.selected_record()
            return [] if record is None else [record]
        return found

    def update_extra_actions(self, record: ActionItemRecord | None, editable: bool) -> None:
        chosen = self.selected_records() if editable else []
        self.mark_done_action.setEnabled(any(can_mark_done(r) for r in chosen))
        self.mark_reported_action.setEnabled(any(can_mark_reported(r) for r in chosen))
        self.open_meeting_action.setEnabled(
            record is not None and record.fields.meeting_id is not None
        )

    def mark_selected_done(self) -> None:
        records = [r for r in self.selected_records() if can_mark_done(r)]
        if not records or not self.editable:
            return
        self.commit_pending()
        if self.run(mark_done(self.context, self.record_service(), records), self.report_errors):
            self._say_marked(records, self.tr("Marked {n} action items done. Undo: Ctrl+Z"))

    def mark_selected_reported(self) -> None:
        records = [r for r in self.selected_records() if can_mark_reported(r)]
        if not records or not self.editable:
            return
        self.commit_pending()
        command = mark_reported(self.context, self.record_service(), records, self._today())
        if self.run(command, self.report_errors):
            self._say_marked(
                records, self.tr("Marked {n} action items reported back. Undo: Ctrl+Z")
            )

    def _say_marked(self, records: Sequence[ActionItemRecord], many: str) -> None:
        self.status_message.emit(many.format(n=len(records)))

    def open_meeting(self) -> None:
        record = self.selected_record()
        if record is not None and record.fields.meeting_id is not None:
            self.open_meeting_requested.emit(record.fields.meeting_id)

    # --- one item ------------------------------------------------------------------------

    def create_command(self, fields: ActionItemFields) -> ServiceCommand:
        service = self.record_service()
        text = self.tr("Add action item “{text}”").format(text=fields.text.strip())
        return CreateRecord(
            self.context, service, lambda: service.create(fields), text, ACTION_ITEM
        )

    def delete_command(self, record: ActionItemRecord) -> ServiceCommand:
        text = self.tr("Delete action item “{text}”").format(text=record.text)
        return DeleteRecord(self.context, self.record_service(), record.id, text, ACTION_ITEM)

    def delete_question(self, record: ActionItemRecord) -> str:
        return self.tr("Delete the action item “{text}”?\n\nYou can undo this with Ctrl+Z.").format(
            text=record.text
        )

    def confirm_delete(self, record: ActionItemRecord) -> bool:
        return self.ask(self.tr("Delete action item"), self.delete_question(record))
