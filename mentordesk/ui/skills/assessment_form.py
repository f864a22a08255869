"""The inline "Record assessment" form under a skill's history.

It stays beside the chart instead of opening a dialog, so the person sees where the new point
lands. Bad input (a future date) shows a message under its field and records nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
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

from mentordesk.domain.enums import AssessmentSource
from mentordesk.domain.skill import AssessmentFields
from mentordesk.domain.validation import ValidationError
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.form_parts import UnreadableValue
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.style import tint
from mentordesk.ui.skills.level_picker import LevelPicker


def source_combo() -> QComboBox:
    combo = QComboBox()
    for source in AssessmentSource:
        combo.addItem(label(source), source.value)
    return combo


def mentor_combo(mentors: Sequence[tuple[int, str]], none_text: str) -> QComboBox:
    combo = QComboBox()
    fill_mentors(combo, mentors, none_text)
    return combo


def fill_mentors(combo: QComboBox, mentors: Sequence[tuple[int, str]], none_text: str) -> None:
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, None)
    for mentor_id, name in mentors:
        combo.addItem(name, mentor_id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)


class AssessmentForm(QFrame):
    """Emits ``submitted`` with fields that pass validation; ``cancelled`` on Escape."""

    submitted = Signal(object)  # AssessmentFields
    cancelled = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._today = today
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        title = QLabel(self.tr("Record an assessment"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        grid.addWidget(title, 0, 0, 1, 4)

        self.date_edit = DateField(optional=False)
        self.date_edit.setObjectName("assessedOnField")
        self.date_edit.setAccessibleName(self.tr("Date"))
        # The level's meaning gets a row of its own: beside the date it would be cramped.
        self.level_description = QLabel()
        self.level_picker = LevelPicker(description=self.level_description)
        self.level_picker.setObjectName("levelField")
        self.level_picker.combo.setAccessibleName(self.tr("Level"))
        self.source_combo = source_combo()
        self.source_combo.setObjectName("sourceField")
        self.source_combo.setAccessibleName(self.tr("Source"))
        self.mentor_combo = mentor_combo((), self.tr("No mentor"))
        self.mentor_combo.setObjectName("mentorField")
        self.mentor_combo.setAccessibleName(self.tr("Mentor who gave it"))
        self.mentor_combo.activated.connect(self._mentor_chosen)
        self.source_combo.activated.connect(self._source_chosen)
        self._last_mentor: int | None = None  # the mentor last picked in this form
        self._suggested_mentor: int | None = None
        self.evidence_edit = QLineEdit()
        self.evidence_edit.setObjectName("evidenceField")
        self.evidence_edit.setPlaceholderText(
            self.tr("What shows this level: a project, a talk, feedback in their words…")
        )
        self.evidence_edit.setAccessibleName(self.tr("Evidence"))
        self.evidence_edit.returnPressed.connect(self.submit)

        self.errors: dict[str, QLabel] = {}
        self._row(grid, 1, 0, self.tr("&Date"), self.date_edit, "assessed_on")
        self._row(grid, 1, 2, self.tr("&Level"), self.level_picker, "level")
        self.level_description.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.level_description, 2, 1, 1, 3)
        self._row(grid, 3, 0, self.tr("&Source"), self.source_combo, "source")
        self._row(grid, 3, 2, self.tr("&Mentor"), self.mentor_combo, "mentor_id")
        self._row(grid, 4, 0, self.tr("&Evidence"), self.evidence_edit, "evidence")
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.record_button = QPushButton(self.tr("&Record"))
        self.record_button.setObjectName("recordButton")
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.record_button)
        grid.addLayout(buttons, 4, 2, 1, 2, Qt.AlignmentFlag.AlignTop)
        # All of the form or nothing: the table above gives up the room it needs.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _row(
        self,
        grid: QGridLayout,
        row: int,
        column: int,
        caption: str,
        widget: QWidget,
        name: str,
        span: int = 1,
    ) -> None:
        caption_label = QLabel(caption)
        caption_label.setBuddy(widget)
        caption_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        caption_label.setContentsMargins(0, 5, 0, 0)
        error = QLabel()
        error.setObjectName(f"{name}Error")
        error.setWordWrap(True)
        tint(error, "danger")
        error.hide()
        holder = QWidget()
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(2)
        stack.addWidget(widget)
        stack.addWidget(error)
        grid.addWidget(caption_label, row, column)
        grid.addWidget(holder, row, column + 1, 1, span)
        self.errors[name] = error

    # --- use -----------------------------------------------------------------------------

    def set_mentors(self, mentors: Sequence[tuple[int, str]]) -> None:
        fill_mentors(self.mentor_combo, mentors, self.tr("No mentor"))

    def start(self, level: int | None = None, mentor_id: int | None = None) -> None:
        """A fresh form: dated today, at the skill's current level, as a self-assessment.
        ``mentor_id``: who is likely to have given feedback (the skill's last mentor)."""
        self._suggested_mentor = mentor_id
        today = self._today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.level_picker.set_level(level or 1)
        self.source_combo.setCurrentIndex(0)
        self.mentor_combo.setCurrentIndex(0)
        self.evidence_edit.clear()
        self.show_errors({})
        self.level_picker.setFocus(Qt.FocusReason.OtherFocusReason)

    def fields(self) -> AssessmentFields:
        """What is entered; UnreadableValue when the date typed is not a date."""
        assessed_on = self.date_edit.value()
        assert assessed_on is not None  # a required DateField never reads as empty
        return AssessmentFields(
            assessed_on=assessed_on,
            level=self.level_picker.level() or 0,
            source=AssessmentSource(self.source_combo.currentData()),
            mentor_id=self.mentor_combo.currentData(),
            evidence=self.evidence_edit.text(),
        )

    def submit(self) -> None:
        """Check what was entered; emit it only when the service would accept it."""
        try:
            valid = self.fields().validated(self._today())
        except UnreadableValue as exc:
            self.show_errors({"assessed_on": str(exc)})
            return
        except ValidationError as exc:
            self.show_errors(exc.field_errors)
            return
        self.show_errors({})
        self.submitted.emit(valid)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Messages under their fields; one for an unknown field goes under the date."""
        shown = {key if key in self.errors else "assessed_on": text for key, text in errors.items()}
        for name, error in self.errors.items():
            error.setText(shown.get(name, ""))
            error.setVisible(name in shown)

    def error_text(self, name: str) -> str:
        error = self.errors[name]
        return error.text() if not error.isHidden() else ""

    def _source_chosen(self) -> None:
        # Mentor feedback comes from a mentor: the one last picked here, or the one who gave
        # this skill's latest feedback, rather than "No mentor".
        source = AssessmentSource(self.source_combo.currentData())
        if source is AssessmentSource.MENTOR_FEEDBACK and self.mentor_combo.currentData() is None:
            for mentor_id in (self._last_mentor, self._suggested_mentor):
                index = self.mentor_combo.findData(mentor_id) if mentor_id is not None else -1
                if index >= 0:
                    self.mentor_combo.setCurrentIndex(index)
                    break

    def _mentor_chosen(self) -> None:
        if self.mentor_combo.currentData() is not None:
            self._last_mentor = self.mentor_combo.currentData()
        # Naming the mentor who gave it almost always means it was their feedback.
        source = AssessmentSource(self.source_combo.currentData())
        if self.mentor_combo.currentData() is not None and source is AssessmentSource.SELF:
            index = self.source_combo.findData(AssessmentSource.MENTOR_FEEDBACK.value)
            self.source_combo.setCurrentIndex(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)
