"""``mentordesk --self-check``: does this copy of MentorDesk work here?

For packagers and the bundle's smoke test. Starts the app as a person would (the window,
then the data folder opened, created or migrated, Home shown), quits once the data is
shown, then checks what a build can lose: the resources, the migrations, Qt's platform,
image-format and icon plugins, the Qt modules loaded later (charts, PDF), and the
database's schema. Prints one line per check; exits 0 only when all pass. Run it with
QT_QPA_PLATFORM=offscreen where there is no display.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, qVersion
from PySide6.QtGui import QGuiApplication, QIcon, QImageReader
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QMessageBox

import mentordesk
from mentordesk import APP_NAME, __version__
from mentordesk.paths import DataLocation, resources_dir
from mentordesk.ui.app import APP_ID, StartupObserver, create_application, run_gui

EXIT_OK = 0
EXIT_FAILED = 1
# Generous for a cold start on a busy 2-core machine; a normal one takes about a second.
START_TIMEOUT_S = 90
# The Qt modules the app imports only when they are needed, so a build can miss them.
LATER_QT_MODULES = ("PySide6.QtCharts", "PySide6.QtPdf", "PySide6.QtPdfWidgets")
PLATFORM_PLUGINS = {
    "linux": ("xcb", "offscreen"),
    "darwin": ("cocoa", "offscreen"),
    "win32": ("windows", "offscreen"),
}


class SelfCheck:
    def __init__(self, location: DataLocation, write: Callable[[str], None]) -> None:
        self.location = location
        self.write = write
        self.problems: list[str] = []

    def ok(self, text: str) -> None:
        self.write(f"ok      {text}")

    def fail(self, text: str) -> None:
        self.problems.append(text)
        self.write(f"FAILED  {text}")

    def expect(self, passed: bool, text: str, failure: str) -> None:
        if passed:
            self.ok(text)
        else:
            self.fail(failure)

    # --- the start ------------------------------------------------------------------------

    def start_and_quit(self) -> None:
        """The real start-up (``run_gui``), quitting once the data is shown."""
        started = time.perf_counter()
        marks: dict[str, float] = {}

        def mark(name: str) -> Callable[[], None]:
            return lambda: marks.setdefault(name, (time.perf_counter() - started) * 1000)

        observer = StartupObserver(
            window_shown=mark("window"), data_shown=mark("data"), quit_when_data_shown=True
        )
        watchdog = _Watchdog(self, START_TIMEOUT_S)
        code = run_gui(self.location, observer)
        watchdog.stop()
        if "data" in marks:
            self.ok(
                f"the window showed {self.location.root} after {marks.get('window', 0):.0f} ms, "
                f"its data after {marks['data']:.0f} ms, and closed (exit code {code})"
            )
            if code != EXIT_OK:
                self.fail(f"the app closed with exit code {code}")
        elif not watchdog.stopped_it:
            self.fail(
                f"the app ended (exit code {code}) without showing the data of "
                f"{self.location.root}: another MentorDesk may have it open, or it was "
                "refused (see the log)"
            )

    # --- what a build can lose -------------------------------------------------------------

    def check_resources(self) -> None:
        folder = resources_dir()
        icon = folder / "icons" / "mentordesk.svg"
        drawings = sorted((folder / "icons" / "ui").glob("*.svg"))
        bad = [path.name for path in [icon, *drawings] if not QSvgRenderer(str(path)).isValid()]
        self.expect(
            icon.is_file() and bool(drawings) and not bad,
            f"resources in {folder}: the app icon and {len(drawings)} drawings",
            f"resources in {folder}: "
            + (f"cannot draw {', '.join(bad)}" if bad else "the icons are missing"),
        )
        missing = [
            name
            for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml")
            if not (folder / name).is_file()
        ]
        pngs = list((folder / "icons" / "hicolor").glob("*/apps/*.png"))
        self.expect(
            not missing and bool(pngs),
            f"desktop entry, AppStream metadata and {len(pngs)} PNG icons",
            f"desktop files missing from {folder}: {', '.join(missing) or 'the PNG icons'}",
        )

    def check_migrations(self) -> None:
        folder = Path(mentordesk.__file__).resolve().parent / "db" / "migrations"
        revisions = sorted((folder / "versions").glob("[0-9]*.py"))
        self.expect(
            (folder / "env.py").is_file() and bool(revisions),
            f"{len(revisions)} schema migrations in {folder}",
            f"the schema migrations are missing from {folder}",
        )

    def check_qt(self) -> None:
        self.ok(f"Qt {qVersion()}, platform {QGuiApplication.platformName()}")
        wanted = PLATFORM_PLUGINS.get(sys.platform, ("offscreen",))
        found = _platform_plugins()
        absent = [name for name in wanted if name not in found]
        self.expect(
            not absent,
            f"platform plugins: {', '.join(sorted(found))}",
            f"platform plugins missing: {', '.join(absent)} (found: {', '.join(sorted(found))})",
        )
        formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
        icon = QIcon(str(resources_dir() / "icons" / "mentordesk.svg"))
        self.expect(
            "svg" in formats and not icon.pixmap(64, 64).isNull(),
            "SVG images and icons draw",
            "the SVG image-format or icon-engine plugin is missing",
        )
        for name in LATER_QT_MODULES:
            try:
                importlib.import_module(name)
            except ImportError as exc:
                self.fail(f"{name} cannot be imported: {exc}")
            else:
                self.ok(f"{name} imports")

    def check_database(self) -> None:
        from mentordesk.services.health import check_database

        report = check_database(self.location)
        for problem in report.problems:
            self.fail(f"database: {problem}")
        if report.ok:
            self.ok(f"database: {'; '.join(report.facts)}")


class _Watchdog:
    """Ends a start that hangs: on a dialog waiting for an answer nobody can give (offscreen),
    or after ``timeout_s``."""

    def __init__(self, check: SelfCheck, timeout_s: float) -> None:
        self.check = check
        self.stopped_it = False
        self._deadline = time.monotonic() + timeout_s
        self._timer = QTimer()
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox):
            self._stop_app(f"the app stopped to ask: {modal.text()}")
        elif modal is not None:
            self._stop_app(f"the app stopped on a dialog: {modal.windowTitle()}")
        elif time.monotonic() > self._deadline:
            self._stop_app(f"the data was not shown within {START_TIMEOUT_S} s")

    def _stop_app(self, problem: str) -> None:
        self.check.fail(problem)
        self.stopped_it = True
        self._timer.stop()
        QCoreApplication.exit(EXIT_FAILED)  # leaves the dialog's loop and the app's

    def stop(self) -> None:
        self._timer.stop()


def _platform_plugins() -> set[str]:
    """The platform plugins this Qt can load, by name (``libqxcb.so`` is ``xcb``)."""
    names: set[str] = set()
    for folder in QCoreApplication.libraryPaths():
        for path in (Path(folder) / "platforms").glob("*"):
            stem = path.name.split(".")[0]
            names.add(stem.removeprefix("lib").removeprefix("q"))
    return names


def run_self_check(location: DataLocation) -> int:
    create_application()

    def write(text: str) -> None:
        print(text, flush=True)

    write(f"{APP_NAME} {__version__} self-check ({'bundle' if _frozen() else 'Python'})")
    check = SelfCheck(location, write)
    check.start_and_quit()
    check.check_resources()
    check.check_migrations()
    check.check_qt()
    check.check_database()
    if check.problems:
        write(f"self-check FAILED: {len(check.problems)} problem(s)")
        return EXIT_FAILED
    write("self-check passed")
    return EXIT_OK


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))
