"""The skill editor: every field saves on its own as soon as it is valid, as on mentor cards.

There is no Save button. A field is committed when the person leaves it (or presses Enter,
or picks a choice), and shortly after they stop typing. An invalid value (an empty name, a
name another skill has) shows a message under its field and is not stored. The editor only
validates and asks; the view performs the edit as an undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.skill import SkillFields
from mentordesk.ui.common.card_fields import CardFields, heading_labels
from mentordesk.ui.common.card_form import CardEditorMixin
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.skills.level_picker import LevelPicker
from mentordesk.ui.skills.model import level_text

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


class SkillEditor(CardEditorMixin, QWidget):
    """Shows one skill's fields, or a blank skill that is created once it has a name."""

    # (field name, fields before, fields after): ask the view to store an edit of one field.
    edit_requested = Signal(str, object, object)
    # Complete new fields with a valid name: ask the view to create the skill.
    create_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.make_form(BLANK, "name", self.tr("Enter a name to save this skill."))
        self._build()

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.heading, self.subheading = heading_labels()
        outer.addWidget(self.heading)
        outer.addWidget(self.subheading)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(1, 3)
        self._grid.setColumnStretch(3, 2)
        outer.addLayout(self._grid)
        fields = self._fields = CardFields(self.form, _noun)

        fields.line(
            "name",
            self.tr("&Name"),
            self.tr("Required, e.g. Public speaking"),
            reserve_message=True,
        )
        self._place("name", 0, 0)

        self.category_combo = QComboBox()
        self.category_combo.setEditable(True)
        self.category_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        category_edit = self.category_combo.lineEdit()
        completer = self.category_combo.completer()
        assert category_edit is not None and completer is not None  # it is editable
        self.category_edit: QLineEdit = category_edit
        self.category_edit.setPlaceholderText(self.tr("e.g. Leadership"))
        self.category_edit.setAccessibleName(self.tr("Category"))
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        fields.watch_line(self.category_edit, "category")
        self.category_combo.activated.connect(lambda _index: self.commit("category"))
        fields.add(
            "category",
            self.tr("&Category"),
            self.category_combo,
            self.category_combo.currentText,
            self._set_category,
        )
        self._place("category", 0, 2)

        target = LevelPicker(optional=True)
        target.activated.connect(lambda: self.commit("target_level"))
        fields.add("target_level", self.tr("&Target level"), target, target.level, target.set_level)
        self._place("target_level", 1, 0)
        fields.date("target_on", self.tr("&By"))
        self._place("target_on", 1, 2)

        description = fields.text(
            "description",
            self.tr("&Description"),
            self.tr("What this skill means to you, and what good looks like."),
            minimum_height=0,
        )
        description.setFixedHeight(description.fontMetrics().lineSpacing() * 2 + 14)
        self._place("description", 2, 0, span=3)

    def _set_category(self, value: str | None) -> None:
        self.category_combo.setEditText(value or "")
        self.category_edit.setCursorPosition(0)

    def _place(self, name: str, row: int, column: int, span: int = 1) -> None:
        caption = QLabel(self._fields.captions[name])
        caption.setBuddy(self.fields[name].widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # Line the caption up with the field's text, not the top of its frame.
        caption.setContentsMargins(0, 5, 0, 0)
        self._grid.addWidget(caption, row, column)
        self._grid.addWidget(self._fields.holders[name], row, column + 1, 1, span)

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

    def update_heading(self) -> None:
        record = self.record
        if record is None:
            self.heading.setText(self.tr("New skill"))
            self.subheading.setText(
                self.tr("Type a name to create the skill; every field saves as you go.")
            )
            return
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
