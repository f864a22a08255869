"""The main window and start-up: navigation, menus, remembered geometry, refused databases."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.ui.app import StartupObserver, run_gui
from mentordesk.ui.main_window import MainWindow, app_icon
from tests.helpers import quit_after


def open_window(qtbot: QtBot, location: DataLocation) -> tuple[MainWindow, Services]:
    services = Services.open(location)
    window = MainWindow(location)
    qtbot.addWidget(window)
    window.show()
    window.attach_services(services)
    return window, services


def visible_menus(window: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions() if a.isVisible()]


def test_navigation_lists_only_working_views_and_menus_exist(
    qtbot: QtBot, location: DataLocation
) -> None:
    window, _services = open_window(qtbot, location)
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [
        "Home",
        "Mentors",
        "Calendar",
        "Action items",
        "Goals",
        "Skills",
        "Agreements",
        "Timeline",
    ]
    assert window.stack.currentWidget() is window.home_view  # Home comes first
    assert visible_menus(window) == ["File", "Edit", "View", "Help"]  # Home has no menu
    window.page_view("mentors")
    assert visible_menus(window) == ["File", "Edit", "View", "Mentor", "Help"]
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]
    assert not app_icon().isNull()
    window.close()


def test_window_size_and_position_are_remembered(qtbot: QtBot, location: DataLocation) -> None:
    window, _services = open_window(qtbot, location)
    window.resize(720, 520)
    window.mentors_view.splitter.setSizes([400, 300])
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (720, 520))
    window.close()
    again, _ = open_window(qtbot, location)
    assert (again.width(), again.height()) == (720, 520)
    assert location.ui_state.exists()
    again.close()


def test_load_sample_data_from_the_empty_state(qtbot: QtBot, location: DataLocation) -> None:
    window, services = open_window(qtbot, location)
    view = window.mentors_view
    assert view.list_stack.currentWidget() is view.empty_state
    view.sample_button.click()
    assert services.mentors.count() == 6
    assert view.proxy.rowCount() == 6
    window.close()


def test_run_gui_shows_window_then_data(qtbot: QtBot, location: DataLocation) -> None:
    Services.open(location).close()
    events: list[str] = []
    observer = StartupObserver(
        window_shown=lambda: events.append("window"),
        data_shown=lambda: events.append("data"),
        quit_when_data_shown=True,
    )
    assert run_gui(location, observer) == 0
    assert events == ["window", "data"]


def test_run_gui_refuses_a_newer_database_untouched(
    qtbot: QtBot, location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    Services.open(location).close()
    with sqlite3.connect(location.database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    before = hashlib.sha256(location.database.read_bytes()).hexdigest()
    messages: list[str] = []

    def critical(_parent: object, _title: str, text: str, *_args: object) -> object:
        messages.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    with quit_after(10_000):  # never hang the suite
        assert run_gui(location) == 1
    assert messages and "newer version" in messages[0] and str(location.database) in messages[0]
    assert hashlib.sha256(location.database.read_bytes()).hexdigest() == before


def test_each_view_brings_its_own_menu_and_ctrl_n(qtbot: QtBot, location: DataLocation) -> None:
    window, _services = open_window(qtbot, location)
    menus = lambda: visible_menus(window)  # noqa: E731
    window.page_view("mentors")
    assert menus()[3] == "Mentor"
    goals = window.page_view("goals")
    assert window.stack.currentWidget() is goals
    assert menus()[3] == "Goal"
    assert window.view_menu.actions() == list(goals.actions_for_menu)  # type: ignore[attr-defined]
    assert not goals.editor.isVisible()  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert goals.editor.is_new and goals.editor.isVisible()  # type: ignore[attr-defined]
    assert window.mentors_view.editor_stack.currentWidget() is window.mentors_view.editor_hint
    skills = window.page_view("skills")
    assert menus()[3] == "Skill"
    assert window.stack.currentWidget() is skills
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert skills.editor.isVisible() and skills.editor.is_new  # type: ignore[attr-defined]
    window.page_view("mentors")
    assert menus()[3] == "Mentor"
    window.close()


def test_open_agreement_from_a_mentor_card(qtbot: QtBot, location: DataLocation) -> None:
    from mentordesk.domain.agreement_templates import TEMPLATES
    from mentordesk.domain.enums import AgreementStatus
    from mentordesk.domain.mentor import MentorFields

    window, services = open_window(qtbot, location)
    mentor = services.mentors.create(MentorFields(name="Amara Okafor"))
    fields = TEMPLATES[0].fields.replace(status=AgreementStatus.ACTIVE)
    agreement = services.agreements.create(mentor.id, fields)
    window.bus.announce({"mentor"})  # type: ignore[arg-type]
    window.page_view("mentors")
    window.mentors_view.select_mentor(mentor.id)
    assert window.mentors_view.editor.open_agreement_button.isVisible()
    window.mentors_view.editor.open_agreement_button.click()
    agreements = window.stack.currentWidget()
    assert [a.text().replace("&", "") for a in window.menuBar().actions()][3] == "Agreement"
    assert agreements.editor.record is not None  # type: ignore[attr-defined]
    assert agreements.editor.record.id == agreement.id  # type: ignore[attr-defined]
    window.close()


def test_sample_data_from_the_empty_state_reaches_views_already_built(
    qtbot: QtBot, location: DataLocation
) -> None:
    """Loading sample data announces every kind it adds: Goals and Agreements, built before,
    show their rows at once."""
    window, services = open_window(qtbot, location)
    goals = window.page_view("goals")
    agreements = window.page_view("agreements")
    window.page_view("mentors")
    window.mentors_view.sample_button.click()
    assert goals.model.rowCount() == services.goals.count() > 0  # type: ignore[attr-defined]
    assert agreements.model.rowCount() == services.agreements.count() > 0  # type: ignore[attr-defined]
    window.close()


def test_closing_asks_about_unsaved_fields_in_every_view(
    qtbot: QtBot, location: DataLocation, _no_modal_warnings: list[str]
) -> None:
    """A refused value in the Goals editor (a target before the start) is not dropped
    silently: closing asks, and answering anything but Discard keeps the window open."""
    from datetime import date

    from mentordesk.domain.goal import GoalFields

    window, services = open_window(qtbot, location)
    services.goals.create(GoalFields(title="Give a talk", started_on=date(2026, 5, 1)))
    goals = window.page_view("goals")
    goals.focus_record(services.goals.list_all()[0].id)
    editor = goals.editor  # type: ignore[attr-defined]
    editor.fields["target_on"].widget.setText("2026-01-01")  # as if typed
    editor.fields["target_on"].widget.textEdited.emit("2026-01-01")
    editor.commit("target_on")
    assert editor.error_text("target_on")
    window.close()
    assert window.isVisible()
    assert any("Target date" in said for said in _no_modal_warnings)
    QMessageBox.warning = lambda *_args: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.close()
    assert not window.isVisible()


def test_pages_are_found_by_key_whatever_the_language(qtbot: QtBot, location: DataLocation) -> None:
    """With a translation installed the sidebar reads "Ziele", and the Goals and Agreements
    pages are still found (Open Agreement on a mentor's card uses the same lookup)."""
    from PySide6.QtCore import QTranslator

    class German(QTranslator):
        def translate(self, context: str, source: str, *_args: object) -> str:  # type: ignore[override]
            words = {"Goals": "Ziele", "Agreements": "Vereinbarungen", "Mentors": "Mentoren"}
            return words.get(source, "") if context == "MainWindow" else ""

    translator = German()
    QApplication.installTranslator(translator)
    try:
        window, services = open_window(qtbot, location)
        assert window.sidebar.item(4).text() == "Ziele"
        assert window.page_view("goals").objectName() == "goalsView"
        mentor_id = services.mentors.list_all()[0].id if services.mentors.count() else None
        assert mentor_id is None  # an empty notebook: the lookup needs no data
        window.open_agreement(1)  # no agreement 1: nothing to show, and no error
        assert window.stack.currentWidget().objectName() == "agreementsView"
        window.close()
    finally:
        QApplication.removeTranslator(translator)


def test_views_shortcuts_and_the_view_menu(qtbot: QtBot, location: DataLocation) -> None:
    window, _services = open_window(qtbot, location)
    assert visible_menus(window) == ["File", "Edit", "View", "Help"]
    assert [a.shortcut().toString() for a in window.page_actions] == [
        "Ctrl+1",
        "Ctrl+2",
        "Ctrl+3",
        "Ctrl+4",
        "Ctrl+5",
        "Ctrl+6",
        "Ctrl+7",
        "Ctrl+8",
    ]
    assert window.sidebar.item(4).toolTip() == "Goals (Ctrl+5)"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().objectName() == "skillsView"
    assert window.page_actions[5].isChecked() and window.sidebar.currentRow() == 5
    qtbot.keyClick(window.sidebar, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().objectName() == "calendarView"
    all_shortcuts = [
        s.toString() for a in window.findChildren(QAction) for s in a.shortcuts() if s.toString()
    ]
    assert all_shortcuts.count("Ctrl+K") == 1  # Edit > Search Everything, nothing else
    window.close()


def test_column_widths_and_splitters_are_kept_and_home_comes_first(
    qtbot: QtBot, location: DataLocation
) -> None:
    window, _services = open_window(qtbot, location)
    goals = window.page_view("goals")
    goals.table.horizontalHeader().resizeSection(1, 211)  # type: ignore[attr-defined]
    goals.splitter.setSizes([500, 600])  # type: ignore[attr-defined]
    sizes = goals.splitter.sizes()  # type: ignore[attr-defined]
    window.close()
    again, _ = open_window(qtbot, location)
    assert again.stack.currentWidget() is again.home_view  # always first, not the last view
    goals = again.page_view("goals")
    assert goals.table.horizontalHeader().sectionSize(1) == 211  # type: ignore[attr-defined]
    assert goals.splitter.sizes() == sizes  # type: ignore[attr-defined]
    again.close()


def test_the_first_window_fits_the_screen(qtbot: QtBot, location: DataLocation) -> None:
    window = MainWindow(location)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert window.width() <= max(screen.width() - 32, window.minimumSizeHint().width())
    assert window.height() <= screen.height() - 64
    assert window.minimumSizeHint().width() <= 800 and window.minimumSizeHint().height() <= 600
    for page in window._pages:  # every view fits an 800x600 window
        window.page_view(page.key)
        hint = window.minimumSizeHint()
        assert hint.width() <= 800 and hint.height() <= 600, (page.key, hint)
    window.close()


def test_every_view_with_data_still_fits_800x600(qtbot: QtBot, location: DataLocation) -> None:
    """With records shown (filter choices filled with names, a meeting on the card), the
    filter rows and the calendar's bar wrap rather than widen the window."""
    from mentordesk.services.sample_data import SampleSize, load_sample_data

    services = Services.open(location)
    load_sample_data(services, SampleSize.SMALL)
    window = MainWindow(location)
    qtbot.addWidget(window)
    window.show()
    window.attach_services(services)
    for page in window._pages:
        window.page_view(page.key)
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 800 and hint.height() <= 600, (page.key, hint)
    meeting = services.meetings.between()[0]
    window.open_record("calendar", meeting.id)
    window.resize(800, 600)
    QApplication.processEvents()
    assert window.width() == 800
    assert window.minimumSizeHint().width() <= 800
    window.close()
