"""Backups in the GUI: the Backups dialog, restore, automatic snapshots, start-up recovery."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.backups import BackupService
from mentordesk.services.context import Services
from mentordesk.ui import data_session
from mentordesk.ui.app import StartupObserver, run_gui
from mentordesk.ui.backups import recovery_dialog
from mentordesk.ui.backups.dialog import BackupsDialog
from mentordesk.ui.main_window import MainWindow
from tests.helpers import quit_after


def names_in(location: DataLocation) -> list[str]:
    with sqlite3.connect(location.database) as connection:
        rows = connection.execute("SELECT name FROM mentor ORDER BY name").fetchall()
    connection.close()
    return [row[0] for row in rows]


def opened_window(qtbot: QtBot, location: DataLocation) -> MainWindow:
    window = MainWindow(location)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.session.opened, timeout=10_000):
        window.session.open()
    return window


def test_first_open_takes_a_verified_snapshot(qtbot: QtBot, location: DataLocation) -> None:
    window = opened_window(qtbot, location)
    qtbot.waitUntil(lambda: len(BackupService(location).list_all()) == 1, timeout=10_000)
    assert BackupService(location).list_all(check=True)[0].is_sound
    window.close()


def test_backups_dialog_lists_backs_up_and_restores(
    qtbot: QtBot, location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = Services.open(location)
    services.mentors.create(MentorFields(name="Kept in the backup"))
    BackupService(location).snapshot("manual")
    services.mentors.create(MentorFields(name="Added after the backup"))
    services.close()

    window = opened_window(qtbot, location)
    qtbot.waitUntil(lambda: window.backups_action.isEnabled())
    dialog = BackupsDialog(location, window.session.background, window)
    dialog.restore_requested.connect(window.session.restore)  # as show_backups() does
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 1, timeout=10_000)
    qtbot.waitUntil(lambda: "backup" in dialog.status.text(), timeout=10_000)

    count = dialog.model.rowCount()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == count + 1, timeout=10_000)
    assert dialog.model.data(dialog.model.index(0, 1)) == "Made by you"

    # Select the oldest "manual" backup: the one without "Added after the backup".
    oldest_manual = max(
        row
        for row in range(dialog.model.rowCount())
        if dialog.model.backup_at(row).reason == "manual"
    )
    dialog.table.selectRow(oldest_manual)
    assert dialog.restore_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.session.opened, timeout=10_000):
        dialog.restore_button.click()
    assert names_in(location) == ["Kept in the backup"]
    view = window.mentors_view
    assert [view.model.record_at(row).name for row in range(view.model.rowCount())] == [
        "Kept in the backup"
    ]
    assert window.undo_stack.count() == 0
    assert any(b.reason == "before-restore" for b in BackupService(location).list_all())
    window.close()


def test_a_damaged_database_is_recovered_from_the_newest_sound_backup(
    qtbot: QtBot, location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = Services.open(location)
    services.mentors.create(MentorFields(name="Amara Okafor"))
    backup = BackupService(location).snapshot("daily")
    services.close()
    damaged = bytearray(location.database.read_bytes())
    damaged[4096 : 4096 * 2] = b"\x5a" * 4096
    location.database.write_bytes(bytes(damaged))

    asked: list[str] = []

    def choose(_parent: object, problem: str, offered: object, **_how: object) -> str:
        asked.append(problem)
        assert offered is not None and offered.path == backup.path  # type: ignore[attr-defined]
        return recovery_dialog.RESTORE

    told: list[str] = []
    monkeypatch.setattr(data_session, "ask_how_to_recover", choose)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    observer = StartupObserver(quit_when_data_shown=False)
    window_holder: list[MainWindow] = []

    def quit_when_restored() -> None:
        if told:
            QApplication.activeWindow()
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, MainWindow):
                    window_holder.append(widget)
                    widget.close()
        else:
            QTimer.singleShot(50, quit_when_restored)

    QTimer.singleShot(50, quit_when_restored)
    with quit_after(15_000):
        assert run_gui(location, observer) == 0
    assert asked and "damaged" in asked[0]
    assert names_in(location) == ["Amara Okafor"]
    kept = list(location.root.glob("mentordesk-damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(damaged)
    assert "restored from the backup" in told[0]


def test_a_second_window_on_the_same_data_is_refused(
    qtbot: QtBot, location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QLockFile

    location.root.mkdir(parents=True)
    held = QLockFile(str(location.root / "mentordesk.lock"))
    assert held.lock()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    assert run_gui(location) == 1
    assert said and "already open" in said[0]
    held.unlock()


def test_a_failed_edit_keeps_the_typed_text_and_asks_before_closing(
    qtbot: QtBot, location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mentordesk.domain.validation import StorageError
    from mentordesk.services.mentors import MentorService

    window = opened_window(qtbot, location)
    services = window.services
    assert services is not None
    services.mentors.create(MentorFields(name="Amara Okafor"))
    window.bus.announce({"mentor"})  # type: ignore[arg-type]
    view = window.mentors_view
    view.select_mentor(services.mentors.list_all()[0].id)

    def full(*_args: object, **_kwargs: object) -> None:
        raise StorageError("The disk is full, so the change was not saved.")

    monkeypatch.setattr(MentorService, "update", full)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda _p, _t, text, *_a: warnings.append(text) or QMessageBox.StandardButton.Cancel,
    )
    title = view.editor.fields["title"].widget
    title.setText("VP Engineering")
    view.editor.commit("title")
    assert "disk is full" in warnings[0]
    assert title.text() == "VP Engineering"
    assert view.editor.unsaved_fields() == ["Title or role"]

    window.close()  # asks, and Cancel keeps the window open
    assert window.isVisible()
    assert "could not be saved" in warnings[-1]
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a: QMessageBox.StandardButton.Discard)
    window.close()
    assert not window.isVisible()
    assert Path(location.database).exists()
