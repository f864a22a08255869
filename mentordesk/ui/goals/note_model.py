"""The progress notes of one goal, newest first: what happened and what was learned."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from mentordesk.domain.goal import GoalNoteRecord, GoalRecord
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.record_model import TableModel
from mentordesk.ui.common.roles import ObjectRole, SortRole

Index = QModelIndex | QPersistentModelIndex


class GoalNoteTableModel(TableModel):
    """Date and text of each note; the newest is on top."""

    DATE, TEXT = range(2)

    def __init__(self, parent: Any = None) -> None:
        super().__init__((self.tr("Date"), self.tr("Note")), parent)
        self._notes: tuple[GoalNoteRecord, ...] = ()

    def row_total(self) -> int:
        return len(self._notes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        note = self._notes[index.row()]
        if role == ObjectRole:
            return note
        if role == SortRole:
            return (note.written_on, note.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_date(note.written_on) if index.column() == self.DATE else note.text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TEXT:
            return note.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None

    def note_at(self, row: int) -> GoalNoteRecord:
        return self._notes[row]

    def set_goal(self, goal: GoalRecord | None) -> None:
        notes = () if goal is None else goal.notes
        newest_first = tuple(sorted(notes, key=lambda n: (n.written_on, n.id), reverse=True))
        if newest_first == self._notes:
            return
        self.beginResetModel()
        self._notes = newest_first
        self.endResetModel()
