"""The skill editor: every field saves on its own as soon as it is valid, as on mentor cards.

There is no Save button. A field is committed when the person leaves it (or presses Enter,
or picks a choice), and shortly after they stop typing. An invalid value (an empty name, a
name another skill has) shows a message under its field and is not stored. The editor only
validates and asks; the view performs the edit as an undoable command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.skill import SkillFields
from mentordesk.services.records import SkillRecord
from mentordesk.ui.models.mentor_table_model import format_date
from mentordesk.ui.models.skill_table_model import level_text
from mentordesk.ui.widgets.optional_date_edit import OptionalDateEdit
from mentordesk.ui.widgets.skill_level_picker import LevelPicker

AUTOSAVE_DELAY_MS = 800
BLANK = SkillFields(name="")


def _noun(name: str) -> str:
    """How the undo menu names a field: "Undo Edit target level of “Python”"."""
    nouns = {
        "name": QCoreApplication.translate("SkillEditor", "name"),
        "category": QCoreApplication.translate("SkillEditor", "category"),
        "description": QCoreApplication.translate("SkillEditor", "description"),
        "target_level": QCoreApplication.translate("SkillEditor", "target level"),
        "target_on": QCoreApplication.translate("SkillEditor", "target date"),
    }
    return nouns[name]


@dataclass
class _Field:
    name: str
    caption: str
    noun: str
    widget: QWidget
    read: Callable[[], Any]
    write: Callable[[Any], None]
    error: QLabel


class _DescriptionEdit(QPlainTextEdit):
    """A plain-text box that tells when it loses focus, so the description saves on leaving."""

    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


class SkillEditor(QWidget):
    """Shows one skill's fields, or a blank skill that is created once it has a name."""

    # (field name, fields before, fields after): ask the view to store an edit of one field.
    edit_requested = Signal(str, object, object)
    # Complete new fields with a valid name: ask the view to create the skill.
    create_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._record: SkillRecord | None = None
        self._stored: SkillFields = BLANK
        self._loading = False
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(lambda: self.commit_pending(quiet=True))
        self.fields: dict[str, _Field] = {}
        self._creating = False
        self._drafting = False
        self._build()

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        outer.addWidget(self.heading)
        outer.addWidget(self.subheading)

        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(1, 3)
        self._grid.setColumnStretch(3, 2)
        outer.addLayout(self._grid)

        name = QLineEdit()
        name.setPlaceholderText(self.tr("Required, e.g. Public speaking"))
        name.setClearButtonEnabled(True)
        self._line(name, "name")
        self._add("name", self.tr("&Name"), name, name.text, self._set_text(name), 0, 0)

        self.category_combo = QComboBox()
        self.category_combo.setEditable(True)
        self.category_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        category_edit = self.category_combo.lineEdit()
        completer = self.category_combo.completer()
        assert category_edit is not None and completer is not None  # it is editable
        self.category_edit: QLineEdit = category_edit
        self.category_edit.setPlaceholderText(self.tr("e.g. Leadership"))
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._line(self.category_edit, "category")
        self.category_combo.activated.connect(lambda _index: self.commit("category"))
        self._add(
            "category",
            self.tr("&Category"),
            self.category_combo,
            self.category_combo.currentText,
            self._set_category,
            0,
            2,
        )

        target = LevelPicker(optional=True)
        target.activated.connect(lambda: self.commit("target_level"))
        self._add(
            "target_level", self.tr("&Target level"), target, target.level, target.set_level, 1, 0
        )
        target_on = OptionalDateEdit()
        target_on.edited.connect(lambda: self._touched("target_on"))
        target_on.date_edit.editingFinished.connect(lambda: self.commit("target_on"))
        target_on.clear_button.clicked.connect(lambda: self.commit("target_on"))
        self._add("target_on", self.tr("&By"), target_on, target_on.date, target_on.set_date, 1, 2)

        description = _DescriptionEdit()
        description.setPlaceholderText(
            self.tr("What this skill means to you, and what good looks like.")
        )
        description.setTabChangesFocus(True)
        description.setFixedHeight(description.fontMetrics().lineSpacing() * 2 + 14)
        description.textChanged.connect(lambda: self._touched("description"))
        description.focus_left.connect(lambda: self.commit("description"))
        self._add(
            "description",
            self.tr("&Description"),
            description,
            description.toPlainText,
            lambda v: description.setPlainText(v or ""),
            2,
            0,
            span=3,
        )

    @staticmethod
    def _set_text(edit: QLineEdit) -> Callable[[str], None]:
        def write(value: str | None) -> None:
            edit.setText(value or "")
            edit.setCursorPosition(0)

        return write

    def _set_category(self, value: str | None) -> None:
        self.category_combo.setEditText(value or "")
        self.category_edit.setCursorPosition(0)

    def _line(self, edit: QLineEdit, name: str) -> None:
        edit.textEdited.connect(lambda _text: self._touched(name))
        edit.editingFinished.connect(lambda: self.commit(name))

    def _add(
        self,
        name: str,
        caption: str,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        row: int,
        column: int,
        span: int = 1,
    ) -> None:
        error = QLabel()
        error.setObjectName(f"{name}Error")
        error.setWordWrap(True)
        error.setStyleSheet("color: #b3261e;")
        error.hide()
        holder = QWidget()
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(2)
        stack.addWidget(widget)
        stack.addWidget(error)
        widget.setObjectName(f"{name}Field")
        caption_label = QLabel(caption)
        caption_label.setBuddy(widget)
        caption_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # Line the caption up with the field's text, not the top of its frame.
        caption_label.setContentsMargins(0, 5, 0, 0)
        self._grid.addWidget(caption_label, row, column)
        self._grid.addWidget(holder, row, column + 1, 1, span)
        plain = caption.replace("&", "")
        widget.setAccessibleName(plain)
        self.fields[name] = _Field(name, plain, _noun(name), widget, read, write, error)

    def set_categories(self, categories: Sequence[str]) -> None:
        """Suggestions for the category: those other skills use."""
        if self.category_combo.hasFocus():
            return  # refilling would move the cursor of someone typing; next time
        current = self.category_combo.currentText()
        if [self.category_combo.itemText(i) for i in range(self.category_combo.count())] == list(
            categories
        ):
            return
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        self.category_combo.addItems(list(categories))
        self.category_combo.setEditText(current)
        self.category_combo.blockSignals(False)

    # --- showing -------------------------------------------------------------------------

    @property
    def record(self) -> SkillRecord | None:
        return self._record

    @property
    def is_new(self) -> bool:
        return self._record is None

    def show_record(self, record: SkillRecord) -> None:
        """Show a stored skill. Refreshing the same skill keeps what is being typed."""
        same = self._creating or (self._record is not None and self._record.id == record.id)
        previous = self._stored
        self._record = record
        self._stored = record.fields
        self._drafting = False
        self._loading = True
        try:
            for field in self.fields.values():
                shown = field.read()
                old = getattr(previous, field.name)
                new = getattr(record.fields, field.name)
                keep_typing = same and field.name in self._pending and shown != old
                if not keep_typing and shown != new:
                    field.write(new)
                if not same:
                    self._set_error(field.name, None)
        finally:
            self._loading = False
        if not same:
            self._pending.clear()
        self._update_heading()

    def start_new(self) -> None:
        """A blank skill; it is created as soon as it has a valid name."""
        self._timer.stop()
        self._record = None
        self._stored = BLANK
        self._drafting = True
        self._pending.clear()
        self._loading = True
        try:
            for field in self.fields.values():
                field.write(getattr(BLANK, field.name))
                self._set_error(field.name, None)
        finally:
            self._loading = False
        self._update_heading()
        self.fields["name"].widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_heading(self) -> None:
        if self._record is None:
            self.heading.setText(self.tr("New skill"))
            self.subheading.setText(
                self.tr("Type a name to create the skill; every field saves as you go.")
            )
            return
        record = self._record
        self.heading.setText(record.name)
        parts = []
        if record.current_level is not None:
            parts.append(self.tr("Now {level}").format(level=level_text(record.current_level)))
        else:
            parts.append(self.tr("Not assessed yet"))
        target = record.fields.target_level
        reached = target is not None and (record.current_level or 0) >= target
        if reached:
            parts.append(self.tr("target reached"))
        elif target is not None and record.fields.target_on is not None:
            parts.append(
                self.tr("aiming for {level} by {day}").format(
                    level=level_text(target), day=format_date(record.fields.target_on)
                )
            )
        elif target is not None:
            parts.append(self.tr("aiming for {level}").format(level=level_text(target)))
        if record.goal_ids:
            count = len(record.goal_ids)
            parts.append(
                self.tr("part of 1 goal")
                if count == 1
                else self.tr("part of {n} goals").format(n=count)
            )
        self.subheading.setText(" · ".join(parts))

    def error_text(self, name: str) -> str:
        """The message shown under a field; empty when the field is fine."""
        error = self.fields[name].error
        return error.text() if not error.isHidden() else ""

    # --- committing ----------------------------------------------------------------------

    def _touched(self, name: str) -> None:
        if self._loading:
            return
        self._pending.add(name)
        self._timer.start()

    def commit_pending(self, *, quiet: bool = False) -> None:
        """Store every field the person changed but has not left yet (e.g. before closing)."""
        self._timer.stop()
        for name in sorted(self._pending):
            self.commit(name, quiet=quiet)

    def commit(self, name: str, *, quiet: bool = False) -> None:
        """Validate one field against the stored skill and ask to store it when valid.

        ``quiet`` (the autosave while typing) stores a valid value but does not nag about an
        unfinished one; leaving the field shows the message.
        """
        if self._loading:
            return
        candidate = self._stored.replace(**{name: self.fields[name].read()})
        errors = candidate.errors()
        # A new skill exists only once it has a name; until then other fields wait.
        draft_without_name = self.is_new and name != "name" and not candidate.name.strip()
        if draft_without_name:
            errors.pop("name", None)
        if self.is_new and "name" in errors and not candidate.name.strip():
            errors["name"] = self.tr("Enter a name to save this skill.")
        if errors.get(name):
            if not quiet:
                self._set_error(name, errors[name])
            return
        self._set_error(name, None)
        self._pending.discard(name)
        normalized = candidate.normalized()
        if self.is_new:
            self._stored = normalized
            if draft_without_name:
                if not quiet:
                    self._set_error("name", self.tr("Enter a name to save this skill."))
                return
            self._creating = True
            try:
                self.create_requested.emit(normalized)
            finally:
                self._creating = False
            return
        if normalized != self._stored:
            self.edit_requested.emit(name, self._stored, normalized)

    def keep_unsaved(self, name: str) -> None:
        """The edit of ``name`` could not be stored: keep what was typed, try again later."""
        self._pending.add(name)

    def has_unsaved_draft(self) -> bool:
        """A new skill with something typed in it but no name yet, so nothing stored."""
        if not self._drafting or self._creating:
            return False
        typed = {
            name for name, field in self.fields.items() if field.read() != getattr(BLANK, name)
        }
        return bool(typed - {"name"}) or bool(self.fields["name"].read().strip())

    def show_errors(self, errors: dict[str, str]) -> None:
        """Messages from the service (a duplicate name, a full disk); what was typed stays."""
        for key, message in errors.items():
            self._set_error(key if key in self.fields else "name", message)

    def _set_error(self, name: str, message: str | None) -> None:
        field = self.fields[name]
        field.error.setText(message or "")
        field.error.setVisible(bool(message))
        field.widget.setProperty("invalid", bool(message))
        field.widget.setToolTip(message or "")
        field.widget.setAccessibleDescription(message or "")
        if field.widget.style() is not None:
            field.widget.style().unpolish(field.widget)
            field.widget.style().polish(field.widget)

    def field_value(self, name: str) -> Any:
        return self.fields[name].read()

    def stored_value(self, name: str) -> Any:
        return getattr(self._stored, name)
