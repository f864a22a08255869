"""One skill's assessments as an editable table.

Edits do not change the rows here: the model asks (``edit_requested``) and the view stores the
change as an undoable command, after which the refreshed record comes back through
set_records(). A refused edit therefore leaves the table exactly as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from mentordesk.domain.enums import AssessmentSource
from mentordesk.domain.skill import AssessmentFields, AssessmentRecord
from mentordesk.domain.validation import fold
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.record_model import TableModel
from mentordesk.ui.common.roles import ObjectRole, SortRole
from mentordesk.ui.skills.model import level_description, level_text

Index = QModelIndex | QPersistentModelIndex

_FIELD_OF_COLUMN = ("assessed_on", "level", "source", "mentor_id", "evidence")


class AssessmentTableModel(TableModel):
    """Rows are assessment records of one skill; every cell can be edited."""

    DATE, LEVEL, SOURCE, MENTOR, EVIDENCE = range(5)

    # (AssessmentRecord, AssessmentFields): the stored row and what the person made of it.
    edit_requested = Signal(object, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            (
                self.tr("Date"),
                self.tr("Level"),
                self.tr("Source"),
                self.tr("Mentor"),
                self.tr("Evidence"),
            ),
            parent,
        )
        self._records: list[AssessmentRecord] = []
        self._skill_id: int | None = None
        self._mentors: dict[int, str] = {}

    # --- reading -------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._records)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        f = record.fields
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(f, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == self.DATE:
                return QDate(f.assessed_on.year, f.assessed_on.month, f.assessed_on.day)
            if column == self.SOURCE:
                return f.source.value
            return getattr(f, _FIELD_OF_COLUMN[column])
        if role == SortRole:
            return self._sort_key(record, column)
        if role == ObjectRole:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.LEVEL:
                return level_description(f.level)
            if column == self.EVIDENCE and f.evidence:
                return f.evidence
        return None

    def _display(self, f: AssessmentFields, column: int) -> str:
        if column == self.DATE:
            return format_date(f.assessed_on)
        if column == self.LEVEL:
            return level_text(f.level, str(f.level))
        if column == self.SOURCE:
            return label(f.source)
        if column == self.MENTOR:
            return self.mentor_name(f.mentor_id)
        # One line in the table; the tooltip and the editor hold the rest.
        return " ".join(f.evidence.split())

    def _sort_key(self, record: AssessmentRecord, column: int) -> str:
        f = record.fields
        day = f"{f.assessed_on.isoformat()} {record.id:09d}"
        if column == self.DATE:
            return day
        if column == self.LEVEL:
            return f"{f.level} {day}"
        return f"{fold(self._display(f, column))}\n{day}"

    def mentor_name(self, mentor_id: int | None) -> str:
        if mentor_id is None:
            return ""
        return self._mentors.get(mentor_id, self.tr("(deleted mentor)"))

    # --- editing -------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ask to store the edited cell; the rows change only once the view has stored it."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        record = self._records[index.row()]
        column = index.column()
        if column == self.DATE:
            value = _as_date(value)
        elif column == self.LEVEL:
            value = int(value)
        elif column == self.SOURCE:
            value = AssessmentSource(value)
        elif column == self.MENTOR:
            value = None if value in (None, "") else int(value)
        else:
            value = str(value)
        fields = record.fields.replace(**{_FIELD_OF_COLUMN[column]: value})
        if fields == record.fields:
            return False
        self.edit_requested.emit(record, fields)
        return True

    # --- access --------------------------------------------------------------------------

    def record_at(self, row: int) -> AssessmentRecord:
        return self._records[row]

    def records(self) -> Sequence[AssessmentRecord]:
        return tuple(self._records)

    def row_of(self, assessment_id: int) -> int | None:
        for row, record in enumerate(self._records):
            if record.id == assessment_id:
                return row
        return None

    @property
    def skill_id(self) -> int | None:
        return self._skill_id

    # --- writing -------------------------------------------------------------------------

    def set_mentors(self, names: Mapping[int, str]) -> None:
        if dict(names) == self._mentors:
            return
        self._mentors = dict(names)
        if self._records:
            last = len(self._records) - 1
            self.dataChanged.emit(self.index(0, self.MENTOR), self.index(last, self.MENTOR))

    def set_records(self, skill_id: int | None, records: Sequence[AssessmentRecord]) -> None:
        """Show another skill's assessments, or bring this skill's up to date.

        For the same skill, unchanged rows stay put so the selection survives an edit.
        """
        if skill_id != self._skill_id:
            self.beginResetModel()
            self._skill_id = skill_id
            self._records = list(records)
            self.endResetModel()
            return
        incoming = {record.id: record for record in records}
        for row in range(len(self._records) - 1, -1, -1):
            if self._records[row].id not in incoming:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._records[row]
                self.endRemoveRows()
        for row, old in enumerate(self._records):
            new = incoming[old.id]
            if new != old:
                self._records[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.EVIDENCE))
        known = {record.id for record in self._records}
        added = [record for record in records if record.id not in known]
        if added:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._records.extend(added)
            self.endInsertRows()


def _as_date(value: Any) -> date:
    if isinstance(value, QDate):
        return date(value.year(), value.month(), value.day())
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
