"""Agreement records as rows of a table: mentor, cadence, format, status and the next
review, with the review that has passed flagged so it gets done."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from mentordesk.domain.agreement import AgreementFields, AgreementRecord
from mentordesk.domain.enums import AgreementStatus, CadenceUnit
from mentordesk.domain.validation import fold
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.roles import ObjectRole, ReviewDueRole, SortRole

# True for an agreement still in force whose review date has passed.

Index = QModelIndex | QPersistentModelIndex

STATUS_ORDER = {
    AgreementStatus.ACTIVE: 0,
    AgreementStatus.UNDER_REVIEW: 1,
    AgreementStatus.DRAFT: 2,
    AgreementStatus.CONCLUDED: 3,
}
WARNING_COLOR = QColor("#b3261e")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementTableModel", text)


def cadence_text(fields: AgreementFields) -> str:
    """“Every 4 weeks”, “Every month”, “As needed”."""
    every = fields.cadence_every
    if fields.cadence_unit is CadenceUnit.AS_NEEDED or every is None:
        return _tr("As needed")
    singular = {
        CadenceUnit.DAYS: _tr("Every day"),
        CadenceUnit.WEEKS: _tr("Every week"),
        CadenceUnit.MONTHS: _tr("Every month"),
    }
    if every == 1:
        return singular[fields.cadence_unit]
    return _tr("Every {n} {unit}").format(n=every, unit=label(fields.cadence_unit))


class AgreementTableModel(QAbstractTableModel):
    """Rows are agreement records; mentor names come separately (set_mentor_names)."""

    MENTOR, TITLE, STATUS, CADENCE, FORMAT, REVIEW = range(6)

    def __init__(self, parent: Any = None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today
        self._records: list[AgreementRecord] = []
        self._row_of: dict[int, int] = {}
        self._mentor_names: dict[int, str] = {}
        self._headers = (
            self.tr("Mentor"),
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Cadence"),
            self.tr("Format"),
            self.tr("Next review"),
        )

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

    def mentor_name(self, mentor_id: int) -> str:
        return self._mentor_names.get(mentor_id, "")

    def _text(self, record: AgreementRecord, column: int) -> str:
        fields = record.fields
        if column == self.MENTOR:
            return self.mentor_name(record.mentor_id)
        if column == self.TITLE:
            return fields.title
        if column == self.STATUS:
            return label(fields.status)
        if column == self.CADENCE:
            return cadence_text(fields)
        if column == self.FORMAT:
            return label(fields.format)
        return format_date(fields.review_on) if fields.review_on else ""

    def _sort_key(self, record: AgreementRecord, column: int) -> Any:
        fields = record.fields
        if column == self.STATUS:
            return STATUS_ORDER[fields.status]
        if column == self.REVIEW:
            return fields.review_on.isoformat() if fields.review_on else "9999"
        if column == self.CADENCE:
            if fields.cadence_every is None:
                return 10**6
            days = {CadenceUnit.DAYS: 1, CadenceUnit.WEEKS: 7, CadenceUnit.MONTHS: 30}
            return fields.cadence_every * days.get(fields.cadence_unit, 1)
        return fold(self._text(record, column))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = index.column()
        due = record.is_review_due(self._today())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == SortRole:
            return self._sort_key(record, column)
        if role == ObjectRole:
            return record
        if role == ReviewDueRole:
            return due
        if role == Qt.ItemDataRole.ForegroundRole and due and column == self.REVIEW:
            return WARNING_COLOR
        if role == Qt.ItemDataRole.ToolTipRole and due:
            return self.tr(
                "The review date ({day}) has passed: time to review it together."
            ).format(day=format_date(record.fields.review_on))
        return None

    # --- records -------------------------------------------------------------------------

    def set_mentor_names(self, names: Mapping[int, str]) -> None:
        self._mentor_names = dict(names)
        if self._records:
            self.dataChanged.emit(
                self.index(0, self.MENTOR), self.index(len(self._records) - 1, self.MENTOR)
            )

    def set_records(self, records: Sequence[AgreementRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._row_of = {record.id: row for row, record in enumerate(self._records)}
        self.endResetModel()

    def record_at(self, row: int) -> AgreementRecord:
        return self._records[row]

    def row_of(self, agreement_id: int) -> int | None:
        return self._row_of.get(agreement_id)

    def search_key_at(self, row: int) -> str:
        record = self._records[row]
        return fold(" ".join(self._text(record, column) for column in range(len(self._headers))))
