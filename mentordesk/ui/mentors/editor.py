"""The mentor card editor: every field saves on its own as soon as it is valid.

There is no Save button. A field is committed when the person leaves it (or presses Enter),
and also shortly after they stop typing, so closing the window never loses a sentence. An
invalid value shows a message under its field and is not stored; the rest of the card stays
as it was. The editor only validates and asks; the view performs the edit as an undoable
command and hands the stored record back.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QIcon
from PySide6.QtWidgets import (
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
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.validation import email_error, split_labels, url_error
from mentordesk.ui.common.card_fields import CardFields, FormGroup, align_captions, heading_labels
from mentordesk.ui.common.card_form import CardEditorMixin
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.zone_field import complete_zones
from mentordesk.ui.mentors.gratitude_box import MentorGratitudeBox
from mentordesk.ui.mentors.meetings_box import MentorMeetingsBox

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
        self.make_form(
            BLANK, "name", self.tr("Enter a name to save this mentor."), self._adjust_errors
        )
        self._build()

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        page = QWidget()
        page.setObjectName("mentorEditorPage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(12)
        self.heading, self.subheading = heading_labels()
        outer.addWidget(self.heading)
        outer.addWidget(self.subheading)
        fields = CardFields(self.form, _noun)

        def group(title: str, *names: str) -> FormGroup:
            box = FormGroup(title, fields).place(*names)
            outer.addWidget(box)
            return box

        fields.line(
            "name", self.tr("&Name"), self.tr("Required, e.g. Amara Okafor"), reserve_message=True
        )
        fields.line("title", self.tr("&Title or role"), self.tr("e.g. VP Engineering"))
        fields.line("organization", self.tr("&Organization"))
        who = group(
            self.tr("Who"),
            "name",
            "title",
            "organization",
        )

        fields.choice("kind", self.tr("&Kind"), RelationshipKind)
        fields.choice("direction", self.tr("&Direction"), Direction)
        fields.choice("status", self.tr("&Status"), MentorStatus)
        fields.date("started_on", self.tr("Started"))
        fields.date("ended_on", self.tr("Ended"))
        fields.choice("met_via", self.tr("How &we met"), HowWeMet, optional=True)
        fields.line("met_detail", self.tr("Details"), self.tr("e.g. Hallway track at QCon"))
        relation = group(
            self.tr("Relationship"),
            "kind",
            "direction",
            "status",
            "started_on",
            "ended_on",
            "met_via",
            "met_detail",
        )

        email = fields.line(
            "email", self.tr("Ema&il"), self.tr("name@example.org"), reserve_message=True
        )
        fields.line("phone", self.tr("&Phone"))
        profile = fields.line(
            "profile_url", self.tr("Profile &URL"), "https://", reserve_message=True
        )
        # Open in the mail program or the browser; MentorDesk itself sends nothing.
        self.write_email_action = self._opener(
            email, icon("email"), self.tr("Write an email (opens your mail program)")
        )
        self.open_profile_action = self._opener(
            profile, icon("open-page"), self.tr("Open the profile in your browser")
        )
        email.textChanged.connect(self._update_openers)
        profile.textChanged.connect(self._update_openers)
        fields.line("location", self.tr("&Location"), self.tr("City, country"))
        zone = fields.line("time_zone", self.tr("Time &zone"), self.tr("e.g. Europe/Berlin"))
        complete_zones(zone, self)
        fields.choice("preferred_channel", self.tr("Preferred &channel"), Channel, optional=True)
        contact = group(
            self.tr("Contact"),
            "email",
            "phone",
            "profile_url",
            "location",
            "time_zone",
            "preferred_channel",
        )

        hint = self.tr("Separate several with commas")
        self._labels(fields, "expertise", self.tr("E&xpertise"), hint)
        self._labels(fields, "tags", self.tr("T&ags"), hint)
        knows = group(
            self.tr("Expertise and tags"),
            "expertise",
            "tags",
        )
        align_captions((who, relation, contact, knows))

        outer.addWidget(self._agreement_box())
        self.meetings = MentorMeetingsBox()
        outer.addWidget(self.meetings)
        self.gratitude = MentorGratitudeBox()
        outer.addWidget(self.gratitude)
        outer.addWidget(self._goals_box())
        notes = fields.text(
            "notes",
            "",
            self.tr("Anything worth remembering: their style, what they care about, ideas."),
            minimum_height=140,
            lines=16,
        )
        notes.setObjectName("notesField")
        group(self.tr("Notes"), "notes")
        outer.addStretch()
        self.setWidget(page)

    def _opener(self, edit: QLineEdit, icon: QIcon, tip: str) -> QAction:
        action = QAction(icon, tip, self)
        action.setToolTip(tip)
        action.triggered.connect(lambda: self._open(edit))
        edit.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
        action.setEnabled(False)
        return action

    def _open(self, edit: QLineEdit) -> None:
        url = self._address(edit)
        if url is not None:
            QDesktopServices.openUrl(url)

    def _address(self, edit: QLineEdit) -> QUrl | None:
        """What the email or profile field points at, when it is valid."""
        text = edit.text().strip()
        if edit is self.fields["email"].widget:
            return QUrl(f"mailto:{text}") if text and email_error(text) is None else None
        return QUrl(text) if text and url_error(text) is None else None

    def _update_openers(self) -> None:
        for action, name in (
            (self.write_email_action, "email"),
            (self.open_profile_action, "profile_url"),
        ):
            widget = self.fields[name].widget
            assert isinstance(widget, QLineEdit)
            action.setEnabled(self._address(widget) is not None)

    @staticmethod
    def _labels(fields: CardFields, name: str, caption: str, placeholder: str) -> None:
        """A comma-separated list of labels (expertise, tags) in one line."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        fields.watch_line(edit, name)
        fields.add(
            name,
            caption,
            edit,
            lambda: split_labels(edit.text()),
            lambda v: (edit.setText(", ".join(v)), edit.setCursorPosition(0)),
        )

    def _agreement_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Agreement"))
        layout = QVBoxLayout(box)
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
        layout.addWidget(self.agreement_label)
        layout.addWidget(self.open_agreement_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._agreement_id: int | None = None
        self.set_agreement(None)
        return box

    def _goals_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Goals they help with"))
        layout = QVBoxLayout(box)
        self.goals_label = QLabel()
        self.goals_label.setObjectName("mentorGoals")
        self.goals_label.setWordWrap(True)
        self.goals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.goals_label)
        self.set_goal_titles([])
        return box

    # --- showing -------------------------------------------------------------------------

    def update_heading(self) -> None:
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
