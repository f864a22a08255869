"""The gratitude log on the mentor's card: when they were last thanked, the entries newest
first, and logging, editing or removing one (the view stores each as an undoable command)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.gratitude import GratitudeRecord, months_between
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.style import Space, tint, untint
from mentordesk.ui.mentors.gratitude_form import GratitudeForm
from mentordesk.ui.mentors.gratitude_model import GratitudeTableModel

ROWS_SHOWN = 5  # more entries scroll inside the table rather than lengthen the card


class GratitudeTable(QTableView):
    """Delete removes the selected entry; Enter (or a double click) edits it."""

    remove_pressed = Signal()
    edit_pressed = Signal()
    width_changed = Signal()  # its rows wrap anew: the box fits its height again

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.width_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_pressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_pressed.emit()
            return
        super().keyPressEvent(event)


class _SpacedRows(QStyledItemDelegate):
    """Each entry with a little room above and below, so the lines of two entries never
    read as one."""

    PAD = Space.XS // 2 + 1

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 2 * self.PAD)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # The row's background and selection fill the whole row; the text sits padded.
        style = option.widget.style() if option.widget else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
        padded = QStyleOptionViewItem(option)
        padded.rect = option.rect.adjusted(0, self.PAD, 0, -self.PAD)
        padded.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, padded, index)


class MentorGratitudeBox(QGroupBox):
    """Shows one mentor's log; asks to add, edit or remove through its signals."""

    add_requested = Signal(object)  # GratitudeFields
    edit_requested = Signal(object, object)  # GratitudeRecord, GratitudeFields
    remove_requested = Signal(object)  # GratitudeRecord

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(self.tr("Gratitude"), parent)
        self.setObjectName("mentorGratitude")
        self._today = today
        self._mentor_id: int | None = None
        self._editable = False

        self.summary = QLabel()
        self.summary.setObjectName("gratitudeSummary")
        self.summary.setWordWrap(True)
        self.nudge = QLabel()
        self.nudge.setObjectName("gratitudeNudge")
        self.nudge.setWordWrap(True)
        self.nudge.hide()

        self.model = GratitudeTableModel(self)
        self.table = GratitudeTable()
        self.table.setObjectName("gratitudeTable")
        self.table.setAccessibleName(self.tr("Gratitude log"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(_SpacedRows(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # what was done wraps under its date and kind
        self.table.horizontalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.width_changed.connect(self._fit_table)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.edit_pressed.connect(self.edit_selected)
        self.table.remove_pressed.connect(self.remove_selected)

        self.add_button = QPushButton(self.tr("Add Thanks…"))
        self.add_button.setObjectName("addThanksButton")
        self.add_button.setToolTip(
            self.tr("Log a thank-you, an update on what their advice led to, a favour returned")
        )
        self.add_button.clicked.connect(self.open_new)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected entry"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected entry"))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.edit_button, self.remove_button):
            # Narrower than the style's usual least width when the card is narrow (800x600).
            text_width = button.fontMetrics().horizontalAdvance(button.text())
            button.setMinimumWidth(text_width + 2 * Space.S)
        buttons = QHBoxLayout()
        buttons.setSpacing(Space.S)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()

        self.form = GratitudeForm(today=today)
        self.form.hide()
        self.form.submitted.connect(self._submitted)
        self.form.cancelled.connect(self.close_form)

        rows = QVBoxLayout(self)
        rows.setSpacing(Space.S)
        rows.addWidget(self.summary)
        rows.addWidget(self.nudge)
        rows.addWidget(self.table)
        rows.addLayout(buttons)
        rows.addWidget(self.form)
        self.set_entries(None, [])

    # --- showing -------------------------------------------------------------------------

    @property
    def mentor_id(self) -> int | None:
        return self._mentor_id

    def set_entries(
        self,
        mentor_id: int | None,
        entries: Sequence[GratitudeRecord],
        *,
        met_on: date | None = None,
        span_days: int | None = None,
    ) -> None:
        """Show ``mentor_id``'s log (None: a new card, nothing to log against yet).
        ``met_on`` and ``span_days``: when they are due thanks (see GratitudeService
        .thanks_due), the day of the meeting since which they were not thanked."""
        if mentor_id != self._mentor_id:
            self.close_form()
        self._mentor_id = mentor_id
        selected = self.selected_entry()
        self.model.set_entries(entries)
        shown = self.model.row_total()
        self.table.setVisible(shown > 0)
        self._fit_table()
        if selected is not None and (row := self.model.row_of(selected.id)) >= 0:
            self.select_row(row)
        self.summary.setText(self._summary_text())
        if met_on is not None and span_days is not None:
            if shown:
                text = self.tr(
                    "⚠ Time to thank them: you met on {date} and have not thanked them "
                    "in the last {days} days."
                )
            else:
                text = self.tr("⚠ Time to thank them: you met on {date} and never have.")
            self.nudge.setText(text.format(date=format_date(met_on), days=span_days))
            tint(self.nudge, "caution")
            self.nudge.show()
        else:
            self.nudge.clear()
            untint(self.nudge)
            self.nudge.hide()
        self._update_buttons()

    def _summary_text(self) -> str:
        if self._mentor_id is None:
            return self.tr("Thanks can be logged once the card is saved.")
        entries = self.model.entries()
        if not entries:
            return self.tr(
                "Not thanked yet. Log a thank-you note, an update on what their advice led "
                "to, a favour returned."
            )
        last = entries[0].given_on
        return self.tr("Last thanked {when} ({date}).").format(
            when=self.ago(last, self._today()), date=format_date(last)
        )

    def ago(self, day: date, today: date) -> str:
        """How long ago a day was, in the words of the summary line."""
        days = (today - day).days
        months = months_between(day, today)
        if days <= 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        if months < 1:
            return self.tr("{n} days ago").format(n=days)
        if months < 12:
            return (
                self.tr("1 month ago")
                if months == 1
                else self.tr("{n} months ago").format(n=months)
            )
        years = months // 12
        return self.tr("1 year ago") if years == 1 else self.tr("{n} years ago").format(n=years)

    def _fit_table(self) -> None:
        """As tall as its first ROWS_SHOWN entries, wrapped at its width; more scroll."""
        rows = min(self.model.row_total(), ROWS_SHOWN)
        height = sum(self.table.sizeHintForRow(row) for row in range(rows))
        self.table.setFixedHeight(max(height, 1) + 2 * self.table.frameWidth())

    def set_today(self, today: Callable[[], date]) -> None:
        """Where "today" comes from (the view's clock): the summary's "4 months ago", the
        form's default date and its check for dates after today."""
        self._today = today
        self.form.set_today(today)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        if not editable:
            self.close_form()
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = self._editable and self._mentor_id is not None
        self.add_button.setEnabled(can)
        chosen = can and self.selected_entry() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # --- choosing ------------------------------------------------------------------------

    def selected_entry(self) -> GratitudeRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def select_entry(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.select_row(row)

    # --- asking --------------------------------------------------------------------------

    def open_new(self) -> None:
        if self._mentor_id is None or not self._editable:
            return
        self.form.start_new(self._mentor_id)
        self.form.show()
        self.form.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or not self._editable:
            return
        self.form.start_edit(entry)
        self.form.show()
        self.form.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None and self._editable:
            self.remove_requested.emit(entry)

    def close_form(self) -> None:
        if self.form.isVisible() and self.form.isAncestorOf(self.focusWidget()):
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.form.hide()

    def _submitted(self, fields: object, editing: GratitudeRecord | None) -> None:
        if editing is None:
            self.add_requested.emit(fields)
        else:
            self.edit_requested.emit(editing, fields)
