"""The mentor card editor: every field saves on its own as soon as it is valid.

There is no Save button. A field is committed when the person leaves it (or presses Enter),
and also shortly after they stop typing, so closing the window never loses a sentence. An
invalid value shows a message under its field and is not stored; the rest of the card stays
as it was. The editor only validates and asks; the view performs the edit as an undoable
command and hands the stored record back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import Channel, Direction, HowWeMet, MentorStatus, RelationshipKind
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.validation import split_labels
from mentordesk.services.records import MentorRecord
from mentordesk.ui.labels import label
from mentordesk.ui.widgets.optional_date_edit import OptionalDateEdit

AUTOSAVE_DELAY_MS = 800
BLANK = MentorFields(name="")


def _noun(name: str) -> str:
    """How the undo menu names a field: "Undo Edit start date of “Amara Okafor”"."""
    nouns = {
        "name": QCoreApplication.translate("MentorEditor", "name"),
        "title": QCoreApplication.translate("MentorEditor", "title"),
        "organization": QCoreApplication.translate("MentorEditor", "organization"),
        "email": QCoreApplication.translate("MentorEditor", "email address"),
        "phone": QCoreApplication.translate("MentorEditor", "phone number"),
        "profile_url": QCoreApplication.translate("MentorEditor", "profile URL"),
        "location": QCoreApplication.translate("MentorEditor", "location"),
        "time_zone": QCoreApplication.translate("MentorEditor", "time zone"),
        "met_via": QCoreApplication.translate("MentorEditor", "how you met"),
        "met_detail": QCoreApplication.translate("MentorEditor", "how-you-met details"),
        "expertise": QCoreApplication.translate("MentorEditor", "expertise"),
        "tags": QCoreApplication.translate("MentorEditor", "tags"),
        "kind": QCoreApplication.translate("MentorEditor", "kind of relationship"),
        "direction": QCoreApplication.translate("MentorEditor", "direction"),
        "status": QCoreApplication.translate("MentorEditor", "status"),
        "started_on": QCoreApplication.translate("MentorEditor", "start date"),
        "ended_on": QCoreApplication.translate("MentorEditor", "end date"),
        "preferred_channel": QCoreApplication.translate("MentorEditor", "preferred channel"),
        "notes": QCoreApplication.translate("MentorEditor", "notes"),
    }
    return nouns[name]


class _Combo(QComboBox):
    """A choice that scrolling past the card cannot change: the wheel needs focus first."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


@dataclass
class _Field:
    name: str
    caption: str
    noun: str
    widget: QWidget
    read: Callable[[], Any]
    write: Callable[[Any], None]
    error: QLabel


class _NotesEdit(QPlainTextEdit):
    """A plain-text box that tells when it loses focus, so notes save on leaving."""

    focus_left = Signal()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


class MentorEditor(QScrollArea):
    """Shows one mentor card, or a blank card for a new mentor."""

    # (field name, value before, value after): ask the view to store an edit of one field.
    edit_requested = Signal(str, object, object)
    # A complete new card with a valid name: ask the view to create it.
    create_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._record: MentorRecord | None = None
        self._stored: MentorFields = BLANK
        self._loading = False
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(lambda: self.commit_pending(quiet=True))
        self.fields: dict[str, _Field] = {}
        self._captions: list[QLabel] = []
        self._creating = False
        self._drafting = False  # showing a blank card opened with start_new()
        self._build()
        # One label width for every group, so the fields line up down the whole card.
        width = max(label.sizeHint().width() for label in self._captions)
        for caption in self._captions:
            caption.setMinimumWidth(width)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        page = QWidget()
        page.setObjectName("mentorEditorPage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 12, 16, 16)
        outer.setSpacing(12)

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

        who = self._group(self.tr("Who"))
        self._line(who, "name", self.tr("&Name"), self.tr("Required, e.g. Amara Okafor"))
        self._line(who, "title", self.tr("&Title or role"), self.tr("e.g. VP Engineering"))
        self._line(who, "organization", self.tr("&Organization"))
        outer.addWidget(who)

        relation = self._group(self.tr("Relationship"))
        self._combo(relation, "kind", self.tr("&Kind"), RelationshipKind, optional=False)
        self._combo(relation, "direction", self.tr("&Direction"), Direction, optional=False)
        self._combo(relation, "status", self.tr("&Status"), MentorStatus, optional=False)
        self._date(relation, "started_on", self.tr("Started"))
        self._date(relation, "ended_on", self.tr("Ended"))
        self._combo(relation, "met_via", self.tr("How &we met"), HowWeMet, optional=True)
        self._line(
            relation, "met_detail", self.tr("Details"), self.tr("e.g. Hallway track at QCon")
        )
        outer.addWidget(relation)

        contact = self._group(self.tr("Contact"))
        self._line(contact, "email", self.tr("Ema&il"), self.tr("name@example.org"))
        self._line(contact, "phone", self.tr("&Phone"))
        self._line(contact, "profile_url", self.tr("Profile &URL"), "https://")
        self._line(contact, "location", self.tr("&Location"), self.tr("City, country"))
        self._line(contact, "time_zone", self.tr("Time &zone"), self.tr("e.g. Europe/Berlin"))
        zones = [bytes(z.data()).decode() for z in QTimeZone.availableTimeZoneIds()]
        completer = QCompleter(QStringListModel(zones, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._line_edit("time_zone").setCompleter(completer)
        self._combo(
            contact,
            "preferred_channel",
            self.tr("Preferred &channel"),
            Channel,
            optional=True,
        )
        outer.addWidget(contact)

        knows = self._group(self.tr("Expertise and tags"))
        hint = self.tr("Separate several with commas")
        self._labels(knows, "expertise", self.tr("E&xpertise"), hint)
        self._labels(knows, "tags", self.tr("T&ags"), hint)
        outer.addWidget(knows)

        helps = QGroupBox(self.tr("Goals they help with"))
        helps_layout = QVBoxLayout(helps)
        self.goals_label = QLabel()
        self.goals_label.setObjectName("mentorGoals")
        self.goals_label.setWordWrap(True)
        self.goals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        helps_layout.addWidget(self.goals_label)
        self.set_goal_titles([])
        outer.addWidget(helps)

        notes_box = self._group(self.tr("Notes"))
        notes = _NotesEdit()
        notes.setPlaceholderText(
            self.tr("Anything worth remembering: their style, what they care about, ideas.")
        )
        notes.setMinimumHeight(140)
        notes.setTabChangesFocus(True)
        notes.textChanged.connect(lambda: self._touched("notes"))
        notes.focus_left.connect(lambda: self.commit("notes"))
        self._add(
            notes_box, "notes", "", notes, notes.toPlainText, lambda v: notes.setPlainText(v or "")
        )
        outer.addWidget(notes_box)
        outer.addStretch()
        self.setWidget(page)

    def _group(self, title: str) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return box

    def _add(
        self,
        box: QGroupBox,
        name: str,
        caption: str,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
    ) -> None:
        error = QLabel()
        error.setObjectName(f"{name}Error")
        error.setWordWrap(True)
        error.setStyleSheet("color: #b3261e;")
        error.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        widget.setObjectName(f"{name}Field")
        form = box.layout()
        assert isinstance(form, QFormLayout)
        if caption:
            caption_label = QLabel(caption)
            caption_label.setBuddy(widget)
            self._captions.append(caption_label)
            form.addRow(caption_label, holder)
        else:
            form.addRow(holder)
        plain = caption.replace("&", "") or _noun(name).capitalize()
        widget.setAccessibleName(plain)
        self.fields[name] = _Field(name, plain, _noun(name), widget, read, write, error)

    def _line(self, box: QGroupBox, name: str, caption: str, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.textEdited.connect(lambda _text: self._touched(name))
        edit.editingFinished.connect(lambda: self.commit(name))

        def write(value: str | None) -> None:
            edit.setText(value or "")
            edit.setCursorPosition(0)

        self._add(box, name, caption, edit, edit.text, write)

    def _labels(self, box: QGroupBox, name: str, caption: str, placeholder: str) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.textEdited.connect(lambda _text: self._touched(name))
        edit.editingFinished.connect(lambda: self.commit(name))
        self._add(
            box,
            name,
            caption,
            edit,
            lambda: split_labels(edit.text()),
            lambda v: (edit.setText(", ".join(v)), edit.setCursorPosition(0)),
        )

    def _combo(
        self, box: QGroupBox, name: str, caption: str, choices: type[StrEnum], *, optional: bool
    ) -> None:
        combo = _Combo()
        if optional:
            combo.addItem(self.tr("Not set"), None)
        for choice in choices:
            combo.addItem(label(choice), choice.value)

        def read() -> StrEnum | None:
            # Qt hands item data back as plain strings; turn them into the enum again.
            value = combo.currentData()
            return None if value is None else choices(value)

        def write(value: StrEnum | None) -> None:
            combo.setCurrentIndex(max(0, combo.findData(None if value is None else value.value)))

        combo.activated.connect(lambda _index: self.commit(name))
        self._add(box, name, caption, combo, read, write)

    def _date(self, box: QGroupBox, name: str, caption: str) -> None:
        edit = OptionalDateEdit()
        edit.edited.connect(lambda: self._touched(name))
        edit.date_edit.editingFinished.connect(lambda: self.commit(name))
        edit.clear_button.clicked.connect(lambda: self.commit(name))
        self._add(box, name, caption, edit, edit.date, edit.set_date)

    def _line_edit(self, name: str) -> QLineEdit:
        widget = self.fields[name].widget
        assert isinstance(widget, QLineEdit)
        return widget

    # --- showing -------------------------------------------------------------------------

    @property
    def record(self) -> MentorRecord | None:
        return self._record

    @property
    def is_new(self) -> bool:
        return self._record is None

    def show_record(self, record: MentorRecord) -> None:
        """Show a stored card. Refreshing the same card keeps what is being typed."""
        # The card just created from this blank one is the same card: keep what is typed.
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
        """A blank card; it is created as soon as it has a valid name."""
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
            self.heading.setText(self.tr("New mentor"))
            self.subheading.setText(
                self.tr("Type a name to create the card; every field saves as you go.")
            )
            return
        fields = self._record.fields
        self.heading.setText(fields.name)
        parts = [part for part in (fields.title, fields.organization) if part]
        if self._record.is_archived:
            parts.append(self.tr("archived"))
        self.subheading.setText(" · ".join(parts))

    def set_goal_titles(self, titles: list[str]) -> None:
        """The goals this mentor helps with (linked from the Goals view)."""
        if titles:
            self.goals_label.setText("\n".join(f"• {title}" for title in sorted(titles)))
        else:
            self.goals_label.setText(
                self.tr("None yet. Link this mentor to a goal in the Goals view.")
            )

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
        """Validate one field against the stored card and ask to store it when it is valid.

        ``quiet`` (the autosave while typing) stores a valid value but does not nag about an
        unfinished one; leaving the field shows the message.
        """
        if self._loading:
            return
        value = self.fields[name].read()
        candidate = self._stored.replace(**{name: value})
        errors = candidate.errors()
        # A new card exists only once it has a name; until then other fields wait in a draft.
        draft_without_name = self.is_new and name != "name" and not candidate.name.strip()
        if draft_without_name:
            errors.pop("name", None)
        if name == "started_on" and "ended_on" in errors:
            # The message belongs next to the date the person just changed.
            errors["started_on"] = self.tr("The start date is after the end date.")
            del errors["ended_on"]
        if self.is_new and "name" in errors and not candidate.name.strip():
            errors["name"] = self.tr("Enter a name to save this mentor.")
        related = {name, "ended_on"} if name in ("started_on", "ended_on") else {name}
        if errors:
            if not quiet:
                for key in related:
                    self._set_error(key, errors.get(key))
            return
        for key in related:
            self._set_error(key, None)
        self._pending.discard(name)
        normalized = candidate.normalized()
        if self.is_new:
            self._stored = normalized
            if draft_without_name:
                if not quiet:
                    self._set_error("name", self.tr("Enter a name to save this mentor."))
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
        """The edit of ``name`` could not be stored: keep what was typed, and try again
        when the person leaves the field, switches card or closes the window."""
        self._pending.add(name)

    def has_unsaved_draft(self) -> bool:
        """A new card with something typed in it but no name yet, so nothing stored."""
        if not self._drafting or self._creating:
            return False
        typed = {
            name for name, field in self.fields.items() if field.read() != getattr(BLANK, name)
        }
        return bool(typed - {"name"}) or bool(self.fields["name"].read().strip())

    def unsaved_fields(self) -> list[str]:
        """Captions of fields whose typed value differs from what is stored."""
        return [
            self.fields[name].caption or name
            for name in sorted(self._pending)
            if self.fields[name].read() != getattr(self._stored, name)
        ]

    def show_errors(self, errors: dict[str, str]) -> None:
        """Messages from the service (e.g. the disk is full); what was typed stays."""
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

    def stored_value(self, name: str) -> date | str | tuple[str, ...] | StrEnum | None:
        value: Any = getattr(self._stored, name)
        return value
