"""Runs a file's reading, planning, storing or writing (calendars, contacts, archives) off the
GUI thread, reporting progress and taking a Cancel, so that the window stays responsive however
large the file."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from mentordesk.domain.validation import DomainError

log = logging.getLogger(__name__)

# work(progress, cancelled) -> result; progress(done, total); cancelled() -> bool
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Thread(QThread):
    progressed = Signal(int, int)

    def __init__(self, work: Work, stop: threading.Event, parent: QObject | None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = stop
        self.outcome: tuple[bool, Any] = (False, RuntimeError("the work did not run"))

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._stop.is_set)
        except Exception as exc:  # handed to the GUI thread, which tells the person
            if not isinstance(exc, DomainError):
                log.exception("file work failed")
            self.outcome = (False, exc)
            return
        self.outcome = (True, result)


_ABANDONED: set[_Thread] = set()  # running threads whose dialog closed: kept until they end


def _forget(thread: _Thread) -> None:
    thread.wait()  # ``finished`` comes just before the thread ends
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
        """From ``start`` until the result is told (or the job abandoned)."""
        return self._thread is not None

    def start(self, work: Work) -> None:
        if self.running:
            raise RuntimeError("a job is already running")
        self._stop = threading.Event()
        thread = _Thread(work, self._stop, self)
        thread.progressed.connect(self.progressed)
        thread.finished.connect(self._ended)  # a method of this object: run on its thread
        self._thread = thread
        thread.start()

    @Slot()
    def _ended(self) -> None:
        # Told only once the thread has ended: whoever is told may close (and delete) this
        # job at once, which must not destroy a thread still running (Qt aborts then).
        # ``finished`` comes from the thread just before it ends, so wait for the end.
        thread = self.sender()
        assert isinstance(thread, _Thread)
        thread.wait()
        thread.deleteLater()
        if self._thread is not thread:
            return  # abandoned after it ended, before this ran: nothing is reported
        self._thread = None
        succeeded, outcome = thread.outcome
        (self.succeeded if succeeded else self.failed).emit(outcome)

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
        for signal in (thread.progressed, thread.finished):
            signal.disconnect()
        thread.setParent(None)
        _ABANDONED.add(thread)
        thread.finished.connect(lambda: _forget(thread))

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the work to end (closing the dialog, tests)."""
        thread = self._thread
        return thread is None or not thread.isRunning() or thread.wait(msecs)
