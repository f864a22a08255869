"""The mentor card editor: every field saves on its own as soon as it is valid.

There is no Save button. A field is committed when the person leaves it (or presses Enter),
and also shortly after they stop typing, so closing the window never loses a sentence. An
invalid value shows a message under its field and is not stored; the rest of the card stays
as it was. The editor only validates and asks; the view performs the edit as an undoable
command and hands the stored record back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.agreement import AgreementRecord
from mentordesk.domain.enums import Channel, Direction, HowWeMet, MentorStatus, RelationshipKind
from mentordesk.domain.mentor import MentorFields, MentorRecord
from mentordesk.domain.validation import split_labels
from mentordesk.ui.common.card_form import CardEditorMixin, CardField, CardForm, with_error_label
from mentordesk.ui.common.form_parts import LeavingTextEdit, WheelSafeCombo
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.optional_date_edit import OptionalDateEdit

BLANK = MentorFields(name="")


def _choice_text(value: StrEnum) -> str:
    """A choice's label, or its stored value in words when no label is known for it."""
    try:
        return label(value).lower()
    except KeyError:
        return value.value.replace("_", " ")


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


class MentorEditor(CardEditorMixin, QScrollArea):
    """Shows one mentor card, or a blank card for a new mentor."""

    open_agreement_requested = Signal(int)
    # (field name, value before, value after): ask the view to store an edit of one field.
    edit_requested = Signal(str, object, object)
    # A complete new card with a valid name: ask the view to create it.
    create_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.form = CardForm(
            BLANK,
            "name",
            self.tr("Enter a name to save this mentor."),
            self,
            adjust_errors=self._adjust_errors,
        )
        self.form.edit_requested.connect(self.edit_requested)
        self.form.create_requested.connect(self.create_requested)
        self.fields = self.form.fields
        self._captions: list[QLabel] = []
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

        agreement_box = QGroupBox(self.tr("Agreement"))
        agreement_layout = QVBoxLayout(agreement_box)
        self.agreement_label = QLabel()
        self.agreement_label.setObjectName("mentorAgreement")
        self.agreement_label.setWordWrap(True)
        self.open_agreement_button = QPushButton(self.tr("Open Agreement"))
        self.open_agreement_button.clicked.connect(
            lambda: (
                self._agreement_id is not None
                and self.open_agreement_requested.emit(self._agreement_id)
            )
        )
        agreement_layout.addWidget(self.agreement_label)
        agreement_layout.addWidget(self.open_agreement_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._agreement_id: int | None = None
        self.set_agreement(None)
        outer.addWidget(agreement_box)

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
        notes = LeavingTextEdit(minimum_height=140, lines=16)
        notes.setPlaceholderText(
            self.tr("Anything worth remembering: their style, what they care about, ideas.")
        )
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
        holder, error = with_error_label(widget, name)
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
        self.form.add(CardField(name, plain, _noun(name), widget, read, write, error))

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
        combo = WheelSafeCombo()
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
        record = self.form.record
        assert record is None or isinstance(record, MentorRecord)
        return record

    def show_record(self, record: MentorRecord) -> None:
        """Show a stored card. Refreshing the same card keeps what is being typed."""
        self.form.show_record(record)
        self._update_heading()

    def start_new(self) -> None:
        """A blank card; it is created as soon as it has a valid name."""
        self.form.start_new()
        self._update_heading()
        self.fields["name"].widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_heading(self) -> None:
        record = self.record
        if record is None:
            self.heading.setText(self.tr("New mentor"))
            self.subheading.setText(
                self.tr("Type a name to create the card; every field saves as you go.")
            )
            return
        fields = record.fields
        self.heading.setText(fields.name)
        parts = [part for part in (fields.title, fields.organization) if part]
        if record.is_archived:
            parts.append(self.tr("archived"))
        self.subheading.setText(" · ".join(parts))

    def set_agreement(self, agreement: AgreementRecord | None, today: date | None = None) -> None:
        """The mentor's active agreement in a line: cadence, format, review date."""
        self._agreement_id = None if agreement is None else agreement.id
        self.open_agreement_button.setVisible(agreement is not None)
        if agreement is None:
            self.agreement_label.setText(
                self.tr("No active agreement. Agree expectations in the Agreements view.")
            )
            return
        f = agreement.fields
        if f.cadence_every:
            cadence = self.tr("every {n} {unit}").format(
                n=f.cadence_every, unit=_choice_text(f.cadence_unit)
            )
        else:
            cadence = self.tr("as needed")
        parts = [f.title, cadence, _choice_text(f.format)]
        if f.review_on is not None:
            parts.append(self.tr("review {date}").format(date=f.review_on.isoformat()))
            if today is not None and agreement.is_review_due(today):
                parts.append(self.tr("review overdue"))
        self.agreement_label.setText(" · ".join(parts))

    def set_goal_titles(self, titles: list[str]) -> None:
        """The goals this mentor helps with (linked from the Goals view)."""
        if titles:
            self.goals_label.setText("\n".join(f"• {title}" for title in sorted(titles)))
        else:
            self.goals_label.setText(
                self.tr("None yet. Link this mentor to a goal in the Goals view.")
            )

    # --- where this card's messages go (the rest is CardForm's) ------------------------

    def _adjust_errors(self, name: str, errors: dict[str, str]) -> set[str]:
        if name == "started_on" and "ended_on" in errors:
            # The message belongs next to the date the person just changed.
            errors["started_on"] = self.tr("The start date is after the end date.")
            del errors["ended_on"]
        return {name, "ended_on"} if name in ("started_on", "ended_on") else {name}
