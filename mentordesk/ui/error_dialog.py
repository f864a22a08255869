"""What a person sees when something unexpected goes wrong: a dialog in plain words, not a
traceback in a terminal nobody has open. ``error_reporter`` decides when to show it."""

from __future__ import annotations

import traceback
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from mentordesk import APP_NAME
from mentordesk.logs import describe_exception
from mentordesk.paths import DataLocation, log_dir
from mentordesk.system_info import system_information_text
from mentordesk.ui.common.folders import show_folder


def error_details(error: BaseException, location: DataLocation) -> str:
    """What "Copy details" puts on the clipboard: the whole traceback, versions, folders."""
    from PySide6.QtCore import qVersion

    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S %z")
    return (
        f"{APP_NAME} unexpected error at {when}\n\n"
        f"{describe_exception(error, withhold=False)}\n\n"
        f"{system_information_text(location, qt_version=qVersion())}\n"
    )


class UnexpectedErrorDialog(QDialog):
    """Says what happened, that what was saved is safe, and offers the details."""

    def __init__(
        self,
        error: BaseException,
        location: DataLocation,
        parent: QWidget | None = None,
        *,
        at_start: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unexpectedErrorDialog")
        self.setWindowTitle(self.tr("{app}: something went wrong").format(app=APP_NAME))
        self.details = error_details(error, location)
        self._later = 0

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(
            self.tr("MentorDesk could not start.")
            if at_start
            else self.tr("MentorDesk ran into a problem it did not expect.")
        )
        heading.setObjectName("errorHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.explanation = QLabel(
            self.tr(
                "Nothing in your data was changed. Try starting it again; if this keeps "
                "happening, the details below help to find out why."
            )
            if at_start
            else self.tr(
                "Everything you saved is safe: each change is stored the moment you make "
                "it, so at most the change you were making may not have been stored. Check "
                "it, then carry on working."
            )
        )
        self.explanation.setWordWrap(True)
        self.summary = QLabel(self.tr("What happened: {what}").format(what=_summary(error)))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.more = QLabel()
        self.more.setWordWrap(True)
        self.more.hide()

        self.details_view = QPlainTextEdit(self.details)
        self.details_view.setObjectName("errorDetails")
        self.details_view.setReadOnly(True)
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_view.setMinimumHeight(160)
        self.details_view.hide()
        self.privacy = QLabel(
            self.tr(
                "The details may quote text from your notes. Read them before you send "
                "them to anyone. The log file never holds your text."
            )
        )
        self.privacy.setWordWrap(True)
        self.privacy.hide()

        buttons = QDialogButtonBox()
        self.show_details_button = QPushButton(self.tr("Show &Details"))
        self.show_details_button.setCheckable(True)
        self.show_details_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton(self.tr("&Copy Details"))
        self.copy_button.clicked.connect(self.copy_details)
        self.log_button = QPushButton(self.tr("Open &Log Folder"))
        self.log_button.clicked.connect(lambda: show_folder(self, log_dir()))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.show_details_button, self.copy_button, self.log_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        close.setDefault(True)
        close.setFocus()

        text = QVBoxLayout()
        text.addWidget(heading)
        text.addWidget(self.explanation)
        text.addWidget(self.summary)
        text.addWidget(self.more)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(self.privacy)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(520, _screen_width(self) - 40))

    def _toggle_details(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.privacy.setVisible(shown)
        self.show_details_button.setText(
            self.tr("Hide &Details") if shown else self.tr("Show &Details")
        )
        self.adjustSize()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("&Copied"))

    def count_another(self) -> None:
        """Another error happened while this dialog is open: say so, without a new dialog."""
        self._later += 1
        self.more.setText(
            self.tr("1 more problem happened since. It is in the log.")
            if self._later == 1
            else self.tr("{n} more problems happened since. They are in the log.").format(
                n=self._later
            )
        )
        self.more.show()


def _summary(error: BaseException) -> str:
    """One line for the dialog: the kind of error and where, in the program's words."""
    frames = traceback.extract_tb(error.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        path = last.filename.replace("\\", "/")
        module = (
            path.rsplit("/mentordesk/", 1)[1] if "/mentordesk/" in path else path.rsplit("/")[-1]
        )
        where = f" in {module}, line {last.lineno}"
    return f"{type(error).__name__}{where}"


def _screen_width(widget: QWidget) -> int:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().width() if screen is not None else 800
