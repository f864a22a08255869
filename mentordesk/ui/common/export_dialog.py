"""The one shape of every File > Export dialog: what the export is, the choices a subclass adds
to ``form``, then Export… asks where and the file is written off the GUI thread with a busy bar.
Cancel, or closing the dialog, while it is written stops it before anything is put in place.

A subclass gives ``destination`` (ask where, or None when the person changes their mind) and
``work_for`` (the work writing to that place, or None after ``say``-ing why there is nothing to
write); the dialog emits ``exported(result)`` and closes when the work succeeds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.interchange.errors import ExportCancelled
from mentordesk.ui.common.job import Job, Work
from mentordesk.ui.common.style import Space, show_message

CANCEL_WAIT_MS = 2_000


class FileExportDialog(QDialog):
    exported = Signal(object)  # what the work returned

    def __init__(
        self,
        title: str,
        intro: str,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        object_name: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.folder = folder or Path.home()
        self.result: object | None = None
        self.job = Job(self)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)

        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setSpacing(Space.S)
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
        self.export_button.clicked.connect(self.choose_destination)
        self.buttons.rejected.connect(self.reject)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)  # Enter exports

        layout = QVBoxLayout(self)
        layout.setSpacing(Space.M)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._sized = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:  # as tall as what it says at its width, once the form is filled
            self._sized = True
            resized = self.testAttribute(Qt.WidgetAttribute.WA_Resized)  # by its owner
            width = max(560, self.width() if resized else 0)
            layout = self.layout()
            self.resize(width, max(layout.totalHeightForWidth(width), 200) + Space.M)
        super().showEvent(event)

    # --- what a subclass gives ---------------------------------------------------------------

    def destination(self) -> Path | None:
        """Ask where to write (a file dialog); None when the person changes their mind."""
        raise NotImplementedError

    def work_for(self, path: Path) -> Work | None:
        """The work that writes to ``path``, or None (after ``say``) when there is none."""
        raise NotImplementedError

    # --- the export --------------------------------------------------------------------------

    def choose_destination(self) -> None:
        path = self.destination()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write to ``path`` off the GUI thread (no question asked)."""
        if self.job.running:
            return
        work = self.work_for(path)
        if work is None:
            return
        self.folder = path.parent
        self.say(self.tr("Writing {path}…").format(path=path))
        self.progress.show()
        self.export_button.setEnabled(False)
        self.job.start(work)

    def say(self, text: str, *, danger: bool = False) -> None:
        show_message(self.message, text, danger=danger)

    def _succeeded(self, result: object) -> None:
        self.progress.hide()
        self.result = result
        self.exported.emit(result)  # written, even if the dialog was closed meanwhile
        if self.isVisible():
            self.accept()

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.say(str(error), danger=not isinstance(error, ExportCancelled))

    def reject(self) -> None:
        if self.job.running:
            # The work stops at its next check, before it puts anything in place; one
            # that takes longer than a moment to get there ends on its own, unreported.
            self.job.cancel()
            if not self.job.wait(CANCEL_WAIT_MS):
                self.job.abandon()
        super().reject()
