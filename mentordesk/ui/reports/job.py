"""Making one report off the GUI thread (on ui/common's ``Background``), with its progress
(pages painted of pages) and a Cancel that the report engine sees between pages."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from mentordesk.reports import Report, ReportCancelled, ReportRequest, generate
from mentordesk.ui.common.background import Background

if TYPE_CHECKING:
    from mentordesk.services.context import Services


class _Cancelled:
    """What the worker hands back when Cancel stopped it (not an error: nothing to log)."""


CANCELLED = _Cancelled()


class ReportJob(QObject):
    """One report at a time. ``progressed(page, pages)`` while pages are painted; then
    exactly one of ``succeeded(Report)``, ``cancelled()`` or ``failed(exception)``."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    cancelled = Signal()
    failed = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._background = Background(self)
        self._stop = threading.Event()
        self.running = False

    def start(self, request: ReportRequest) -> None:
        if self.running:
            raise RuntimeError("a report is already being made")
        self.running = True
        stop = self._stop = threading.Event()
        services = self._services
        # Emitted on the worker thread; Qt queues it to this object's (the GUI) thread.
        progressed = self.progressed.emit

        def work() -> Report | _Cancelled:
            # The services open a session per call over a pool whose SQLite connections
            # may be used from any thread (check_same_thread=False): reading here is safe.
            try:
                return generate(services, request, progressed, stop.is_set)
            except ReportCancelled:
                return CANCELLED

        self._background.run(work, self._done, self._failed)

    def cancel(self) -> None:
        """Ask the report to stop; it does at its next page, and nothing is kept."""
        self._stop.set()

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the work to end (closing the dialog, tests)."""
        return self._background.wait(msecs)

    def _done(self, result: object) -> None:
        self.running = False
        if isinstance(result, _Cancelled) or self._stop.is_set():
            self.cancelled.emit()
        else:
            self.succeeded.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        if self._stop.is_set():
            self.cancelled.emit()
        else:
            self.failed.emit(error)
