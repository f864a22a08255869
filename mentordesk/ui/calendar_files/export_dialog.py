"""File > Export > Calendar: which meetings (all, or one mentor's; all days, or a range), then
the file, written off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.mentor import sorted_by_name
from mentordesk.interchange.ics_export import CalendarExport, ExportResult
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.form_parts import UnreadableValue
from mentordesk.ui.common.job import Job
from mentordesk.ui.common.style import Space, tint

if TYPE_CHECKING:
    from mentordesk.services.context import Services


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportCalendarDialog")
        self.setWindowTitle(self.tr("Export Calendar"))
        self._services = services
        self.folder = folder or Path.home()
        self.result: ExportResult | None = None
        self.job = Job(self)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        today = today or date.today()

        intro = QLabel(
            self.tr(
                "Writes the meetings to an iCalendar (.ics) file that Google Calendar, "
                "Outlook, Apple Calendar and Thunderbird open. Exporting again later updates "
                "the same events there instead of adding them twice. Your notes, advice and "
                "takeaways stay in MentorDesk."
            )
        )
        intro.setWordWrap(True)
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
        form = QFormLayout()
        form.setSpacing(Space.S)
        mentor_label = QLabel(self.tr("&Mentor:"))
        mentor_label.setBuddy(self.mentor_combo)
        form.addRow(mentor_label, self.mentor_combo)
        form.addRow(QLabel(self.tr("Days:")), self.all_days)
        form.addRow("", days)
        self.message = QLabel()
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a path or a message: text
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.clicked.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)  # Enter exports

        layout = QVBoxLayout(self)
        layout.setSpacing(Space.M)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, 300)

    def chosen(self) -> tuple[list[int], date | None, date | None] | None:
        """The mentors and days chosen, or None (with a message) when the days are wrong."""
        mentor = self.mentor_combo.currentData()
        mentors = [] if mentor is None else [int(mentor)]
        if self.all_days.isChecked():
            return mentors, None, None
        try:
            start, end = self.from_field.value(), self.to_field.value()
        except UnreadableValue as exc:
            self._say(str(exc), danger=True)
            return None
        if start is not None and end is not None and end < start:
            self._say(self.tr("The first day is after the last."), danger=True)
            return None
        return mentors, start, end

    def choose_file(self) -> None:
        if self.chosen() is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Calendar"),
            str(self.folder / "mentoring.ics"),
            self.tr("iCalendar files (*.ics);;All files (*)"),
        )
        if name:
            path = Path(name)
            self.export_to(path if path.suffix else path.with_suffix(".ics"))

    def export_to(self, path: Path) -> None:
        """Write the chosen meetings to ``path`` off the GUI thread."""
        chosen = self.chosen()
        if chosen is None or self.job.running:
            return
        mentors, start, end = chosen
        export = CalendarExport(self._services)
        if not export.meetings(mentors, start, end):
            self._say(self.tr("No meetings match; choose another mentor or other days."))
            return
        self.folder = path.parent
        self._say(self.tr("Writing {path}…").format(path=path))
        self.progress.show()
        self.export_button.setEnabled(False)

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> object:
            return export.write(path, mentors, start, end)

        self.job.start(work)

    def _say(self, text: str, *, danger: bool = False) -> None:
        self.message.setText(text)
        if danger:
            tint(self.message, "danger")
        else:
            from mentordesk.ui.common.style import untint

            untint(self.message)

    def _succeeded(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self.progress.hide()
        self.result = result
        self.exported.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self._say(str(error), danger=True)

    def reject(self) -> None:
        self.job.wait()  # a file being written is finished first (it is quick)
        super().reject()
