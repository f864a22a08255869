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
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.attach_services(services, services.mentors.list_all())
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
