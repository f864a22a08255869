"""Starting the GUI on data folders that are not what they should be: each gets a dialog that
says what is true, never a traceback, and nothing is written that should not be."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services import data_folder
from mentordesk.services.backups import BackupService
from mentordesk.services.context import Services
from mentordesk.ui import data_session
from mentordesk.ui.app import StartupObserver, run_gui
from mentordesk.ui.backups import recovery_dialog
from mentordesk.ui.main_window import MainWindow
from tests.helpers import quit_after


def _window() -> MainWindow:
    return next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_data_folder_that_is_a_file_gets_a_dialog(
    tmp_path: Path, _no_modal_warnings: list[str]
) -> None:
    file = tmp_path / "data"
    file.write_text("not a folder")
    assert run_gui(DataLocation(file)) == 1
    assert any("is a file, not a folder" in said for said in _no_modal_warnings)
    assert file.read_text() == "not a folder"


def test_a_data_folder_that_cannot_be_created_gets_a_dialog(
    location: DataLocation, monkeypatch: pytest.MonkeyPatch, _no_modal_warnings: list[str]
) -> None:
    from mentordesk.db import backup

    def refuse(_path: Path) -> None:
        raise PermissionError(30, "Read-only file system")

    monkeypatch.setattr(backup, "make_private_dir", refuse)
    assert run_gui(location) == 1
    assert any("cannot be created (Read-only file system)" in s for s in _no_modal_warnings)


def test_a_read_only_folder_opens_read_only_and_writes_nothing(
    location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = Services.open(location)
    services.mentors.create(MentorFields(name="Amara Okafor"))
    services.close()
    before = _digest(location.database)
    files_before = sorted(p.name for p in location.root.iterdir())
    asked: list[str] = []

    def ask(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Open

    monkeypatch.setattr(data_folder, "is_read_only", lambda _location: True)
    monkeypatch.setattr(QMessageBox, "question", ask)
    seen: dict[str, object] = {}

    def look() -> None:
        window = _window()
        if window.services is None:  # Home shows the quick read; the views wait for this
            QTimer.singleShot(20, look)
            return
        view = window.mentors_view
        home = window.home_view.getting_started
        seen.update(
            home_sample=home.sample_button.isEnabled(),
            banner=window.read_only_banner.isVisible(),
            new=view.new_action.isEnabled(),
            editor=view.editor.isEnabled(),
            sample=view.sample_button.isEnabled(),
            backups=window.backups_action.isEnabled(),
            rows=view.model.rowCount(),
        )
        window.close()

    observer = StartupObserver(data_shown=lambda: QTimer.singleShot(0, look))
    assert run_gui(location, observer) == 0
    assert asked and "read-only" in asked[0]
    assert seen == {
        "banner": True,
        "new": False,
        "editor": False,
        "sample": False,
        "backups": False,
        "rows": 1,
        "home_sample": False,
    }
    assert _digest(location.database) == before
    assert sorted(p.name for p in location.root.iterdir()) == files_before  # no lock, -wal, -shm


def test_a_lock_that_cannot_be_written_on_a_full_disk_says_the_disk_is_full(
    location: DataLocation, monkeypatch: pytest.MonkeyPatch, _no_modal_warnings: list[str]
) -> None:
    monkeypatch.setattr(QLockFile, "tryLock", lambda _self, _timeout=0: False)
    monkeypatch.setattr(QLockFile, "error", lambda _self: QLockFile.LockError.UnknownError)
    monkeypatch.setattr(data_folder, "nearly_full", lambda _location: True)
    assert run_gui(location) == 1
    assert any("is full" in said for said in _no_modal_warnings)
    assert not any("already open" in said for said in _no_modal_warnings)


@pytest.mark.parametrize("choice", [recovery_dialog.NEW, recovery_dialog.RESTORE])
def test_a_missing_data_file_with_backups_asks_before_anything_is_created(
    location: DataLocation, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    services = Services.open(location)
    services.mentors.create(MentorFields(name="Amara Okafor"))
    services.close()
    BackupService(location).snapshot("manual")
    for path in location.root.glob("mentordesk.sqlite3*"):
        path.unlink()
    asked: list[tuple[str, bool, bool]] = []

    def ask(_parent: object, problem: str, backup: object, *, missing: bool = False) -> str:
        asked.append((problem, missing, location.database.exists()))
        assert backup is not None  # the newest good backup is offered
        return choice

    monkeypatch.setattr(data_session, "ask_how_to_recover", ask)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    rows: list[int] = []

    def look() -> None:
        window = _window()
        overview = window.home_view.overview
        rows.append(int(overview is not None and overview.started.has_mentor))
        window.close()

    observer = StartupObserver(data_shown=lambda: QTimer.singleShot(0, look))
    with quit_after(20_000):  # never hang the suite
        assert run_gui(location, observer) == 0
    (problem, missing, existed) = asked[0]
    assert "is missing" in problem and missing and not existed
    assert rows == [0 if choice == recovery_dialog.NEW else 1]


def test_the_lock_file_is_readable_only_by_the_user_whatever_the_umask(
    location: DataLocation,
) -> None:
    import os
    import stat

    modes: list[int] = []

    def look() -> None:
        modes.append(stat.S_IMODE((location.root / "mentordesk.lock").stat().st_mode))
        _window().close()

    old = os.umask(0)
    try:
        assert (
            run_gui(location, StartupObserver(data_shown=lambda: QTimer.singleShot(0, look))) == 0
        )
    finally:
        os.umask(old)
    assert modes == [0o600]
    assert stat.S_IMODE(location.root.stat().st_mode) == 0o700
