"""Agreement records as rows of a table: mentor, cadence, format, status and the next
review, with the review that has passed flagged so it gets done."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Qt

from mentordesk.domain.agreement import AgreementFields, AgreementRecord
from mentordesk.domain.enums import CadenceUnit, MeetingFormat
from mentordesk.ui.common.icons import warning_icon
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.listing_model import ListingModel
from mentordesk.ui.common.record_model import FOREGROUND, TOOLTIP, Row
from mentordesk.ui.common.roles import ReviewDueRole
from mentordesk.ui.common.style import colors

DECORATION = Qt.ItemDataRole.DecorationRole


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


class AgreementTableModel(ListingModel[AgreementRecord]):
    """Rows are agreement records (sorted and filtered by the listing's AgreementList);
    mentor names come separately (set_mentor_names)."""

    MENTOR, TITLE, STATUS, CADENCE, FORMAT, REVIEW = range(6)
    label_columns: ClassVar[Mapping[int, type[StrEnum]]] = {FORMAT: MeetingFormat}
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
            today=today,
        )
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

    def label(self, value: StrEnum) -> str:
        return label(value)

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
