"""The Mentors view: every mentor card in a filterable table, and the card editor beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.mentor import MentorFields, MentorRecord
from mentordesk.domain.validation import DomainError, ValidationError
from mentordesk.ui.common.commands import CommandContext, execute
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.draft_guard import ask_to_discard_draft, stay_on_draft
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.mentors.commands import (
    CreateMentor,
    DeleteMentor,
    EditMentor,
    SetMentorArchived,
)
from mentordesk.ui.mentors.editor import MentorEditor
from mentordesk.ui.mentors.filter_bar import MentorFilterBar
from mentordesk.ui.mentors.model import MentorTableModel
from mentordesk.ui.mentors.protocols import AgreementLookup, GoalListLike, MentorServiceLike
from mentordesk.ui.mentors.proxy import MentorFilterProxy


class MentorsView(QWidget):
    """Lists mentors, filters them as you type, and edits the selected card in place."""

    status_message = Signal(str)
    open_agreement_requested = Signal(int)
    sample_data_requested = Signal()
    records_shown = Signal(int)

    def __init__(self, bus: DataBus, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mentorsView")
        self._bus = bus
        self._undo = undo_stack
        self._service: MentorServiceLike | None = None
        self._records_known = False
        self._refreshing = False
        self._refresh_again = False
        self._goals: GoalListLike | None = None
        self._agreements: AgreementLookup | None = None
        self._goal_titles: dict[int, list[str]] = {}
        self._context = CommandContext(
            bus=bus, report_error=self._report_error, focus_mentor=self.select_mentor
        )
        self.model = MentorTableModel(self)
        self.proxy = MentorFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_actions()
        self._build()
        bus.changed.connect(self._on_data_changed)
        self._update_panes()

    # --- construction --------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("&New Mentor"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setStatusTip(self.tr("Add a mentor card"))
        self.new_action.triggered.connect(self.start_new_mentor)
        self.archive_action = QAction(self.tr("&Archive Mentor"), self)
        # Not Ctrl+E: in text fields that is "end of line" on Linux desktops.
        self.archive_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.archive_action.triggered.connect(self.toggle_archived)
        self.delete_action = QAction(self.tr("&Delete Mentor…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        # Only in the table: Delete in a text field or a combo deletes text, not a mentor.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.find_action = QAction(self.tr("&Find Mentor"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self.filter_bar.focus_text())
        for action in (self.new_action, self.archive_action, self.find_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.actions_for_menu = (self.new_action, self.archive_action, self.delete_action)
        self.new_action.setEnabled(False)

    def _build(self) -> None:
        self.filter_bar = MentorFilterBar(self.proxy)
        self.filter_bar.changed.connect(self._update_panes)
        self.filter_bar.filter_edit.escaped.connect(lambda: self.table.setFocus())
        # Short names for the parts tests and the screenshot script drive.
        self.filter_edit = self.filter_bar.filter_edit
        self.status_filter = self.filter_bar.status_filter
        self.kind_filter = self.filter_bar.kind_filter
        self.archived_check = self.filter_bar.archived_check

        self.table = QTableView()
        self.table.setObjectName("mentorTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MentorTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MentorTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        widths = {1: 150, 2: 110, 3: 110, 4: 75, 5: 88}
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.addAction(self.delete_action)
        self.table.activated.connect(lambda _index: self.editor.setFocus())

        self.loading_state = EmptyState(self.tr("Opening your notebook…"))
        self.empty_state = EmptyState(
            self.tr("No mentors yet"),
            self.tr(
                "Add the people who guide you, and the people you guide, to keep their "
                "details, how you met and what they know in one place."
            ),
        )
        self.empty_state.setObjectName("mentorsEmptyState")
        self.empty_state.add_action_button(self.new_action, self.tr("Add a mentor (Ctrl+N)"))
        self.sample_button = self.empty_state.add_button(self.tr("Load sample data"))
        self.sample_button.clicked.connect(self.sample_data_requested)
        self.sample_button.setEnabled(False)  # until the database is open for editing
        self.no_match_state = EmptyState(self.tr("No mentor matches"))
        clear = self.no_match_state.add_button(self.tr("Clear filters"))
        clear.clicked.connect(self.clear_filters)

        self.list_stack = QStackedWidget()
        for page in (self.loading_state, self.empty_state, self.no_match_state, self.table):
            self.list_stack.addWidget(page)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.list_stack, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("mentorCount")
        # Its text changes on every keystroke; an ignored width keeps that from relayouting.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        left_layout.addWidget(self.count_label)

        self.editor = MentorEditor()
        self.editor.open_agreement_requested.connect(self.open_agreement_requested)
        self.editor.edit_requested.connect(self._store_edit)
        self.editor.create_requested.connect(self._store_new)
        self.editor_hint = EmptyState(
            self.tr("No mentor selected"),
            self.tr("Select a mentor in the list to see and edit their card, or press Ctrl+N."),
        )
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.editor_hint)
        self.editor_stack.addWidget(self.editor)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mentorsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.editor_stack.setMinimumWidth(380)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        for action in (self.new_action, self.archive_action, self.find_action):
            self.addAction(action)

    # --- data ----------------------------------------------------------------------------

    def show_records(self, records: list[MentorRecord]) -> None:
        """Show records; before attach() (start-up, restore) they cannot be edited yet."""
        self._records_known = True
        editable = self._service is not None
        self.editor.setEnabled(editable)
        self.sample_button.setEnabled(editable)
        self._apply_records(records)
        self.records_shown.emit(self.model.rowCount())

    def attach(
        self,
        service: MentorServiceLike,
        records: list[MentorRecord] | None = None,
        goals: GoalListLike | None = None,
        agreements: AgreementLookup | None = None,
    ) -> None:
        """Make the view editable; ``records`` lets start-up pass the rows it already read;
        ``goals`` lets each card show the goals that mentor helps with."""
        self._service = service
        self._goals = goals
        self._agreements = agreements
        self._goal_titles = self._read_goal_titles()
        self.new_action.setEnabled(True)
        self.show_records(records if records is not None else service.list_all())

    def detach(self) -> None:
        """The database is closed (restore, recovery): keep showing, stop editing."""
        self.editor.commit_pending()
        self._service = None
        self.new_action.setEnabled(False)
        self.editor.setEnabled(False)
        self.sample_button.setEnabled(False)
        self._update_actions()

    def _on_data_changed(self, kinds: frozenset[DataKind]) -> None:
        if self._service is None:
            return
        if DataKind.GOAL in kinds:
            self._goal_titles = self._read_goal_titles()
            self.editor.set_goal_titles(self._titles_for_editor())
        if DataKind.AGREEMENT in kinds:
            self._show_agreement()
        if DataKind.MENTOR in kinds:
            self.refresh()

    def _read_goal_titles(self) -> dict[int, list[str]]:
        titles: dict[int, list[str]] = {}
        if self._goals is not None:
            for goal in self._goals.list_all():
                for mentor_id in goal.mentor_ids:
                    titles.setdefault(mentor_id, []).append(goal.title)
        return titles

    def _show_agreement(self) -> None:
        record = self.editor.record
        agreement = None
        if record is not None and self._agreements is not None:
            agreement = self._agreements.active_for_mentor(record.id)
        self.editor.set_agreement(agreement, date.today())

    def _titles_for_editor(self) -> list[str]:
        record = self.editor.record
        return [] if record is None else self._goal_titles.get(record.id, [])

    def refresh(self) -> None:
        """Re-read the mentors. A refresh asked for during one runs right after it."""
        if self._service is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        try:
            self._apply_records(self._service.list_all())
        finally:
            self._refreshing = False
        if self._refresh_again:
            self._refresh_again = False
            QTimer.singleShot(0, self.refresh)

    def _apply_records(self, records: list[MentorRecord]) -> None:
        self.model.set_records(records)
        record = self.editor.record
        if record is not None:
            row = self.model.row_of(record.id)
            if row is None:
                self._show_editor(None)
            else:
                self.editor.show_record(self.model.record_at(row))
        self._update_panes()

    def _update_panes(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if not self._records_known:
            self.list_stack.setCurrentWidget(self.loading_state)
        elif total == 0:
            self.list_stack.setCurrentWidget(self.empty_state)
        elif shown == 0:
            self.no_match_state.set_text(
                self.tr("No mentor matches"),
                self.tr("Try fewer words, another status or kind, or show archived mentors."),
            )
            self.list_stack.setCurrentWidget(self.no_match_state)
        else:
            self.list_stack.setCurrentWidget(self.table)
        self.filter_bar.setVisible(total > 0)
        self.editor_stack.setVisible(total > 0 or self.editor_stack.currentWidget() is self.editor)
        archived = sum(1 for record in self.model.records() if record.is_archived)
        if total == 0:
            self.count_label.clear()
        elif shown == total - archived and not self.proxy.is_filtering:
            self.count_label.setText(
                self.tr("1 mentor") if shown == 1 else self.tr("{n} mentors").format(n=shown)
            )
        else:
            self.count_label.setText(
                self.tr("Showing {shown} of {total}").format(shown=shown, total=total)
            )
        self._update_actions()

    def _update_actions(self) -> None:
        record = self.selected_record()
        editable = record is not None and self._service is not None
        self.archive_action.setEnabled(editable)
        self.delete_action.setEnabled(editable)
        if record is not None and record.is_archived:
            self.archive_action.setText(self.tr("Restore from &Archive"))
        else:
            self.archive_action.setText(self.tr("&Archive Mentor"))

    # --- selection -----------------------------------------------------------------------

    def selected_record(self) -> MentorRecord | None:
        if self.editor_stack.currentWidget() is self.editor and not self.editor.is_new:
            return self.editor.record
        return None

    def select_mentor(self, mentor_id: int) -> None:
        """Show one mentor's card, and select its row when the filters show it.

        Filters are never changed behind the person's back: a card edited out of the
        current filter stays open in the editor while its row leaves the list.
        """
        row = self.model.row_of(mentor_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._show_editor(self.model.record_at(row))
        selection = self.table.selectionModel()
        if index.isValid():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        else:
            selection.clearSelection()
        self._update_panes()

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        record = self.model.record_at(self.proxy.mapToSource(current).row())
        if self.editor.has_unsaved_draft() and not self._discard_draft():
            stay_on_draft(self.table)
            return
        self._show_editor(record)

    def _discard_draft(self) -> bool:
        return ask_to_discard_draft(
            self,
            self.tr("Unsaved new mentor"),
            self.tr(
                "The new mentor has no name yet, so nothing on the card is saved.\n\nDiscard it?"
            ),
        )

    def _show_editor(self, record: MentorRecord | None) -> None:
        if record is None:
            self.editor.commit_pending()
            self.editor_stack.setCurrentWidget(self.editor_hint)
        else:
            if self.editor.record is None or self.editor.record.id != record.id:
                self.editor.commit_pending()
            self.editor.show_record(record)
            self.editor.set_goal_titles(self._titles_for_editor())
            self._show_agreement()
            self.editor_stack.setCurrentWidget(self.editor)
        self._update_actions()

    # --- filters -------------------------------------------------------------------------

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    # --- edits ---------------------------------------------------------------------------

    def start_new_mentor(self) -> None:
        if self._service is None:
            return
        if self.editor.has_unsaved_draft() and not self._discard_draft():
            self.editor.fields["name"].widget.setFocus()
            return
        self.editor.commit_pending()
        self.table.selectionModel().clearSelection()
        self.editor.start_new()
        self.editor_stack.setCurrentWidget(self.editor)
        self.editor_stack.show()
        self._update_actions()
        self.status_message.emit(self.tr("New mentor: type a name, then fill in what you know."))

    def _store_new(self, fields: MentorFields) -> None:
        if self._service is None:
            return
        if self._run(CreateMentor(self._context, self._service, fields)):
            self.status_message.emit(self.tr("Added {name}.").format(name=fields.name))

    def _store_edit(self, field: str, before: MentorFields, after: MentorFields) -> None:
        record = self.editor.record
        if self._service is None or record is None:
            self.editor.keep_unsaved(field)
            return
        noun = self.editor.fields[field].noun
        command = EditMentor(self._context, self._service, record.id, before, after, field, noun)
        if self._run(command):
            self.status_message.emit(self.tr("Saved."))
        else:
            self.editor.keep_unsaved(field)

    def toggle_archived(self) -> None:
        record = self.selected_record()
        if record is None or self._service is None:
            return
        archived = not record.is_archived
        if self._run(SetMentorArchived(self._context, self._service, record, archived)):
            text = self.tr("Archived {name}.") if archived else self.tr("Restored {name}.")
            self.status_message.emit(text.format(name=record.name) + " " + self.tr("Undo: Ctrl+Z"))

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None or self._service is None:
            return
        references = self._service.references(record.id)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete mentor"))
        text = self.tr("Delete {name} and everything on their card?").format(name=record.name)
        if references.goal_ids or references.assessment_ids:
            text += "\n\n" + self.tr(
                "They help with {goals} goal(s) and gave {given} assessment(s). Deleting "
                "removes them from those goals; the assessments are kept without a mentor."
            ).format(goals=len(references.goal_ids), given=len(references.assessment_ids))
        if references.agreements:
            text += "\n\n" + self.tr(
                "Their {count} agreement(s), with every revision, are deleted with them."
            ).format(count=len(references.agreements))
        text += "\n\n" + self.tr(
            "You can undo this with Ctrl+Z. To keep the card out of the way instead, archive it."
        )
        box.setText(text)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        archive = box.addButton(self.tr("Archive Instead"), QMessageBox.ButtonRole.ActionRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        choice = self._ask(box)
        if choice is archive:
            if not record.is_archived:
                self.toggle_archived()
            return
        if choice is not delete:
            return
        if self._run(DeleteMentor(self._context, self._service, record)):
            self.editor_stack.setCurrentWidget(self.editor_hint)
            self.status_message.emit(
                self.tr("Deleted {name}. Undo: Ctrl+Z").format(name=record.name)
            )

    def _ask(self, box: QMessageBox) -> object:
        """Show a question and return the button clicked (tests replace this)."""
        box.exec()
        return box.clickedButton()

    def _run(self, command: CreateMentor | EditMentor | SetMentorArchived | DeleteMentor) -> bool:
        try:
            execute(self._undo, command)
            return True
        except ValidationError as exc:
            self.editor.show_errors(exc.field_errors)
        except DomainError as exc:
            self._report_error(str(exc))
        except OSError as exc:
            self._report_error(self.tr("Could not save: {error}").format(error=exc))
        return False

    def _report_error(self, message: str) -> None:
        self.status_message.emit(message)
        QMessageBox.warning(self, self.tr("MentorDesk"), message)
