"""Help > About: the version, where this person's data lives, and the facts a bug report
needs, one click away from the clipboard."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk import APP_NAME, __version__
from mentordesk.paths import DataLocation
from mentordesk.system_info import system_information_text


class AboutDialog(QDialog):
    def __init__(self, location: DataLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        self.location = location

        icon = QLabel()
        icon.setPixmap(self.windowIcon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(
            self.tr(
                "<h3>{app} {version}</h3>"
                "<p>A private, offline notebook for your mentoring relationships.</p>"
                "<p>Your data is stored on this computer only, in:<br><code>{folder}</code></p>"
                "<p>Nothing is ever sent over the network.</p>"
            ).format(app=APP_NAME, version=__version__, folder=html.escape(str(location.root)))
        )
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy System Information"))
        self.copy_button.setToolTip(
            self.tr(
                "Versions of MentorDesk, Python, Qt and the libraries, and the folders it "
                "uses: what a bug report needs. Holds none of your notes."
            )
        )
        self.copy_button.clicked.connect(self.copy_system_information)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)

    def system_information(self) -> str:
        return system_information_text(self.location, qt_version=qVersion())

    def copy_system_information(self) -> None:
        QGuiApplication.clipboard().setText(self.system_information())
        self.copy_button.setText(self.tr("&Copied"))


def show_about(parent: QWidget, location: DataLocation) -> AboutDialog:
    dialog = AboutDialog(location, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
