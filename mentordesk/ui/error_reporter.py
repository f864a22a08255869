"""Unexpected errors: logged at once, shown in plain words, and the app keeps running.

``ErrorReporter`` takes over ``sys.excepthook`` (which PySide calls for an exception raised
in a slot or an event handler) and ``threading.excepthook``. Each error is logged at once
(without the person's text, see mentordesk.logs) and shown on the GUI thread. One dialog at
a time: errors while it is open are counted in it, and an error already shown (the same
place in the code) is only logged, so a failing paint cannot bury the window in dialogs.
The dialog's module is imported only when there is something to show.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from mentordesk.paths import DataLocation

if TYPE_CHECKING:
    from mentordesk.ui.error_dialog import UnexpectedErrorDialog

log = logging.getLogger(__name__)


def _signature(error: BaseException) -> tuple[str, str, int]:
    """The kind of error and the line it was raised on: the same bug gives the same one."""
    frames = traceback.extract_tb(error.__traceback__)
    last = frames[-1] if frames else None
    return (
        type(error).__qualname__,
        last.filename if last else "",
        (last.lineno or 0) if last else 0,
    )


class ErrorReporter(QObject):
    """Installed once by the app; logs every unexpected error and shows it to the person."""

    _reported = Signal(object)
    shown = Signal(object)  # the dialog, once it is on screen (tests wait for it)

    def __init__(self, location: DataLocation, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.window: QWidget | None = None
        self.dialog: UnexpectedErrorDialog | None = None
        self._seen: set[tuple[str, str, int]] = set()
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        # Queued, so a dialog never opens inside the paint or slot that failed, and errors
        # on other threads reach the GUI thread.
        self._reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if sys.excepthook == self._excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._thread_excepthook:
            threading.excepthook = self._previous_thread_hook

    def _excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            self._previous_hook(kind, error, trace)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(trace)
        self.report(error)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return
        self.report(args.exc_value)

    def report(self, error: BaseException) -> None:
        """Log ``error`` now and show it when the GUI thread gets to it (any thread)."""
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        self._reported.emit(error)

    def _show(self, error: BaseException) -> None:
        if QApplication.instance() is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.count_another()
            return
        signature = _signature(error)
        if signature in self._seen:
            if self.window is not None and hasattr(self.window, "statusBar"):
                self.window.statusBar().showMessage(
                    self.tr("The same unexpected problem happened again; it is in the log."),
                    8000,
                )
            return
        self._seen.add(signature)
        from mentordesk.ui.error_dialog import UnexpectedErrorDialog

        self.dialog = UnexpectedErrorDialog(error, self.location, self.window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.open()
        self.shown.emit(self.dialog)

    def _forget_dialog(self) -> None:
        self.dialog = None
