"""The milestones of one goal, in their order, as rows a person ticks and edits in place.

The model never changes a milestone itself: an edit becomes ``change_requested`` and the
view stores it as an undoable command; the stored goal then comes back through set_goal().
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from mentordesk.domain.goal import GoalRecord, MilestoneFields, MilestoneRecord
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.record_model import TableModel
from mentordesk.ui.common.roles import ObjectRole
from mentordesk.ui.common.style import colors

Index = QModelIndex | QPersistentModelIndex


class MilestoneTableModel(TableModel):
    """Milestone title with a "done" check box, due date and done date."""

    TITLE, DUE, DONE = range(3)
    # (milestone id, MilestoneFields): the person changed a milestone.
    change_requested = Signal(int, object)

    def __init__(self, parent: Any = None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__((self.tr("Milestone"), self.tr("Due"), self.tr("Done on")), parent)
        self._today = today
        self._goal: GoalRecord | None = None
        self._milestones: tuple[MilestoneRecord, ...] = ()

    def row_total(self) -> int:
        return len(self._milestones)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == self.TITLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        milestone = self._milestones[index.row()]
        column = index.column()
        if role == ObjectRole:
            return milestone
        if column == self.TITLE:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return milestone.title
            if role == Qt.ItemDataRole.CheckStateRole:
                done = milestone.is_done
                return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Tick when done; double-click to rename")
            return None
        value = milestone.due_on if column == self.DUE else milestone.done_on
        if role == Qt.ItemDataRole.DisplayRole:
            return format_date(value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if column == self.DUE and self._is_late(milestone):
            if role == Qt.ItemDataRole.ForegroundRole:
                return colors().danger
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Due date passed")
        return None

    def _is_late(self, milestone: MilestoneRecord) -> bool:
        return self._goal is not None and self._goal.is_milestone_late(milestone, self._today())

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        milestone = self._milestones[index.row()]
        fields = MilestoneFields(milestone.title, milestone.due_on, milestone.done_on)
        column = index.column()
        if column == self.TITLE and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            fields = MilestoneFields(fields.title, fields.due_on, self._today() if done else None)
        elif column == self.TITLE and role == Qt.ItemDataRole.EditRole:
            fields = MilestoneFields(str(value), fields.due_on, fields.done_on)
        elif column == self.DUE and role == Qt.ItemDataRole.EditRole:
            fields = MilestoneFields(fields.title, value, fields.done_on)
        elif column == self.DONE and role == Qt.ItemDataRole.EditRole:
            fields = MilestoneFields(fields.title, fields.due_on, value)
        else:
            return False
        if fields == MilestoneFields(milestone.title, milestone.due_on, milestone.done_on):
            return False
        self.change_requested.emit(milestone.id, fields)
        return True

    # --- access and updates --------------------------------------------------------------

    def milestone_at(self, row: int) -> MilestoneRecord:
        return self._milestones[row]

    def row_of(self, milestone_id: int) -> int | None:
        for row, milestone in enumerate(self._milestones):
            if milestone.id == milestone_id:
                return row
        return None

    def set_goal(self, goal: GoalRecord | None) -> None:
        """Show the milestones of ``goal`` (none for a new card)."""
        milestones = () if goal is None else goal.milestones
        self._goal = goal
        if milestones == self._milestones:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), last)  # the goal's status may differ
            return
        same_rows = [m.id for m in milestones] == [m.id for m in self._milestones]
        if same_rows:
            self._milestones = milestones
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._milestones = milestones
        self.endResetModel()
