"""An unexpected error in a slot shows a dialog in plain words, is logged without the
person's text, and the app carries on; Help > About copies what a bug report needs."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from mentordesk import __version__
from mentordesk.domain.mentor import MentorFields
from mentordesk.logs import configure_logging, log_files, stop_logging
from mentordesk.paths import DataLocation, log_dir
from mentordesk.services.context import Services
from mentordesk.ui import app as app_module
from mentordesk.ui.about_dialog import AboutDialog
from mentordesk.ui.error_dialog import UnexpectedErrorDialog
from mentordesk.ui.error_reporter import ErrorReporter
from mentordesk.ui.main_window import MainWindow

MARKER = "Quillfeather"


@pytest.fixture
def logged() -> Iterator[Path]:
    folder = log_dir()
    configure_logging(folder)
    yield folder
    stop_logging()


@pytest.fixture
def window(qtbot: QtBot, location: DataLocation) -> MainWindow:
    services = Services.open(location)
    services.mentors.create(MentorFields(name="Amara Okafor"))
    shown = MainWindow(location)
    qtbot.addWidget(shown)
    shown.show()
    shown.attach_services(services)
    return shown


@pytest.fixture
def reporter(window: MainWindow, location: DataLocation) -> Iterator[ErrorReporter]:
    installed = ErrorReporter(location)
    installed.window = window
    installed.install()
    yield installed
    installed.uninstall()


def _failing_button(window: MainWindow, message: str) -> QPushButton:
    button = QPushButton("Fail", window)

    def fail() -> None:
        raise ValueError(message)

    button.clicked.connect(fail)
    return button


def _log_text(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "".join(path.read_text(encoding="utf-8") for path in log_files(folder))


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_and_the_app_carries_on(
    qtbot: QtBot,
    window: MainWindow,
    reporter: ErrorReporter,
    logged: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    button = _failing_button(window, f"cannot show {MARKER}")
    with qtbot.waitSignal(reporter.shown, timeout=3000) as shown:
        button.click()
    dialog = shown.args[0]
    assert isinstance(dialog, UnexpectedErrorDialog)
    assert dialog.isVisible() and dialog.parent() is window
    assert "Everything you saved is safe" in dialog.explanation.text()
    assert dialog.summary.text().startswith("What happened: ValueError in ")
    assert MARKER not in dialog.summary.text()

    # The details: the whole story, for the person to read and send if they want.
    assert not dialog.details_view.isVisible()
    dialog.show_details_button.click()
    assert dialog.details_view.isVisible() and dialog.privacy.isVisible()
    details = dialog.details_view.toPlainText()
    assert f"ValueError: cannot show {MARKER}" in details
    assert "in fail" in details
    assert f"MentorDesk:{' ' * 12}{__version__}" in details.replace("\t", " ")
    assert "Log folder:" in details and "Data folder:" in details
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.log_button.click()
    assert opened == [QUrl.fromLocalFile(str(log_dir()))]

    # Logged with its traceback, but not the person's text.
    written = _log_text(logged)
    assert "ERROR mentordesk.ui.error_reporter: unexpected error" in written
    assert "ValueError: <message withheld from the log" in written
    assert MARKER not in written

    # The app stays usable: the dialog closes and the window still edits data.
    dialog.reject()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    assert window.isVisible()
    assert window.services is not None
    window.services.mentors.create(MentorFields(name="Still works"))
    window.page_view("goals")
    assert window.stack.currentWidget() is window.page_view("goals")


@pytest.mark.qt_no_exception_capture
def test_errors_while_the_dialog_is_open_are_counted_not_stacked(
    qtbot: QtBot, window: MainWindow, reporter: ErrorReporter
) -> None:
    first = _failing_button(window, "first")
    with qtbot.waitSignal(reporter.shown, timeout=3000):
        first.click()
    dialog = reporter.dialog
    assert dialog is not None
    second = QPushButton(window)
    second.clicked.connect(lambda: [][1])
    second.click()
    second.click()
    qtbot.waitUntil(lambda: dialog.more.isVisible())
    assert dialog.more.text() == "2 more problems happened since. They are in the log."
    assert len([d for d in window.findChildren(UnexpectedErrorDialog) if d.isVisible()]) == 1


@pytest.mark.qt_no_exception_capture
def test_the_same_error_again_goes_to_the_status_bar(
    qtbot: QtBot, window: MainWindow, reporter: ErrorReporter
) -> None:
    button = _failing_button(window, "again and again")
    with qtbot.waitSignal(reporter.shown, timeout=3000):
        button.click()
    assert reporter.dialog is not None
    reporter.dialog.reject()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    button.click()
    qtbot.waitUntil(lambda: "same unexpected problem" in window.statusBar().currentMessage())
    assert reporter.dialog is None


@pytest.mark.qt_no_exception_capture
def test_an_error_on_another_thread_is_shown_on_the_gui_thread(
    qtbot: QtBot, window: MainWindow, reporter: ErrorReporter
) -> None:
    def work() -> None:
        raise RuntimeError("worker failed")

    worker = threading.Thread(target=work)
    with qtbot.waitSignal(reporter.shown, timeout=3000) as shown:
        worker.start()
        worker.join()
    dialog = shown.args[0]
    assert dialog.thread() is QApplication.instance().thread()
    assert "RuntimeError: worker failed" in dialog.details


def test_a_window_that_cannot_be_built_says_so_and_exits(
    qtbot: QtBot, location: DataLocation, monkeypatch: pytest.MonkeyPatch, logged: Path
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise TypeError("a bug in building the window")

    shown: list[UnexpectedErrorDialog] = []

    def record(dialog: UnexpectedErrorDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(MainWindow, "__init__", broken)
    monkeypatch.setattr(UnexpectedErrorDialog, "exec", record)
    assert app_module.run_gui(location) == 1
    (dialog,) = shown
    assert "could not start" in dialog.findChild(type(dialog.summary), "errorHeading").text()
    assert "TypeError: a bug in building the window" in dialog.details
    assert "the main window could not be built" in _log_text(logged)
    # The folder's lock was released: MentorDesk can start again at once.
    assert not (location.root / "mentordesk.lock").exists()


def test_about_copies_the_system_information(
    qtbot: QtBot, window: MainWindow, location: DataLocation
) -> None:
    help_menu = next(a for a in window.menuBar().actions() if "Help" in a.text()).menu()
    about = next(a for a in help_menu.actions() if "About" in a.text())
    about.trigger()
    (dialog,) = [d for d in window.findChildren(AboutDialog) if d.isVisible()]
    assert __version__ in dialog.text.text()
    assert str(location.root) in dialog.text.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.system_information()
    for label in ("MentorDesk:", "Python:", "Qt:", "PySide6:", "SQLAlchemy:", "SQLite:"):
        assert label in copied
    assert "Data folder:" in copied and str(location.root) in copied
    assert "Log folder:" in copied and str(log_dir()) in copied
    assert dialog.copy_button.text() == "&Copied"
    QTimer.singleShot(0, dialog.reject)
