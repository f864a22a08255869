"""Opens the database off the GUI thread, so the window is on screen before SQLAlchemy loads.

Importing SQLAlchemy's ORM alone takes longer than showing the window; doing it here lets
the person see MentorDesk at once and the data a moment later.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from PySide6.QtCore import QThread, Signal

from mentordesk.domain.validation import DomainError
from mentordesk.paths import DataLocation

log = logging.getLogger(__name__)

# How long the services wait at most for the first screen to be painted.
FIRST_SCREEN_WAIT_S = 0.5


class BackendLoader(QThread):
    """First reads Home's overview (``home_read``) and the Mentors list's first screen
    (``records_read``) with plain sqlite3, then opens the services (``loaded``).

    The quick reads are skipped when the database must be created or upgraded; then the
    data comes with the services only.
    """

    # A HomeOverview, shown at once.
    home_read = Signal(object)
    # A QuickMentorListing, shown at once, read-only until the services are ready.
    records_read = Signal(object)
    # Services; typed loosely so this module needs no SQLAlchemy.
    loaded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        location: DataLocation,
        parent: Any = None,
        *,
        read_only: bool = False,
        replace_lost: bool = False,
    ) -> None:
        super().__init__(parent)
        self.location = location
        self._read_only = read_only
        self._replace_lost = replace_lost
        self._shown = threading.Event()

    def first_screen_shown(self) -> None:
        """The quickly read data is on screen: the services may load now."""
        self._shown.set()

    def run(self) -> None:
        try:
            from mentordesk.services.startup import quick_home, quick_mentor_listing

            home = quick_home(self.location)
        except Exception:  # a bad file fails the full open below too, which reports it
            home = None
        if home is not None:
            self.home_read.emit(home)
            # Importing SQLAlchemy holds the interpreter for long stretches: let the GUI
            # thread lay out and paint Home first (never waiting long for it).
            self._shown.wait(FIRST_SCREEN_WAIT_S)
        try:
            quick = quick_mentor_listing(self.location)
        except Exception:  # a bad file fails the full open below too, which reports it
            quick = None
        if quick is not None:
            self.records_read.emit(quick)
        started = time.perf_counter()
        try:
            from mentordesk.services.context import Services

            services = Services.open(
                self.location, read_only=self._read_only, replace_lost=self._replace_lost
            )
            mentors = services.mentors.count()
        except Exception as exc:  # reported to the person by the main window
            if isinstance(exc, DomainError):
                log.warning("the data could not be opened: %s", type(exc).__name__)
            else:
                log.exception("the data could not be opened")
            self.failed.emit(exc)
            return
        log.info(
            "data opened in %.0f ms: %d mentors%s",
            (time.perf_counter() - started) * 1000,
            mentors,
            ", read-only" if self._read_only else "",
        )
        self.loaded.emit(services)
