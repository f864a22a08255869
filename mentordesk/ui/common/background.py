"""Runs slow work (backups, restore, recovery) off the GUI thread and reports back on it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from mentordesk.domain.validation import DomainError

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the GUI thread, which tells the person
            if not isinstance(exc, DomainError):  # not one a person caused: a bug to report
                log.exception("background work failed")
            self._relay.failed.emit(exc)
            return
        self._relay.finished.emit(result)


class Background(QObject):
    """Owns the relays of running jobs so they live until their result is delivered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one job at a time: backups never race a restore
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        relay = _Relay(self)
        self._relays.add(relay)

        def done(result: object) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            on_done(result)

        def failed(error: BaseException) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            on_error(error)

        relay.finished.connect(done)
        relay.failed.connect(failed)
        self._pool.start(_Job(work, relay))

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
