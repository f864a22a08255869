"""Small input widgets every card editor shares: a wheel-safe combo, a text box that saves
on leaving, and the red message under a field. (Dates: see date_field.)"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit

from mentordesk.ui.common.style import TypeScale, set_scaled_font, tint


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


class OneLineMessage(QLabel):
    """A message that keeps to one line: what does not fit is elided ("…"), and the whole
    message is its tooltip (and its text, for screen readers)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )
        painter.drawText(self.contentsRect(), int(self.alignment()), shown)
        painter.end()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.text()), self.fontMetrics().height())


def error_label(object_name: str, *, one_line: bool = False) -> QLabel:
    """The hidden message shown under a field while what is typed there cannot be saved;
    ``one_line`` keeps it to one line (elided), so a line kept free for it is enough."""
    error = OneLineMessage() if one_line else QLabel()
    error.setObjectName(object_name)
    error.setWordWrap(not one_line)
    tint(error, "danger")
    set_scaled_font(error, TypeScale.SMALL)
    error.hide()
    return error


def show_error(error: QLabel, message: str | None) -> None:
    error.setText(message or "")
    error.setVisible(bool(message))


class UnreadableValue(ValueError):
    """What is typed in a field is not a value of its kind (a date that is not one, a number
    with letters); the message says what to type. The card shows it under the field."""
