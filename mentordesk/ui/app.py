"""Starts the GUI: the window first, the data right after, off the GUI thread."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QLockFile, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from mentordesk import APP_NAME, __version__
from mentordesk.paths import DataLocation


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
    app.setDesktopFileName("mentordesk")
    return app


def run_gui(location: DataLocation, observer: StartupObserver | None = None) -> int:
    observer = observer or StartupObserver()
    app = create_application()
    from mentordesk.ui.main_window import MainWindow, app_icon

    app.setWindowIcon(app_icon())
    lock = _single_instance_lock(location)
    if lock is None:
        return 1
    window = MainWindow(location)
    first_paint = _FirstPaint(observer.window_shown)
    window.installEventFilter(first_paint)

    def on_data_shown() -> None:
        QTimer.singleShot(0, observer.data_shown)
        if observer.quit_when_data_shown:
            QTimer.singleShot(0, window.close)

    window.data_shown.connect(on_data_shown)
    window.show()
    QTimer.singleShot(0, window.session.open)
    result = app.exec()
    window.session.close()
    lock.unlock()
    return window.exit_code or result


def _single_instance_lock(location: DataLocation) -> QLockFile | None:
    """One MentorDesk window per data folder: two would undo each other's edits."""
    from PySide6.QtWidgets import QMessageBox

    from mentordesk.services.data_folder import prepare_folder

    prepare_folder(location)
    lock = QLockFile(str(location.root / "mentordesk.lock"))
    lock.setStaleLockTime(0)  # a lock left by a crashed MentorDesk is detected by its PID
    if lock.tryLock(200):
        return lock
    QMessageBox.warning(
        None,
        APP_NAME,
        QCoreApplication.translate(
            "app", "MentorDesk is already open with the data folder {folder}."
        ).format(folder=location.root),
    )
    return None
