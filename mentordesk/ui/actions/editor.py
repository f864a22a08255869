"""The action item card: every field saves on its own as soon as it is valid.

As on the other cards there is no Save button: a field is committed when the person leaves
it (or picks a choice), and shortly after they stop typing. The done and reported-back
dates appear once the item is done. The line at the bottom says which meeting the advice
came from; its button asks the view to open that meeting. The view stores every edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.action_item import ActionItemFields, ActionItemRecord
from mentordesk.domain.enums import ActionOwner, ActionStatus
from mentordesk.domain.validation import fold
from mentordesk.ui.common.card_fields import CardFields, FormGroup, align_captions, heading_labels
from mentordesk.ui.common.card_form import CardEditorMixin
from mentordesk.ui.common.form_parts import WheelSafeCombo
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.style import Space

BLANK = ActionItemFields(text="")


def _noun(name: str) -> str:
    """How the undo menu names a field: "Undo Edit due date of “Send the CV”"."""
    nouns = {
        "text": QCoreApplication.translate("ActionItemEditor", "text"),
        "owner": QCoreApplication.translate("ActionItemEditor", "owner"),
        "due_on": QCoreApplication.translate("ActionItemEditor", "due date"),
        "status": QCoreApplication.translate("ActionItemEditor", "status"),
        "done_on": QCoreApplication.translate("ActionItemEditor", "done date"),
        "reported_on": QCoreApplication.translate("ActionItemEditor", "reported-back date"),
        "goal_id": QCoreApplication.translate("ActionItemEditor", "goal"),
        "skill_id": QCoreApplication.translate("ActionItemEditor", "skill"),
    }
    return nouns[name]


class ActionItemEditor(CardEditorMixin, QScrollArea):
    """Shows one action item, or a blank card for a new one (owned by me, open)."""

    # (field name, fields before, fields after): ask the view to store an edit of one field.
    edit_requested = Signal(str, object, object)
    # A new card with its text: ask the view to create it.
    create_requested = Signal(object)
    # The meeting the item came from, to open in the Calendar.
    open_meeting_requested = Signal(int)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._today = today
        self.make_form(
            BLANK, "text", self.tr("Say what to do to save this item."), self._adjust_errors
        )
        self._build()

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        page = QWidget()
        page.setObjectName("actionEditorPage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(Space.M, Space.M, Space.M, Space.M)
        outer.setSpacing(Space.M)
        self.heading, self.subheading = heading_labels()
        outer.addWidget(self.heading)
        outer.addWidget(self.subheading)
        fields = CardFields(self.form, _noun)

        fields.line(
            "text",
            self.tr("&What to do"),
            self.tr("Required, e.g. Send Amara the draft of my talk"),
            reserve_message=True,
        )
        fields.choice("owner", self.tr("&Owner"), ActionOwner)
        fields.date("due_on", self.tr("D&ue date"))
        fields.choice("status", self.tr("&Status"), ActionStatus)
        fields.date("done_on", self.tr("Done o&n"))
        fields.date("reported_on", self.tr("&Reported back"))
        self.goal_combo = self._record_choice(fields, "goal_id", self.tr("&Goal"))
        self.skill_combo = self._record_choice(fields, "skill_id", self.tr("S&kill"))
        self._holders = fields.holders
        self.item_group = FormGroup(self.tr("Action item"), fields).place(
            "text", "owner", "due_on", "status", "done_on", "reported_on"
        )
        links = FormGroup(self.tr("What it serves"), fields).place("goal_id", "skill_id")
        align_captions((self.item_group, links))
        outer.addWidget(self.item_group)
        outer.addWidget(links)
        outer.addLayout(self._meeting_row())
        outer.addStretch()
        self.setWidget(page)

    def _record_choice(self, fields: CardFields, name: str, caption: str) -> WheelSafeCombo:
        """A choice of another record (a goal, a skill), or none."""
        combo = WheelSafeCombo()
        combo.addItem(self.tr("None"), None)

        def read() -> int | None:
            value = combo.currentData()
            return None if value is None else int(value)

        def write(value: int | None) -> None:
            combo.setCurrentIndex(max(0, combo.findData(value)))

        combo.activated.connect(lambda _index: self.form.commit(name))
        fields.add(name, caption, combo, read, write)
        return combo

    def _meeting_row(self) -> QHBoxLayout:
        self.meeting_label = QLabel()
        self.meeting_label.setObjectName("actionMeetingLine")
        self.meeting_label.setWordWrap(True)
        self.meeting_label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_meeting_button = QPushButton(icon("calendar"), self.tr("O&pen Meeting"))
        self.open_meeting_button.setObjectName("actionOpenMeeting")
        self.open_meeting_button.setAccessibleName(self.tr("Open the meeting"))
        self.open_meeting_button.setToolTip(self.tr("Show the meeting in the Calendar"))
        self.open_meeting_button.clicked.connect(self._open_meeting)
        row = QHBoxLayout()
        row.setSpacing(Space.S)
        row.addWidget(self.meeting_label, 1)
        row.addWidget(self.open_meeting_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def set_choices(
        self, goals: Sequence[tuple[int, str]], skills: Sequence[tuple[int, str]]
    ) -> None:
        """The goals and skills an item can serve, as (id, title); chosen ones stay chosen."""
        for combo, name, items in (
            (self.goal_combo, "goal_id", [(title, i) for i, title in goals]),
            (self.skill_combo, "skill_id", [(title, i) for i, title in skills]),
        ):
            combo.blockSignals(True)
            try:
                while combo.count() > 1:
                    combo.removeItem(1)
                for text, record_id in sorted(items, key=lambda item: fold(item[0])):
                    combo.addItem(text, record_id)
                chosen = getattr(self.form.stored, name)
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
            finally:
                combo.blockSignals(False)

    # --- showing -------------------------------------------------------------------------

    def update_heading(self) -> None:
        record: ActionItemRecord | None = self.record
        done = record is not None and record.is_done
        for name in ("done_on", "reported_on"):
            self.item_group.rows.setRowVisible(self._holders[name], done)
        if record is None:
            self.heading.setText(self.tr("New action item"))
            self.subheading.setText(
                self.tr("Say what to do to create the item; every field saves as you go.")
            )
            self._show_meeting(None)
            return
        fields = record.fields
        self.heading.setText(fields.text)
        parts = [label(fields.status)]
        if fields.due_on is not None:
            parts.append(self.tr("due {date}").format(date=format_date(fields.due_on)))
        if record.is_overdue(self._today()):
            parts.append(self.tr("overdue"))
        if record.awaits_report_back:
            parts.append(self.tr("not yet reported back"))
        self.subheading.setText(" · ".join(parts))
        self._show_meeting(record)

    def _show_meeting(self, record: ActionItemRecord | None) -> None:
        has_meeting = record is not None and record.fields.meeting_id is not None
        self.open_meeting_button.setVisible(has_meeting)
        if record is None or not has_meeting:
            self.meeting_label.setText(self.tr("Written down here, not from a meeting."))
        elif record.meeting_on is None:
            self.meeting_label.setText(
                self.tr("From the meeting “{title}”").format(title=record.meeting_title)
            )
        else:
            self.meeting_label.setText(
                self.tr("From the meeting “{title}” on {date}").format(
                    title=record.meeting_title, date=format_date(record.meeting_on)
                )
            )

    def _open_meeting(self) -> None:
        record: ActionItemRecord | None = self.record
        if record is not None and record.fields.meeting_id is not None:
            self.open_meeting_requested.emit(record.fields.meeting_id)

    # --- where this card's messages go (the rest is CardForm's) ------------------------

    def _adjust_errors(self, name: str, errors: dict[str, str]) -> set[str]:
        if "reported_on" in errors:
            errors["reported_on"] = self.tr("It was reported back before it was done.")
        # The two dates are checked together; the message stays by the reported-back date.
        return {"done_on", "reported_on"} if name in ("done_on", "reported_on") else {name}
