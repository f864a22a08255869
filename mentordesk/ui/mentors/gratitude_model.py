"""One mentor's gratitude log as a small table, newest first: the date and kind of each
entry, and what was done."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from mentordesk.domain.gratitude import GratitudeRecord, newest_first
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.record_model import TableModel
from mentordesk.ui.common.roles import ObjectRole, SortRole

Index = QModelIndex | QPersistentModelIndex


class GratitudeTableModel(TableModel):
    """One column: each entry's date and kind on a line, what was done below it."""

    ENTRY = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__((self.tr("Entry"),), parent)
        self._entries: tuple[GratitudeRecord, ...] = ()

    def row_total(self) -> int:
        return len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == ObjectRole:
            return entry
        if role == SortRole:
            return (entry.given_on, entry.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.heading(entry)}\n{entry.text}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.heading(entry)}: {entry.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None

    @staticmethod
    def heading(entry: GratitudeRecord) -> str:
        """The entry's first line: "5 Sep 2026 · Public recognition"."""
        return f"{format_date(entry.given_on)} · {label(entry.kind)}"

    def entry_at(self, row: int) -> GratitudeRecord:
        return self._entries[row]

    def row_of(self, entry_id: int) -> int:
        return next((i for i, e in enumerate(self._entries) if e.id == entry_id), -1)

    def entries(self) -> tuple[GratitudeRecord, ...]:
        return self._entries

    def set_entries(self, entries: Sequence[GratitudeRecord]) -> None:
        ordered = tuple(newest_first(entries))
        if ordered == self._entries:
            return
        self.beginResetModel()
        self._entries = ordered
        self.endResetModel()
