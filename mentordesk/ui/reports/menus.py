"""File > Export PDF… and the views' PDF actions: which report the dialog starts on (from
what the shown view has selected), the folder last saved to, the status bar afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from mentordesk.domain.agreement import AgreementRecord
from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import MeetingRecord
from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.timeline import TimelineFilter
from mentordesk.ui.common.icons import icon

if TYPE_CHECKING:
    from mentordesk.reports import Report, ReportRequest
    from mentordesk.ui.main_window import MainWindow
    from mentordesk.ui.reports.dialog import ExportPdfDialog


def preset_for(view: QWidget | None) -> ReportRequest:
    """The report a view's selection suggests: the selected mentor's summary, the shown
    meeting's preparation sheet, the selected agreement, the Timeline's range as a growth
    review; else a relationship summary (the dialog picks the first mentor).

    Read through the records the views hand out (feature folders never import each
    other): ``shown_meeting()`` (the Calendar), ``selected_record()`` (the list views),
    ``current_filter()`` (the Timeline).
    """
    # Here, not at the top: the main window imports this module at start-up.
    from mentordesk.reports import ReportKind, ReportRequest

    shown_meeting = getattr(view, "shown_meeting", None)
    selected = getattr(view, "selected_record", None)
    current_filter = getattr(view, "current_filter", None)
    if callable(shown_meeting):
        meeting = shown_meeting()
        if not isinstance(meeting, MeetingRecord):
            return ReportRequest(ReportKind.PREP)  # the dialog offers the next planned one
        if meeting.status is not MeetingStatus.PLANNED and meeting.mentor_ids:
            # A meeting already held (or called off): the relationship it belongs to.
            return ReportRequest(ReportKind.SUMMARY, mentor_ids=meeting.mentor_ids[:1])
        return ReportRequest(ReportKind.PREP, meeting_id=meeting.id)
    record = selected() if callable(selected) else None
    if isinstance(record, MentorRecord):
        return ReportRequest(ReportKind.SUMMARY, mentor_ids=(record.id,))
    if isinstance(record, AgreementRecord):
        return ReportRequest(ReportKind.AGREEMENT, agreement_id=record.id)
    shown = current_filter() if callable(current_filter) else None
    if isinstance(shown, TimelineFilter):
        mentors = (shown.mentor_id,) if shown.mentor_id is not None else ()
        return ReportRequest(ReportKind.GROWTH, mentors, shown.first_day, shown.last_day)
    return ReportRequest(ReportKind.SUMMARY)


class ReportMenus(QObject):
    """Adds File > Export PDF… (Ctrl+P) to ``file_menu`` after its Export submenu."""

    def __init__(self, window: MainWindow, file_menu: QMenu, before: QAction | None) -> None:
        super().__init__(window)
        self.window = window
        self.folder: Path | None = None  # Documents until a report is saved somewhere
        self.action = QAction(icon("report"), self.tr("Export &PDF…"), self)
        self.action.setShortcut(QKeySequence("Ctrl+P"))
        self.action.setStatusTip(
            self.tr("A PDF of a relationship, a growth review, a preparation sheet or an agreement")
        )
        self.action.triggered.connect(lambda: self.export_pdf())
        if before is not None:
            file_menu.insertAction(before, self.action)
        else:
            file_menu.addAction(self.action)

    def export_pdf(self, view: QWidget | None = None) -> ExportPdfDialog | None:
        """Open the dialog on what ``view`` (by default the shown one) has selected."""
        services = self.window.services
        if services is None:  # Ctrl+P in the moment before the data is open
            self.window.statusBar().showMessage(
                self.tr("Your data is still opening; try again in a moment."), 6000
            )
            return None
        from mentordesk.ui.reports.dialog import ExportPdfDialog

        shown = view if view is not None else self.window.stack.currentWidget()
        dialog = self.window.open_file_dialog(  # what is typed on a card is in the report
            lambda: ExportPdfDialog(
                services, self.window, preset=preset_for(shown), folder=self.folder
            )
        )
        dialog.saved.connect(self._saved)
        return dialog

    def _saved(self, path: Path, report: Report) -> None:
        self.folder = path.parent
        pages = (
            self.tr("1 page") if report.pages == 1 else self.tr("{n} pages").format(n=report.pages)
        )
        self.window.statusBar().showMessage(
            self.tr("Saved {title} ({pages}) to {path}.").format(
                title=report.title, pages=pages, path=path
            ),
            10_000,
        )
