"""File > Import > Calendar… and File > Export > Calendar… from the real main window, end to
end and by the keyboard: the menu entries open their dialogs; the preview's choices are what
is imported; Cancel, Escape and a file that cannot be read write nothing; the export of one
mentor's meetings in a range of days is a file icalendar reads as exactly those events; Enter
is the default button, Escape cancels, and every control has its own Alt+letter."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import icalendar
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.settings import PersonalSettings
from mentordesk.interchange.ics_import import BACKUP_REASON, CalendarImport
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.ui.calendar_files.export_dialog import ExportDialog
from mentordesk.ui.calendar_files.import_dialog import ImportPreviewDialog
from mentordesk.ui.calendar_files.preview_model import PreviewModel
from mentordesk.ui.main_window import MainWindow
from tests.helpers import type_text
from tests.ui.menu_helpers import file_menu_action

DATA = Path(__file__).resolve().parents[1] / "interchange" / "data"
# The days of the sample files' events (all in 2026), typed into the preview: the dialog's
# own default range depends on the day the test runs.
FIRST, LAST = date(2025, 12, 1), date(2026, 12, 31)


@pytest.fixture
def mentors(services: Services) -> dict[str, int]:
    services.settings.save(
        PersonalSettings(your_name="Sam Rivera", your_emails=("me@example.com",))
    )
    made = {
        "amara": MentorFields(name="Amara Okafor", email="amara@example.org"),
        "jose": MentorFields(name="José Álvarez", email="jose@example.org"),
        "zoe": MentorFields(name="Zoë Ødegaard", email="zoe@example.no"),
        "priya": MentorFields(name="Priya Raman"),
    }
    return {key: services.mentors.create(fields).id for key, fields in made.items()}


@pytest.fixture
def window(
    qtbot: QtBot, location: DataLocation, services: Services, mentors: dict[str, int]
) -> Iterator[MainWindow]:
    shown = MainWindow(location)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.attach_services(services)
    yield shown
    for dialog in shown.findChildren(QDialog):
        dialog.reject()
    shown.close()


def _menu_action(window: MainWindow, submenu: str) -> QAction:
    """File > ``submenu`` > Calendar…, found in the menu bar as a person finds it."""
    action = file_menu_action(window, submenu, "&Calendar…")
    assert action.isEnabled()
    return action


def _open_preview(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path
) -> ImportPreviewDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    _menu_action(window, "&Import").trigger()
    dialog = window.findChild(ImportPreviewDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.job.running and dialog.pages.currentIndex() != 0)
    return dialog


def _read_days(qtbot: QtBot, dialog: ImportPreviewDialog, first: date, last: date) -> None:
    """Type the days into the range fields and press Enter there: the file is planned again
    for them (Enter in a date field never imports)."""
    for field, day in ((dialog.from_field, first), (dialog.to_field, last)):
        field.setFocus()
        field.selectAll()
        type_text(field, day.isoformat())
    qtbot.keyClick(dialog.to_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.job.running)
    qtbot.waitUntil(lambda: dialog.model.plan() is not None and dialog.model.plan().end == last)


def _row(dialog: ImportPreviewDialog, title: str) -> int:
    return next(
        r
        for r in range(dialog.model.rowCount())
        if dialog.model.index(r, PreviewModel.TITLE).data() == title
    )


def _backups(location: DataLocation) -> list[Path]:
    folder = location.backups
    return sorted(folder.glob(f"*{BACKUP_REASON}*")) if folder.exists() else []


def _meetings(services: Services) -> dict[str, list[tuple[int, ...]]]:
    found: dict[str, list[tuple[int, ...]]] = {}
    for meeting in services.meetings.between():
        found.setdefault(meeting.title, []).append(meeting.mentor_ids)
    return found


# --- import ----------------------------------------------------------------------------------


def test_import_from_the_menu_by_keyboard_stores_exactly_the_preview(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    mentors: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    location: DataLocation,
) -> None:
    dialog = _open_preview(qtbot, window, monkeypatch, DATA / "google.ics")
    _read_days(qtbot, dialog, FIRST, LAST)
    assert dialog.pages.currentIndex() == dialog.PREVIEW
    assert services.meetings.count() == 0  # reading again imported nothing
    assert dialog.import_button.isDefault()

    # Coffee with Priya names nobody MentorDesk knows: give it Priya, from the list below
    # the table (Enter there assigns; it does not import).
    table = dialog.table
    priya = _row(dialog, "Coffee with Priya")
    table.setFocus()
    table.setCurrentIndex(dialog.model.index(priya, PreviewModel.INCLUDE))
    table.selectRow(priya)
    combo = dialog.assign_combo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(mentors["priya"]))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert services.meetings.count() == 0
    assert dialog.model.index(priya, PreviewModel.MENTOR).data() == "Priya Raman"

    # Leave the quick call out: Space on its Import box.
    call = _row(dialog, "Quick call with Amara")
    table.setFocus()
    table.setCurrentIndex(dialog.model.index(call, PreviewModel.INCLUDE))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.model.index(call, PreviewModel.ACTION).data() == "Left out"
    assert "9 new meetings" in dialog.summary.text()

    # Enter in the table: the default button, Import.
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert imported.args[0].created == 9
    stored = _meetings(services)
    assert "Quick call with Amara" not in stored
    assert stored["Review of the quarter"] == [()]  # no mentor yet
    assert stored["Coffee with Priya"] == [(mentors["priya"],)]
    assert stored["Career chat with Amara"] == [(mentors["amara"],)]
    assert sum(len(ids) for ids in stored.values()) == 9
    assert len(_backups(location)) == 1  # the snapshot taken first
    assert "Imported google.ics" in window.statusBar().currentMessage()

    # Done: the one left without a mentor is listed; Enter shows it in the Calendar.
    assert dialog.pages.currentIndex() == dialog.DONE
    assert dialog.unassigned_list.topLevelItemCount() == 1 and dialog.show_button.isDefault()
    with qtbot.waitSignal(dialog.meeting_requested) as requested:
        qtbot.keyClick(dialog.unassigned_list, Qt.Key.Key_Return)
    assert services.meetings.get(requested.args[0]).title == "Review of the quarter"
    assert not dialog.isVisible()


@pytest.mark.parametrize("how", ["cancel button", "escape", "window closed"])
def test_leaving_the_preview_writes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    location: DataLocation,
    how: str,
) -> None:
    dialog = _open_preview(qtbot, window, monkeypatch, DATA / "outlook.ics")
    _read_days(qtbot, dialog, FIRST, LAST)
    assert dialog.import_button.isEnabled() and dialog.model.rowCount() > 0
    if how == "cancel button":
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    elif how == "escape":
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    else:
        dialog.close()
    assert not dialog.isVisible()
    QApplication.processEvents()
    assert services.meetings.count() == 0
    assert _backups(location) == []


def test_a_malformed_file_says_so_and_writes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    location: DataLocation,
) -> None:
    path = DATA / "malformed" / "truncated.ics"
    dialog = _open_preview(qtbot, window, monkeypatch, path)
    assert dialog.pages.currentIndex() == dialog.PROBLEM
    assert dialog.problem_title.text() == "This file cannot be imported"
    message = dialog.problem.text()
    assert message.startswith(f"{path}: ") and "the file is incomplete" in message
    assert message.endswith("Nothing was imported.")
    assert "Traceback" not in message
    assert not dialog.import_button.isVisible() and dialog.close_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter closes
    assert not dialog.isVisible()
    assert services.meetings.count() == 0
    assert _backups(location) == []


# --- export ----------------------------------------------------------------------------------


def _import_google(services: Services) -> None:
    importer = CalendarImport(services)
    importer.apply(
        importer.read(DATA / "google.ics", FIRST, LAST, floating_zone="Europe/Berlin"),
        backup=False,
    )


def test_export_from_the_menu_of_one_mentor_in_a_range_of_days(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    mentors: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _import_google(services)
    chosen = tmp_path / "jose in january"  # no suffix typed: .ics is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen), ""))
    _menu_action(window, "&Export").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.export_button.isDefault()

    dialog.mentor_combo.setFocus()
    dialog.mentor_combo.setCurrentIndex(dialog.mentor_combo.findData(mentors["jose"]))
    for field, day in ((dialog.from_field, "2026-01-10"), (dialog.to_field, "2026-01-31")):
        field.setFocus()
        field.selectAll()
        type_text(field, day)
    assert dialog.some_days.isChecked()  # typing a day chose "Meetings from"
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as exported:
        qtbot.keyClick(dialog.to_field, Qt.Key.Key_Return)  # Enter: Export…
    written = chosen.with_suffix(".ics")
    assert exported.args[0].path == written and exported.args[0].count == 2
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    assert "Exported 2 meetings" in window.statusBar().currentMessage()

    calendar = icalendar.Calendar.from_ical(written.read_bytes())
    assert isinstance(calendar, icalendar.Calendar)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.start)
    # The weekly series on Mondays at 18:00 in Berlin: 12 January, and the instance of
    # 26 January that was moved to the 27th at 19:00 (it keeps its RECURRENCE-ID).
    assert [str(e["SUMMARY"]) for e in events] == ["Weekly check-in with José"] * 2
    assert [e.start.date() for e in events] == [date(2026, 1, 12), date(2026, 1, 27)]
    assert [e.start.hour for e in events] == [18, 19]
    assert all(e["DTSTART"].params["TZID"] == "Europe/Berlin" for e in events)
    assert "RECURRENCE-ID" not in events[0] or events[0]["RECURRENCE-ID"].dt.day == 12
    assert events[1]["RECURRENCE-ID"].dt.date() == date(2026, 1, 26)
    assert {str(a) for e in events for a in _list(e["ATTENDEE"])} == {"mailto:jose@example.org"}
    assert len({str(e["UID"]) for e in events}) <= 2
    stored = {m.uid for m in services.meetings.between() if mentors["jose"] in m.mentor_ids}
    assert {str(e["UID"]) for e in events} <= stored
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("how", ["cancel button", "escape"])
def test_leaving_the_export_writes_no_file(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    how: str,
) -> None:
    _import_google(services)
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **_k: asked.append(a))
    _menu_action(window, "&Export").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    if how == "cancel button":
        cancel = next(b for b in dialog.buttons.buttons() if b.text().replace("&", "") == "Cancel")
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog.mentor_combo, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result is None
    assert asked == []  # no file was even asked for
    assert list(tmp_path.glob("*.ics")) == []


def test_export_with_the_first_day_after_the_last_says_so(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import_google(services)
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **_k: asked.append(a))
    _menu_action(window, "&Export").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    dialog.some_days.setChecked(True)
    dialog.from_field.set_value(date(2026, 3, 1))
    dialog.to_field.set_value(date(2026, 2, 1))
    qtbot.keyClick(dialog.to_field, Qt.Key.Key_Return)
    assert "The first day is after the last" in dialog.message.text()
    assert asked == [] and dialog.isVisible()


# --- mnemonics -------------------------------------------------------------------------------


def _letters(dialog: QWidget) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        captioned = labelled or isinstance(widget, QAbstractButton)
        text = str(widget.property("text")) if captioned else ""
        letter = re.search(r"&([^&])", text.replace("&&", ""))
        if letter:
            found.setdefault(letter.group(1).lower(), []).append(text)
    return found


def test_the_dialogs_have_mnemonics_that_do_not_clash(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = _open_preview(qtbot, window, monkeypatch, DATA / "apple.ics")
    letters = _letters(preview)
    assert not {k: v for k, v in letters.items() if len(v) > 1}
    for caption in ("Events &from", "&to", "S&how:", "&Mentor for the selected events:"):
        assert any(caption in uses for uses in letters.values()), caption
    for button in ("&Import", "&Read Again", "&Assign", "&Leave Out", "I&nclude"):
        assert any(button in uses for uses in letters.values()), button
    preview.reject()

    _menu_action(window, "&Export").trigger()
    export = window.findChild(ExportDialog)
    assert export is not None
    letters = _letters(export)
    assert not {k: v for k, v in letters.items() if len(v) > 1}
    for caption in ("&Mentor:", "&All meetings", "Meetings &from", "&to", "&Export…"):
        assert any(caption in uses for uses in letters.values()), caption
    export.reject()


def test_markup_in_the_file_is_shown_as_text(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A title with tags and a broken date: the message quotes the title as it is written,
    and the label shows it as text (a label takes text that starts like HTML for HTML)."""
    text = (DATA / "malformed" / "invalid_date.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Career chat" in text
    path = tmp_path / "<b>odd<i>.ics"
    path.write_text(
        text.replace("SUMMARY:Career chat", "SUMMARY:<b>Career</b> <img src=x>"), encoding="utf-8"
    )
    dialog = _open_preview(qtbot, window, monkeypatch, path)
    assert dialog.pages.currentIndex() == dialog.PROBLEM
    assert "“<b>Career</b> <img src=x>”" in dialog.problem.text()
    heading = dialog.findChild(QLabel, "importHeading")
    for label in (dialog.problem, heading):
        assert label is not None and label.textFormat() == Qt.TextFormat.PlainText
    assert "&lt;b&gt;odd" in heading.toolTip()
