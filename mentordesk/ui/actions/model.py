"""Action items as rows of a table: what to do, who, by when, and the two things a person
must not miss (an open item past its due date, a done item not yet reported back)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from mentordesk.domain.action_item import ActionItemRecord
from mentordesk.domain.enums import ActionOwner, ActionStatus
from mentordesk.domain.validation import fold
from mentordesk.ui.common.icons import warning_icon
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.listing_model import ListingModel
from mentordesk.ui.common.record_model import FOREGROUND, TOOLTIP, Row
from mentordesk.ui.common.roles import OverdueRole
from mentordesk.ui.common.style import colors

_DECORATION = Qt.ItemDataRole.DecorationRole


def status_color(status: ActionStatus) -> QColor | None:
    scheme = colors()
    return {ActionStatus.DONE: scheme.positive, ActionStatus.DROPPED: scheme.muted}.get(status)


class ActionItemTableModel(ListingModel[ActionItemRecord]):
    """Rows are action items (sorted and filtered by the listing's ActionItemList). Mentor
    names come separately (set_mentor_names) because an item knows only the ids of its
    meeting's mentors."""

    WHAT, OWNER, DUE, STATUS, MENTORS, MEETING, REPORTED = range(7)
    label_columns: ClassVar[Mapping[int, type[StrEnum]]] = {OWNER: ActionOwner}
    extra_roles = frozenset({TOOLTIP, FOREGROUND, _DECORATION, OverdueRole})

    def __init__(
        self, parent: QObject | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(
            (
                self.tr("What"),
                self.tr("Owner"),
                self.tr("Due"),
                self.tr("Status"),
                self.tr("Mentors"),
                self.tr("From meeting"),
                self.tr("Reported back"),
            ),
            parent,
            header_tips=(
                "",
                self.tr("Who does it: you, or your mentor"),
                "",
                "",
                self.tr("The mentors of the meeting it came from"),
                "",
                self.tr("When you told your mentor it was done"),
            ),
            today=today,
        )
        self._mentor_names: dict[int, str] = {}
        # Formatting a date asks the locale each time; thousands of rows share few dates.
        self._date_texts: dict[date, str] = {}

    def set_mentor_names(self, names: Mapping[int, str]) -> None:
        """Names shown for the meetings' mentors; rows whose shown names change are reported."""
        if dict(names) != self._mentor_names:
            self._mentor_names = dict(names)
            self.recompute()

    # --- rows ----------------------------------------------------------------------------

    def _date(self, value: date | None) -> str:
        if value is None:
            return ""
        text = self._date_texts.get(value)
        if text is None:
            text = self._date_texts[value] = format_date(value)
        return text

    def display(self, row: Row[ActionItemRecord], column: int) -> str:
        record = row.record
        f = record.fields
        if column == self.WHAT:
            return f.text
        if column == self.OWNER:
            return label(f.owner)
        if column == self.DUE:
            return self._date(f.due_on)
        if column == self.STATUS:
            return label(f.status)
        if column == self.MENTORS:
            return ", ".join(self._names(record))
        if column == self.MEETING:
            return self.meeting_text(record)
        if record.awaits_report_back:
            return self.tr("Not yet")
        return self._date(f.reported_on)

    def meeting_text(self, record: ActionItemRecord) -> str:
        if record.fields.meeting_id is None:
            return ""
        if record.meeting_on is None:
            return record.meeting_title
        return f"{record.meeting_title} · {self._date(record.meeting_on)}"

    def label(self, value: StrEnum) -> str:
        return label(value)

    def role_data(self, row: Row[ActionItemRecord], column: int, role: int) -> Any:
        record = row.record
        if role == OverdueRole:
            return record.is_overdue(self._today())
        if column == self.DUE and record.is_overdue(self._today()):
            return self._overdue_data(role)
        if column == self.STATUS and role == FOREGROUND:
            return status_color(record.fields.status)
        if column == self.REPORTED and record.awaits_report_back:
            if role == FOREGROUND:
                return colors().caution
            if role == TOOLTIP:
                return self.tr("Done, but not yet reported back to {mentors}").format(
                    mentors=row.texts[self.MENTORS] or self.tr("your mentor")
                )
        return None

    def _overdue_data(self, role: int) -> Any:
        if role == FOREGROUND:
            return colors().danger
        if role == TOOLTIP:
            return self.tr("Overdue")
        if role == _DECORATION:
            return warning_icon()
        return None

    def _names(self, record: ActionItemRecord) -> list[str]:
        names = (self._mentor_names.get(i, f"#{i}") for i in record.mentor_ids)
        return sorted(names, key=fold)
