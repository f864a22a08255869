"""The Agreements view: what was agreed with each mentor, its history, and its review.

Setting clear expectations (goals, how often and how to meet, boundaries, how to talk) is what
makes a mentoring relationship work; this is where those agreements are written and kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.agreement import AgreementFields, AgreementRecord, AnotherAgreementActive
from mentordesk.domain.agreement_revision import FieldChange, RevisionRecord
from mentordesk.domain.enums import AgreementStatus
from mentordesk.domain.goal import GoalRecord
from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.validation import DomainError, ValidationError
from mentordesk.ui.agreements.commands import (
    AgreementCommandContext,
    AgreementServiceLike,
    CreateAgreement,
    DeleteAgreement,
    EditAgreement,
    RestoreRevision,
)
from mentordesk.ui.agreements.editor import AgreementEditor
from mentordesk.ui.agreements.history import AgreementHistory
from mentordesk.ui.agreements.model import AgreementTableModel
from mentordesk.ui.agreements.new_dialog import NewAgreementDialog
from mentordesk.ui.agreements.proxy import AgreementFilterProxy
from mentordesk.ui.common.commands import ServiceCommand, execute
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.common.labels import label

_SHOWN_KINDS = frozenset({DataKind.AGREEMENT, DataKind.MENTOR, DataKind.GOAL})


class _AgreementService(AgreementServiceLike, Protocol):
    def list_all(self) -> list[AgreementRecord]: ...
    def revisions(self, agreement_id: int) -> list[RevisionRecord]: ...
    def compare_revisions(self, older_id: int, newer_id: int) -> tuple[FieldChange, ...]: ...


class _MentorList(Protocol):
    def list_all(self, *, include_archived: bool = True) -> list[MentorRecord]: ...


class _GoalList(Protocol):
    def list_all(self) -> list[GoalRecord]: ...


class AgreementViewServices(Protocol):
    """The part of Services the view uses (Services itself would import SQLAlchemy)."""

    @property
    def agreements(self) -> _AgreementService: ...
    @property
    def mentors(self) -> _MentorList: ...
    @property
    def goals(self) -> _GoalList: ...


class AgreementsView(QWidget):
    """Lists every agreement, filters them, edits the selected one and shows its history."""

    status_message = Signal(str)

    def __init__(
        self,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementsView")
        self._bus = bus
        self._undo = undo_stack
        self._today = today
        self._services: AgreementViewServices | None = None
        self._records_known = False
        self._refreshing = False
        self._refresh_again: frozenset[DataKind] = frozenset()
        self._mentors: Sequence[MentorRecord] = ()
        self._goals: Sequence[GoalRecord] = ()
        self._context = AgreementCommandContext(
            bus=bus, report_error=self._report_error, focus_agreement=self.select_agreement
        )
        self.model = AgreementTableModel(self, today=today)
        self.proxy = AgreementFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_actions()
        self._build()
        bus.changed.connect(self._on_data_changed)
        self._update_panes()

    # --- construction --------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("&New Agreement…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setStatusTip(self.tr("Agree expectations with a mentor"))
        self.new_action.triggered.connect(self.start_new_agreement)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.delete_action = QAction(self.tr("&Delete Agreement…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        # Only in the table: Delete in a text field deletes text, not an agreement.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.actions_for_menu = (self.new_action, self.delete_action)
        self.new_action.setEnabled(False)

    def _build_filters(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("agreementFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter agreements"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filters_changed)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("agreementStatusFilter")
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in AgreementStatus:
            self.status_filter.addItem(label(status), status)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.mentor_filter = QComboBox()
        self.mentor_filter.setObjectName("agreementMentorFilter")
        self.mentor_filter.addItem(self.tr("Every mentor"), None)
        self.mentor_filter.currentIndexChanged.connect(self._filters_changed)
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.status_filter)
        row.addWidget(self.mentor_filter)
        return bar

    def _build(self) -> None:
        self.filter_bar = self._build_filters()
        self.table = QTableView()
        self.table.setObjectName("agreementTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AgreementTableModel.MENTOR, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Names and titles can be long: they share what the short columns leave.
        header.setSectionResizeMode(AgreementTableModel.MENTOR, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AgreementTableModel.MENTOR, 150)
        header.setSectionResizeMode(AgreementTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.addAction(self.delete_action)

        self.loading_state = EmptyState(self.tr("Opening your notebook…"))
        self.empty_state = EmptyState(
            self.tr("No agreements yet"),
            self.tr(
                "Agree with each mentor what you work on, how often and how you meet, what is "
                "out of bounds and how you keep in touch. Start one from a template."
            ),
        )
        self.empty_state.setObjectName("agreementsEmptyState")
        self.empty_state.add_action_button(self.new_action, self.tr("Start an agreement (Ctrl+N)"))
        self.no_match_state = EmptyState(
            self.tr("No agreement matches"), self.tr("Try fewer words, another status or mentor.")
        )
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
        self.count_label.setObjectName("agreementCount")
        left_layout.addWidget(self.count_label)

        self.editor = AgreementEditor()
        self.editor.edit_requested.connect(self._store_edit)
        self.history = AgreementHistory()
        self.history.restore_requested.connect(self.restore_revision)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agreementTabs")
        self.tabs.addTab(self.editor, self.tr("Agreement"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.editor_hint = EmptyState(
            self.tr("No agreement selected"),
            self.tr("Select an agreement in the list to see and edit it, or press Ctrl+N."),
        )
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.editor_hint)
        self.editor_stack.addWidget(self.tabs)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agreementsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([740, 540])
        self.editor_stack.setMinimumWidth(500)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.addAction(self.new_action)

    # --- data ----------------------------------------------------------------------------

    def attach(self, services: AgreementViewServices) -> None:
        """Read and show every agreement, and make the view editable."""
        self._services = services
        self.new_action.setEnabled(True)
        self.editor.setEnabled(True)
        self.history.setEnabled(True)
        self._records_known = True
        self._reload(_SHOWN_KINDS)

    def detach(self) -> None:
        """The database is closed (restore, recovery): keep showing, stop editing."""
        self._services = None
        self.new_action.setEnabled(False)
        self.editor.setEnabled(False)
        self.history.setEnabled(False)
        self._update_actions()

    def _on_data_changed(self, kinds: frozenset[DataKind]) -> None:
        shown = kinds & _SHOWN_KINDS
        if shown and self._services is not None:
            self.refresh(frozenset(shown))

    def refresh(self, kinds: frozenset[DataKind] = _SHOWN_KINDS) -> None:
        """Re-read what ``kinds`` names. A refresh asked for during one runs right after it."""
        if self._services is None:
            return
        if self._refreshing:
            self._refresh_again |= kinds
            return
        self._refreshing = True
        try:
            self._reload(kinds)
        finally:
            self._refreshing = False
        if self._refresh_again:
            again, self._refresh_again = self._refresh_again, frozenset()
            QTimer.singleShot(0, lambda: self.refresh(again))

    def _reload(self, kinds: frozenset[DataKind]) -> None:
        services = self._services
        assert services is not None
        if DataKind.MENTOR in kinds:
            self._mentors = services.mentors.list_all()
            self.model.set_mentor_names({m.id: m.name for m in self._mentors})
            self._set_mentor_filter_choices()
        if DataKind.GOAL in kinds:
            self._goals = services.goals.list_all()
        if DataKind.AGREEMENT in kinds:
            self.model.set_records(services.agreements.list_all())
        record = self.editor.record
        if record is not None:
            row = self.model.row_of(record.id)
            if row is None:
                self._show_editor(None)
            else:
                self._show_editor(self.model.record_at(row))
        self._update_panes()

    def _set_mentor_filter_choices(self) -> None:
        chosen = self.mentor_filter.currentData()
        self.mentor_filter.blockSignals(True)
        self.mentor_filter.clear()
        self.mentor_filter.addItem(self.tr("Every mentor"), None)
        for mentor in self._mentors:
            self.mentor_filter.addItem(mentor.name, mentor.id)
        self.mentor_filter.setCurrentIndex(max(0, self.mentor_filter.findData(chosen)))
        self.mentor_filter.blockSignals(False)
        self._filters_changed()

    def _filters_changed(self) -> None:
        self.proxy.set_text(self.filter_edit.text())
        self.proxy.set_status(self.status_filter.currentData())
        self.proxy.set_mentor(self.mentor_filter.currentData())
        self._update_panes()

    def clear_filters(self) -> None:
        self.filter_edit.clear()
        self.status_filter.setCurrentIndex(0)
        self.mentor_filter.setCurrentIndex(0)

    def _update_panes(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if not self._records_known:
            self.list_stack.setCurrentWidget(self.loading_state)
        elif total == 0:
            self.list_stack.setCurrentWidget(self.empty_state)
        elif shown == 0:
            self.list_stack.setCurrentWidget(self.no_match_state)
        else:
            self.list_stack.setCurrentWidget(self.table)
        self.filter_bar.setVisible(total > 0)
        self.editor_stack.setVisible(total > 0)
        if total == 0:
            self.count_label.clear()
        elif shown == total:
            self.count_label.setText(
                self.tr("1 agreement") if total == 1 else self.tr("{n} agreements").format(n=total)
            )
        else:
            self.count_label.setText(
                self.tr("Showing {shown} of {total}").format(shown=shown, total=total)
            )
        self._update_actions()

    def _update_actions(self) -> None:
        self.delete_action.setEnabled(
            self.selected_record() is not None and self._services is not None
        )

    # --- selection -----------------------------------------------------------------------

    def selected_record(self) -> AgreementRecord | None:
        if self.editor_stack.currentWidget() is self.tabs:
            return self.editor.record
        return None

    def select_agreement(self, agreement_id: int) -> None:
        """Show one agreement's card, and select its row when the filters show it."""
        row = self.model.row_of(agreement_id)
        if row is None:
            return
        self._show_editor(self.model.record_at(row))
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        selection = self.table.selectionModel()
        if index.isValid():
            selection.blockSignals(True)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            selection.blockSignals(False)
            self.table.viewport().update()
            self.table.scrollTo(index)
        else:
            selection.clearSelection()
        self._update_panes()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_editor(self.model.record_at(self.proxy.mapToSource(current).row()))

    def _goal_choices(self, mentor_id: int) -> list[GoalRecord]:
        """The mentor's goals first, then the others."""
        return sorted(self._goals, key=lambda g: mentor_id not in g.mentor_ids)

    def _show_editor(self, record: AgreementRecord | None) -> None:
        if record is None or self._services is None:
            if record is None:
                self.editor.record = None
                self.editor_stack.setCurrentWidget(self.editor_hint)
            self._update_actions()
            return
        self.editor.show_record(
            record, self.model.mentor_name(record.mentor_id), self._goal_choices(record.mentor_id)
        )
        self.history.set_history(
            record.fields,
            self._services.agreements.revisions(record.id),
            {g.id: g.title for g in self._goals},
            self._services.agreements.compare_revisions,
        )
        self.editor_stack.setCurrentWidget(self.tabs)
        self._update_actions()

    # --- changes -------------------------------------------------------------------------

    def start_new_agreement(self) -> None:
        services = self._services
        if services is None:
            return
        mentors = [m for m in self._mentors if not m.is_archived] or list(self._mentors)
        if not mentors:
            self._report_error(self.tr("Add a mentor first: an agreement is made with a mentor."))
            return
        record = self.editor.record
        dialog = NewAgreementDialog(
            mentors, self, mentor_id=None if record is None else record.mentor_id
        )
        if not self._accepted(dialog):
            return
        mentor_id, fields = dialog.choice()
        self.create_agreement(mentor_id, fields)

    def _accepted(self, dialog: QDialog) -> bool:
        """Show the dialog; True when accepted (tests replace this)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def create_agreement(self, mentor_id: int, fields: AgreementFields) -> None:
        """Store a draft agreement (undoable) and select it."""
        if self._services is None:
            return
        draft = fields.replace(status=AgreementStatus.DRAFT)
        command = CreateAgreement(self._context, self._services.agreements, mentor_id, draft)
        if self._run(command):
            self.tabs.setCurrentWidget(self.editor)
            self.status_message.emit(
                self.tr("Started the draft “{title}”.").format(title=draft.title)
            )

    def _store_edit(self, field: str, after: AgreementFields) -> None:
        record = self.editor.record
        if self._services is None or record is None:
            return
        service = self._services.agreements
        noun = self.editor.field_noun(field)
        if self._run_concluding(
            lambda other: EditAgreement(self._context, service, record, after, field, noun, other)
        ):
            self.editor.show_errors({})
            self.status_message.emit(self.tr("Saved."))

    def restore_revision(self, revision_id: int) -> None:
        record = self.editor.record
        if self._services is None or record is None:
            return
        service = self._services.agreements
        if self._run_concluding(
            lambda other: RestoreRevision(self._context, service, record, revision_id, other)
        ):
            self.status_message.emit(
                self.tr("Restored the earlier revision as a new one. Undo: Ctrl+Z")
            )

    def _run_concluding(self, make: Callable[[AgreementRecord | None], ServiceCommand]) -> bool:
        """Run the command; when it would make a second active agreement for the mentor,
        ask, and on yes run it again concluding the other one (undo puts both back)."""
        assert self._services is not None
        try:
            return self._run(make(None), raise_active=True)
        except AnotherAgreementActive as exc:
            question = self.tr(
                "This mentor already has an active agreement, “{title}”. Only one can be "
                "active at a time.\n\nConclude “{title}” and go on?"
            ).format(title=exc.title)
            if not self._ask(self.tr("Conclude the current agreement?"), question):
                self.refresh(frozenset({DataKind.AGREEMENT}))
                return False
            try:
                other = self._services.agreements.get(exc.agreement_id)
            except DomainError as error:
                self._report_error(str(error))
                return False
            return self._run(make(other))

    def _ask(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None or self._services is None:
            return
        question = self.tr(
            "Delete the agreement “{title}” with {mentor}, and its history?\n\n"
            "You can undo this with Ctrl+Z."
        ).format(title=record.title, mentor=self.model.mentor_name(record.mentor_id))
        if not self._ask(self.tr("Delete agreement"), question):
            return
        if self._run(DeleteAgreement(self._context, self._services.agreements, record)):
            self.editor.record = None
            self.editor_stack.setCurrentWidget(self.editor_hint)
            self._update_panes()
            self.status_message.emit(
                self.tr("Deleted the agreement “{title}”. Undo: Ctrl+Z").format(title=record.title)
            )

    # --- running commands ----------------------------------------------------------------

    def _run(self, command: ServiceCommand, *, raise_active: bool = False) -> bool:
        try:
            execute(self._undo, command)
            return True
        except AnotherAgreementActive:
            if raise_active:
                raise
            self._report_error(self.tr("Another agreement of this mentor is active."))
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
