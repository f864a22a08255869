"""File > Import > Calendar: the preview and mapping dialog, driven with qtbot; and File >
Export > Calendar."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.settings import PersonalSettings
from mentordesk.interchange.ics_import import ImportResult
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.ui.calendar_files.export_dialog import ExportDialog
from mentordesk.ui.calendar_files.import_dialog import ImportPreviewDialog
from mentordesk.ui.calendar_files.preview_model import PreviewModel
from mentordesk.ui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "interchange" / "data"

TODAY = date(2026, 6, 1)  # the sample files' events fall within a year of it


@pytest.fixture
def mentors(services: Services) -> dict[str, int]:
    services.settings.save(
        PersonalSettings(your_name="Sam Rivera", your_emails=("me@example.com",))
    )
    return {
        "amara": services.mentors.create(
            MentorFields(name="Amara Okafor", email="amara@example.org")
        ).id,
        "jose": services.mentors.create(
            MentorFields(name="José Álvarez", email="jose@example.org")
        ).id,
        "zoe": services.mentors.create(
            MentorFields(name="Zoë Ødegaard", email="zoe@example.no")
        ).id,
        "priya": services.mentors.create(MentorFields(name="Priya Raman")).id,
    }


def _dialog(qtbot: QtBot, services: Services, name: str | Path) -> ImportPreviewDialog:
    path = name if isinstance(name, Path) else DATA / name
    dialog = ImportPreviewDialog(services, path, today=TODAY, floating_zone="Europe/Berlin")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.job.running and dialog.pages.currentIndex() != 0)
    return dialog


def _row(dialog: ImportPreviewDialog, title: str) -> int:
    model = dialog.model
    return next(
        r for r in range(model.rowCount()) if model.index(r, PreviewModel.TITLE).data() == title
    )


def _cell(dialog: ImportPreviewDialog, row: int, column: int) -> str:
    return str(dialog.model.index(row, column).data())


def test_the_preview_lists_each_event_with_its_date_action_and_mentor(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    dialog = _dialog(qtbot, services, "google.ics")
    assert dialog.pages.currentIndex() == dialog.PREVIEW
    assert dialog.model.rowCount() == 10
    assert dialog.import_button.isVisible() and dialog.import_button.isEnabled()
    summary = dialog.summary.text()
    assert "10 events" in summary and "10 new meetings" in summary
    assert "2 have no mentor yet" in summary

    chat = _row(dialog, "Career chat with Amara")
    assert _cell(dialog, chat, PreviewModel.ACTION) == "New"
    assert _cell(dialog, chat, PreviewModel.MENTOR) == "Amara Okafor"
    assert "2026" in _cell(dialog, chat, PreviewModel.WHEN)
    workshop = _row(dialog, "Workshop day with Zoë")
    assert _cell(dialog, workshop, PreviewModel.WHEN).endswith("all day")
    priya = _row(dialog, "Coffee with Priya")
    assert _cell(dialog, priya, PreviewModel.MENTOR) == "No mentor yet"
    flag = dialog.model.index(priya, PreviewModel.MENTOR).data(Qt.ItemDataRole.DecorationRole)
    assert not flag.isNull()  # flagged with a sign, not by colour alone
    tip = dialog.model.index(priya, PreviewModel.MENTOR).data(Qt.ItemDataRole.ToolTipRole)
    assert "imported with no mentor" in tip

    dialog.show_combo.setCurrentIndex(dialog.show_combo.findData("unassigned"))
    shown = [r for r in range(dialog.model.rowCount()) if not dialog.table.isRowHidden(r)]
    assert sorted(_cell(dialog, r, PreviewModel.TITLE) for r in shown) == [
        "Coffee with Priya",
        "Review of the quarter",
    ]


def test_changing_the_mapping_and_leaving_events_out_is_what_is_imported(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    dialog = _dialog(qtbot, services, "google.ics")
    priya = _row(dialog, "Coffee with Priya")
    # The Mentor cell's own editor: a list of mentors.
    dialog.table.setCurrentIndex(dialog.model.index(priya, PreviewModel.MENTOR))
    dialog.table.edit(dialog.model.index(priya, PreviewModel.MENTOR))
    editor = dialog.table.findChild(QComboBox)
    assert editor is not None
    editor.setCurrentIndex(editor.findData(mentors["priya"]))
    dialog.table.commitData(editor)
    dialog.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    assert _cell(dialog, priya, PreviewModel.MENTOR) == "Priya Raman"

    # Several rows at once: the weekly series to Zoë, from the row below the table.
    weekly = [
        r
        for r in range(dialog.model.rowCount())
        if _cell(dialog, r, PreviewModel.TITLE) == "Weekly check-in with José"
    ]
    dialog.table.clearSelection()
    for row in weekly[:2]:
        dialog.table.selectionModel().select(
            dialog.model.index(row, 0),
            dialog.table.selectionModel().SelectionFlag.Select
            | dialog.table.selectionModel().SelectionFlag.Rows,
        )
    dialog.assign_combo.setCurrentIndex(dialog.assign_combo.findData(mentors["zoe"]))
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    # And one left out by its checkbox.
    review = _row(dialog, "Review of the quarter")
    dialog.model.setData(
        dialog.model.index(review, PreviewModel.INCLUDE),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert _cell(dialog, review, PreviewModel.ACTION) == "Left out"
    assert "9 new meetings" in dialog.summary.text()

    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = imported.args[0]
    assert isinstance(result, ImportResult) and result.created == 9
    assert dialog.pages.currentIndex() == dialog.DONE
    assert dialog.unassigned_list.topLevelItemCount() == 0  # Priya was given a mentor
    by_title: dict[str, list[tuple[int, ...]]] = {}
    for meeting in services.meetings.between():
        by_title.setdefault(meeting.title, []).append(meeting.mentor_ids)
    assert "Review of the quarter" not in by_title
    assert by_title["Coffee with Priya"] == [(mentors["priya"],)]
    assert by_title["Weekly check-in with José"] == [
        (mentors["zoe"],),
        (mentors["zoe"],),
        (mentors["jose"],),
        (mentors["jose"],),
        (mentors["jose"],),
    ]


def test_after_the_import_the_unassigned_are_listed_to_show_in_the_calendar(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    dialog = _dialog(qtbot, services, "google.ics")
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.start_import()
    assert dialog.unassigned_list.topLevelItemCount() == 2
    assert dialog.show_button.isVisible()
    assert "no mentor yet" in dialog.done_label.text()
    assert "backup" in dialog.done_label.text()
    with qtbot.waitSignal(dialog.meeting_requested) as requested:
        qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert services.meetings.get(requested.args[0]).is_unassigned


def test_the_same_file_again_has_nothing_to_import(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    first = _dialog(qtbot, services, "outlook.ics")
    with qtbot.waitSignal(first.imported, timeout=20_000):
        first.start_import()
    again = _dialog(qtbot, services, "outlook.ics")
    assert "13 unchanged" in again.summary.text()
    assert not again.import_button.isEnabled()
    assert {_cell(again, r, PreviewModel.ACTION) for r in range(again.model.rowCount())} == {
        "Unchanged"
    }


def test_cancel_while_importing_imports_nothing(
    qtbot: QtBot, services: Services, mentors: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mentordesk.services.backups import BackupService

    real_snapshot = BackupService.snapshot

    def slow_snapshot(self: BackupService, reason: str) -> object:
        time.sleep(0.5)  # time to press Cancel while the import runs
        return real_snapshot(self, reason)

    monkeypatch.setattr(BackupService, "snapshot", slow_snapshot)
    dialog = _dialog(qtbot, services, "apple.ics")
    dialog.start_import()
    assert dialog.job.running and dialog.apply_progress.isVisible()
    assert not dialog.table.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=10_000)
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.status.text())
    assert dialog.pages.currentIndex() == dialog.PREVIEW
    assert services.meetings.count() == 0
    assert dialog.isVisible()  # the preview stays, to import after all or close


def test_a_malformed_file_shows_the_problem_and_offers_only_close(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    path = DATA / "malformed" / "invalid_date.ics"
    dialog = _dialog(qtbot, services, path)
    assert dialog.pages.currentIndex() == dialog.PROBLEM
    assert str(path) in dialog.problem.text()
    assert "invalid DTSTART" in dialog.problem.text()
    assert not dialog.import_button.isVisible() and dialog.close_button.isVisible()
    assert services.meetings.count() == 0


def test_other_days_read_again(qtbot: QtBot, services: Services, mentors: dict[str, int]) -> None:
    dialog = _dialog(qtbot, services, "outlook.ics")
    assert dialog.model.rowCount() == 13
    dialog.from_field.set_value(date(2026, 9, 1))
    dialog.to_field.set_value(date(2026, 12, 31))
    qtbot.mouseClick(dialog.range_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.job.running)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4)  # Sep, Oct, Nov, Dec
    assert "2 more fall outside these days" in dialog.summary.text()  # June and July
    dialog.from_field.set_value(date(2027, 1, 1))
    qtbot.mouseClick(dialog.range_button, Qt.MouseButton.LeftButton)
    assert dialog.range_message.isVisible()  # the first day after the last


def test_export_writes_the_chosen_meetings(
    qtbot: QtBot, services: Services, mentors: dict[str, int], tmp_path: Path
) -> None:
    importing = _dialog(qtbot, services, "google.ics")
    with qtbot.waitSignal(importing.imported, timeout=20_000):
        importing.start_import()
    dialog = ExportDialog(services, folder=tmp_path, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.mentor_combo.setCurrentIndex(dialog.mentor_combo.findData(mentors["jose"]))
    path = tmp_path / "jose.ics"
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as exported:
        dialog.export_to(path)
    assert exported.args[0].count == 5
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert isinstance(calendar, icalendar.Calendar)
    assert {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")} == {"Weekly check-in with José"}

    nothing = ExportDialog(services, folder=tmp_path, today=TODAY)
    qtbot.addWidget(nothing)
    nothing.some_days.setChecked(True)
    nothing.from_field.set_value(date(2030, 1, 1))
    nothing.to_field.set_value(date(2030, 2, 1))
    nothing.export_to(tmp_path / "none.ics")
    assert "No meetings match" in nothing.message.text()
    assert not (tmp_path / "none.ics").exists()


def test_the_file_menu_has_import_and_export(
    qtbot: QtBot, location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(location)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    titles = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    assert titles[:2] == ["&Import", "&Export"]
    menus = window.calendar_files
    menus.update_actions()
    assert not menus.import_action.isEnabled() and not menus.export_action.isEnabled()
    services = Services.open(location)
    window.attach_services(services)
    menus.update_actions()
    assert menus.import_action.isEnabled() and menus.export_action.isEnabled()
    assert menus.import_action.text() == "&Calendar…"

    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(DATA / "apple.ics"), "")
    )
    dialog = menus.import_calendar()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PREVIEW, timeout=20_000)
    # The dialog reads a year either side of the real today: read the file's days instead.
    dialog.from_field.set_value(date(2025, 1, 1))
    dialog.to_field.set_value(date(2027, 12, 31))
    dialog.read_again()
    qtbot.waitUntil(lambda: dialog.model.plan().end == date(2027, 12, 31))
    announced: list[frozenset[object]] = []
    window.bus.changed.connect(announced.append)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.start_import()
    assert announced and "meeting" in {str(k) for k in announced[-1]}
    assert "Imported apple.ics" in window.statusBar().currentMessage()
    dialog.reject()
    window.close()


def test_closing_while_the_file_is_read_leaves_it_to_end_on_its_own(
    qtbot: QtBot, services: Services, mentors: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mentordesk.interchange.ics_import import CalendarImport
    from mentordesk.ui.common import job as worker

    real_open = CalendarImport.open

    def slow_open(self: CalendarImport, path: Path) -> object:
        time.sleep(0.5)  # a large file being parsed
        return real_open(self, path)

    monkeypatch.setattr(CalendarImport, "open", slow_open)
    dialog = ImportPreviewDialog(services, DATA / "google.ics", today=TODAY)
    dialog.show()
    assert dialog.job.running
    dialog.reject()  # does not wait for the parsing
    assert not dialog.isVisible() and worker._ABANDONED
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not worker._ABANDONED, timeout=10_000)
    assert services.meetings.count() == 0


def test_the_job_tells_its_result_only_once_its_thread_has_ended(qtbot: QtBot) -> None:
    """Whoever is told may close the dialog owning the job at once: a thread still running
    then would be destroyed with it, and Qt aborts the whole program."""
    from PySide6.QtCore import QThread

    from mentordesk.ui.common.job import Job

    job = Job()
    running_when_told: list[bool] = []
    job.succeeded.connect(
        lambda _result: running_when_told.append(
            any(t.isRunning() for t in job.findChildren(QThread))
        )
    )
    for run in range(1, 21):  # the end of a thread races its last signal: try a few times
        job.start(lambda _progress, _cancelled: 42)
        qtbot.waitUntil(lambda: not job.running and len(running_when_told) == run)  # noqa: B023
    assert running_when_told == [False] * 20


def test_a_job_abandoned_once_its_work_ended_reports_nothing(qtbot: QtBot) -> None:
    """Closed in the moment between the work's end and its result being told: the result
    is dropped, and the job is free at once."""
    from mentordesk.ui.common.job import Job

    job = Job()
    told: list[object] = []
    job.succeeded.connect(told.append)
    job.failed.connect(told.append)
    job.start(lambda _progress, _cancelled: 42)
    assert job.running
    thread = job._thread
    assert thread is not None and thread.wait(5_000)  # ended; its result not yet told
    assert job.running  # until the result is told
    job.abandon()
    assert not job.running
    qtbot.wait(100)
    assert told == []
