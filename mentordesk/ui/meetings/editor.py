"""The meeting card: who, when and where; the agenda prepared beforehand and ticked off
during the meeting; the notes, advice and key takeaway written afterwards; and the action
items that came of it.

As on every card there is no Save button: each field is stored when it is left, and the
agenda and advice with each change. The editor only validates and asks; the Calendar view
performs every edit as an undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import MeetingFormat, MeetingStatus
from mentordesk.domain.meeting import AgendaItem, CalendarEntry, MeetingFields, MeetingRecord
from mentordesk.domain.mentor import MentorEntry
from mentordesk.domain.time_zones import city, local_zone_name, to_utc, wall_time, zone_error
from mentordesk.ui.common.card_fields import CardFields, FormGroup, align_captions, heading_labels
from mentordesk.ui.common.card_form import CardEditorMixin
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.line_list import Line, LineList
from mentordesk.ui.common.style import Space, tint
from mentordesk.ui.common.zone_field import complete_zones
from mentordesk.ui.meetings.items_panel import MeetingItemsPanel
from mentordesk.ui.meetings.mentor_chooser import MentorChooser
from mentordesk.ui.meetings.time_fields import DurationField, StartField


def blank_meeting(start: datetime | None = None) -> MeetingFields:
    """A new meeting: an hour in the computer's zone, by default tomorrow at 10:00."""
    if start is None:
        tomorrow = datetime.now().date().toordinal() + 1
        start = datetime.combine(datetime.fromordinal(tomorrow).date(), time(10, 0))
    return MeetingFields(title="", start=start, time_zone=local_zone_name())


def _noun(name: str) -> str:
    """How the undo menu names a field: "Undo Edit agenda of “1:1 with Amara”"."""
    nouns = {
        "title": "title",
        "mentor_ids": "mentors",
        "status": "status",
        "format": "format",
        "start": "start",
        "minutes": "duration",
        "time_zone": "time zone",
        "place_or_link": "place or link",
        "agenda": "agenda",
        "notes": "notes",
        "advice": "advice",
        "takeaway": "key takeaway",
    }
    return QCoreApplication.translate("MeetingEditor", nouns[name])


def short_time(moment: datetime) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


class MeetingEditor(CardEditorMixin, QScrollArea):
    """Shows one meeting's card, or a blank card for a new meeting."""

    edit_requested = Signal(str, object, object)
    create_requested = Signal(object)
    prepare_requested = Signal()
    action_from_advice_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._mentors: dict[int, MentorEntry] = {}
        self.make_form(blank_meeting(), "title", self.tr("Enter a title to save this meeting."))
        self._build()

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        page = QWidget()
        page.setObjectName("meetingEditorPage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(Space.M, Space.M, Space.M, Space.M)
        outer.setSpacing(Space.M)
        self.heading, self.subheading = heading_labels()
        outer.addWidget(self.heading)
        outer.addWidget(self.subheading)
        fields = CardFields(self.form, _noun)
        form = self.form

        fields.line(
            "title", self.tr("&Title"), self.tr("Required, e.g. Monthly 1:1"), reserve_message=True
        )
        self.mentors = MentorChooser()
        self.mentors.changed.connect(lambda: form.commit("mentor_ids"))
        fields.add(
            "mentor_ids",
            self.tr("&Mentors"),
            self.mentors,
            self.mentors.value,
            self.mentors.set_value,
        )
        fields.choice("status", self.tr("&Status"), MeetingStatus)
        fields.choice("format", self.tr("Form&at"), MeetingFormat)
        meeting = FormGroup(self.tr("Meeting"), fields).place(
            "title", "mentor_ids", "status", "format"
        )

        self.start = StartField()
        self.start.edited.connect(lambda: form.touched("start"))
        self.start.finished.connect(self._start_finished)
        fields.add(
            "start",
            self.tr("Sta&rts"),
            self.start,
            self.start.value,
            self.start.set_value,
            reserve_message=True,
        )
        self.duration = DurationField(lambda: self.start.time.time().toPython())
        self.duration.edited.connect(lambda: form.touched("minutes"))
        self.duration.finished.connect(lambda: form.commit("minutes"))
        fields.add(
            "minutes",
            self.tr("&Duration"),
            self.duration,
            self.duration.value,
            self.duration.set_value,
        )
        zone = fields.line("time_zone", self.tr("Time &zone"), self.tr("e.g. Europe/Berlin"))
        complete_zones(zone, self)
        fields.line(
            "place_or_link",
            self.tr("P&lace or link"),
            self.tr("An address, a room, or the video call's link"),
        )
        self.time_there = QLabel()
        self.time_there.setObjectName("meetingTimeThere")
        self.time_there.setWordWrap(True)
        self.overlap_warning = QLabel()
        self.overlap_warning.setObjectName("meetingOverlap")
        self.overlap_warning.setWordWrap(True)
        tint(self.overlap_warning, "caution")
        when = FormGroup(self.tr("When and where"), fields).place(
            "start", "minutes", "time_zone", "place_or_link"
        )
        when.rows.addRow(self.time_there)
        when.rows.addRow(self.overlap_warning)
        align_captions((meeting, when))
        outer.addWidget(meeting)
        outer.addWidget(when)

        self.agenda = LineList(
            self.tr("Agenda"),
            checkable=True,
            notes_caption=self.tr("From"),
            add_text=self.tr("Add &Question"),
        )
        self.agenda.changed.connect(lambda: form.commit("agenda"))
        fields.add("agenda", "", self.agenda, self._read_agenda, self._write_agenda)
        self.prepare_button = QPushButton(icon("prepare"), self.tr("&Prepare"))
        self.prepare_button.setToolTip(
            self.tr(
                "Add what is open with these mentors: action items, things to report back, "
                "questions left from last time, the agreement's objectives (Ctrl+Shift+P)"
            )
        )
        self.prepare_button.setAccessibleName(self.tr("Prepare the agenda"))
        self.prepare_button.clicked.connect(self.prepare_requested)
        self.agenda.buttons.insertWidget(0, self.prepare_button)
        preparation = FormGroup(self.tr("Preparation"), fields).place("agenda")
        outer.addWidget(preparation)

        fields.text(
            "notes",
            self.tr("&Notes"),
            self.tr("What was discussed. Markdown works: # headings, - lists, **bold**."),
            minimum_height=140,
            lines=10,
        )
        self.notes_view = QTextBrowser()
        self.notes_view.setObjectName("meetingNotesView")
        self.notes_view.setAccessibleName(self.tr("Notes, formatted"))
        self.notes_view.setOpenExternalLinks(False)
        self.notes_view.setMinimumHeight(140)
        self.notes_stack = QStackedWidget()
        self.notes_stack.addWidget(fields.holders["notes"])
        self.notes_stack.addWidget(self.notes_view)
        fields.holders["notes"] = self.notes_stack
        self.notes_toggle = QPushButton(self.tr("Sho&w Formatted"))
        self.notes_toggle.setAccessibleName(self.tr("Switch between editing and formatted notes"))
        self.notes_toggle.clicked.connect(
            lambda: self.show_notes_formatted(not self.notes_formatted)
        )
        self.advice = LineList(self.tr("Advice received"), checkable=False, add_text=self.tr("Add"))
        self.advice.changed.connect(lambda: form.commit("advice"))
        fields.add(
            "advice",
            self.tr("Advice"),
            self.advice,
            self._read_advice,
            lambda v: self.advice.set_value([Line(t) for t in v]),
        )
        self.to_action = QPushButton(icon("actions"), self.tr("Make Action &Item"))
        self.to_action.setToolTip(self.tr("Turn the selected advice into an action item"))
        self.to_action.setAccessibleName(self.to_action.toolTip())
        self.to_action.clicked.connect(self._advice_to_action)
        self.advice.buttons.insertWidget(self.advice.buttons.count() - 1, self.to_action)
        fields.line("takeaway", self.tr("&Key takeaway"), self.tr("The one thing to remember"))
        notes = FormGroup(self.tr("Notes"), fields).place("notes", "advice", "takeaway", top=True)
        notes.rows.insertRow(0, self.notes_toggle)
        outer.addWidget(notes)

        self.items = MeetingItemsPanel()
        items_box = FormGroup(self.tr("Action items from this meeting"), fields)
        items_box.rows.addRow(self.items)
        self.items_box = items_box
        outer.addWidget(items_box)
        align_captions((meeting, when, preparation, notes))
        outer.addStretch()
        self.setWidget(page)
        self.notes_formatted = False

    # --- the parts that are not one widget's text -----------------------------------------

    def _read_agenda(self) -> tuple[AgendaItem, ...]:
        return tuple(AgendaItem(line.text, line.checked, line.note) for line in self.agenda.value())

    def _write_agenda(self, agenda: tuple[AgendaItem, ...]) -> None:
        self.agenda.set_value([Line(a.text, a.done, a.origin) for a in agenda])

    def _read_advice(self) -> tuple[str, ...]:
        return tuple(line.text for line in self.advice.value())

    def _advice_to_action(self) -> None:
        item = self.advice.tree.currentItem()
        if item is not None and item.text(0).strip():
            self.action_from_advice_requested.emit(item.text(0).strip())

    def _start_finished(self) -> None:
        self.duration.show_end()
        self.form.commit("start")
        self._show_time_there()

    def show_notes_formatted(self, formatted: bool) -> None:
        """The notes as written (Markdown) or as they read."""
        if formatted:
            self.form.commit("notes")
            self.notes_view.setMarkdown(self.form.fields["notes"].read())
        self.notes_formatted = formatted
        self.notes_stack.setCurrentIndex(1 if formatted else 0)
        self.notes_toggle.setText(
            self.tr("Edit N&otes") if formatted else self.tr("Sho&w Formatted")
        )

    # --- showing -------------------------------------------------------------------------

    def set_mentors(self, mentors: Sequence[MentorEntry]) -> None:
        self._mentors = {m.id: m for m in mentors}
        self.mentors.set_mentors(mentors)
        self._show_time_there()

    def show_record(self, record: MeetingRecord) -> None:
        same = not self.form.show_record(record)
        if same or self.is_new:
            self.show_notes_formatted(bool(record.fields.notes))
        self.items_box.setVisible(True)
        self.prepare_button.setEnabled(record.status is MeetingStatus.PLANNED)
        self.update_heading()
        self._show_time_there()

    def start_new(self, start: datetime | None = None) -> None:
        """A blank card starting at ``start`` (naive local time); created once it has a title."""
        self.form.blank = blank_meeting(start)
        self.form.start_new()
        self.items.set_items([])
        self.items_box.setVisible(False)
        self.show_notes_formatted(False)
        self.show_overlaps([])
        self.update_heading()
        self._show_time_there()
        self.focus_field("title")

    def show_overlaps(self, others: Sequence[CalendarEntry | MeetingRecord]) -> None:
        if not others:
            self.overlap_warning.hide()
            return
        names = "; ".join(
            f"“{o.title}” {short_time(o.local_start())}–{short_time(o.ends_at.astimezone())}"
            for o in others[:3]
        )
        self.overlap_warning.setText(self.tr("⚠ Overlaps {meetings}").format(meetings=names))
        self.overlap_warning.show()

    def update_heading(self) -> None:
        record = self.record
        if record is None:
            self.heading.setText(self.tr("New meeting"))
            self.subheading.setText(
                self.tr("Type a title to create the meeting; every field saves as you go.")
            )
            return
        start = record.local_start()
        day = QLocale().toString(
            QDate(start.year, start.month, start.day), QLocale.FormatType.LongFormat
        )
        parts = [
            f"{day}, {short_time(start)}–{short_time(record.ends_at.astimezone())}",
            label(record.status),
        ]
        if record.is_unassigned:
            parts.append(self.tr("no mentor yet"))
        self.heading.setText(record.title)
        self.subheading.setText(" · ".join(parts))

    def _show_time_there(self) -> None:
        """The start here, and where a mentor lives in another zone, there too."""
        try:
            start, zone_name = self.start.value(), self.form.fields["time_zone"].read().strip()
        except ValueError:
            self.time_there.clear()
            return
        if zone_error(zone_name) is not None:
            self.time_there.clear()
            return
        try:
            moment = to_utc(start, zone_name)
        except ValueError:
            self.time_there.clear()
            return
        here = moment.astimezone()
        parts = [self.tr("{time} here").format(time=short_time(here))]
        if here.date() != start.date():
            parts[0] = self.tr("{time} here ({day})").format(
                time=short_time(here), day=format_date(here.date())
            )
        seen = {local_zone_name()}
        for mentor_id in self.mentors.value():
            mentor = self._mentors.get(mentor_id)
            zone_there = mentor.time_zone if mentor else ""
            if not zone_there or zone_there in seen or zone_error(zone_there) is not None:
                continue
            seen.add(zone_there)
            there = wall_time(moment, zone_there)
            parts.append(
                self.tr("{time} in {city}").format(time=short_time(there), city=city(zone_there))
            )
        self.time_there.setText(" · ".join(parts))
        self.time_there.setVisible(len(parts) > 1)

    def focus_agenda(self) -> None:
        self.agenda.tree.setFocus(Qt.FocusReason.OtherFocusReason)
