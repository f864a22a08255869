"""Starts the GUI: the window first, the data right after, off the GUI thread."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLockFile,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from mentordesk import APP_NAME, __version__
from mentordesk.paths import DataLocation

log = logging.getLogger(__name__)

# The reverse-DNS id of the desktop entry, the AppStream component and the bundle.
APP_ID = "org.mentordesk.MentorDesk"
# What _open_folder says when another MentorDesk has the folder and came to the front.
BROUGHT_TO_FRONT: Literal["brought to front"] = "brought to front"


@dataclass
class StartupObserver:
    """Called at start-up milestones; the benchmark script uses it to time them."""

    window_shown: Callable[[], None] = lambda: None
    data_shown: Callable[[], None] = lambda: None
    quit_when_data_shown: bool = False


class _FirstPaint(QObject):
    """Calls back once, at the window's first paint: that is when a person sees it."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self._callback: Callable[[], None] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
        return False


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv[:1])
    # The same style everywhere (its light and dark palettes are the app's own), set
    # before the first widget is made, so nothing is polished twice.
    from mentordesk.ui.common.app_style import AppStyle

    app.setStyle(AppStyle())
    app.setProperty("mentordeskStyle", "fusion")
    app.setDesktopFileName(APP_ID)  # resources/<APP_ID>.desktop names its icon and launcher
    return app


def run_gui(location: DataLocation, observer: StartupObserver | None = None) -> int:
    started = time.perf_counter()
    observer = observer or StartupObserver()
    app = create_application()
    from mentordesk.ui.error_reporter import ErrorReporter
    from mentordesk.ui.main_window import MainWindow, app_icon
    from mentordesk.ui.single_instance import InstanceServer, activate_running, bring_to_front

    if logging.getLogger("mentordesk").isEnabledFor(logging.DEBUG):
        qInstallMessageHandler(_log_qt_message)
    reporter = ErrorReporter(location, app)
    reporter.install()
    try:
        app.setWindowIcon(app_icon())
        if activate_running(location):  # no one listens on a first start: False at once
            return 0
        opened = _open_folder(location)
        if opened is None:
            return 1
        if opened == BROUGHT_TO_FRONT:
            return 0
        lock, read_only = opened
        instance = InstanceServer(location, app)
        instance.listen()
        try:
            window = MainWindow(location, read_only=read_only)
        except Exception as exc:
            log.exception("the main window could not be built")
            from mentordesk.ui.error_dialog import UnexpectedErrorDialog

            UnexpectedErrorDialog(exc, location, at_start=True).exec()
            instance.close()
            if lock is not None:
                lock.unlock()
            return 1
        reporter.window = window
        instance.activation_requested.connect(lambda: bring_to_front(window))

        def on_window_shown() -> None:
            log.info("window shown after %.0f ms", _since(started))
            observer.window_shown()

        def on_data_shown() -> None:
            log.info("data shown after %.0f ms", _since(started))
            # One deferred call, so that the observer always hears of the data before a
            # quit it asked for closes the window (two zero timers may fire in any order).
            QTimer.singleShot(0, after_data_shown)

        def after_data_shown() -> None:
            observer.data_shown()
            if observer.quit_when_data_shown:
                window.close()

        first_paint = _FirstPaint(on_window_shown)
        window.installEventFilter(first_paint)
        window.data_shown.connect(on_data_shown)
        window.show()
        QTimer.singleShot(0, window.session.open)
        result = app.exec()
        window.session.close()
        instance.close()
        if lock is not None:
            lock.unlock()
        log.info("MentorDesk closed")
        return window.exit_code or result
    finally:
        reporter.uninstall()


def _since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """With --debug only: Qt's own warnings may name files, which may be personal."""
    logging.getLogger("mentordesk.qt").log(
        _QT_LEVELS.get(kind, logging.WARNING), "%s: %s", context.category or "qt", message
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def _open_folder(
    location: DataLocation,
) -> tuple[QLockFile | None, bool] | Literal["brought to front"] | None:
    """Make the data folder ready and take its lock: (lock, read-only), BROUGHT_TO_FRONT
    when another MentorDesk holds it and came to the front, or None after telling the
    person why MentorDesk cannot start with this folder."""
    from PySide6.QtWidgets import QMessageBox

    from mentordesk.services.data_folder import (
        DataFolderError,
        is_read_only,
        nearly_full,
        prepare_folder,
    )

    try:
        prepare_folder(location)
    except DataFolderError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return None
    if is_read_only(location):
        answer = QMessageBox.question(
            None,
            APP_NAME,
            _tr(
                "The data folder {folder} is read-only, so MentorDesk cannot save anything "
                "in it. Open your data read-only, to look but not change anything?"
            ).format(folder=location.root),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Open,
        )
        return (None, True) if answer == QMessageBox.StandardButton.Open else None
    lock = QLockFile(str(location.root / "mentordesk.lock"))
    lock.setStaleLockTime(0)  # a lock left by a crashed MentorDesk is detected by its PID
    if lock.tryLock(200):
        _make_private(location.root / "mentordesk.lock")
        return lock, False
    if lock.error() == QLockFile.LockError.LockFailedError:
        from mentordesk.ui.single_instance import activate_running

        if activate_running(location):  # it had the lock but was not listening yet
            return BROUGHT_TO_FRONT
        message = _tr("MentorDesk is already open with the data folder {folder}.")
    elif nearly_full(location):
        message = _tr(
            "The disk holding {folder} is full, so MentorDesk cannot start safely. Free some "
            "space and start it again; your data has not been changed."
        )
    else:
        message = _tr(
            "MentorDesk cannot write in the data folder {folder}, so it cannot start safely. "
            "Your data has not been changed."
        )
    QMessageBox.warning(None, APP_NAME, message.format(folder=location.root))
    return None


def _make_private(path: Path) -> None:
    """The lock file readable only by the user, whatever the umask (it names the host)."""
    with contextlib.suppress(OSError):  # a folder we may not chmod: the lock still works
        os.chmod(path, 0o600)
