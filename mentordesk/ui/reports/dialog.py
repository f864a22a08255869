"""File > Export PDF…: choose a report, preview its real pages, save it.

The report is made off the GUI thread (``ReportJob``) with a progress bar and Cancel; Save
writes the very bytes previewed (or makes them first when the choices changed), with
``write_atomically``, after asking before an existing file is replaced. Cancel and every
failure leave no file and change nothing.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.settings import PaperSize
from mentordesk.domain.validation import DomainError
from mentordesk.reports import Report, ReportRequest, paper_for, write_atomically
from mentordesk.ui.common.form_parts import UnreadableValue
from mentordesk.ui.common.questions import confirm
from mentordesk.ui.common.style import Space, show_message
from mentordesk.ui.reports.choices import ReportChoices
from mentordesk.ui.reports.job import ReportJob
from mentordesk.ui.reports.preview import PdfPreview

if TYPE_CHECKING:
    from mentordesk.services.context import Services

FORM_WIDTH = 310  # the choices' column; the preview takes the rest


def documents_folder() -> Path:
    """Where reports are saved first: the person's Documents folder, else home."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


class ExportPdfDialog(QDialog):
    """``saved(path, report)`` once a file is written (then the dialog closes)."""

    saved = Signal(object, object)  # Path, Report

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        preset: ReportRequest | None = None,
        folder: Path | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportPdfDialog")
        self.setWindowTitle(self.tr("Export PDF"))
        self.folder = folder or documents_folder()
        self.report: Report | None = None  # the one previewed
        self._report_request: ReportRequest | None = None  # what it was made from
        self._pending: Path | None = None  # where to save once the report is made
        self._generating_request: ReportRequest | None = None
        self._closing = False
        self.job = ReportJob(services, self)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._made)
        self.job.cancelled.connect(self._cancelled)
        self.job.failed.connect(self._failed)

        paper = paper_for(services.settings.read(), None)
        meeting_id = preset.meeting_id if preset is not None else None
        self.choices = ReportChoices(services, paper, today=today, meeting_id=meeting_id)
        if preset is not None:
            self.choices.set_preset(preset)
        self.choices.changed.connect(self._choices_changed)

        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # paths and messages: text
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Ca&ncel"))
        self.cancel_button.setObjectName("reportCancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel_generation)
        progress_row = QHBoxLayout()
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.setSpacing(Space.S)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        self.progress_box.hide()

        self.preview_button = QPushButton(self.tr("Pre&view"))
        self.preview_button.setObjectName("reportPreviewButton")
        left = QWidget()
        left.setFixedWidth(FORM_WIDTH)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(Space.M)
        column.addWidget(self.choices)
        preview_row = QHBoxLayout()
        preview_row.addStretch(1)
        preview_row.addWidget(self.preview_button)
        column.addLayout(preview_row)
        column.addStretch(1)
        column.addWidget(self.message)
        column.addWidget(self.progress_box)
        self.preview = PdfPreview()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("&Save…"))
        self.save_button.setObjectName("reportSave")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        self.preview_button.clicked.connect(self.start_preview)
        self.save_button.clicked.connect(self.choose_file)
        self.close_button.clicked.connect(self.close_dialog)

        body = QHBoxLayout()
        body.setSpacing(Space.L)
        body.addWidget(left)
        body.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(Space.M)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self._set_default(self.preview_button)
        self.resize(self._fitting_size(parent))

    def _fitting_size(self, parent: QWidget | None) -> QSize:
        """Room for a page to be read; never larger than the window it belongs to."""
        size = QSize(1000, 720).expandedTo(self.minimumSizeHint())
        if parent is not None:
            size = size.boundedTo(parent.window().size() - QSize(24, 24))
        return size

    # --- generating ----------------------------------------------------------------------

    @property
    def generating(self) -> bool:
        return self.job.running

    def _request(self) -> ReportRequest | None:
        """What is chosen, or None with the reason said."""
        try:
            return self.choices.request()
        except (UnreadableValue, DomainError) as exc:
            self._say(str(exc), danger=True)
            return None

    def _current_report(self, request: ReportRequest) -> Report | None:
        """The previewed report when it was made from exactly ``request``."""
        return self.report if self._report_request == request else None

    def start_preview(self) -> None:
        """Make the chosen report off the GUI thread and show its pages."""
        request = self._request()
        if request is None or self.generating:
            return
        self._pending = None
        self._generate(request)

    def _generate(self, request: ReportRequest) -> None:
        self._generating_request = request
        self._say(self.tr("Making the report…"))
        self.progress.setRange(0, 0)  # reading the data: no page count yet
        self.progress_box.show()
        self._set_busy(True)
        self.job.start(request)

    def _set_busy(self, busy: bool) -> None:
        self.choices.setEnabled(not busy)
        self.preview_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.progress_box.setVisible(busy)
        if busy:
            self.cancel_button.setFocus()

    def cancel_generation(self) -> None:
        if self.generating:
            self._say(self.tr("Stopping…"))
            self.job.cancel()

    def _progressed(self, page: int, pages: int) -> None:
        self.progress.setRange(0, pages)
        self.progress.setValue(page)
        self._say(self.tr("Laying out page {page} of {pages}…").format(page=page, pages=pages))

    def _made(self, result: object) -> None:
        assert isinstance(result, Report)
        self._set_busy(False)
        self.report = result
        self._report_request = self._generating_request
        paper = PaperSize(self.choices.paper_combo.currentData())
        pages = (
            self.tr("1 page") if result.pages == 1 else self.tr("{n} pages").format(n=result.pages)
        )
        paper_name = self.tr("A4") if paper is PaperSize.A4 else self.tr("US Letter")
        self.preview.show_pdf(result.data, f"{pages}, {paper_name} · {result.title}")
        self._set_default(self.save_button)
        pending, self._pending = self._pending, None
        if pending is not None:
            self._write(result, pending)
            return
        request = self._report_request
        if result.is_empty and request is not None and (request.start or request.end):
            self._say(
                self.tr(
                    "Nothing was recorded in this range, and the document says so. Choose "
                    "other days to see more."
                )
            )
        elif result.is_empty:
            self._say(self.tr("Nothing is recorded for this yet; the document says so."))
        else:
            self._say(self.tr("Preview ready. Save… writes these pages to a file."))
        self.preview.view.setFocus()

    def _cancelled(self) -> None:
        self._set_busy(False)
        self._pending = None
        self._say(self.tr("Cancelled. Nothing was saved."))
        self.preview_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._pending = None
        if isinstance(error, DomainError):
            self._say(str(error), danger=True)
        else:  # a bug: the error reporter has logged it; say it plainly here
            self._say(
                self.tr("The report could not be made: {error}").format(error=error),
                danger=True,
            )

    def _choices_changed(self) -> None:
        if self.report is None:
            return
        request = None
        with contextlib.suppress(UnreadableValue, DomainError):
            request = self.choices.request()
        stale = request is None or self._current_report(request) is None
        self.preview.set_stale(stale)
        self._set_default(self.preview_button if stale else self.save_button)

    # --- saving --------------------------------------------------------------------------

    def default_path(self) -> Path:
        return self.folder / self.choices.file_name()

    def choose_file(self) -> None:
        """Ask for the file (proposing a name in the last folder used), then save."""
        if self.generating or self._request() is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save PDF"),
            str(self.default_path()),
            self.tr("PDF documents (*.pdf);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, once, by name
        )
        if name:
            path = Path(name)
            self.save_to(path if path.suffix else path.with_suffix(".pdf"))

    def save_to(self, path: Path) -> None:
        """Write the chosen report to ``path``: the previewed pages when they are what is
        chosen, else made first (with progress and Cancel). An existing file is replaced
        only when the person says so."""
        request = self._request()
        if request is None or self.generating:
            return
        if path.exists() and not confirm(
            self,
            self.tr("Replace File?"),
            self.tr("{name} already exists in {folder}. Replace it with this report?").format(
                name=path.name, folder=path.parent
            ),
            QMessageBox.StandardButton.Save,
        ):
            self._say(self.tr("The existing file was kept; nothing was saved."))
            return
        report = self._current_report(request)
        if report is not None:
            self._write(report, path)
            return
        self._pending = path
        self._generate(request)

    def _write(self, report: Report, path: Path) -> None:
        try:
            write_atomically(path, report.data)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            text = self.tr("{path} could not be written ({reason}). Nothing was saved.").format(
                path=path, reason=reason
            )
            self._say(text, danger=True)
            QMessageBox.warning(self, self.tr("PDF Not Saved"), text)
            return
        self.folder = path.parent
        self._say(self.tr("Saved to {path}.").format(path=path))
        self.saved.emit(path, report)
        self.accept()

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape: while a report is being made, stop it (the dialog stays); else close."""
        if self.generating and not self._closing:
            self.cancel_generation()
            return
        super().reject()

    def close_dialog(self) -> None:
        """Close, stopping a report being made first (it stops at its next page)."""
        self._closing = True
        self.job.cancel()
        self.job.wait()
        self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button: as Close."""
        self._closing = True
        self.job.cancel()
        self.job.wait()
        super().closeEvent(event)

    # --- helpers -------------------------------------------------------------------------

    def _set_default(self, button: QPushButton) -> None:
        """Enter previews until the pages shown are what is chosen; then it saves."""
        for each in (self.preview_button, self.save_button):
            each.setAutoDefault(each is button)
            each.setDefault(each is button)

    def _say(self, text: str, *, danger: bool = False) -> None:
        show_message(self.message, text, danger=danger)

    def chosen_request(self) -> ReportRequest | None:
        """What the form asks for (None when it cannot say); for tests and the menus."""
        try:
            return replace(self.choices.request())
        except (UnreadableValue, DomainError):
            return None
