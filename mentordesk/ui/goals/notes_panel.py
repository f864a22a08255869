"""A goal's progress notes: dated free text, newest first, added and removed with undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.goal import GoalNoteFields, GoalNoteRecord, GoalRecord
from mentordesk.domain.validation import ValidationError
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.form_parts import (
    LeavingTextEdit,
    UnreadableValue,
    error_label,
    show_error,
)
from mentordesk.ui.goals.note_model import GoalNoteTableModel


class GoalNotesPanel(QWidget):
    """The notes table, and below it a date and a text box to write the next note."""

    add_requested = Signal(object)  # GoalNoteFields
    remove_requested = Signal(object)  # GoalNoteRecord

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = GoalNoteTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("goalNoteTable")
        self.table.setAccessibleName(self.tr("Progress notes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(130)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(GoalNoteTableModel.DATE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            GoalNoteTableModel.DATE, self.table.fontMetrics().horizontalAdvance("00 MMM 0000") + 24
        )
        header.setSectionResizeMode(GoalNoteTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.date_edit = DateField(optional=False)
        self.date_edit.setObjectName("newNoteDate")
        self.date_edit.setAccessibleName(self.tr("Date of the new note"))
        self.date_edit.setDate(QDate.currentDate())
        self.text_edit = LeavingTextEdit(minimum_height=56)
        self.text_edit.setObjectName("newNoteText")
        self.text_edit.setAccessibleName(self.tr("New progress note"))
        self.text_edit.setPlaceholderText(self.tr("What happened, what I learned…"))
        self.text_edit.setMaximumHeight(84)
        self.add_button = QPushButton(self.tr("Add &note"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove note"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = error_label("noteError")

        writing = QHBoxLayout()
        writing.addWidget(self.date_edit, 0, Qt.AlignmentFlag.AlignTop)
        writing.addWidget(self.text_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(writing)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self._update_buttons()

    def set_goal(self, goal: GoalRecord | None) -> None:
        self.model.set_goal(goal)
        self.table.resizeRowsToContents()
        self._update_buttons()

    def show_error(self, message: str | None) -> None:
        show_error(self.error, message)

    def selected_note(self) -> GoalNoteRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.note_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_note() is not None)

    def add(self) -> None:
        try:
            written_on = self.date_edit.value() or date.today()
        except UnreadableValue as exc:
            self.show_error(str(exc))
            return
        fields = GoalNoteFields(written_on, self.text_edit.toPlainText())
        try:
            fields.validated()
        except ValidationError as exc:
            self.show_error(
                self.tr("Write the note first, then add it.")
                if not fields.text.strip()
                else exc.field_errors.get("text", str(exc))
            )
            return
        self.show_error(None)
        self.add_requested.emit(fields)

    def added(self) -> None:
        """The view stored the note: clear the box for the next one."""
        self.text_edit.clear()
        self.date_edit.setDate(QDate.currentDate())

    def remove_selected(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.remove_requested.emit(note)
