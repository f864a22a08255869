"""Help > About: the version and where this person's data lives."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QMessageBox, QWidget

from mentordesk import APP_NAME, __version__
from mentordesk.paths import DataLocation


def show_about(parent: QWidget, location: DataLocation) -> None:
    text = parent.tr(
        "<h3>{app} {version}</h3>"
        "<p>A private, offline notebook for your mentoring relationships.</p>"
        "<p>Your data is stored on this computer only, in:<br><code>{folder}</code></p>"
        "<p>Nothing is ever sent over the network.</p>"
    ).format(app=APP_NAME, version=__version__, folder=html.escape(str(location.root)))
    QMessageBox.about(parent, parent.tr("About {app}").format(app=APP_NAME), text)
