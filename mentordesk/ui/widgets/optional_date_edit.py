"""A date field that may also be empty ("Not set"), with a calendar and a clear button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QToolButton, QWidget

_UNSET = QDate(1900, 1, 1)


class OptionalDateEdit(QWidget):
    """Emits ``edited`` only for changes the person makes, never for set_date()."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(_UNSET)
        self.date_edit.setSpecialValueText(self.tr("Not set"))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(_UNSET)
        self.date_edit.calendarWidget().setSelectedDate(QDate.currentDate())
        self.clear_button = QToolButton()
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("Clear the date"))
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

    def date(self) -> date | None:
        value = self.date_edit.date()
        if value == _UNSET:
            return None
        return date(value.year(), value.month(), value.day())

    def set_date(self, value: date | None) -> None:
        self._loading = True
        try:
            self.date_edit.setDate(
                _UNSET if value is None else QDate(value.year, value.month, value.day)
            )
            self.clear_button.setEnabled(value is not None)
        finally:
            self._loading = False

    def clear(self) -> None:
        self.date_edit.setDate(_UNSET)

    def _changed(self, _value: QDate) -> None:
        self.clear_button.setEnabled(self.date() is not None)
        if not self._loading:
            self.edited.emit()
