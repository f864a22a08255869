"""Mentor records as rows of a table, with a sort role and an object role for the proxy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.domain.enums import MentorStatus
from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.validation import fold
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.roles import ObjectRole, SortRole

Index = QModelIndex | QPersistentModelIndex

STATUS_ORDER = {
    MentorStatus.ACTIVE: 0,
    MentorStatus.PROSPECT: 1,
    MentorStatus.PAUSED: 2,
    MentorStatus.CONCLUDED: 3,
}


def search_key(record: MentorRecord) -> str:
    f = record.fields
    return fold(" \n".join((f.name, f.organization, *f.expertise, *f.tags)))


class MentorTableModel(QAbstractTableModel):
    """Rows are mentor records; updates keep unchanged rows so selections survive a refresh."""

    NAME, ORGANIZATION, KIND, DIRECTION, STATUS, SINCE = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[MentorRecord] = []
        self._keys: list[str] = []
        # Display strings per row, computed once per change: painting asks for them often.
        self._texts: list[tuple[str, ...]] = []
        self._row_of: dict[int, int] = {}
        self._headers = (
            self.tr("Name"),
            self.tr("Organization"),
            self.tr("Relationship"),
            self.tr("Direction"),
            self.tr("Status"),
            self.tr("Since"),
        )

    # --- reading -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        record = self._records[index.row()]
        column = index.column()
        if role == SortRole:
            return self._sort_key(record, column)
        if role == ObjectRole:
            return record
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return self._tooltip(record)
        if role == Qt.ItemDataRole.ForegroundRole and record.is_archived:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and record.is_archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return _STATUS_COLORS.get(record.fields.status)
        return None

    def _display(self, record: MentorRecord, column: int) -> str:
        f = record.fields
        if column == self.NAME:
            if record.is_archived:
                return self.tr("{name} (archived)").format(name=f.name)
            return f.name
        if column == self.ORGANIZATION:
            return f.organization
        if column == self.KIND:
            return label(f.kind)
        if column == self.DIRECTION:
            return label(f.direction)
        if column == self.STATUS:
            return label(f.status)
        if column == self.SINCE:
            return format_date(f.started_on)
        return ""

    def _row_texts(self, record: MentorRecord) -> tuple[str, ...]:
        return tuple(self._display(record, column) for column in range(len(self._headers)))

    def _sort_key(self, record: MentorRecord, column: int) -> Any:
        f = record.fields
        if column == self.STATUS:
            return STATUS_ORDER[f.status]
        if column == self.SINCE:
            # Undated (prospects) sort after every real date.
            return f.started_on.isoformat() if f.started_on else "9999"
        text = self._display(record, column) if column != self.NAME else f.name
        return fold(text)

    def _tooltip(self, record: MentorRecord) -> str:
        f = record.fields
        lines = [f.name]
        if f.title or f.organization:
            lines.append(", ".join(part for part in (f.title, f.organization) if part))
        if f.expertise:
            lines.append(self.tr("Expertise: {areas}").format(areas=", ".join(f.expertise)))
        return "\n".join(lines)

    # --- access for views and the proxy -------------------------------------------------

    def record_at(self, row: int) -> MentorRecord:
        return self._records[row]

    def search_key_at(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, mentor_id: int) -> int | None:
        return self._row_of.get(mentor_id)

    def records(self) -> Sequence[MentorRecord]:
        return tuple(self._records)

    # --- writing -------------------------------------------------------------------------

    def set_records(self, records: Sequence[MentorRecord]) -> None:
        """Bring the rows up to date with the minimum of signals.

        Rows whose mentor vanished are removed, changed rows report dataChanged, new mentors
        are appended (the proxy sorts). A view's selection and scroll position survive.
        """
        incoming = {record.id: record for record in records}
        for row in range(len(self._records) - 1, -1, -1):
            if self._records[row].id not in incoming:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._records[row]
                del self._keys[row]
                del self._texts[row]
                self.endRemoveRows()
        last_column = self.columnCount() - 1
        for row, old in enumerate(self._records):
            new = incoming[old.id]
            if new != old:
                self._records[row] = new
                self._keys[row] = search_key(new)
                self._texts[row] = self._row_texts(new)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        known = {record.id for record in self._records}
        added = [record for record in records if record.id not in known]
        if added:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._records.extend(added)
            self._keys.extend(search_key(record) for record in added)
            self._texts.extend(self._row_texts(record) for record in added)
            self.endInsertRows()
        self._row_of = {record.id: row for row, record in enumerate(self._records)}


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        ObjectRole,
        SortRole,
    }
)

_STATUS_COLORS = {
    MentorStatus.ACTIVE: QColor("#1b7f3b"),
    MentorStatus.PROSPECT: QColor("#1f5fae"),
    MentorStatus.PAUSED: QColor("#9a6200"),
}
