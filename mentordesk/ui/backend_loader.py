"""Opens the database off the GUI thread, so the window is on screen before SQLAlchemy loads.

Importing SQLAlchemy's ORM alone takes longer than showing the window; doing it here lets
the person see MentorDesk at once and the data a moment later.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QThread, Signal

from mentordesk.paths import DataLocation


class BackendLoader(QThread):
    # (Services, list[MentorRecord]); typed loosely so this module needs no SQLAlchemy.
    loaded = Signal(object, object)
    failed = Signal(object)

    def __init__(self, location: DataLocation, parent: Any = None) -> None:
        super().__init__(parent)
        self.location = location

    def run(self) -> None:
        try:
            from mentordesk.services.context import Services

            services = Services.open(self.location)
            records = services.mentors.list_all()
        except Exception as exc:  # reported to the person by the main window
            self.failed.emit(exc)
            return
        self.loaded.emit(services, records)
