"""The agenda: the meetings of any range of days as a list, the third way of looking at the
calendar (after month and week), and the one a screen reader reads best."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import CalendarEntry
from mentordesk.domain.validation import fold
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.record_model import FOREGROUND, TOOLTIP, RecordTableModel, Row
from mentordesk.ui.common.record_proxy import RecordFilterProxy
from mentordesk.ui.common.record_table_view import RecordTableView
from mentordesk.ui.common.roles import ObjectRole
from mentordesk.ui.common.style import Space, colors
from mentordesk.ui.meetings.editor import short_time

_FONT = Qt.ItemDataRole.FontRole


class AgendaModel(RecordTableModel[CalendarEntry]):
    """One row per meeting: day, time, title, mentors, status, format."""

    DAY, TIME, TITLE, MENTORS, STATUS, FORMAT = range(6)
    extra_roles = frozenset({TOOLTIP, FOREGROUND, _FONT})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("Day"),
                self.tr("Time"),
                self.tr("Title"),
                self.tr("Mentors"),
                self.tr("Status"),
                self.tr("Format"),
            ),
            parent,
        )
        self._names: dict[int, str] = {}

    def set_names(self, names: Mapping[int, str]) -> None:
        if dict(names) != self._names:
            self._names = dict(names)
            self.recompute()

    def mentor_names(self, record: CalendarEntry) -> str:
        if record.is_unassigned:
            return self.tr("No mentor yet")
        return ", ".join(sorted((self._names.get(i, f"#{i}") for i in record.mentor_ids), key=fold))

    def display(self, row: Row[CalendarEntry], column: int) -> str:
        record = row.record
        start = record.local_start()
        if column == self.DAY:
            return format_date(start.date())
        if column == self.TIME:
            return f"{short_time(start)}–{short_time(record.ends_at.astimezone())}"
        if column == self.TITLE:
            return record.title
        if column == self.MENTORS:
            return self.mentor_names(record)
        if column == self.STATUS:
            return label(record.status)
        return label(record.format)

    def search_text(self, row: Row[CalendarEntry]) -> str:
        return " \n".join((row.record.title, self.mentor_names(row.record)))

    def sort_key(self, row: Row[CalendarEntry], column: int) -> Any:
        if column in (self.DAY, self.TIME):
            return row.record.starts_at.isoformat()
        return fold(row.texts[column])

    def role_data(self, row: Row[CalendarEntry], column: int, role: int) -> Any:
        record = row.record
        if role == _FONT and record.status is MeetingStatus.CANCELLED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == FOREGROUND:
            if record.status is MeetingStatus.CANCELLED:
                return colors().muted
            if record.status is MeetingStatus.MISSED and column == self.STATUS:
                return colors().danger
            if record.is_unassigned and column == self.MENTORS:
                return colors().caution
        if role == TOOLTIP and column == self.TITLE:
            return record.takeaway or record.title
        return None


class AgendaList(QWidget):
    """Meetings from one day to another; the range is typed or follows Today / previous /
    next (four weeks at a time)."""

    range_changed = Signal(object, object)
    meeting_selected = Signal(int)
    meeting_activated = Signal(int)

    SPAN_DAYS = 28

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.model = AgendaModel(self)
        self.proxy: RecordFilterProxy[CalendarEntry] = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = RecordTableView(
            self.proxy, sort_column=AgendaModel.DAY, stretch=AgendaModel.TITLE
        )
        self.table.setObjectName("agendaTable")
        self.table.setAccessibleName(self.tr("Meetings in the range"))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)
        self.from_field = DateField(optional=False)
        self.from_field.setAccessibleName(self.tr("From"))
        self.to_field = DateField(optional=False)
        self.to_field.setAccessibleName(self.tr("To"))
        for field in (self.from_field, self.to_field):
            field.picked.connect(self._range_typed)
            field.editingFinished.connect(self._range_typed)
        self.count = QLabel()
        self.count.setObjectName("agendaCount")
        bar = QHBoxLayout()
        bar.setContentsMargins(Space.S, 0, Space.S, 0)
        bar.setSpacing(Space.S)
        for text, field in ((self.tr("&From"), self.from_field), (self.tr("T&o"), self.to_field)):
            caption = QLabel(text)
            caption.setBuddy(field)
            bar.addWidget(caption)
            bar.addWidget(field)
        bar.addStretch()
        bar.addWidget(self.count)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(Space.S)
        column.addLayout(bar)
        column.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        start = today()
        self._range = (start, start + timedelta(days=self.SPAN_DAYS - 1))
        self._show_range()

    def shown_range(self) -> tuple[date, date]:
        return self._range

    def selected_date(self) -> date:
        return self._range[0]

    def set_selected_date(self, day: date) -> None:
        """Show four weeks from ``day``."""
        self.set_range(day, day + timedelta(days=self.SPAN_DAYS - 1))

    def set_range(self, first: date, last: date) -> None:
        if (first, last) != self._range:
            self._range = (first, max(first, last))
            self._show_range()
            self.range_changed.emit(*self._range)

    def step(self, direction: int) -> None:
        first, last = self._range
        span = (last - first).days + 1
        self.set_range(
            first + timedelta(days=span * direction), last + timedelta(days=span * direction)
        )

    def set_meetings(self, records: Sequence[CalendarEntry], names: Mapping[int, str]) -> None:
        self.model.set_names(names)
        self.model.set_records(records)
        n = len(records)
        self.count.setText(self.tr("1 meeting") if n == 1 else self.tr("{n} meetings").format(n=n))

    def selected_meeting(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return int(index.data(ObjectRole).id)

    def set_selected_meeting(self, meeting_id: int | None) -> None:
        row = None if meeting_id is None else self.model.row_of(meeting_id)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row is None:
            selection.clearSelection()
        else:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
        selection.blockSignals(False)
        self.table.viewport().update()

    def _show_range(self) -> None:
        self.from_field.set_value(self._range[0])
        self.to_field.set_value(self._range[1])

    def _range_typed(self) -> None:
        try:
            first, last = self.from_field.value(), self.to_field.value()
        except ValueError:
            return
        if first is not None and last is not None:
            if last < first:
                last = first
                self.to_field.set_value(last)
            self.set_range(first, last)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.meeting_selected.emit(int(current.data(ObjectRole).id))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.meeting_activated.emit(int(index.data(ObjectRole).id))
