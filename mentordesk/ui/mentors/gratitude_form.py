"""The small form in the mentor's Gratitude box that logs thanks, or edits an entry: the
date (today unless changed), the kind, and what was done.

It opens in the box rather than as a dialog, beside the log it adds to. What cannot be
stored (no text, a date after today) shows a message under its field and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import GratitudeKind
from mentordesk.domain.gratitude import GRATITUDE_TEXT_MAX, GratitudeFields, GratitudeRecord
from mentordesk.domain.validation import ValidationError
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.form_parts import UnreadableValue, error_label, show_error
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.style import Space, set_scaled_font


class GratitudeForm(QFrame):
    """Emits ``submitted`` with fields that pass validation (and the entry edited, or None
    for a new one); ``cancelled`` on Cancel or Escape."""

    submitted = Signal(object, object)  # GratitudeFields, GratitudeRecord | None
    cancelled = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gratitudeForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._today = today
        self._mentor_id = 0
        self._editing: GratitudeRecord | None = None

        self.title = QLabel()
        set_scaled_font(self.title, 1.0, bold=True)
        self.date_edit = DateField(optional=False)
        self.date_edit.setObjectName("gratitudeDate")
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("gratitudeKind")
        self.kind_combo.setAccessibleName(self.tr("Kind of thanks"))
        for kind in GratitudeKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("gratitudeText")
        self.text_edit.setAccessibleName(self.tr("What I did"))
        self.text_edit.setPlaceholderText(
            self.tr("e.g. Wrote to say the interview went well, thanks to her advice")
        )
        self.text_edit.setMaxLength(GRATITUDE_TEXT_MAX)
        self.text_edit.returnPressed.connect(self.submit)

        self.errors: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(Space.S)
        grid.setVerticalSpacing(Space.XS)
        # Only letters the mentor card and the menus leave free (Alt+K is the card's Kind).
        self._row(grid, 0, self.tr("&Given on"), self.date_edit, "given_on")
        self._row(grid, 1, self.tr("Kind"), self.kind_combo, "kind")
        self._row(grid, 2, self.tr("What I did"), self.text_edit, "text")
        grid.setColumnStretch(1, 1)

        self.save_button = QPushButton()
        self.save_button.setObjectName("gratitudeSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.setSpacing(Space.S)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        column = QVBoxLayout(self)
        column.setContentsMargins(Space.M, Space.S, Space.M, Space.S)
        column.setSpacing(Space.S)
        column.addWidget(self.title)
        column.addLayout(grid)
        column.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _row(self, grid: QGridLayout, row: int, caption: str, widget: QWidget, name: str) -> None:
        caption_label = QLabel(caption)
        caption_label.setBuddy(widget)
        caption_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        error = error_label(f"{name}Error")
        holder = QWidget()
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(2)
        stack.addWidget(widget)
        stack.addWidget(error)
        grid.addWidget(caption_label, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(holder, row, 1)
        self.errors[name] = error
        # The caption sits level with the field, not with the message under it.
        caption_label.setMinimumHeight(widget.sizeHint().height())

    # --- use -----------------------------------------------------------------------------

    def set_today(self, today: Callable[[], date]) -> None:
        self._today = today

    @property
    def editing(self) -> GratitudeRecord | None:
        """The entry being edited; None while logging a new one."""
        return self._editing

    def start_new(self, mentor_id: int) -> None:
        """A fresh form for ``mentor_id``: dated today, a thank-you note, no text yet."""
        self._mentor_id = mentor_id
        self._editing = None
        self.title.setText(self.tr("Log thanks"))
        self.save_button.setText(self.tr("Log Thanks"))
        self.date_edit.set_value(self._today())
        self.kind_combo.setCurrentIndex(0)
        self.text_edit.clear()
        self.show_errors({})
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_edit(self, entry: GratitudeRecord) -> None:
        self._mentor_id = entry.mentor_id
        self._editing = entry
        self.title.setText(self.tr("Edit thanks"))
        self.save_button.setText(self.tr("Save"))
        self.date_edit.set_value(entry.given_on)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(entry.kind.value)))
        self.text_edit.setText(entry.text)
        self.text_edit.setCursorPosition(0)
        self.show_errors({})
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def fields(self) -> GratitudeFields:
        """What is entered; UnreadableValue when the date typed is not a date."""
        given_on = self.date_edit.value()
        assert given_on is not None  # a required DateField never reads as empty
        return GratitudeFields(
            mentor_id=self._mentor_id,
            given_on=given_on,
            kind=GratitudeKind(self.kind_combo.currentData()),
            text=self.text_edit.text(),
        )

    def submit(self) -> None:
        """Check what was entered; emit it only when the service would accept it."""
        try:
            valid = self.fields().validated(self._today())
        except UnreadableValue as exc:
            self.show_errors({"given_on": str(exc)})
            return
        except ValidationError as exc:
            self.show_errors(exc.field_errors)
            return
        self.show_errors({})
        self.submitted.emit(valid, self._editing)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Messages under their fields; one for another field goes under the text."""
        shown: dict[str, str] = {}
        for key, text in errors.items():
            name = key if key in self.errors else "text"
            shown[name] = f"{shown[name]} {text}" if name in shown else text
        for name, error in self.errors.items():
            show_error(error, shown.get(name))

    def error_text(self, name: str) -> str:
        error = self.errors[name]
        return error.text() if not error.isHidden() else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)
