"""The keyboard as a person uses it, in every list-and-card view: Tab between the filter,
the list and the card; Ctrl+Z in a field; typing in a list; dates typed by hand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.ui.main_window import MainWindow
from tests.helpers import type_text


@pytest.fixture
def window(qtbot: QtBot, location: DataLocation, services: Services) -> Iterator[MainWindow]:
    services.mentors.create(MentorFields(name="Amara Okafor", organization="Lumen Health"))
    services.mentors.create(MentorFields(name="Björn Lindqvist", organization=""))
    shown = MainWindow(location)
    qtbot.addWidget(shown)
    shown.page_view("mentors")  # these tests start on the Mentors view (Home is first)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.attach_services(services)
    yield shown
    shown.close()


def _mentor_id(services: Services, name: str) -> int:
    return next(m.id for m in services.mentors.list_all() if m.name == name)


def test_tab_leaves_the_list_instead_of_walking_its_cells(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    view = window.mentors_view
    view.focus_record(_mentor_id(services, "Amara Okafor"))
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    row = view.table.currentIndex().row()
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not view.table and view.card.isAncestorOf(focused)
    assert view.table.currentIndex().row() == row  # the selected record did not change
    assert view.editor.record.name == "Amara Okafor"


def test_typing_in_a_list_filters_it_and_delete_is_not_a_trap(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    view = window.mentors_view
    view.focus_record(_mentor_id(services, "Amara Okafor"))
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClicks(view.table, "bj")
    assert view.filter_edit.text() == "bj" and view.filter_edit.hasFocus()
    assert view.proxy.rowCount() == 1
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Delete)  # deletes text, never a mentor
    assert services.mentors.count() == 2


def test_ctrl_z_in_a_field_undoes_typing_then_the_saved_edit(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    view = window.mentors_view
    amara = _mentor_id(services, "Amara Okafor")
    view.focus_record(amara)
    field = view.editor.fields["organization"].widget
    assert isinstance(field, QLineEdit)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.end(False)
    type_text(field, " Ltd")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "Lumen Health"  # the typing, taken back by the field itself
    assert window.undo_stack.count() == 0
    type_text(field, " Ltd")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # saved
    assert services.mentors.get(amara).fields.organization == "Lumen Health Ltd"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.mentors.get(amara).fields.organization == "Lumen Health"
    assert field.text() == "Lumen Health"
    assert window.redo_action.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing more
    assert services.mentors.get(amara).fields.organization == "Lumen Health"
    qtbot.keyClick(
        field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert services.mentors.get(amara).fields.organization == "Lumen Health Ltd"


def test_ctrl_z_never_saves_an_emptied_field(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    view = window.mentors_view
    bjorn = _mentor_id(services, "Björn Lindqvist")
    view.focus_record(bjorn)
    field = view.editor.fields["organization"].widget
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_text(field, "Independent")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # saved on leaving
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.mentors.get(bjorn).fields.organization == ""
    assert (
        window.undo_stack.count() == 1 and window.undo_stack.index() == 0
    )  # undone, not a new edit


def _goal_card(qtbot: QtBot, window: MainWindow, services: Services):  # type: ignore[no-untyped-def]
    from mentordesk.domain.goal import GoalFields

    goal = services.goals.create(GoalFields(title="Give a talk"))
    view = window.page_view("goals")
    view.focus_record(goal.id)
    return view, goal.id


def test_dates_are_typed_as_a_person_writes_them(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from datetime import date

    from mentordesk.ui.common.date_field import DateField

    view, goal_id = _goal_card(qtbot, window, services)
    field = view.editor.fields["target_on"].widget  # type: ignore[attr-defined]
    assert isinstance(field, DateField)
    assert field.text() == "" and field.placeholderText() == "Not set"
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "2027-12-01")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert services.goals.get(goal_id).fields.target_on == date(2027, 12, 1)
    assert field.text() == "1 Dec 2027"  # shown in the one date format
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert field.selectedText() == "1 Dec 2027"
    qtbot.keyClicks(field, "3 March 2028")  # typed over the selection
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert services.goals.get(goal_id).fields.target_on == date(2028, 3, 3)
    field.selectAll()
    qtbot.keyClicks(field, "next tuesday")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "Type a date like" in view.editor.error_text("target_on")  # type: ignore[attr-defined]
    assert services.goals.get(goal_id).fields.target_on == date(2028, 3, 3)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)  # cleared: saved at once
    assert services.goals.get(goal_id).fields.target_on is None
    assert view.editor.error_text("target_on") == ""  # type: ignore[attr-defined]


def test_a_date_is_one_tab_stop_and_its_calendar_opens_on_this_month(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from datetime import date

    view, _goal_id = _goal_card(qtbot, window, services)
    started = view.editor.fields["started_on"].widget  # type: ignore[attr-defined]
    target = view.editor.fields["target_on"].widget  # type: ignore[attr-defined]
    started.setFocus()
    qtbot.waitUntil(started.hasFocus)
    qtbot.keyClick(started, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is target
    qtbot.keyClick(target, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = target.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    calendar.clicked.emit(calendar.selectedDate())  # a day picked: saved at once
    assert target.value() == today


@pytest.mark.parametrize("keep", [True, False])
def test_an_invalid_value_is_not_dropped_when_another_record_is_chosen(
    qtbot: QtBot, window: MainWindow, services: Services, keep: bool
) -> None:
    view = window.mentors_view
    amara, bjorn = _mentor_id(services, "Amara Okafor"), _mentor_id(services, "Björn Lindqvist")
    view.focus_record(amara)
    email = view.editor.fields["email"].widget
    email.setFocus()
    qtbot.waitUntil(email.hasFocus)
    type_text(email, "amara@lumen")  # no top-level domain
    asked: list[list[str]] = []

    def ask(fields: list[str]) -> bool:
        asked.append(fields)
        return keep

    view.ask_keep_editing = ask  # type: ignore[method-assign]
    row = view.proxy.mapFromSource(view.model.index(view.model.row_of(bjorn), 0))
    view.table.setCurrentIndex(row)  # as a click on Björn's row does
    qtbot.wait(50)  # the deferred re-selection
    assert asked == [["Email"]]
    assert services.mentors.get(amara).fields.email == ""  # never stored
    if keep:
        assert view.editor.record.id == amara
        assert email.text() == "amara@lumen"
        assert "name@example.org" in view.editor.error_text("email")
        current = view.proxy.mapToSource(view.table.currentIndex()).row()
        assert view.model.record_at(current).id == amara  # Amara's row stays selected
    else:
        assert view.editor.record.id == bjorn
        assert view.editor.error_text("email") == ""


def test_a_message_waits_for_the_field_to_be_left_and_the_card_does_not_jump(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from mentordesk.ui.common.card_form import AUTOSAVE_DELAY_MS

    view = window.mentors_view
    view.focus_record(_mentor_id(services, "Amara Okafor"))
    email = view.editor.fields["email"].widget
    below = view.editor.fields["phone"].widget
    email.setFocus()
    qtbot.waitUntil(email.hasFocus)
    page = view.editor.widget()  # the card inside its scroll area
    top_before = below.mapTo(page, below.rect().topLeft()).y()
    type_text(email, "amara@lumen")
    qtbot.wait(AUTOSAVE_DELAY_MS + 300)  # the pause while typing: no message yet
    assert view.editor.error_text("email") == ""
    qtbot.keyClick(email, Qt.Key.Key_Tab)  # left: now it says what is wrong
    assert "name@example.org" in view.editor.error_text("email")
    QApplication.processEvents()
    assert below.mapTo(page, below.rect().topLeft()).y() == top_before


def test_email_and_profile_open_the_mail_program_or_browser(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    view = window.mentors_view
    view.focus_record(_mentor_id(services, "Amara Okafor"))
    editor = view.editor
    assert not editor.write_email_action.isEnabled()  # no address yet
    email = editor.fields["email"].widget
    email.setText("amara@lumen.example")
    assert editor.write_email_action.isEnabled()
    editor.write_email_action.trigger()
    editor.fields["profile_url"].widget.setText("https://profiles.example/amara")
    editor.open_profile_action.trigger()
    assert opened == ["mailto:amara@lumen.example", "https://profiles.example/amara"]


def test_a_saved_edit_says_so_with_the_time(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    view = window.mentors_view
    view.focus_record(_mentor_id(services, "Amara Okafor"))
    field = view.editor.fields["organization"].widget
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_text(field, " Ltd")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage().startswith("Saved at ")


@pytest.mark.parametrize("key", ["mentors", "goals", "skills", "agreements"])
def test_enter_on_a_row_goes_to_the_first_field_of_its_card(
    qtbot: QtBot, window: MainWindow, services: Services, key: str
) -> None:
    from mentordesk.domain.agreement import AgreementFields
    from mentordesk.domain.goal import GoalFields
    from mentordesk.domain.skill import SkillFields

    services.goals.create(GoalFields(title="Give a talk"))
    services.skills.create(SkillFields(name="Public speaking"))
    services.agreements.create(_mentor_id(services, "Amara Okafor"), AgreementFields("Ours"))
    window.activateWindow()
    index = [page.key for page in window._pages].index(key)
    window.page_actions[index].trigger()  # as Ctrl+1..6
    view = window.page_view(key)
    view.refresh()  # type: ignore[attr-defined]
    table = view.table  # type: ignore[attr-defined]
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    focused = QApplication.focusWidget()
    key_field = view.key_field  # type: ignore[attr-defined]
    expected = (
        view.editor.lines[key_field]  # type: ignore[attr-defined]
        if key == "agreements"
        else view.editor.fields[key_field].widget  # type: ignore[attr-defined]
    )
    assert focused is expected
