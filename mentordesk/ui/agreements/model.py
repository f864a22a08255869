"""Agreement records as rows of a table: mentor, cadence, format, status and the next
review, with the review that has passed flagged so it gets done."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from mentordesk.domain.agreement import AgreementFields, AgreementRecord
from mentordesk.domain.enums import AgreementStatus, CadenceUnit
from mentordesk.domain.validation import fold
from mentordesk.ui.common.icons import warning_icon
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.record_model import FOREGROUND, TOOLTIP, RecordTableModel, Row
from mentordesk.ui.common.roles import ReviewDueRole
from mentordesk.ui.common.style import colors

DECORATION = Qt.ItemDataRole.DecorationRole

STATUS_ORDER = {
    AgreementStatus.ACTIVE: 0,
    AgreementStatus.UNDER_REVIEW: 1,
    AgreementStatus.DRAFT: 2,
    AgreementStatus.CONCLUDED: 3,
}


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


class AgreementTableModel(RecordTableModel[AgreementRecord]):
    """Rows are agreement records; mentor names come separately (set_mentor_names)."""

    MENTOR, TITLE, STATUS, CADENCE, FORMAT, REVIEW = range(6)
    extra_roles = frozenset({TOOLTIP, FOREGROUND, DECORATION, ReviewDueRole})

    def __init__(
        self, parent: QObject | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(
            (
                self.tr("Mentor"),
                self.tr("Title"),
                self.tr("Status"),
                self.tr("Cadence"),
                self.tr("Format"),
                self.tr("Next review"),
            ),
            parent,
        )
        self._today = today
        self._mentor_names: dict[int, str] = {}

    def mentor_name(self, mentor_id: int) -> str:
        return self._mentor_names.get(mentor_id, "")

    def set_mentor_names(self, names: Mapping[int, str]) -> None:
        if dict(names) != self._mentor_names:
            self._mentor_names = dict(names)
            self.recompute()

    def display(self, row: Row[AgreementRecord], column: int) -> str:
        record = row.record
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

    def sort_key(self, row: Row[AgreementRecord], column: int) -> Any:
        fields = row.record.fields
        if column == self.STATUS:
            return STATUS_ORDER[fields.status]
        if column == self.REVIEW:
            return fields.review_on.isoformat() if fields.review_on else "9999"
        if column == self.CADENCE:
            if fields.cadence_every is None:
                return 10**6
            days = {CadenceUnit.DAYS: 1, CadenceUnit.WEEKS: 7, CadenceUnit.MONTHS: 30}
            return fields.cadence_every * days.get(fields.cadence_unit, 1)
        return fold(row.texts[column])

    def role_data(self, row: Row[AgreementRecord], column: int, role: int) -> Any:
        record = row.record
        due = record.is_review_due(self._today())
        if role == ReviewDueRole:
            return due
        if not due:
            return None
        if role == FOREGROUND:
            return colors().danger if column == self.REVIEW else None
        if role == DECORATION:
            return warning_icon() if column == self.REVIEW else None
        return self.tr("The review date ({day}) has passed: time to review it together.").format(
            day=format_date(record.fields.review_on)
        )
