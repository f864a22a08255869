"""The shared import preview dialog (ui/common/import_dialog.py), through both of its kinds:
closing while an import runs must never leave a running thread to be deleted with it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk.interchange.contacts_import import ContactImport
from mentordesk.interchange.ics_import import CalendarImport
from mentordesk.services.context import Services
from mentordesk.ui.calendar_files.import_dialog import ImportPreviewDialog
from mentordesk.ui.common import job as worker
from mentordesk.ui.common.import_dialog import FileImportDialog
from mentordesk.ui.portability.contacts_dialog import ContactImportDialog

DATA = Path(__file__).resolve().parents[1] / "interchange" / "data"


def _previewed(qtbot: QtBot, services: Services, kind: str) -> FileImportDialog:
    dialog: FileImportDialog
    if kind == "calendar":
        dialog = ImportPreviewDialog(
            services, DATA / "google.ics", today=date(2026, 6, 1), floating_zone="Europe/Berlin"
        )
    else:
        dialog = ContactImportDialog(services, DATA / "contacts" / "google.vcf")
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PREVIEW, timeout=20_000)
    assert dialog.import_button.isEnabled()
    return dialog


def _stored(services: Services, kind: str) -> int:
    return services.meetings.count() if kind == "calendar" else len(services.mentors.list_all())


def _importing(
    qtbot: QtBot,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    step: Callable[[Callable[[], bool]], None],
) -> FileImportDialog:
    """The dialog importing, its importer's apply doing ``step(cancelled)`` first."""
    importer = CalendarImport if kind == "calendar" else ContactImport
    real_apply = importer.apply
    started = threading.Event()

    def slow_apply(self: Any, plan: Any, **options: Any) -> Any:
        started.set()
        step(options["cancelled"])
        return real_apply(self, plan, **options)  # sees the cancel: stores nothing

    monkeypatch.setattr(importer, "apply", slow_apply)
    dialog = _previewed(qtbot, services, kind)
    dialog.start_import()
    assert started.wait(10)
    return dialog


@pytest.mark.parametrize("how", ["escape", "close button"])
@pytest.mark.parametrize("kind", ["calendar", "contacts"])
def test_closing_while_an_import_outlasts_the_wait_abandons_it(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch, kind: str, how: str
) -> None:
    monkeypatch.setattr(FileImportDialog, "STOP_WAIT_MS", 100)

    def step(_cancelled: Callable[[], bool]) -> None:
        time.sleep(1.5)  # does not look at the cancel in time

    dialog = _importing(qtbot, services, monkeypatch, kind, step)
    told: list[object] = []
    dialog.imported.connect(told.append)
    dialog.job.succeeded.connect(told.append)
    dialog.job.failed.connect(told.append)

    began = time.monotonic()
    if how == "escape":
        dialog.reject()
    else:
        dialog.close()  # the window's close button
    assert time.monotonic() - began < 1.0, "waits no longer than STOP_WAIT_MS"
    assert not dialog.isVisible() and not dialog.job.running
    assert worker._ABANDONED  # the thread is kept until it ends
    # What the menus do once it is closed: delete it, with its job, while the work runs.
    dialog.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)
    qtbot.waitUntil(lambda: not worker._ABANDONED, timeout=10_000)
    QApplication.processEvents()
    assert told == []  # nothing is reported
    assert _stored(services, kind) == 0


@pytest.mark.parametrize("kind", ["calendar", "contacts"])
def test_closing_while_an_import_stops_in_time_waits_for_it(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    def step(cancelled: Callable[[], bool]) -> None:
        while not cancelled():  # looks at the cancel
            time.sleep(0.01)

    dialog = _importing(qtbot, services, monkeypatch, kind, step)
    dialog.reject()
    assert not dialog.isVisible() and not worker._ABANDONED  # waited for: it stopped
    dialog.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)
    assert _stored(services, kind) == 0
