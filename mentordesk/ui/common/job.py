"""Runs a file's reading, planning, storing or writing (calendars, contacts, archives) off the
GUI thread, reporting progress and taking a Cancel, so that the window stays responsive however
large the file."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from mentordesk.domain.validation import DomainError

log = logging.getLogger(__name__)

# work(progress, cancelled) -> result; progress(done, total); cancelled() -> bool
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Thread(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, stop: threading.Event, parent: QObject | None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = stop

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._stop.is_set)
        except Exception as exc:  # handed to the GUI thread, which tells the person
            if not isinstance(exc, DomainError):
                log.exception("file work failed")
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)


_ABANDONED: set[_Thread] = set()  # running threads whose dialog closed: kept until they end


def _forget(thread: _Thread) -> None:
    _ABANDONED.discard(thread)
    thread.deleteLater()


class Job(QObject):
    """One piece of work at a time; ``cancel`` asks it to stop (it stops at its next step,
    and an import that stops stores nothing)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _Thread | None = None
        self._stop = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self, work: Work) -> None:
        if self.running:
            raise RuntimeError("a job is already running")
        self._stop = threading.Event()
        thread = _Thread(work, self._stop, self)
        thread.progressed.connect(self.progressed)
        thread.succeeded.connect(self.succeeded)
        thread.failed.connect(self.failed)
        thread.finished.connect(lambda: self._ended(thread))
        self._thread = thread
        thread.start()

    def _ended(self, thread: _Thread) -> None:
        if self._thread is thread:
            self._thread = None
        thread.deleteLater()

    def cancel(self) -> None:
        self._stop.set()

    def abandon(self) -> None:
        """Cancel, and let the work end on its own after its owner is gone (reading a large
        file cannot stop in the middle of parsing it): nothing it does is reported, and an
        import that was running stores nothing."""
        self._stop.set()
        thread = self._thread
        self._thread = None
        if thread is None or not thread.isRunning():
            return
        for signal in (thread.progressed, thread.succeeded, thread.failed, thread.finished):
            signal.disconnect()
        thread.setParent(None)
        _ABANDONED.add(thread)
        thread.finished.connect(lambda: _forget(thread))

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the work to end (closing the dialog, tests)."""
        thread = self._thread
        return thread is None or not thread.isRunning() or thread.wait(msecs)
