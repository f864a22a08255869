"""A goal's milestones: tick them done, edit them in place, add, remove and reorder them.

Every change is only asked for (signals); the view stores it as an undoable command and the
stored goal comes back through set_goal(). Bad input is caught here first and shown under
the list, so nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.goal import GoalRecord, MilestoneFields, MilestoneRecord
from mentordesk.domain.validation import ValidationError
from mentordesk.ui.common.date_field import OptionalDateDelegate
from mentordesk.ui.common.form_parts import error_label, show_error
from mentordesk.ui.goals.milestone_model import MilestoneTableModel


class GoalMilestonesPanel(QWidget):
    """The milestone table with its Add, Remove, Move up and Move down buttons."""

    add_requested = Signal(object)  # MilestoneFields
    change_requested = Signal(object, object)  # MilestoneRecord, MilestoneFields
    remove_requested = Signal(object, int)  # MilestoneRecord, its index
    move_requested = Signal(object, int, int)  # MilestoneRecord, from index, to index

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.model = MilestoneTableModel(self, today=today)
        self.model.change_requested.connect(self._on_change)

        self.table = QTableView()
        self.table.setObjectName("milestoneTable")
        self.table.setAccessibleName(self.tr("Milestones"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setMinimumHeight(150)
        dates = OptionalDateDelegate(self.table)
        self.table.setItemDelegateForColumn(MilestoneTableModel.DUE, dates)
        self.table.setItemDelegateForColumn(MilestoneTableModel.DONE, dates)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MilestoneTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        date_width = self.table.fontMetrics().horizontalAdvance("0000-00-00") + 40
        for column in (MilestoneTableModel.DUE, MilestoneTableModel.DONE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, date_width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.new_title = QLineEdit()
        self.new_title.setObjectName("newMilestoneTitle")
        self.new_title.setPlaceholderText(self.tr("New milestone, e.g. Submit a talk proposal"))
        self.new_title.setAccessibleName(self.tr("New milestone title"))
        self.new_title.setClearButtonEnabled(True)
        self.new_title.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setToolTip(self.tr("Add the milestone at the end of the list"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.error = error_label("milestoneError")

        adding = QHBoxLayout()
        adding.addWidget(self.new_title, 1)
        adding.addWidget(self.add_button)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        self._update_buttons()

    # --- showing -------------------------------------------------------------------------

    def set_goal(self, goal: GoalRecord | None) -> None:
        """Show ``goal``'s milestones, keeping the selected one selected where it went."""
        selected = None if goal is None else self.selected_milestone()
        self.model.set_goal(goal)
        if selected is not None:
            self.select_milestone(selected.id)
        self._update_buttons()

    def clear_error(self) -> None:
        show_error(self.error, None)

    def show_error(self, message: str) -> None:
        show_error(self.error, message)

    def selected_milestone(self) -> MilestoneRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.milestone_at(rows[0].row()) if rows else None

    def select_milestone(self, milestone_id: int) -> None:
        row = self.model.row_of(milestone_id)
        if row is None:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _update_buttons(self) -> None:
        selected = self.selected_milestone()
        row = -1 if selected is None else (self.model.row_of(selected.id) or 0)
        self.remove_button.setEnabled(selected is not None)
        self.up_button.setEnabled(selected is not None and row > 0)
        self.down_button.setEnabled(selected is not None and row < self.model.rowCount() - 1)

    # --- asking for changes --------------------------------------------------------------

    def add(self) -> None:
        fields = MilestoneFields(self.new_title.text())
        if self._valid(fields, empty_title=self.tr("Type the milestone first, then add it.")):
            self.add_requested.emit(fields)

    def added(self) -> None:
        """The view stored the new milestone: clear the field for the next one."""
        self.new_title.clear()
        self.table.scrollToBottom()

    def _on_change(self, milestone_id: int, fields: MilestoneFields) -> None:
        row = self.model.row_of(milestone_id)
        if row is not None and self._valid(fields):
            self.change_requested.emit(self.model.milestone_at(row), fields)

    def _valid(self, fields: MilestoneFields, *, empty_title: str | None = None) -> bool:
        try:
            fields.validated(self._today())
        except ValidationError as exc:
            errors = exc.field_errors
            message = errors.get("done_on") or errors.get("title", "")
            if empty_title and not fields.title.strip():
                message = empty_title
            self.show_error(message)
            return False
        self.clear_error()
        return True

    def remove_selected(self) -> None:
        selected = self.selected_milestone()
        if selected is not None:
            row = self.model.row_of(selected.id)
            assert row is not None
            self.remove_requested.emit(selected, row)

    def move_selected(self, step: int) -> None:
        selected = self.selected_milestone()
        if selected is None:
            return
        row = self.model.row_of(selected.id)
        assert row is not None
        target = row + step
        if 0 <= target < self.model.rowCount():
            self.move_requested.emit(selected, row, target)
