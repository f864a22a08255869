"""A date field that may also be empty ("Not set"), with a calendar and a clear button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QToolButton, QWidget

_UNSET = QDate(1900, 1, 1)


class _DateEdit(QDateEdit):
    """Stepping or opening the calendar from "Not set" starts at today, not at 1900."""

    def stepBy(self, steps: int) -> None:
        if self.date() == _UNSET:
            self.setDate(QDate.currentDate())
            return
        super().stepBy(steps)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Scrolling the card must not change a date the person is not editing.
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class OptionalDateEdit(QWidget):
    """Emits ``edited`` only for changes the person makes, never for set_date()."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = _DateEdit()
        self.date_edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(_UNSET)
        self.date_edit.setSpecialValueText(self.tr("Not set"))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(_UNSET)
        self.date_edit.calendarWidget().installEventFilter(self)
        self.clear_button = QToolButton()
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("Clear the date"))
        self.clear_button.setAccessibleName(self.tr("Clear the date"))
        self.clear_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.date_edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.date_edit)
        self._loading = False
        self.date_edit.dateChanged.connect(self._changed)
        self.clear_button.clicked.connect(self.clear)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.date() is None:
            today = QDate.currentDate()
            self.date_edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    def date(self) -> date | None:
        value = self.date_edit.date()
        if value == _UNSET:
            return None
        return date(value.year(), value.month(), value.day())

    def set_date(self, value: date | None) -> None:
        self._loading = True
        try:
            shown = _UNSET if value is None else QDate(value.year, value.month, value.day)
            self.date_edit.setDate(shown)
            self.clear_button.setEnabled(value is not None)
        finally:
            self._loading = False

    def clear(self) -> None:
        self.date_edit.setDate(_UNSET)

    def _changed(self, _value: QDate) -> None:
        self.clear_button.setEnabled(self.date() is not None)
        if not self._loading:
            self.edited.emit()
