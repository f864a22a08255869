"""The export dialog's form: which report, and what it is about (mentor or mentors, days,
meeting, agreement), on which paper. It reads its choices once, on the GUI thread, and
turns what is chosen into a ``ReportRequest``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QListView,
    QWidget,
)

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.settings import PaperSize
from mentordesk.reports import ReportError, ReportKind, ReportRequest
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.style import Space

if TYPE_CHECKING:
    from mentordesk.domain.agreement import AgreementRecord
    from mentordesk.domain.meeting import MeetingRecord
    from mentordesk.domain.mentor import MentorEntry
    from mentordesk.services.context import Services

PLANNED_SHOWN = 60  # the next planned meetings offered for a preparation sheet
MENTOR_ROWS = 6  # rows of the growth review's list of mentors shown before it scrolls


def last_twelve_months(today: date) -> tuple[date, date]:
    """The growth review's usual range: the year up to and including today."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return year_ago + timedelta(days=1), today


class ReportChoices(QWidget):
    """The form. ``changed`` whenever a choice changes (the preview is then out of date)."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        paper: PaperSize,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        meeting_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self._mentors: Sequence[MentorEntry] = services.mentors.directory()
        self._names = {m.id: m.name for m in self._mentors}
        self._meetings = self._planned_meetings(services, meeting_id)
        self._agreements: Sequence[AgreementRecord] = sorted(
            services.agreements.list_all(),
            key=lambda a: (self._names.get(a.mentor_id, "").casefold(), a.title.casefold()),
        )
        growth = last_twelve_months(self.today)
        # What the From and To fields hold for each report with a range, as typed.
        self._ranges: dict[ReportKind, tuple[str, str]] = {
            ReportKind.SUMMARY: ("", ""),
            ReportKind.GROWTH: (format_date(growth[0]), format_date(growth[1])),
        }
        self._build(paper)
        self._kind = ReportKind.SUMMARY
        self._show_kind(ReportKind.SUMMARY)

    # --- construction --------------------------------------------------------------------

    def _build(self, paper: PaperSize) -> None:
        tr = self.tr
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("reportKind")
        for kind, text in (
            (ReportKind.SUMMARY, tr("Relationship summary")),
            (ReportKind.GROWTH, tr("Growth review")),
            (ReportKind.PREP, tr("Meeting preparation sheet")),
            (ReportKind.AGREEMENT, tr("Agreement")),
        ):
            self.kind_combo.addItem(text, kind)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._show_kind(self.kind()))
        self.about = QLabel()
        self.about.setObjectName("reportAbout")
        self.about.setWordWrap(True)

        self.mentor_combo = QComboBox()
        self.mentor_combo.setObjectName("reportMentor")
        for mentor in self._mentors:
            shown = tr("{name} (archived)").format(name=mentor.name)
            self.mentor_combo.addItem(shown if mentor.is_archived else mentor.name, mentor.id)
        self._empty_choice(self.mentor_combo, tr("No mentors yet: add one under Mentors"))

        self.mentor_model = QStandardItemModel(self)
        for mentor in self._mentors:
            item = QStandardItem(mentor.name)
            item.setData(mentor.id, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            self.mentor_model.appendRow(item)
        self.mentor_model.itemChanged.connect(lambda _item: self.changed.emit())
        self.mentor_list = QListView()
        self.mentor_list.setObjectName("reportMentors")
        self.mentor_list.setModel(self.mentor_model)
        self.mentor_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = max(2, min(MENTOR_ROWS, len(self._mentors)))
        self.mentor_list.setFixedHeight(self.mentor_list.sizeHintForRow(0) * rows + 6)
        self.mentor_hint = QLabel(tr("None ticked: every mentor. Space ticks the one selected."))
        self.mentor_hint.setWordWrap(True)

        self.from_field = DateField()
        self.from_field.setObjectName("reportFrom")
        self.to_field = DateField()
        self.to_field.setObjectName("reportTo")
        self.days_hint = QLabel()
        self.days_hint.setWordWrap(True)

        self.meeting_combo = QComboBox()
        self.meeting_combo.setObjectName("reportMeeting")
        for meeting in self._meetings:
            self.meeting_combo.addItem(self._meeting_text(meeting), meeting.id)
        self._empty_choice(self.meeting_combo, tr("No planned meetings: plan one in the Calendar"))

        self.agreement_combo = QComboBox()
        self.agreement_combo.setObjectName("reportAgreement")
        for agreement in self._agreements:
            self.agreement_combo.addItem(self._agreement_text(agreement), agreement.id)
        self._empty_choice(
            self.agreement_combo, tr("No agreements yet: write one under Agreements")
        )

        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("reportPaper")
        self.paper_combo.addItem(tr("A4 (210 × 297 mm)"), PaperSize.A4)
        self.paper_combo.addItem(tr("US Letter (8.5 × 11 in)"), PaperSize.LETTER)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper)))

        for combo in (self.mentor_combo, self.meeting_combo, self.agreement_combo):
            combo.setMinimumContentsLength(18)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        for combo in (
            self.mentor_combo,
            self.meeting_combo,
            self.agreement_combo,
            self.paper_combo,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for field in (self.from_field, self.to_field):
            field.textChanged.connect(lambda _t: self.changed.emit())

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(Space.S)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        for caption, widget in (
            (tr("&Report:"), self.kind_combo),
            ("", self.about),
            (tr("&Mentor:"), self.mentor_combo),
            (tr("M&entors:"), self.mentor_list),
            ("", self.mentor_hint),
            (tr("&From:"), self.from_field),
            (tr("&To:"), self.to_field),
            ("", self.days_hint),
            (tr("Meetin&g:"), self.meeting_combo),
            (tr("&Agreement:"), self.agreement_combo),
            (tr("&Paper:"), self.paper_combo),
        ):
            if caption:
                caption_label = QLabel(caption)
                caption_label.setBuddy(widget)
                form.addRow(caption_label, widget)
            else:
                form.addRow(widget)  # a line of explanation under the field above it

    def _empty_choice(self, combo: QComboBox, text: str) -> None:
        """A combo with nothing to choose says what to do about it (and is not a choice)."""
        if combo.count() == 0:
            combo.setPlaceholderText(text)
            combo.setEnabled(False)

    @staticmethod
    def _planned_meetings(services: Services, meeting_id: int | None) -> list[MeetingRecord]:
        """The next planned meetings (from the start of today), and ``meeting_id``'s
        meeting whatever its day or state, so the one the person came from is offered."""
        start = datetime.combine(date.today(), datetime.min.time()).astimezone()
        planned = [m for m in services.meetings.between(start) if m.status is MeetingStatus.PLANNED]
        meetings = planned[:PLANNED_SHOWN]
        if meeting_id is not None and all(m.id != meeting_id for m in meetings):
            meetings.insert(0, services.meetings.get(meeting_id))
        return meetings

    def _meeting_text(self, meeting: MeetingRecord) -> str:
        names = ", ".join(self._names.get(i, "?") for i in meeting.mentor_ids)
        when = f"{format_date(meeting.local_day())} {meeting.local_start():%H:%M}"
        text = f"{when} · {meeting.title}"
        if names:
            text += f" ({names})"
        if meeting.status is not MeetingStatus.PLANNED:
            text += f" · {label(meeting.status)}"
        return text

    def _agreement_text(self, agreement: AgreementRecord) -> str:
        mentor = self._names.get(agreement.mentor_id, "?")
        return f"{mentor}: {agreement.title} ({label(agreement.fields.status)})"

    # --- which rows show -----------------------------------------------------------------

    def kind(self) -> ReportKind:
        return ReportKind(self.kind_combo.currentData())

    def _show_kind(self, kind: ReportKind) -> None:
        if self._kind in self._ranges:
            self._ranges[self._kind] = (self.from_field.text(), self.to_field.text())
        self._kind = kind
        if kind in self._ranges:
            start, end = self._ranges[kind]
            for field, text in ((self.from_field, start), (self.to_field, end)):
                field.blockSignals(True)
                field.setText(text)
                field.setCursorPosition(0)
                field.blockSignals(False)
        tr = self.tr
        about = {
            ReportKind.SUMMARY: tr(
                "One relationship: the contact card, the agreement, every meeting with its "
                "takeaway, action items, goals, skills and thanks."
            ),
            ReportKind.GROWTH: tr(
                "Your growth over a range of days: goals, skills at the start and the end, "
                "meetings per mentor and month, highlights."
            ),
            ReportKind.PREP: tr(
                "One page to take into a meeting: the agenda with room to write, what to "
                "report on, last time's takeaway."
            ),
            ReportKind.AGREEMENT: tr(
                "Everything agreed with a mentor, with its date and revision, to send to them."
            ),
        }
        self.about.setText(about[kind])
        self.days_hint.setText(
            tr("Leave both empty for all time.")
            if kind is ReportKind.SUMMARY
            else tr("The last 12 months unless you change it.")
        )
        rows = {
            self.mentor_combo: kind is ReportKind.SUMMARY,
            self.mentor_list: kind is ReportKind.GROWTH,
            self.mentor_hint: kind is ReportKind.GROWTH,
            self.from_field: kind in self._ranges,
            self.to_field: kind in self._ranges,
            self.days_hint: kind in self._ranges,
            self.meeting_combo: kind is ReportKind.PREP,
            self.agreement_combo: kind is ReportKind.AGREEMENT,
        }
        for widget, shown in rows.items():
            self.form.setRowVisible(widget, shown)
        self.changed.emit()

    # --- the request ---------------------------------------------------------------------

    def set_preset(self, preset: ReportRequest) -> None:
        """Show the choices ``preset`` makes (the report, its mentor, days...)."""
        if preset.kind in self._ranges:
            self._ranges[preset.kind] = (format_date(preset.start), format_date(preset.end))
            if preset.kind is ReportKind.GROWTH and preset.start is None and preset.end is None:
                growth = last_twelve_months(self.today)
                self._ranges[preset.kind] = (format_date(growth[0]), format_date(growth[1]))
        if preset.mentor_ids:
            index = self.mentor_combo.findData(preset.mentor_ids[0])
            if index >= 0:
                self.mentor_combo.setCurrentIndex(index)
            if preset.kind is ReportKind.GROWTH:
                for row in range(self.mentor_model.rowCount()):
                    item = self.mentor_model.item(row)
                    ticked = item.data(Qt.ItemDataRole.UserRole) in preset.mentor_ids
                    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        for combo, wanted in (
            (self.meeting_combo, preset.meeting_id),
            (self.agreement_combo, preset.agreement_id),
            (self.paper_combo, preset.paper),
        ):
            if wanted is not None and combo.findData(wanted) >= 0:
                combo.setCurrentIndex(combo.findData(wanted))
        # The form's own kind last: switching loads the days stored above.
        self._kind = ReportKind.PREP  # not one with days: nothing is saved over the preset
        index = self.kind_combo.findData(preset.kind)
        if index == self.kind_combo.currentIndex():
            self._show_kind(preset.kind)
        else:
            self.kind_combo.setCurrentIndex(index)

    def ticked_mentors(self) -> tuple[int, ...]:
        ids = []
        for row in range(self.mentor_model.rowCount()):
            item = self.mentor_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def request(self) -> ReportRequest:
        """What is chosen; UnreadableValue (a date that is not one) or ReportError (nothing
        to choose from, a backwards range) with a message for the person."""
        kind = self.kind()
        paper = PaperSize(self.paper_combo.currentData())
        tr = self.tr
        if kind is ReportKind.SUMMARY:
            if self.mentor_combo.currentData() is None:
                raise ReportError(tr("There is no mentor to summarise yet: add one first."))
            start, end = self.from_field.value(), self.to_field.value()
            mentors = (int(self.mentor_combo.currentData()),)
            request = ReportRequest(kind, mentors, start, end, paper=paper)
        elif kind is ReportKind.GROWTH:
            start, end = self.from_field.value(), self.to_field.value()
            request = ReportRequest(kind, self.ticked_mentors(), start, end, paper=paper)
        elif kind is ReportKind.PREP:
            meeting = self.meeting_combo.currentData()
            if meeting is None:
                raise ReportError(
                    tr("There is no planned meeting: plan one in the Calendar first.")
                )
            request = ReportRequest(kind, meeting_id=int(meeting), paper=paper)
        else:
            agreement = self.agreement_combo.currentData()
            if agreement is None:
                raise ReportError(tr("There is no agreement yet: write one first."))
            request = ReportRequest(kind, agreement_id=int(agreement), paper=paper)
        if request.start and request.end and request.end < request.start:
            raise ReportError(tr("The first day is after the last: swap them."))
        return request.checked()

    def file_name(self) -> str:
        """A name for the saved file: the report, what it is about, the day
        ("Relationship summary - Amara Okafor - 2026-12-02.pdf")."""
        kind = self.kind()
        parts = [self.kind_combo.currentText()]
        day = self.today
        if kind is ReportKind.SUMMARY:
            parts.append(self._names.get(self.mentor_combo.currentData(), ""))
        elif kind is ReportKind.PREP:
            found = [m for m in self._meetings if m.id == self.meeting_combo.currentData()]
            if found:
                parts.append(found[0].title)
                day = found[0].local_day()  # the meeting's day, not today's
        elif kind is ReportKind.AGREEMENT:
            chosen = self.agreement_combo.currentData()
            agreements = [a for a in self._agreements if a.id == chosen]
            if agreements:
                parts.append(self._names.get(agreements[0].mentor_id, ""))
        else:
            names = [self._names.get(i, "") for i in self.ticked_mentors()]
            if 0 < len(names) <= 2:
                parts.append(", ".join(names))
        parts.append(day.isoformat())
        return safe_file_name(" - ".join(p for p in parts if p.strip())) + ".pdf"


def safe_file_name(text: str, limit: int = 120) -> str:
    """``text`` with what no file system takes in a name (/ \\ : * ? " < > |, control
    characters) replaced, and shortened to ``limit`` characters."""
    cleaned = "".join("-" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in text)
    cleaned = " ".join(cleaned.split()).strip(" .")
    return cleaned[:limit].rstrip(" .") or "report"
