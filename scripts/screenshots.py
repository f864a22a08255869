#!/usr/bin/env python3
"""Render every view of MentorDesk offscreen with sample data and save PNG screenshots.

    python scripts/screenshots.py [--out DIR] [--size decade|small] [--theme light|dark]

Used for the README and for looking at a change before committing it.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from mentordesk.ui.app import create_application
from mentordesk.ui.common.style import Theme
from mentordesk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from mentordesk.ui.calendar_files.import_dialog import ImportPreviewDialog

WIDTH, HEIGHT = 1280, 800


THEME = Theme.LIGHT


def open_window(location: DataLocation) -> MainWindow:
    services = Services.open(location)
    window = MainWindow(location)
    window.set_theme(THEME)
    window.resize(WIDTH, HEIGHT)
    window.show()
    window.attach_services(services)
    settle()
    return window


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()
        QTest.qWait(20)


def save(window: MainWindow, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}.png"
    window.grab().save(str(path))
    print(path)


def shoot(out: Path, size: SampleSize) -> None:
    create_application()
    # Nobody answers a dialog here: the "discard the unsaved new card?" question that the
    # last step provokes when the window closes is answered Discard.
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning = lambda *_args, **_kwargs: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    QMessageBox.question = lambda *_args, **_kwargs: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as empty_dir, tempfile.TemporaryDirectory() as data_dir:
        window = open_window(DataLocation(Path(empty_dir)))
        for key in (
            "home",
            "mentors",
            "calendar",
            "actions",
            "goals",
            "skills",
            "agreements",
            "timeline",
        ):
            window.page_view(key)
            save(window, out, f"{key}-empty")
        window.close()

        location = DataLocation(Path(data_dir))
        services = Services.open(location)
        load_sample_data(services, size)
        services.close()
        window = open_window(location)
        save(window, out, "home")  # the first view at start-up
        window.home_view.scroll.verticalScrollBar().setValue(10_000)
        save(window, out, "home-end")
        view = window.mentors_view
        steps: list[tuple[str, Callable[[], None]]] = [
            ("mentors", lambda: (window.page_view("mentors"), view.table.selectRow(1))),
            ("mentors-filtered", lambda: QTest.keyClicks(view.filter_edit, "leader")),
            ("mentors-no-match", lambda: QTest.keyClicks(view.filter_edit, "zzz")),
            ("mentors-new", _new_with_error(window)),
        ]
        for name, step in steps:
            step()
            save(window, out, name)
        shoot_goals_and_skills(window, out)
        shoot_search(window, out)
        shoot_meetings(window, out)
        shoot_backups(window, location, out)
        shoot_calendar_export(window, out)
        shoot_calendar_import(window, out)
        shoot_exports(window, out)
        shoot_timeline(window, out)
        shoot_reports(window, out)
        shoot_settings_and_help(window, location, out)
        window.close()


def shoot_timeline(window: MainWindow, out: Path) -> None:
    """The Timeline: every year, zoomed in on a year, and one mentor's entries by month."""
    from mentordesk.domain.timeline import Grouping
    from mentordesk.ui.timeline import TimelineView

    view = window.page_view("timeline")
    assert isinstance(view, TimelineView)
    save(window, out, "timeline")
    view.overview.zoom(6)
    save(window, out, "timeline-zoomed")
    view.overview.fit()
    if len(view.overview.bands) > 3:
        view.set_mentor(view.overview.bands[3].band.mentor_id)
    view.group_combo.setCurrentIndex(view.group_combo.findData(Grouping.MONTH))
    save(window, out, "timeline-mentor")
    view.clear_filters()
    view.group_combo.setCurrentIndex(0)


def shoot_meetings(window: MainWindow, out: Path) -> None:
    """The Calendar by month (a held meeting's card), by week (a planned one, prepared) and
    as an agenda, and the Action items."""
    from mentordesk.domain.enums import MeetingStatus
    from mentordesk.ui.meetings import CalendarView
    from mentordesk.ui.meetings.nav_bar import CalendarMode

    calendar = window.page_view("calendar")
    assert isinstance(calendar, CalendarView) and window.services is not None
    now = datetime.now().astimezone()
    meetings = window.services.meetings.between(now - timedelta(days=40), now + timedelta(days=30))
    held = [m for m in meetings if m.status is MeetingStatus.HELD and m.fields.notes]
    planned = [m for m in meetings if m.status is MeetingStatus.PLANNED and m.mentor_ids]
    calendar.go_to_today()
    if held:
        calendar.focus_record(held[-1].id)
    calendar.go_to_today()
    save(window, out, "calendar")
    if planned:
        calendar.mode_actions[CalendarMode.WEEK].trigger()
        calendar.focus_record(planned[0].id)
        calendar.prepare()
        save(window, out, "calendar-week-prepared")
        window.undo_stack.undo()
    calendar.mode_actions[CalendarMode.AGENDA].trigger()
    calendar.go_to_today()
    save(window, out, "calendar-agenda")
    calendar.mode_actions[CalendarMode.MONTH].trigger()
    actions = window.page_view("actions")
    actions.table.selectRow(0)  # type: ignore[attr-defined]
    save(window, out, "actions")


def shoot_search(window: MainWindow, out: Path) -> None:
    """Search everything (Ctrl+K): before typing, a common word, a phrase, nothing found."""
    from mentordesk.ui.search.popup import DEBOUNCE_MS

    window.page_view("mentors")
    bar = window.search_bar
    for name, text in (
        ("search-empty", ""),
        ("search", "feedback"),
        ("search-phrase", '"clarity is a kindness"'),
        ("search-no-match", "zzqx"),
    ):
        popup = bar.open(text)
        QTest.qWait(DEBOUNCE_MS + 50)
        save(window, out, name)
        popup.close_popup()
    window.resize(800, 600)  # the smallest window MentorDesk is made for
    bar.open("lead")
    QTest.qWait(DEBOUNCE_MS + 50)
    save(window, out, "search-800x600")
    bar.popup.close_popup()
    window.resize(WIDTH, HEIGHT)


def shoot_goals_and_skills(window: MainWindow, out: Path) -> None:
    from mentordesk.ui.skills.compare_dialog import CompareSkillsDialog

    goals = window.page_view("goals")
    goals.table.selectRow(2)  # type: ignore[attr-defined]
    save(window, out, "goals")
    skills = window.page_view("skills")
    skills.table.selectRow(0)  # type: ignore[attr-defined]
    save(window, out, "skills")
    assert window.services is not None
    records = window.services.skills.list_all()
    dialog = CompareSkillsDialog(records, date.today(), window)
    for record in records[:4]:
        dialog.check_skill(record.id)
    dialog.show()
    settle()
    path = out / "skills-compare.png"
    dialog.grab().save(str(path))
    print(path)
    dialog.close()
    agreements = window.page_view("agreements")
    agreements.table.selectRow(1)  # type: ignore[attr-defined]
    save(window, out, "agreements")
    agreements.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    history = agreements.history  # type: ignore[attr-defined]
    history.revision_list.setCurrentIndex(history.revision_model.index(2, 0))
    save(window, out, "agreements-history")
    agreements.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
    window.page_view("mentors")
    # The smallest window MentorDesk is made for: half of a small laptop's screen.
    window.resize(800, 600)
    window.mentors_view.table.selectRow(1)
    save(window, out, "mentors-800x600")
    window.page_view("goals")
    save(window, out, "goals-800x600")
    window.resize(WIDTH, HEIGHT)
    window.page_view("mentors")


def shoot_backups(window: MainWindow, location: DataLocation, out: Path) -> None:
    from mentordesk.services.backups import BackupService
    from mentordesk.ui.backups.dialog import BackupsDialog

    service = BackupService(location)
    for reason in ("daily", "while-open", "manual"):
        service.snapshot(reason)
    dialog = BackupsDialog(location, window.session.background, window)
    dialog.show()
    for _ in range(50):
        settle()
        if dialog.model.rowCount():
            break
    dialog.table.selectRow(0)
    settle()
    path = out / "backups.png"
    dialog.grab().save(str(path))
    print(path)
    dialog.close()


def shoot_calendar_import(window: MainWindow, out: Path) -> None:
    """File > Import > Calendar: the preview of a file from another calendar holding the
    coming weeks' meetings, a few of them changed there and a few with nobody known."""
    import uuid

    from mentordesk.interchange.ics_export import build_calendar, calendar_bytes
    from mentordesk.ui.calendar_files.import_dialog import ImportPreviewDialog

    services = window.services
    assert services is not None
    now = datetime.now().astimezone()
    coming = services.meetings.between(now, now + timedelta(days=75))
    records = []
    for index, record in enumerate(coming):
        if index < 3:  # changed in the other calendar since it came from MentorDesk
            fields = record.fields.replace(title=record.title + " (moved)")
            records.append(dataclasses.replace(record, fields=fields, sequence=record.sequence + 1))
        elif index % 5 == 4:  # nobody MentorDesk knows was invited
            fields = record.fields.replace(title="Coffee chat", mentor_ids=())
            records.append(dataclasses.replace(record, fields=fields, uid=f"{uuid.uuid4()}@google"))
        else:
            records.append(dataclasses.replace(record, uid=f"{uuid.uuid4()}@google.com"))
    mentors = {m.id: m for m in services.mentors.list_all()}
    calendar = build_calendar(records, mentors, services.settings.read())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "work-calendar.ics"
        path.write_bytes(calendar_bytes(calendar))
        dialog = ImportPreviewDialog(services, path, window)
        dialog.show()
        for _ in range(200):
            settle()
            if dialog.pages.currentIndex() == dialog.PREVIEW:
                break
        _grab(dialog, out, "calendar-import-preview")
        dialog.reject()
        # A file that cannot be imported: the message names it and the problem.
        broken = Path(folder) / "cut-short.ics"
        broken.write_bytes(calendar_bytes(calendar)[:-200])
        problem = ImportPreviewDialog(services, broken, window)
        problem.show()
        _wait_for_page(problem, problem.PROBLEM)
        _grab(problem, out, "calendar-import-problem")
        problem.reject()
        # Imported: what was done, and the meetings that have no mentor yet.
        done = ImportPreviewDialog(services, path, window)
        done.show()
        _wait_for_page(done, done.PREVIEW)
        done.start_import()
        _wait_for_page(done, done.DONE)
        _grab(done, out, "calendar-import-done")
        done.reject()


def _wait_for_page(dialog: ImportPreviewDialog, page: int) -> None:
    for _ in range(500):
        settle()
        if dialog.pages.currentIndex() == page and not dialog.job.running:
            return


def shoot_calendar_export(window: MainWindow, out: Path) -> None:
    """File > Export > Calendar: one mentor's meetings in a range of days."""
    from mentordesk.ui.calendar_files.export_dialog import ExportDialog

    services = window.services
    assert services is not None
    dialog = ExportDialog(services, window)
    dialog.show()
    mentors = services.mentors.list_all()
    if mentors:
        dialog.mentor_combo.setCurrentIndex(dialog.mentor_combo.findData(mentors[0].id))
    dialog.some_days.setChecked(True)
    _grab(dialog, out, "calendar-export")
    dialog.reject()


def shoot_exports(window: MainWindow, out: Path) -> None:
    """File > Export > Contacts… (with a mentor selected), Everything… and Notes as
    Markdown…, as they open."""
    window.page_view("mentors")
    window.mentors_view.table.selectRow(0)
    portability = window.portability
    for name, opened in (
        ("export-contacts", portability.export_contacts),
        ("export-everything", portability.export_archive),
        ("export-markdown", portability.export_markdown),
    ):
        dialog = opened()
        assert dialog is not None
        _grab(dialog, out, name)
        dialog.reject()
    shoot_contacts_import(window, out)


def shoot_contacts_import(window: MainWindow, out: Path) -> None:
    """File > Import > Contacts…: the preview of an address book export in which some people
    are already mentors (an update that fills what is empty, values kept) and some are new."""
    from mentordesk.interchange.vcard_export import vcard_text
    from mentordesk.ui.portability.contacts_dialog import ContactImportDialog

    services = window.services
    assert services is not None
    known = services.mentors.list_all()[:4]
    changed = [
        dataclasses.replace(
            mentor,
            fields=mentor.fields.replace(
                title="Advisor",
                phone=mentor.fields.phone or "+44 20 7946 0000",
                tags=("book club",),
            ),
        )
        for mentor in known
    ]
    text = vcard_text(changed) + (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Noor Haddad\r\nN:Haddad;Noor;;;\r\n"
        "ORG:Cedar Labs\r\nEMAIL:noor@cedar.example\r\nEND:VCARD\r\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.vcf"
        path.write_text(text, encoding="utf-8")
        dialog = ContactImportDialog(services, path, window)
        dialog.show()
        for _ in range(500):
            settle()
            if dialog.model.plan() is not None and not dialog.job.running:
                break
        _grab(dialog, out, "contacts-import-preview")
        dialog.reject()


def shoot_reports(window: MainWindow, out: Path) -> None:
    """File > Export PDF…: a relationship summary and a growth review previewed, and the
    dialog in an 800x600 window."""
    from mentordesk.reports import ReportKind

    def previewed(name: str, kind: ReportKind | None = None) -> None:
        window.page_view("mentors")
        window.mentors_view.table.selectRow(0)
        dialog = window.reports.export_pdf()
        assert dialog is not None
        if kind is not None:
            dialog.choices.kind_combo.setCurrentIndex(dialog.choices.kind_combo.findData(kind))
        dialog.start_preview()
        while dialog.generating:
            QTest.qWait(50)
        _grab(dialog, out, name)
        dialog.close_dialog()

    previewed("report-dialog")
    previewed("report-dialog-growth", ReportKind.GROWTH)
    window.resize(800, 600)
    previewed("report-dialog-800x600")
    window.resize(WIDTH, HEIGHT)


def _grab(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def shoot_settings_and_help(window: MainWindow, location: DataLocation, out: Path) -> None:
    """Preferences (each page), About, and the dialog for an unexpected error."""
    from mentordesk.ui.about_dialog import show_about
    from mentordesk.ui.error_dialog import UnexpectedErrorDialog

    preferences = window.show_preferences()
    assert preferences is not None
    for page in range(preferences.tabs.count()):
        preferences.tabs.setCurrentIndex(page)
        name = preferences.tabs.tabText(page).replace("&", "").lower()
        _grab(preferences, out, f"preferences-{name}")
    preferences.tabs.setCurrentWidget(preferences.you_page)
    preferences.emails_edit.setPlainText("robin@castellanos.example\nrobin at home")
    preferences.accept()  # refused: stays open with the message
    _grab(preferences, out, "preferences-error")
    preferences.reject()

    about = show_about(window, location)
    _grab(about, out, "about")
    about.reject()

    try:
        {}["missing"]
    except KeyError as exc:
        error = UnexpectedErrorDialog(exc, location, window)
    error.show()
    _grab(error, out, "unexpected-error")
    error.show_details_button.click()
    _grab(error, out, "unexpected-error-details")
    error.reject()


def _new_with_error(window: MainWindow) -> Callable[[], None]:
    def step() -> None:
        view = window.mentors_view
        view.clear_filters()
        view.start_new_mentor()
        editor = view.editor
        email = editor.fields["email"].widget
        email.setFocus()
        QTest.keyClicks(email, "kim@")
        editor.commit("email")
        started = editor.fields["started_on"].widget
        started.set_date(QDate.currentDate().toPython())  # type: ignore[attr-defined]
        editor.fields["name"].widget.setFocus(Qt.FocusReason.OtherFocusReason)

    return step


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--out", type=Path, default=Path("screenshots/out"))
    parser.add_argument("--size", choices=["small", "decade"], default="decade")
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    args = parser.parse_args()
    global THEME
    THEME = Theme(args.theme)
    args.out.mkdir(parents=True, exist_ok=True)
    shoot(args.out, SampleSize(args.size))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
