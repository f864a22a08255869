"""Small input widgets every card editor shares: a wheel-safe combo, a text box that saves
on leaving, an optional-date editor for item views, and the red message under a field."""

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
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

ERROR_STYLE = "color: #b3261e;"
_UNSET = QDate(1900, 1, 1)


class WheelSafeCombo(QComboBox):
    """A choice that scrolling past the card cannot change: the wheel needs focus first."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class LeavingTextEdit(QPlainTextEdit):
    """A plain-text box that tells when it loses focus, so its text saves on leaving."""

    focus_left = Signal()

    def __init__(self, minimum_height: int = 72, lines: int = 5) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setMinimumHeight(minimum_height)
        # A few lines: long texts scroll inside rather than stretching the card.
        self.setMaximumHeight(max(minimum_height, self.fontMetrics().lineSpacing() * lines + 14))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


def error_label(object_name: str) -> QLabel:
    """The hidden message shown under a field while what is typed there cannot be saved."""
    error = QLabel()
    error.setObjectName(object_name)
    error.setWordWrap(True)
    error.setStyleSheet(ERROR_STYLE)
    error.hide()
    return error


def show_error(error: QLabel, message: str | None) -> None:
    error.setText(message or "")
    error.setVisible(bool(message))


def to_date(value: QDate) -> date | None:
    if value == _UNSET or not value.isValid():
        return None
    return date(value.year(), value.month(), value.day())


class _ItemDateEdit(QDateEdit):
    """Its lowest value reads "Not set": that is how a date in a table is cleared."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(_UNSET)
        self.setSpecialValueText(self.tr("Not set"))
        self.setDisplayFormat("yyyy-MM-dd")
        self.setToolTip(self.tr("Step below the first date to clear it"))
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The calendar of an unset date opens on this month, not in 1900.
        if event.type() == QEvent.Type.Show and self.date() == _UNSET:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    def stepBy(self, steps: int) -> None:
        if self.date() == _UNSET:
            self.setDate(QDate.currentDate())
            return
        super().stepBy(steps)


class OptionalDateDelegate(QStyledItemDelegate):
    """Edits a ``date | None`` cell (EditRole) with a date field that can also be unset."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        return _ItemDateEdit(parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QDateEdit)
        value: Any = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, date):
            editor.setDate(QDate(value.year, value.month, value.day))
        else:
            editor.setDate(_UNSET)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, to_date(editor.date()), Qt.ItemDataRole.EditRole)
