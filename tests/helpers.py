"""Helpers the tests share (fixtures are in the conftest files): a clock the test moves by
hand, typing into a widget as a person does, and a time limit on a test's event loop."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

# A fixed moment every service test starts from: in the future, so nothing the tests store
# is "in the future" by accident, and far from any daylight-saving change.
NOON = datetime(2030, 3, 4, 12, 0, tzinfo=UTC)


@dataclass
class Clock:
    """A clock that stands still until the test moves it; with ``step``, each reading is
    that much after the previous one, so every change is told apart."""

    now: datetime = NOON
    step: timedelta = field(default=timedelta(0))

    def __call__(self) -> datetime:
        reading = self.now
        self.now += self.step
        return reading

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def type_text(widget: object, text: str) -> None:
    """Key presses carrying each character; QTest.keyClicks only knows ASCII keys."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@contextlib.contextmanager
def quit_after(msecs: int) -> Iterator[None]:
    """Quit the application's event loop after ``msecs`` (a test never hangs the suite),
    unless the block ends first: a bare ``QTimer.singleShot(…, quit)`` outlived its test
    and ended the event loop of whichever test ran that many seconds later."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(QApplication.quit)
    timer.start(msecs)
    try:
        yield
    finally:
        timer.stop()
