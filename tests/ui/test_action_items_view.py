"""The Action items view driven like a person would: keys and clicks, checked in the database."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.enums import ActionStatus
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.services.context import Services
from mentordesk.ui.actions import ActionItemsView
from mentordesk.ui.actions.proxy import StatusChoice
from mentordesk.ui.common.data_bus import DataBus
from mentordesk.ui.common.roles import ObjectRole
from tests.helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def view(qtbot: QtBot, undo_stack: QUndoStack) -> ActionItemsView:
    """A shown Action items view; call ``view.attach(services)`` after adding data."""
    widget = ActionItemsView(DataBus(), undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def meeting(services: Services) -> int:
    amara = services.mentors.create(MentorFields(name="Amara Okafor")).id
    fields = MeetingFields(
        title="1:1 with Amara",
        start=datetime(2026, 12, 3, 10),
        time_zone="UTC",
        mentor_ids=(amara,),
    )
    return services.meetings.create(fields).id


def add(services: Services, text: str, meeting_id: int | None, **fields: object) -> int:
    return services.action_items.create(
        ActionItemFields(text=text, meeting_id=meeting_id, **fields)  # type: ignore[arg-type]
    ).id


def shown(view: ActionItemsView) -> list[str]:
    proxy = view.proxy
    return [proxy.index(row, 0).data(ObjectRole).text for row in range(proxy.rowCount())]


def click(qtbot: QtBot, view: ActionItemsView, text: str, modifier: object = None) -> None:
    rect = view.table.visualRect(view.proxy.index(shown(view).index(text), 0))
    qtbot.mouseClick(
        view.table.viewport(),
        Qt.MouseButton.LeftButton,
        modifier or Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )


def stored(services: Services, item_id: int) -> ActionItemFields:
    return services.action_items.get(item_id).fields


def test_empty_state_speaks_of_advice(view: ActionItemsView, services: Services) -> None:
    view.attach(services)
    assert view.list_stack.currentWidget() is view.empty_state
    assert view.empty_state.title_label.text() == "No action items yet"
    assert view.empty_state.body_label.text().startswith("Advice becomes action")
    assert [a.text() for a in view.actions_for_menu] == [
        "&New Action Item",
        "Mark &Done",
        "Mark &Reported Back",
        "&Open Meeting",
        "De&lete Action Item…",
    ]
    assert not view.mark_done_action.isEnabled()


def test_default_filter_reads_only_pending_items_and_hides_the_rest(
    view: ActionItemsView, services: Services, meeting: int
) -> None:
    add(services, "Send the draft", meeting)
    add(services, "Ask for a project", meeting, status=ActionStatus.DONE)  # not yet reported
    add(services, "Write three wins", meeting, status=ActionStatus.DONE, reported_on=date.today())
    add(services, "Old idea", meeting, status=ActionStatus.DROPPED)
    view.attach(services)
    assert sorted(shown(view)) == ["Ask for a project", "Send the draft"]
    assert len(view.model.loaded_records()) == 2  # only the pending items were read
    assert view.count_label.text() == "2 action items"

    view.status_filter.setCurrentIndex(view.status_filter.findData(StatusChoice.ANY.value))
    assert len(shown(view)) == 4
    view.status_filter.setCurrentIndex(view.status_filter.findData(StatusChoice.DROPPED.value))
    assert shown(view) == ["Old idea"]
    view.clear_filters()
    assert sorted(shown(view)) == ["Ask for a project", "Send the draft"]
    assert view.count_label.text() == "2 action items"  # counted the same with all read

    view.awaiting_check.setChecked(True)
    assert shown(view) == ["Ask for a project"]
    view.awaiting_check.setChecked(False)
    type_text(view.filter_edit, "draft")
    assert shown(view) == ["Send the draft"]
    assert "1 of 2" in view.count_label.text()


def test_nothing_pending_is_not_nothing_yet(
    view: ActionItemsView, services: Services, meeting: int
) -> None:
    add(services, "Write three wins", meeting, status=ActionStatus.DONE, reported_on=date.today())
    view.attach(services)
    assert view.list_stack.currentWidget() is view.no_match_state
    assert view.no_match_state.title_label.text() == "Nothing needs doing"
    view.clear_filters()  # the state's button: shows every item
    assert shown(view) == ["Write three wins"]


def test_mark_two_done_in_one_step_then_report_back(
    qtbot: QtBot, view: ActionItemsView, services: Services, undo_stack: QUndoStack, meeting: int
) -> None:
    first = add(services, "Send the draft", meeting, due_on=date(2026, 1, 1))
    second = add(services, "Book a mock interview", meeting, due_on=date(2026, 1, 2))
    third = add(services, "Read chapter 3", meeting, due_on=date(2026, 1, 3))
    view.attach(services)
    click(qtbot, view, "Send the draft")
    click(qtbot, view, "Book a mock interview", SHIFT)
    assert len(view.selected_records()) == 2
    assert view.editor.record.id == second  # the card shows the current row
    assert view.mark_done_action.isEnabled() and not view.mark_reported_action.isEnabled()

    qtbot.keyClick(view.table, Qt.Key.Key_D, CTRL)
    today = date.today()
    for item_id in (first, second):
        assert stored(services, item_id).status is ActionStatus.DONE
        assert stored(services, item_id).done_on == today
    assert stored(services, third).status is ActionStatus.OPEN
    assert undo_stack.count() == 1
    assert undo_stack.undoText() == "Mark 2 action items done"
    # Done but not yet reported: still listed, still selected, ready to report back.
    assert len(view.selected_records()) == 2
    assert view.mark_reported_action.isEnabled() and not view.mark_done_action.isEnabled()

    undo_stack.undo()  # Ctrl+Z in the main window
    for item_id in (first, second):
        assert stored(services, item_id).status is ActionStatus.OPEN
        assert stored(services, item_id).done_on is None
    undo_stack.redo()
    assert stored(services, first).status is ActionStatus.DONE

    qtbot.keyClick(view.table, Qt.Key.Key_R, CTRL | SHIFT)
    assert stored(services, first).reported_on == today
    assert stored(services, second).reported_on == today
    assert undo_stack.count() == 2
    assert shown(view) == ["Read chapter 3"]  # done and reported: no longer needs doing
    undo_stack.undo()
    assert stored(services, first).reported_on is None
    assert sorted(shown(view)) == ["Book a mock interview", "Read chapter 3", "Send the draft"]


@pytest.mark.usefixtures("local_time_is_utc")  # the meeting's day is a local date
def test_edit_on_the_card_and_open_the_meeting(
    qtbot: QtBot, view: ActionItemsView, services: Services, undo_stack: QUndoStack, meeting: int
) -> None:
    item_id = add(services, "Send the draft", meeting)
    view.attach(services)
    click(qtbot, view, "Send the draft")
    editor = view.editor
    assert editor.meeting_label.text() == "From the meeting “1:1 with Amara” on 3 Dec 2026"
    assert not editor.fields["done_on"].widget.isVisibleTo(editor)

    field = editor.fields["text"].widget
    assert isinstance(field, QLineEdit)
    field.setFocus()
    field.selectAll()
    type_text(field, "Send Amara the second draft")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert stored(services, item_id).text == "Send Amara the second draft"
    assert shown(view) == ["Send Amara the second draft"]

    status = editor.fields["status"].widget
    status.setCurrentIndex(status.findData(ActionStatus.DONE.value))
    status.activated.emit(status.currentIndex())
    assert stored(services, item_id).done_on == date.today()
    assert editor.fields["done_on"].widget.isVisibleTo(editor)
    undo_stack.undo()
    assert stored(services, item_id).status is ActionStatus.OPEN

    opened: list[int] = []
    view.open_meeting_requested.connect(opened.append)
    qtbot.mouseClick(editor.open_meeting_button, Qt.MouseButton.LeftButton)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_O, CTRL)
    assert opened == [meeting, meeting]


def test_new_item_has_no_meeting_and_delete_can_be_undone(
    qtbot: QtBot,
    view: ActionItemsView,
    services: Services,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view.attach(services)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    field = view.editor.fields["text"].widget
    type_text(field, "Update my CV")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    [record] = services.action_items.list_all()
    assert record.fields.meeting_id is None and record.fields.status is ActionStatus.OPEN
    assert not view.editor.open_meeting_button.isVisibleTo(view.editor)
    assert not view.open_meeting_action.isEnabled()

    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    view.focus_record(record.id)
    view.delete_action.trigger()
    assert services.action_items.list_all() == []
    undo_stack.undo()
    assert services.action_items.get(record.id).text == "Update my CV"
    assert view.editor.record.id == record.id


def test_tab_leaves_the_list_for_the_card(
    qtbot: QtBot, view: ActionItemsView, services: Services, meeting: int
) -> None:
    add(services, "Send the draft", meeting)
    add(services, "Read chapter 3", meeting)
    view.attach(services)
    view.focus_record(services.action_items.list_all()[0].id)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    row = view.table.currentIndex().row()
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not view.table and view.card.isAncestorOf(focused)
    assert view.table.currentIndex().row() == row


def test_every_control_has_a_name(view: ActionItemsView, services: Services, meeting: int) -> None:
    from tests.ui.test_accessibility import unnamed_controls

    add(services, "Send the draft", meeting, status=ActionStatus.DONE)
    view.attach(services)
    view.table.selectionModel().select(
        view.proxy.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.focus_record(services.action_items.list_all()[0].id)
    assert unnamed_controls(view, view) == []
