"""The meeting card's start (a day and a time) and duration (minutes, or the time it ends),
each one field of the card's form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QLocale, QTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTimeEdit, QWidget

from mentordesk.domain.meeting import LONGEST_MINUTES
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.style import Space


def _time_edit(name: str) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
    edit.setAccessibleName(name)
    return edit


def _to_time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class StartField(QWidget):
    """The day and the time a meeting starts, in the meeting's time zone."""

    edited = Signal()  # typing in either part
    finished = Signal()  # a part left, or a day picked: store it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = DateField(optional=False)
        self.day.setAccessibleName(self.tr("Day"))
        self.time = _time_edit(self.tr("Start time"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(Space.S)
        row.addWidget(self.day)
        row.addWidget(self.time)
        row.addStretch()
        self.day.edited.connect(self.edited)
        self.day.picked.connect(self.finished)
        self.day.editingFinished.connect(self.finished)
        self.time.timeChanged.connect(lambda _t: self.edited.emit())
        self.time.editingFinished.connect(self.finished)
        self.setFocusProxy(self.day)

    def value(self) -> datetime:
        """The start as typed; UnreadableValue while the day is not a date."""
        day = self.day.value()
        assert day is not None  # the day is not optional
        return datetime.combine(day, _to_time(self.time.time()))

    def set_value(self, value: datetime) -> None:
        self.day.set_value(value.date())
        self.time.blockSignals(True)
        self.time.setTime(QTime(value.hour, value.minute))
        self.time.blockSignals(False)


class DurationField(QWidget):
    """How long a meeting lasts, typed as minutes or as the time it ends."""

    edited = Signal()
    finished = Signal()

    def __init__(self, start: Callable[[], time], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self.minutes = QSpinBox()
        self.minutes.setRange(-LONGEST_MINUTES, LONGEST_MINUTES)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Duration in minutes"))
        self.ends = _time_edit(self.tr("End time"))
        ends_caption = QLabel(self.tr("ends"))
        ends_caption.setBuddy(self.ends)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(Space.S)
        row.addWidget(self.minutes)
        row.addWidget(ends_caption)
        row.addWidget(self.ends)
        row.addStretch()
        self.minutes.valueChanged.connect(self._minutes_typed)
        self.minutes.editingFinished.connect(self.finished)
        self.ends.timeChanged.connect(self._end_typed)
        self.ends.editingFinished.connect(self.finished)
        self.setFocusProxy(self.minutes)

    def value(self) -> int:
        return self.minutes.value()

    def set_value(self, minutes: int) -> None:
        self.minutes.blockSignals(True)
        self.minutes.setValue(minutes)
        self.minutes.blockSignals(False)
        self.show_end()

    def show_end(self) -> None:
        """Show the end for the start now shown (after the start changed)."""
        start = datetime.combine(datetime.min.date(), self._start())
        end = start + timedelta(minutes=self.minutes.value())
        self.ends.blockSignals(True)
        self.ends.setTime(QTime(end.hour, end.minute))
        self.ends.blockSignals(False)

    def _minutes_typed(self, _value: int) -> None:
        self.show_end()
        self.edited.emit()

    def _end_typed(self, value: QTime) -> None:
        start = self._start()
        minutes = (value.hour() * 60 + value.minute()) - (start.hour * 60 + start.minute)
        self.minutes.blockSignals(True)
        self.minutes.setValue(minutes)  # before the start: negative, and said so
        self.minutes.blockSignals(False)
        self.edited.emit()
