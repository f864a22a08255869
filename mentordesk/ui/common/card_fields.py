"""The fields of a card, built once for every editor: a line, a text box, a choice, a date,
each registered with the card's CardForm, and the titled groups that caption them.

A field saves when it is left (or a choice picked), and shortly after typing stops; the
CardForm decides what is stored. Editors only say which fields they have and where.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui.common import field_undo
from mentordesk.ui.common.card_form import CardField, CardForm
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.form_parts import LeavingTextEdit, WheelSafeCombo, error_label
from mentordesk.ui.common.labels import label


class CardFields:
    """Builds a card's field widgets and hands each to its CardForm."""

    def __init__(self, form: CardForm, nouns: Callable[[str], str]) -> None:
        """``nouns(name)`` is how the undo menu names a field ("Undo Edit start date of …")."""
        self.form = form
        self._nouns = nouns
        self.holders: dict[str, QWidget] = {}
        self.captions: dict[str, str] = {}  # as given, with the mnemonic's "&"

    def add(
        self,
        name: str,
        caption: str,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        *,
        beside: QWidget | None = None,
        reserve_message: bool = False,
    ) -> QWidget:
        """Register a field; returns its holder: the widget (and ``beside`` it, say a note)
        with the hidden message label under it. ``reserve_message`` keeps the message's line
        free even while there is none, for fields whose value is often refused while being
        typed (a date, an email), so the card does not jump when the message comes."""
        error = error_label(f"{name}Error", one_line=reserve_message)
        if reserve_message:
            policy = error.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            error.setSizePolicy(policy)
            error.setMinimumHeight(error.fontMetrics().height())
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if beside is None:
            column.addWidget(widget)
        else:
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(beside)
            column.addLayout(row)
        column.addWidget(error)
        widget.setObjectName(f"{name}Field")
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            field_undo.watch(widget)
        noun = self._nouns(name)
        plain = caption.replace("&", "") or noun.capitalize()
        self.form.add(CardField(name, plain, noun, widget, read, write, error))
        self.holders[name] = holder
        self.captions[name] = caption
        return holder

    def line(
        self, name: str, caption: str, placeholder: str = "", *, reserve_message: bool = False
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        self.watch_line(edit, name)

        def write(value: str | None) -> None:
            edit.setText(value or "")
            edit.setCursorPosition(0)

        self.add(name, caption, edit, edit.text, write, reserve_message=reserve_message)
        return edit

    def watch_line(self, edit: QLineEdit, name: str) -> None:
        """Typing in ``edit`` touches field ``name``; leaving it (or Enter) commits it."""
        field_undo.watch(edit)
        edit.textEdited.connect(lambda _text: self.form.touched(name))
        edit.editingFinished.connect(lambda: self.form.commit(name))

    def text(
        self,
        name: str,
        caption: str,
        placeholder: str = "",
        *,
        minimum_height: int = 72,
        lines: int = 5,
    ) -> LeavingTextEdit:
        edit = LeavingTextEdit(minimum_height=minimum_height, lines=lines)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda: self.form.touched(name))
        edit.focus_left.connect(lambda: self.form.commit(name))
        self.add(name, caption, edit, edit.toPlainText, lambda v: edit.setPlainText(v or ""))
        return edit

    def choice(
        self,
        name: str,
        caption: str,
        choices: type[StrEnum],
        *,
        optional: bool = False,
        beside: QWidget | None = None,
    ) -> WheelSafeCombo:
        combo = WheelSafeCombo()
        if optional:
            combo.addItem(combo.tr("Not set"), None)
        for member in choices:
            combo.addItem(label(member), member.value)

        def read() -> StrEnum | None:
            # Qt hands item data back as plain strings; turn them into the enum again.
            value = combo.currentData()
            return None if value is None else choices(value)

        def write(value: StrEnum | None) -> None:
            combo.setCurrentIndex(max(0, combo.findData(None if value is None else value.value)))

        combo.activated.connect(lambda _index: self.form.commit(name))
        self.add(name, caption, combo, read, write, beside=beside)
        return combo

    def date(self, name: str, caption: str) -> DateField:
        edit = DateField()
        edit.edited.connect(lambda: self.form.touched(name))
        edit.editingFinished.connect(lambda: self.form.commit(name))
        edit.picked.connect(lambda: self.form.commit(name))
        self.add(name, caption, edit, edit.value, edit.set_value, reserve_message=True)
        return edit


class FormGroup(QGroupBox):
    """A titled group of captioned fields, captions right-aligned beside their field."""

    def __init__(self, title: str, fields: CardFields, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._fields = fields
        self.captions: list[QLabel] = []
        self.rows = QFormLayout(self)
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Side by side where there is room; in a narrow window the field goes under its caption.
        self.rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.rows.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def place(self, *names: str, top: bool = False) -> FormGroup:
        """Put the fields in the group under their captions (a field without one spans the
        row); ``top`` keeps captions at the top of tall fields, not in their middle."""
        for name in names:
            self._place(name, top)
        return self

    def _place(self, name: str, top: bool) -> None:
        holder = self._fields.holders[name]
        caption = self._fields.captions[name]
        if not caption:
            self.rows.addRow(holder)
            return
        caption_label = QLabel(caption)
        caption_label.setBuddy(self._fields.form.fields[name].widget)
        vertical = Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter
        caption_label.setAlignment(Qt.AlignmentFlag.AlignRight | vertical)
        self.captions.append(caption_label)
        self.rows.addRow(caption_label, holder)


def align_captions(groups: Iterable[FormGroup]) -> None:
    """One caption width for every group, so the fields line up down the whole card."""
    captions = [caption for group in groups for caption in group.captions]
    if captions:
        width = max(caption.sizeHint().width() for caption in captions)
        for caption in captions:
            caption.setMinimumWidth(width)


def heading_labels(name: str = "editorHeading") -> tuple[QLabel, QLabel]:
    """The card's title (large, bold) and the line under it."""
    heading = QLabel()
    heading.setObjectName(name)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    heading.setFont(font)
    heading.setWordWrap(True)
    subheading = QLabel()
    subheading.setWordWrap(True)
    return heading, subheading
