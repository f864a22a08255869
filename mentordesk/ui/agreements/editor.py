"""The card of one agreement: every field, grouped as people talk about an agreement.

Each field saves on its own when left (or chosen); what cannot be saved gets a red message
under it and the stored agreement stays as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.agreement import AgreementRecord, CommitmentFields
from mentordesk.domain.enums import (
    AgreementStatus,
    CadenceUnit,
    Channel,
    CommitmentSide,
    MeetingFormat,
    WhoSchedules,
)
from mentordesk.domain.goal import GoalChoice
from mentordesk.ui.agreements.list_panels import ObjectivePanel, TextListPanel, WindowPanel
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.form_parts import (
    LeavingTextEdit,
    UnreadableValue,
    WheelSafeCombo,
    error_label,
    show_error,
)
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.mnemonics import Mnemonics
from mentordesk.ui.common.style import TypeScale, set_scaled_font, tint, untint

_UNSET = QDate(1900, 1, 1)
_LINE_FIELDS = ("title", "planned_length", "place_or_link", "reply_time")
_NUMBER_FIELDS = ("cadence_every", "typical_minutes")
_TEXT_FIELDS = ("out_of_scope", "cancellation", "communication_notes", "confidentiality")
_DATE_FIELDS = ("agreed_on", "starts_on", "ends_on", "review_on")
_CHOICES = {
    "status": AgreementStatus,
    "cadence_unit": CadenceUnit,
    "format": MeetingFormat,
    "who_schedules": WhoSchedules,
}


class AgreementEditor(QScrollArea):
    """Shows one agreement; ``edit_requested(field, after)`` when one field was changed."""

    edit_requested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementEditor")
        self.setWidgetResizable(True)
        self.record: AgreementRecord | None = None
        self.lines: dict[str, QLineEdit] = {}
        self.texts: dict[str, LeavingTextEdit] = {}
        self.dates: dict[str, DateField] = {}
        self.combos: dict[str, WheelSafeCombo] = {}
        self.errors: dict[str, QLabel] = {}
        self.channels: dict[str, dict[Channel, QCheckBox]] = {}
        self._mnemonics = Mnemonics("fevha")  # the menus, and the Agreement menu
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setObjectName("agreementHeading")
        self.heading.setWordWrap(True)
        set_scaled_font(self.heading, TypeScale.TITLE, bold=True)
        self._layout.addWidget(self.heading)
        self.general_error = error_label("agreementError")
        self._layout.addWidget(self.general_error)
        self._build_relationship()
        self._build_objectives()
        self._build_cadence()
        self._build_boundaries()
        self._build_communication()
        self._build_confidentiality()
        self._build_commitments()
        self._layout.addStretch(1)
        self.setWidget(body)

    # --- construction --------------------------------------------------------------------

    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._layout.addWidget(box)
        return form

    def _add(self, form: QFormLayout, name: str, text: str, widget: QWidget) -> None:
        widget.setObjectName(f"agreement_{name}")
        error = error_label(f"agreement_{name}_error")
        self.errors[name] = error
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        column.addWidget(error)
        if not text:  # the group's title says what it is
            box = form.parentWidget()
            if isinstance(box, QGroupBox) and not widget.accessibleName():
                widget.setAccessibleName(box.title().replace("&&", "&"))
            form.addRow(holder)
            return
        caption = QLabel(self._mnemonics.caption(text))
        target = self._focus_target(widget)
        caption.setBuddy(target)
        if not target.accessibleName():  # the caption is not its sibling: say it outright
            target.setAccessibleName(text.replace("&&", "&"))
        form.addRow(caption, holder)

    @staticmethod
    def _focus_target(widget: QWidget) -> QWidget:
        """The part of a compound field (a row of checkboxes, a list) Alt+letter focuses."""
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            return widget
        for child in widget.findChildren(QWidget):
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return child
        return widget

    def _line(self, form: QFormLayout, name: str, text: str, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.editingFinished.connect(lambda: self._changed(name))
        self.lines[name] = edit
        self._add(form, name, text, edit)

    def _text(self, form: QFormLayout, name: str, text: str, placeholder: str = "") -> None:
        edit = LeavingTextEdit(minimum_height=56, lines=4)
        edit.setPlaceholderText(placeholder)
        edit.focus_left.connect(lambda: self._changed(name))
        self.texts[name] = edit
        self._add(form, name, text, edit)

    def _date(self, form: QFormLayout, name: str, text: str) -> None:
        field = DateField()
        field.editingFinished.connect(lambda: self._changed(name))
        # A date picked in the calendar (or cleared) saves at once.
        field.picked.connect(lambda: self._changed(name))
        field.calendarWidget().clicked.connect(
            lambda _day: QTimer.singleShot(0, lambda: self._changed(name))
        )
        self.dates[name] = field
        self._add(form, name, text, field)

    def _combo(self, form: QFormLayout | None, name: str, text: str) -> WheelSafeCombo:
        combo = WheelSafeCombo()
        for member in _CHOICES[name]:
            combo.addItem(label(member), member)
        combo.activated.connect(lambda _i: self._changed(name))
        self.combos[name] = combo
        if form is not None:
            self._add(form, name, text, combo)
        return combo

    def _build_relationship(self) -> None:
        form = self._group(self.tr("Relationship && dates"))
        self.mentor_label = QLabel()
        self.mentor_label.setObjectName("agreementMentor")
        form.addRow(self.tr("Mentor"), self.mentor_label)
        self._line(form, "title", self.tr("Title"))
        self._combo(form, "status", self.tr("Status"))
        self._date(form, "agreed_on", self.tr("Agreed on"))
        self._date(form, "starts_on", self.tr("Starts on"))
        self._date(form, "ends_on", self.tr("Planned end"))
        self._line(form, "planned_length", self.tr("Or planned length"), self.tr("e.g. 6 months"))
        self._date(form, "review_on", self.tr("Review on"))

    def _build_objectives(self) -> None:
        form = self._group(self.tr("Objectives"))
        self.objectives = ObjectivePanel(self.tr("Add objective"), "agreementObjectives")
        self.objectives.changed.connect(lambda: self._changed("objectives"))
        self._add(form, "objectives", "", self.objectives)

    def _build_cadence(self) -> None:
        form = self._group(self.tr("Meeting cadence && format"))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        every = QLineEdit()
        every.setObjectName("agreement_cadence_every")
        every.setAccessibleName(self.tr("Meet every (number)"))
        every.setMaximumWidth(70)
        every.editingFinished.connect(lambda: self._changed("cadence_every"))
        self.lines["cadence_every"] = every
        line.addWidget(QLabel(self.tr("Every")))
        line.addWidget(every)
        unit = self._combo(None, "cadence_unit", "")
        unit.setObjectName("agreement_cadence_unit")
        unit.setAccessibleName(self.tr("Meet every (unit)"))
        line.addWidget(unit)
        line.addStretch(1)
        self.errors["cadence_unit"] = error_label("agreement_cadence_unit_error")
        self._add(form, "cadence_every", self.tr("Meet"), row)
        row.setObjectName("agreementCadenceRow")
        self.next_due = QLabel()
        self.next_due.setObjectName("agreementNextDue")
        self.next_due.setWordWrap(True)
        form.addRow("", self.next_due)
        self._combo(form, "format", self.tr("Format"))
        self._line(form, "typical_minutes", self.tr("Typical minutes"), self.tr("e.g. 45"))
        self._line(form, "place_or_link", self.tr("Place or link"))
        self._combo(form, "who_schedules", self.tr("Who schedules"))

    def _build_boundaries(self) -> None:
        form = self._group(self.tr("Boundaries"))
        self._text(form, "out_of_scope", self.tr("Out of scope"), self.tr("Topics we leave out"))
        self.windows = WindowPanel(self.tr("Add availability window"), "agreementWindows")
        self.windows.changed.connect(lambda: self._changed("windows"))
        self._add(form, "windows", self.tr("Availability"), self.windows)
        self._line(form, "reply_time", self.tr("Reply time"), self.tr("e.g. within two days"))
        self._text(form, "cancellation", self.tr("Cancellation"))

    def _build_communication(self) -> None:
        form = self._group(self.tr("Communication"))
        for name, text in (
            ("preferred_channels", self.tr("Preferred")),
            ("acceptable_channels", self.tr("Also fine")),
        ):
            row = QWidget()
            grid = QGridLayout(row)  # three a row: the card stays narrow enough for 800 px
            grid.setContentsMargins(0, 0, 0, 0)
            boxes: dict[Channel, QCheckBox] = {}
            for position, channel in enumerate(Channel):
                box = QCheckBox(label(channel))
                box.clicked.connect(lambda _checked, n=name: self._changed(n))
                boxes[channel] = box
                grid.addWidget(box, position // 3, position % 3)
            grid.setColumnStretch(3, 1)
            self.channels[name] = boxes
            self._add(form, name, text, row)
        self._text(form, "communication_notes", self.tr("Notes"), self.tr("Which channel for what"))

    def _build_confidentiality(self) -> None:
        form = self._group(self.tr("Confidentiality"))
        self._text(form, "confidentiality", "", self.tr("What stays between us"))

    def _build_commitments(self) -> None:
        form = self._group(self.tr("Commitments"))
        self.my_commitments = TextListPanel(self.tr("Add"), "agreementMyCommitments")
        self.mentor_commitments = TextListPanel(self.tr("Add"), "agreementMentorCommitments")
        self.my_commitments.changed.connect(lambda: self._changed("commitments"))
        self.mentor_commitments.changed.connect(lambda: self._changed("commitments"))
        self._add(form, "commitments", self.tr("I will"), self.my_commitments)
        caption = QLabel(self._mnemonics.caption(self.tr("My mentor will")))
        caption.setBuddy(self._focus_target(self.mentor_commitments))
        form.addRow(caption, self.mentor_commitments)

    # --- showing -------------------------------------------------------------------------

    def show_next_due(self, due: date | None, overdue: bool) -> None:
        """When the next meeting is due at this cadence (from the last one held)."""
        if due is None:
            self.next_due.setText(self.tr("No meeting is due at a fixed time."))
            untint(self.next_due)
            return
        text = self.tr("Next meeting due {date}").format(date=format_date(due))
        self.next_due.setText(f"⚠ {text}" if overdue else text)
        if overdue:
            tint(self.next_due, "danger")
        else:
            untint(self.next_due)

    def show_record(
        self, record: AgreementRecord, mentor_name: str, goals: Sequence[GoalChoice]
    ) -> None:
        """Show ``record``; keeps what is being typed in a field whose stored value is
        unchanged, and the lists' rows when their content is the same."""
        switched = self.record is None or self.record.id != record.id
        if switched:
            self.show_errors({})
        self.record = record
        fields = record.fields
        self.heading.setText(fields.title)
        self.mentor_label.setText(mentor_name)
        for name, edit in self.lines.items():
            value = getattr(fields, name)
            edit.setText("" if value is None else str(value))
            edit.setCursorPosition(0)
        for name, text_edit in self.texts.items():
            if text_edit.toPlainText().strip() != getattr(fields, name) or switched:
                text_edit.setPlainText(getattr(fields, name))
        for name, date_field in self.dates.items():
            date_field.set_value(getattr(fields, name))
        for name, combo in self.combos.items():
            combo.setCurrentIndex(combo.findData(getattr(fields, name)))
        self.lines["cadence_every"].setEnabled(fields.cadence_unit is not CadenceUnit.AS_NEEDED)
        for name, boxes in self.channels.items():
            chosen = getattr(fields, name)
            for channel, box in boxes.items():
                box.setChecked(channel in chosen)
        goals_changed = [g.id for g in goals] != [g.id for g in self.objectives._goals]
        self.objectives.set_goals(goals)
        self.objectives.set_values(fields.objectives, force=switched or goals_changed)
        self.windows.set_values(fields.windows, force=switched)
        self.my_commitments.set_values(fields.my_commitments, force=switched)
        self.mentor_commitments.set_values(fields.mentor_commitments, force=switched)

    def show_errors(self, errors: dict[str, str]) -> None:
        """One red message under each field named; the others cleared."""
        for name, error in self.errors.items():
            show_error(error, errors.get(name))
        unplaced = [text for name, text in errors.items() if name not in self.errors]
        show_error(self.general_error, " ".join(unplaced) or None)

    # --- reading what is typed -----------------------------------------------------------

    def _value(self, name: str) -> object:
        if name in _NUMBER_FIELDS:
            text = self.lines[name].text().strip()
            if not text:
                return None
            try:
                return int(text)
            except ValueError:
                raise _Unreadable(self.tr("Type a whole number.")) from None
        if name in self.lines:
            return self.lines[name].text()
        if name in self.texts:
            return self.texts[name].toPlainText()
        if name in self.dates:
            try:
                return self.dates[name].value()
            except UnreadableValue as exc:
                raise _Unreadable(str(exc)) from None
        if name in self.combos:
            # Qt hands back a StrEnum stored in a combo as plain text.
            return _CHOICES[name](self.combos[name].currentData())
        if name in self.channels:
            return tuple(c for c, box in self.channels[name].items() if box.isChecked())
        if name == "objectives":
            return self.objectives.values()
        if name == "windows":
            return self.windows.values()
        assert name == "commitments"
        return tuple(
            [CommitmentFields(CommitmentSide.ME, t) for t in self.my_commitments.values()]
            + [CommitmentFields(CommitmentSide.MENTOR, t) for t in self.mentor_commitments.values()]
        )

    def _changed(self, name: str) -> None:
        record = self.record
        if record is None or not self.isEnabled():
            return
        try:
            value = self._value(name)
        except _Unreadable as exc:
            show_error(self.errors[name], str(exc))
            return
        if name == "cadence_unit":
            self.lines["cadence_every"].setEnabled(value is not CadenceUnit.AS_NEEDED)
            if value is not CadenceUnit.AS_NEEDED and not self.lines["cadence_every"].text():
                self.lines["cadence_every"].setText("1")
            after = record.fields.replace(
                cadence_unit=value, cadence_every=self._value("cadence_every")
            )
        else:
            after = record.fields.replace(**{name: value})
        if after.normalized() == record.fields:
            show_error(self.errors[name], None)
            return
        self.edit_requested.emit(name, after)

    # --- what the list-and-card view asks of a card editor --------------------------------

    @property
    def is_new(self) -> bool:
        return False  # a new agreement is stored (as a draft) before it is shown

    def start_new(self) -> None:
        """New agreements start from the New Agreement dialog, never from a blank card."""

    def has_unsaved_draft(self) -> bool:
        return False

    def keep_unsaved(self, name: str) -> None:
        """A refused value stays shown with its message until it is changed or left."""

    def commit_pending(self, *, quiet: bool = False) -> None:
        """Store what is typed in a text field not left yet (before undo, switching, closing)."""
        if self.record is None or not self.isEnabled():
            return
        for name in (*self.lines, *self.texts):
            if self._typed_differs(name):
                self._changed(name)

    def _typed_differs(self, name: str) -> bool:
        assert self.record is not None
        try:
            value = self._value(name)
        except _Unreadable:
            return True
        stored = getattr(self.record.fields, name)
        return (value.strip() if isinstance(value, str) else value) != stored

    def unsaved_fields(self) -> list[str]:
        """Fields showing a value that could not be stored (their message is shown)."""
        return [
            self.field_noun(name).capitalize()
            for name, error in self.errors.items()
            if not error.isHidden() and error.text()
        ]

    def focus_field(self, name: str) -> None:
        widget = self.lines.get(name) or self.texts.get(name) or self.dates.get(name)
        if widget is not None:
            widget.setFocus()

    def field_noun(self, name: str) -> str:
        return FIELD_NAMES.get(name, name)


class _Unreadable(ValueError):
    """What is typed is not a value of the field's kind."""


FIELD_NAMES = {
    "title": "title",
    "status": "status",
    "agreed_on": "agreed-on date",
    "starts_on": "start date",
    "ends_on": "planned end",
    "planned_length": "planned length",
    "review_on": "review date",
    "cadence_every": "cadence",
    "cadence_unit": "cadence",
    "format": "format",
    "typical_minutes": "typical duration",
    "place_or_link": "place or link",
    "who_schedules": "who schedules",
    "out_of_scope": "out of scope",
    "reply_time": "reply time",
    "cancellation": "cancellation",
    "preferred_channels": "preferred channels",
    "acceptable_channels": "acceptable channels",
    "communication_notes": "communication notes",
    "confidentiality": "confidentiality",
    "objectives": "objectives",
    "commitments": "commitments",
    "windows": "availability",
}
