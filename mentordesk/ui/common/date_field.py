"""The one date field of every card, form and table: typed or picked, shown one way.

A person types a date as they write it (the locale's short format, as "1 Dec 2027", or as
ISO 2027-12-01) or picks it in the calendar (the button in the field, Alt+Down or F4).
Whatever was typed is shown in the locale's medium format once the field is left. An
optional date clears with Delete or the clear button and then reads "Not set". The field is
one Tab stop. Text that is not a date is not taken for one: ``value()`` raises
``UnreadableValue`` with a message, which the card shows under the field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui.common.form_parts import UnreadableValue
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.labels import format_date, not_set, parse_date

UNSET = QDate(1900, 1, 1)  # what date() returns for "no date", as QDateEdit did


def to_date(value: QDate) -> date | None:
    """A QDate as a date; None for the "no date" value (or an invalid QDate)."""
    if value == UNSET or not value.isValid():
        return None
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date | None) -> QDate:
    return UNSET if value is None else QDate(value.year, value.month, value.day)


class _CalendarPopup(QWidget):
    """The calendar that opens below a date field; a pick (or Enter) chooses the day."""

    chosen = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)

    def _choose(self, day: QDate) -> None:
        self.hide()
        self.chosen.emit(day)


class DateField(QLineEdit):
    """A date as text a person can type, with a calendar; see the module's docstring."""

    # The shown date changed, by the person or by the program (QDateEdit's signal).
    dateChanged = Signal(QDate)
    # The person changed it: typing, a pick in the calendar, the clear button.
    edited = Signal()
    # The person chose (a day in the calendar, or cleared the field): store it now.
    picked = Signal()

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self._optional = optional
        self._popup: _CalendarPopup | None = None
        self._shown: date | None = None
        example = format_date(date(date.today().year, 12, 1))
        self.setPlaceholderText(not_set() if optional else example)
        self.setToolTip(
            self.tr("Type a date (for example {example} or {iso}), or press Alt+Down").format(
                example=example, iso=date(date.today().year, 12, 1).isoformat()
            )
        )
        self.setClearButtonEnabled(optional)
        self._calendar_action = QAction(icon("calendar"), self.tr("Pick a date"), self)
        self._calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self._calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._tidy)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("30 Sep 2027") + 56)

    # --- the value -----------------------------------------------------------------------

    def value(self) -> date | None:
        """The date shown; None when empty; raises UnreadableValue for text that is not one."""
        text = self.text().strip()
        if not text:
            if self._optional:
                return None
            raise UnreadableValue(self.tr("Enter a date."))
        try:
            return parse_date(text)
        except ValueError:
            raise UnreadableValue(
                self.tr("Type a date like {example}.").format(example=self.placeholder_example())
            ) from None

    def placeholder_example(self) -> str:
        today = date.today()
        return f"{format_date(today)} {self.tr('or')} {today.isoformat()}"

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (programmatic: ``edited`` is not emitted)."""
        self.setText(format_date(value) if value is not None else "")
        self.setCursorPosition(0)
        self._note_change(value)

    set_date = set_value  # the name the card editors' tests use

    def _note_change(self, value: date | None) -> None:
        if value != self._shown:
            self._shown = value
            self.dateChanged.emit(to_qdate(value))

    def _typed(self, text: str) -> None:
        if not text and self._optional:
            self._note_change(None)
            self.edited.emit()
            self.picked.emit()  # the clear button, or everything deleted: store it now
            return
        self.edited.emit()

    def _tidy(self) -> None:
        """Leaving the field: a date typed any accepted way is shown in the one format."""
        try:
            value = self.value()
        except UnreadableValue:
            return
        shown = format_date(value) if value is not None else ""
        if self.text() != shown:
            self.setText(shown)
        self._note_change(value)

    # --- what QDateEdit offered ----------------------------------------------------------

    def date(self) -> QDate:
        try:
            return to_qdate(self.value())
        except UnreadableValue:
            return QDate()

    def setDate(self, value: QDate) -> None:
        self.set_value(to_date(value))

    def calendarWidget(self) -> QCalendarWidget:
        return self._calendar().calendar

    # --- the calendar --------------------------------------------------------------------

    def _calendar(self) -> _CalendarPopup:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.chosen.connect(self._chosen)
        return self._popup

    def open_calendar(self) -> None:
        popup = self._calendar()
        try:
            current = self.value()
        except UnreadableValue:
            current = None
        day = to_qdate(current or date.today())
        popup.calendar.setSelectedDate(day)
        popup.calendar.setCurrentPage(day.year(), day.month())
        popup.adjustSize()
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        popup.calendar.setFocus()

    def _chosen(self, day: QDate) -> None:
        self.set_value(to_date(day))
        self.setFocus()
        self.edited.emit()
        self.picked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._popup is not None and self._popup.isVisible():
            return  # the calendar took the focus for a moment


class OptionalDateDelegate(QStyledItemDelegate):
    """Edits a ``date | None`` cell (EditRole) with a DateField; text that is not a date
    leaves the cell as it was."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        return DateField(parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, DateField)
        value: Any = index.data(Qt.ItemDataRole.EditRole)
        editor.set_value(value if isinstance(value, date) else None)
        editor.selectAll()

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, DateField)
        try:
            value = editor.value()
        except UnreadableValue:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)
