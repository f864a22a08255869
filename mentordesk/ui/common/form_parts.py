"""Small input widgets every card editor shares: a wheel-safe combo, a text box that saves
on leaving, and the red message under a field. (Dates: see date_field.)"""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPlainTextEdit,
)

ERROR_STYLE = "color: #b3261e;"


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


class UnreadableValue(ValueError):
    """What is typed in a field is not a value of its kind (a date that is not one, a number
    with letters); the message says what to type. The card shows it under the field."""
