"""A date that may also be empty ("Not set"): the one date field of every card and table.

``DateField`` is the QDateEdit itself (its lowest value reads "Not set"; stepping or opening
the calendar from there starts at today, not in 1900; the wheel needs focus first, so
scrolling past a card never changes a date). ``OptionalDateEdit`` adds a clear button for
cards; ``OptionalDateDelegate`` edits a date cell of a table with a DateField.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

UNSET = QDate(1900, 1, 1)


def to_date(value: QDate) -> date | None:
    """A QDate as a date; None for the "Not set" value (or an invalid QDate)."""
    if value == UNSET or not value.isValid():
        return None
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date | None) -> QDate:
    return UNSET if value is None else QDate(value.year, value.month, value.day)


class DateField(QDateEdit):
    """A QDateEdit whose lowest value means "no date"."""

    def __init__(self, parent: QWidget | None = None, *, display_format: str = "yyyy-MM-dd"):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCalendarPopup(True)
        self.setMinimumDate(UNSET)
        self.setSpecialValueText(self.tr("Not set"))
        self.setDisplayFormat(display_format)
        self.setDate(UNSET)
        self.calendarWidget().installEventFilter(self)

    def value(self) -> date | None:
        return to_date(self.date())

    def set_value(self, value: date | None) -> None:
        self.setDate(to_qdate(value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The calendar of an unset date opens on this month, not in 1900.
        if event.type() == QEvent.Type.Show and self.date() == UNSET:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    def stepBy(self, steps: int) -> None:
        if self.date() == UNSET:
            self.setDate(QDate.currentDate())
            return
        super().stepBy(steps)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class OptionalDateEdit(QWidget):
    """A DateField with a clear button. Emits ``edited`` only for changes the person makes,
    never for set_date()."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, display_format: str = "yyyy-MM-dd"):
        super().__init__(parent)
        self.date_edit = DateField(display_format=display_format)
        self.clear_button = QToolButton()
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("Clear the date"))
        self.clear_button.setAccessibleName(self.tr("Clear the date"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.setEnabled(False)
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
        return self.date_edit.value()

    def set_date(self, value: date | None) -> None:
        self._loading = True
        try:
            self.date_edit.set_value(value)
            self.clear_button.setEnabled(value is not None)
        finally:
            self._loading = False

    def clear(self) -> None:
        self.date_edit.set_value(None)

    def _changed(self, _value: QDate) -> None:
        self.clear_button.setEnabled(self.date() is not None)
        if not self._loading:
            self.edited.emit()


class OptionalDateDelegate(QStyledItemDelegate):
    """Edits a ``date | None`` cell (EditRole) with a DateField ("Not set" clears it)."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = DateField(parent)
        editor.setToolTip(self.tr("Step below the first date to clear it"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, DateField)
        value: Any = index.data(Qt.ItemDataRole.EditRole)
        editor.set_value(value if isinstance(value, date) else None)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, DateField)
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
