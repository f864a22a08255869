"""File > Export > Calendar: which meetings (all, or one mentor's; all days, or a range), then
the file, written off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from mentordesk.domain.mentor import sorted_by_name
from mentordesk.interchange.ics_export import CalendarExport
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.export_dialog import FileExportDialog
from mentordesk.ui.common.form_parts import UnreadableValue
from mentordesk.ui.common.job import Work
from mentordesk.ui.common.style import Space

if TYPE_CHECKING:
    from mentordesk.services.context import Services


class ExportDialog(FileExportDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(
            self.tr("Export Calendar"),
            self.tr(
                "Writes the meetings to an iCalendar (.ics) file that Google Calendar, "
                "Outlook, Apple Calendar and Thunderbird open. Exporting again later updates "
                "the same events there instead of adding them twice. Your notes, advice and "
                "takeaways stay in MentorDesk."
            ),
            parent,
            folder=folder,
            object_name="exportCalendarDialog",
        )
        self._services = services
        today = today or date.today()

        self.mentor_combo = QComboBox()
        self.mentor_combo.setObjectName("exportMentor")
        self.mentor_combo.addItem(self.tr("All mentors"), None)
        for mentor in sorted_by_name(services.mentors.list_all()):
            self.mentor_combo.addItem(mentor.name, mentor.id)
        self.all_days = QRadioButton(self.tr("&All meetings"))
        self.some_days = QRadioButton(self.tr("Meetings &from"))
        self.all_days.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.all_days)
        group.addButton(self.some_days)
        self.from_field = DateField(optional=False)
        self.from_field.setObjectName("exportFrom")
        self.from_field.set_value(today - timedelta(days=365))
        self.to_field = DateField(optional=False)
        self.to_field.setObjectName("exportTo")
        self.to_field.set_value(today + timedelta(days=365))
        for field in (self.from_field, self.to_field):
            field.edited.connect(lambda: self.some_days.setChecked(True))
        days = QHBoxLayout()
        days.setSpacing(Space.S)
        days.addWidget(self.some_days)
        days.addWidget(self.from_field)
        to_label = QLabel(self.tr("&to"))
        to_label.setBuddy(self.to_field)
        days.addWidget(to_label)
        days.addWidget(self.to_field)
        days.addStretch(1)
        mentor_label = QLabel(self.tr("&Mentor:"))
        mentor_label.setBuddy(self.mentor_combo)
        self.form.addRow(mentor_label, self.mentor_combo)
        self.form.addRow(QLabel(self.tr("Days:")), self.all_days)
        self.form.addRow("", days)

    def chosen(self) -> tuple[list[int], date | None, date | None] | None:
        """The mentors and days chosen, or None (with a message) when the days are wrong."""
        mentor = self.mentor_combo.currentData()
        mentors = [] if mentor is None else [int(mentor)]
        if self.all_days.isChecked():
            return mentors, None, None
        try:
            start, end = self.from_field.value(), self.to_field.value()
        except UnreadableValue as exc:
            self.say(str(exc), danger=True)
            return None
        if start is not None and end is not None and end < start:
            self.say(self.tr("The first day is after the last."), danger=True)
            return None
        return mentors, start, end

    def destination(self) -> Path | None:
        if self.chosen() is None:
            return None
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Calendar"),
            str(self.folder / "mentoring.ics"),
            self.tr("iCalendar files (*.ics);;All files (*)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".ics")

    def work_for(self, path: Path) -> Work | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        mentors, start, end = chosen
        export = CalendarExport(self._services)
        if not export.meetings(mentors, start, end):
            self.say(self.tr("No meetings match; choose another mentor or other days."))
            return None

        def work(_progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            return export.write(path, mentors, start, end, cancelled=cancelled)

        return work
