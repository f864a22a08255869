"""Goal records as rows of a table: progress, linked mentors and the two warnings a person
should notice (a target date passed while still active, no mentor helping)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from mentordesk.domain.enums import GoalStatus
from mentordesk.domain.goal import GoalRecord
from mentordesk.domain.validation import fold
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.roles import NoMentorRole, ObjectRole, OverdueRole, ProgressRole, SortRole

# (done, total) for the progress bar; None for a goal without milestones.
# True for an active goal whose target date has passed.
# True for a goal no mentor is linked to.

Index = QModelIndex | QPersistentModelIndex

STATUS_ORDER = {
    GoalStatus.ACTIVE: 0,
    GoalStatus.PAUSED: 1,
    GoalStatus.ACHIEVED: 2,
    GoalStatus.DROPPED: 3,
}
WARNING_COLOR = QColor("#b3261e")
_STATUS_COLORS = {
    GoalStatus.ACTIVE: QColor("#1f5fae"),
    GoalStatus.ACHIEVED: QColor("#1b7f3b"),
    GoalStatus.PAUSED: QColor("#9a6200"),
}


class GoalTableModel(QAbstractTableModel):
    """Rows are goal records; updates keep unchanged rows so selections survive a refresh.

    Mentor names come separately (set_mentor_names) because a goal stores only mentor ids.
    """

    TITLE, KIND, STATUS, TARGET, PROGRESS, MENTORS = range(6)

    def __init__(self, parent: Any = None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today
        self._records: list[GoalRecord] = []
        self._keys: list[str] = []
        self._texts: list[tuple[str, ...]] = []
        self._row_of: dict[int, int] = {}
        self._mentor_names: dict[int, str] = {}
        self._headers = (
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Status"),
            self.tr("Target date"),
            self.tr("Progress"),
            self.tr("Mentors"),
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
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column]
        record = self._records[row]
        if role == ObjectRole:
            return record
        if role == SortRole:
            return self._sort_key(record, column)
        if role == ProgressRole:
            done = sum(1 for m in record.milestones if m.is_done)
            return (done, len(record.milestones)) if record.milestones else None
        if role == OverdueRole:
            return record.is_overdue(self._today())
        if role == NoMentorRole:
            return not record.mentor_ids
        if column == self.TARGET and record.is_overdue(self._today()):
            return self._overdue_data(role)
        if column == self.MENTORS:
            return self._mentors_data(record, role)
        if column == self.STATUS and role == Qt.ItemDataRole.ForegroundRole:
            return _STATUS_COLORS.get(record.fields.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return self._tooltip(record)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.KIND:
            return self._texts[row][column]  # often elided in the narrow column
        return None

    def _overdue_data(self, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return WARNING_COLOR
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Target date passed")
        if role == Qt.ItemDataRole.DecorationRole:
            return _warning_icon()
        return None

    def _mentors_data(self, record: GoalRecord, role: int) -> Any:
        if not record.mentor_ids:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("No mentor helps with this goal yet")
            if role == Qt.ItemDataRole.ForegroundRole:
                return WARNING_COLOR
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self._names(record))
        return None

    def _names(self, record: GoalRecord) -> list[str]:
        names = (self._mentor_names.get(i, f"#{i}") for i in record.mentor_ids)
        return sorted(names, key=fold)

    def _display(self, record: GoalRecord, column: int) -> str:
        f = record.fields
        if column == self.TITLE:
            return f.title
        if column == self.KIND:
            return label(f.kind)
        if column == self.STATUS:
            return label(f.status)
        if column == self.TARGET:
            return format_date(f.target_on)
        if column == self.PROGRESS:
            if not record.milestones:
                return "—"
            done = sum(1 for m in record.milestones if m.is_done)
            return f"{done}/{len(record.milestones)}"
        if column == self.MENTORS:
            if not record.mentor_ids:
                return self.tr("None yet")
            return ", ".join(self._names(record))
        return ""

    def _row_texts(self, record: GoalRecord) -> tuple[str, ...]:
        return tuple(self._display(record, column) for column in range(len(self._headers)))

    def _sort_key(self, record: GoalRecord, column: int) -> Any:
        f = record.fields
        if column == self.STATUS:
            return STATUS_ORDER[f.status]
        if column == self.TARGET:
            # Goals without a target date sort after every real date.
            return f.target_on.isoformat() if f.target_on else "9999"
        if column == self.PROGRESS:
            # Goals without milestones sort below every share, even 0 %.
            progress = record.progress
            return -1.0 if progress is None else progress
        if column == self.MENTORS:
            return len(record.mentor_ids)
        return fold(self._display(record, column))

    def _tooltip(self, record: GoalRecord) -> str:
        lines = [record.title]
        if record.fields.why_it_matters:
            lines.append(_shorten(record.fields.why_it_matters))
        return "\n".join(lines)

    # --- access for views and the proxy -------------------------------------------------

    def record_at(self, row: int) -> GoalRecord:
        return self._records[row]

    def search_key_at(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, goal_id: int) -> int | None:
        return self._row_of.get(goal_id)

    def records(self) -> Sequence[GoalRecord]:
        return tuple(self._records)

    # --- writing -------------------------------------------------------------------------

    def set_mentor_names(self, names: Mapping[int, str]) -> None:
        """Names shown for linked mentors; rows whose shown names change are reported."""
        if dict(names) == self._mentor_names:
            return
        self._mentor_names = dict(names)
        for row, record in enumerate(self._records):
            texts = self._row_texts(record)
            if texts != self._texts[row]:
                self._texts[row] = texts
                self._keys[row] = self._search_key(record)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.MENTORS))

    def set_records(self, records: Sequence[GoalRecord]) -> None:
        """Bring the rows up to date with the minimum of signals (as the mentor table does)."""
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
                self._keys[row] = self._search_key(new)
                self._texts[row] = self._row_texts(new)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        known = {record.id for record in self._records}
        added = [record for record in records if record.id not in known]
        if added:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._records.extend(added)
            self._keys.extend(self._search_key(record) for record in added)
            self._texts.extend(self._row_texts(record) for record in added)
            self.endInsertRows()
        self._row_of = {record.id: row for row, record in enumerate(self._records)}

    def _search_key(self, record: GoalRecord) -> str:
        f = record.fields
        parts = (f.title, f.description, f.why_it_matters, *(m.title for m in record.milestones))
        return fold(" \n".join((*parts, *self._names(record))))


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
        ObjectRole,
        SortRole,
        ProgressRole,
        OverdueRole,
        NoMentorRole,
    }
)


@cache
def _warning_icon() -> QIcon:
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style else QIcon()


def _shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
