"""The Goals view driven like a person would: keys and clicks, checked in the database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import GoalStatus
from mentordesk.domain.goal import GoalFields, GoalNoteFields, MilestoneFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.skill import SkillFields
from mentordesk.services.context import Services
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.roles import NoMentorRole, ObjectRole, OverdueRole
from mentordesk.ui.goals.milestone_model import MilestoneTableModel
from mentordesk.ui.goals.model import GoalTableModel
from mentordesk.ui.goals.view import GoalsView
from tests.helpers import type_text


@pytest.fixture
def bus() -> DataBus:
    return DataBus()


@pytest.fixture
def goals_view(qtbot: QtBot, bus: DataBus, undo_stack: QUndoStack) -> GoalsView:
    """A shown Goals view; call ``goals_view.attach(services)`` after adding data."""
    widget = GoalsView(bus, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_titles(view: GoalsView) -> list[str]:
    proxy = view.proxy
    return [proxy.index(row, 0).data(ObjectRole).title for row in range(proxy.rowCount())]


def type_into(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def select(qtbot: QtBot, view: GoalsView, title: str) -> None:
    row = shown_titles(view).index(title)
    rect = view.table.visualRect(view.proxy.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.editor.record is not None and view.editor.record.title == title


def cell(view: GoalsView, title: str, column: int) -> object:
    return view.proxy.index(shown_titles(view).index(title), column).data()


def milestone_titles(services: Services, goal_id: int) -> list[str]:
    return [m.title for m in services.goals.get(goal_id).milestones]


def test_empty_database_says_what_to_do(goals_view: GoalsView, services: Services) -> None:
    goals_view.attach(services)
    assert goals_view.list_stack.currentWidget() is goals_view.empty_state
    assert goals_view.empty_state.title_label.text() == "No goals yet"
    assert not goals_view.filter_bar.isVisible()
    buttons = [button.text() for button in goals_view.empty_state.findChildren(QPushButton)]
    assert buttons == ["Add a goal (Ctrl+N)"]
    assert goals_view.new_action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    assert [a.text() for a in goals_view.actions_for_menu] == ["&New Goal", "&Delete Goal…"]


def test_create_a_goal_through_the_form(
    qtbot: QtBot, goals_view: GoalsView, services: Services, undo_stack: QUndoStack
) -> None:
    goals_view.attach(services)
    goals_view.setFocus()
    qtbot.keyClick(goals_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = goals_view.editor
    assert editor.is_new and editor.isVisible()
    assert not editor.milestones_box.isVisible() and editor.needs_title.isVisible()

    editor.fields["target_on"].widget.set_date(date(2027, 6, 1))
    editor.commit("target_on")
    assert services.goals.count() == 0  # no title yet: kept in the draft, not stored
    assert "title" in editor.error_text("title").lower()

    type_into(qtbot, editor.fields["title"].widget, "Give a talk at PyCon España")
    stored = services.goals.list_all()
    assert [(g.title, g.fields.target_on) for g in stored] == [
        ("Give a talk at PyCon España", date(2027, 6, 1))
    ]
    assert stored[0].fields.status is GoalStatus.ACTIVE
    assert stored[0].fields.status_changed_on == date.today()
    assert shown_titles(goals_view) == ["Give a talk at PyCon España"]
    assert goals_view.list_stack.currentWidget() is goals_view.table
    assert editor.record is not None and editor.record.id == stored[0].id
    assert editor.milestones_box.isVisible()
    assert "since" in editor.status_since.text()

    undo_stack.undo()
    assert services.goals.count() == 0
    assert goals_view.list_stack.currentWidget() is goals_view.empty_state
    undo_stack.redo()
    assert [g.id for g in services.goals.list_all()] == [stored[0].id]
    assert shown_titles(goals_view) == ["Give a talk at PyCon España"]


def test_milestones_progress_reorder_with_undo(
    qtbot: QtBot, goals_view: GoalsView, services: Services, undo_stack: QUndoStack
) -> None:
    goal_id = services.goals.create(GoalFields(title="Give a talk")).id
    goals_view.attach(services)
    select(qtbot, goals_view, "Give a talk")
    panel = goals_view.editor.milestones

    for title in ("Pick a topic", "Submit a CFP", "Give the talk"):
        type_into(qtbot, panel.new_title, title)
    assert milestone_titles(services, goal_id) == ["Pick a topic", "Submit a CFP", "Give the talk"]
    assert panel.new_title.text() == ""
    assert cell(goals_view, "Give a talk", GoalTableModel.PROGRESS) == "0/3"

    # Tick "Submit a CFP" done with the keyboard, as a person would with Space.
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(1, MilestoneTableModel.TITLE))
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    stored = services.goals.get(goal_id)
    assert stored.milestones[1].done_on == date.today()
    assert stored.progress == pytest.approx(1 / 3)
    assert cell(goals_view, "Give a talk", GoalTableModel.PROGRESS) == "1/3"
    assert "1 of 3 milestones done" in goals_view.editor.subheading.text()

    # Move "Give the talk" up one place.
    panel.select_milestone(stored.milestones[2].id)
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert milestone_titles(services, goal_id) == ["Pick a topic", "Give the talk", "Submit a CFP"]
    assert panel.selected_milestone() is not None
    assert panel.selected_milestone().title == "Give the talk"

    undo_stack.undo()  # the move
    assert milestone_titles(services, goal_id) == ["Pick a topic", "Submit a CFP", "Give the talk"]
    undo_stack.undo()  # the tick
    assert services.goals.get(goal_id).progress == 0
    assert cell(goals_view, "Give a talk", GoalTableModel.PROGRESS) == "0/3"
    undo_stack.undo()  # the third milestone
    assert milestone_titles(services, goal_id) == ["Pick a topic", "Submit a CFP"]
    undo_stack.redo()
    undo_stack.redo()
    undo_stack.redo()
    assert milestone_titles(services, goal_id) == ["Pick a topic", "Give the talk", "Submit a CFP"]
    assert services.goals.get(goal_id).milestones[2].done_on == date.today()

    # Untick clears the done date; remove takes the milestone away, undo puts it back.
    panel.select_milestone(services.goals.get(goal_id).milestones[2].id)
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    assert services.goals.get(goal_id).milestones[2].done_on is None
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert milestone_titles(services, goal_id) == ["Pick a topic", "Give the talk"]
    undo_stack.undo()
    assert milestone_titles(services, goal_id) == ["Pick a topic", "Give the talk", "Submit a CFP"]


def test_progress_notes_newest_first_with_undo(
    qtbot: QtBot, goals_view: GoalsView, services: Services, undo_stack: QUndoStack
) -> None:
    goal_id = services.goals.create(GoalFields(title="Give a talk")).id
    services.goals.add_note(goal_id, GoalNoteFields(date(2025, 1, 1), "Chose the topic."))
    goals_view.attach(services)
    select(qtbot, goals_view, "Give a talk")
    notes = goals_view.editor.notes

    notes.text_edit.setFocus()
    type_text(notes.text_edit, "Rehearsed at the meetup; cut ten minutes. Ünïcode ✓")
    qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    stored = services.goals.get(goal_id).notes
    assert [(n.written_on, n.text) for n in stored][-1] == (
        date.today(),
        "Rehearsed at the meetup; cut ten minutes. Ünïcode ✓",
    )
    assert notes.model.note_at(0).text.startswith("Rehearsed")  # newest first
    assert notes.text_edit.toPlainText() == ""

    undo_stack.undo()
    assert [n.text for n in services.goals.get(goal_id).notes] == ["Chose the topic."]
    undo_stack.redo()
    assert len(services.goals.get(goal_id).notes) == 2

    notes.table.selectRow(1)
    qtbot.mouseClick(notes.remove_button, Qt.MouseButton.LeftButton)
    assert [n.text for n in services.goals.get(goal_id).notes] == [
        "Rehearsed at the meetup; cut ten minutes. Ünïcode ✓"
    ]
    undo_stack.undo()
    assert len(services.goals.get(goal_id).notes) == 2


def test_link_a_mentor_and_a_skill_with_undo(
    qtbot: QtBot,
    goals_view: GoalsView,
    services: Services,
    undo_stack: QUndoStack,
    bus: DataBus,
) -> None:
    mentor_id = services.mentors.create(MentorFields(name="Amara Okafor")).id
    skill_id = services.skills.create(SkillFields(name="Public speaking")).id
    goal_id = services.goals.create(GoalFields(title="Give a talk")).id
    goals_view.attach(services)
    assert cell(goals_view, "Give a talk", GoalTableModel.MENTORS) == "None yet"
    index = goals_view.proxy.index(0, GoalTableModel.MENTORS)
    assert index.data(NoMentorRole)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "No mentor helps with this goal yet"
    select(qtbot, goals_view, "Give a talk")
    links = goals_view.editor.links

    mentor_list = links.mentor_list
    row = mentor_list.model().index(0, 0)
    assert row.data() == "Amara Okafor"
    mentor_list.model().setData(row, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert services.goals.get(goal_id).mentor_ids == {mentor_id}
    assert cell(goals_view, "Give a talk", GoalTableModel.MENTORS) == "Amara Okafor"
    assert not goals_view.proxy.index(0, GoalTableModel.MENTORS).data(NoMentorRole)
    assert row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert [g.id for g in services.goals.goals_of_mentor(mentor_id)] == [goal_id]
    assert "(1)" in links.mentor_caption.text()

    announced: list[frozenset[DataKind]] = []
    bus.changed.connect(announced.append)
    skills = links.skill_list.model()
    skills.setData(skills.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert services.goals.get(goal_id).skill_ids == {skill_id}
    assert services.skills.get(skill_id).goal_ids == {goal_id}
    assert announced == [{DataKind.GOAL, DataKind.SKILL}]  # the Skills view lists goals too
    undo_stack.undo()
    assert services.goals.get(goal_id).skill_ids == frozenset()

    # A renamed mentor is shown under the new name: the view listens for mentor changes.
    services.mentors.update(mentor_id, MentorFields(name="Amara Okafor-Bello"))
    bus.announce({DataKind.MENTOR})
    assert cell(goals_view, "Give a talk", GoalTableModel.MENTORS) == "Amara Okafor-Bello"

    undo_stack.undo()
    assert services.goals.get(goal_id).mentor_ids == frozenset()
    assert cell(goals_view, "Give a talk", GoalTableModel.MENTORS) == "None yet"
    undo_stack.redo()
    assert services.goals.get(goal_id).mentor_ids == {mentor_id}


def test_invalid_input_shows_a_message_and_stores_nothing(
    qtbot: QtBot, goals_view: GoalsView, services: Services, undo_stack: QUndoStack
) -> None:
    goal_id = services.goals.create(
        GoalFields(title="Give a talk", started_on=date(2026, 1, 1)),
        milestones=[MilestoneFields("Pick a topic")],
    ).id
    goals_view.attach(services)
    select(qtbot, goals_view, "Give a talk")
    editor = goals_view.editor
    before = services.goals.get(goal_id)

    type_into(qtbot, editor.fields["title"].widget, "   ")
    assert "required" in editor.error_text("title")
    assert editor.fields["title"].error.isVisible()

    editor.fields["target_on"].widget.set_date(date(2025, 6, 1))
    editor.commit("target_on")
    assert editor.error_text("target_on") == "The target date is before the start date."
    assert editor.fields["target_on"].error.isVisible()
    # Moving the start date later than the target says so by the target date too.
    editor.fields["target_on"].widget.set_date(date(2026, 6, 1))
    editor.commit("target_on")
    editor.fields["started_on"].widget.set_date(date(2026, 9, 1))
    editor.commit("started_on")
    assert "before the start" in editor.error_text("target_on")
    assert services.goals.get(goal_id).fields.started_on == date(2026, 1, 1)

    panel = editor.milestones
    future = date.today() + timedelta(days=3)
    panel.model.setData(panel.model.index(0, MilestoneTableModel.DONE), future)
    assert "future" in panel.error.text() and panel.error.isVisible()
    type_into(qtbot, panel.new_title, "  ")
    assert "milestone" in panel.error.text().lower()
    qtbot.mouseClick(editor.notes.add_button, Qt.MouseButton.LeftButton)
    assert editor.notes.error.isVisible()

    after = services.goals.get(goal_id)
    assert after.fields.title == "Give a talk"
    assert after.fields.target_on == date(2026, 6, 1)  # the one valid edit
    assert after.milestones == before.milestones and after.notes == ()
    assert undo_stack.count() == 1

    type_into(qtbot, editor.fields["title"].widget, "Give a talk abroad")
    assert editor.error_text("title") == ""
    assert services.goals.get(goal_id).fields.title == "Give a talk abroad"


def test_edit_fields_and_status_with_undo(
    qtbot: QtBot, goals_view: GoalsView, services: Services, undo_stack: QUndoStack
) -> None:
    goal_id = services.goals.create(GoalFields(title="Give a talk")).id
    goals_view.attach(services)
    select(qtbot, goals_view, "Give a talk")
    editor = goals_view.editor
    why = editor.fields["why_it_matters"].widget
    why.setFocus()
    type_text(why, "Visibility outside my team.")
    editor.fields["title"].widget.setFocus()  # leaving the box saves it
    assert services.goals.get(goal_id).fields.why_it_matters == "Visibility outside my team."

    status = editor.fields["status"].widget
    status.setCurrentIndex(status.findData(GoalStatus.ACHIEVED.value))
    status.activated.emit(status.currentIndex())
    assert services.goals.get(goal_id).fields.status is GoalStatus.ACHIEVED
    assert cell(goals_view, "Give a talk", GoalTableModel.STATUS) == "Achieved"

    undo_stack.undo()
    assert services.goals.get(goal_id).fields.status is GoalStatus.ACTIVE
    assert editor.field_value("status") is GoalStatus.ACTIVE
    undo_stack.undo()
    assert services.goals.get(goal_id).fields.why_it_matters == ""
    assert editor.field_value("why_it_matters") == ""
    undo_stack.redo()
    assert services.goals.get(goal_id).fields.why_it_matters == "Visibility outside my team."


def test_filters_highlight_and_no_match(
    qtbot: QtBot, goals_view: GoalsView, services: Services
) -> None:
    mentor_id = services.mentors.create(MentorFields(name="Amara Okafor")).id
    services.goals.create(
        GoalFields(title="Late talk", target_on=date.today() - timedelta(days=1)),
        mentor_ids=[mentor_id],
    )
    services.goals.create(GoalFields(title="Done raise", status=GoalStatus.ACHIEVED))
    goals_view.attach(services)
    late = goals_view.proxy.index(shown_titles(goals_view).index("Late talk"), 3)
    assert late.data(OverdueRole)
    assert late.data(Qt.ItemDataRole.ToolTipRole) == "Target date passed"

    goals_view.mentor_filter.setCurrentIndex(goals_view.mentor_filter.findData(mentor_id))
    assert shown_titles(goals_view) == ["Late talk"]
    assert "1 of 2" in goals_view.count_label.text()
    goals_view.status_filter.setCurrentIndex(
        goals_view.status_filter.findData(GoalStatus.ACHIEVED.value)
    )
    assert goals_view.list_stack.currentWidget() is goals_view.no_match_state
    goals_view.clear_filters()
    type_text(goals_view.filter_edit, "raise")
    assert shown_titles(goals_view) == ["Done raise"]


def test_delete_asks_first_and_can_be_undone(
    qtbot: QtBot,
    goals_view: GoalsView,
    services: Services,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mentor_id = services.mentors.create(MentorFields(name="Amara Okafor")).id
    goal_id = services.goals.create(
        GoalFields(title="Give a talk"),
        mentor_ids=[mentor_id],
        milestones=[MilestoneFields("Pick a topic"), MilestoneFields("Submit a CFP")],
    ).id
    services.goals.add_note(goal_id, GoalNoteFields(date(2025, 1, 1), "Chose the topic."))
    goals_view.attach(services)
    select(qtbot, goals_view, "Give a talk")

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    goals_view.delete_action.trigger()
    assert services.goals.count() == 1
    goals_view.delete_action.trigger()
    assert "Give a talk" in asked[-1] and "2 milestones" in asked[-1]
    assert services.goals.count() == 0
    assert goals_view.list_stack.currentWidget() is goals_view.empty_state

    undo_stack.undo()
    restored = services.goals.get(goal_id)
    assert [m.title for m in restored.milestones] == ["Pick a topic", "Submit a CFP"]
    assert [n.text for n in restored.notes] == ["Chose the topic."]
    assert restored.mentor_ids == {mentor_id}
    assert goals_view.editor.record is not None and goals_view.editor.record.id == goal_id
    undo_stack.redo()
    assert services.goals.count() == 0


def test_milestone_dates_and_titles_edited_in_the_table(
    qtbot: QtBot, goals_view: GoalsView, services: Services, undo_stack: QUndoStack
) -> None:
    goal_id = services.goals.create(
        GoalFields(title="Give a talk"), milestones=[MilestoneFields("Pick a topic")]
    ).id
    goals_view.attach(services)
    select(qtbot, goals_view, "Give a talk")
    table = goals_view.editor.milestones.table
    due = table.model().index(0, MilestoneTableModel.DUE)
    table.setCurrentIndex(due)
    table.edit(due)
    editor = table.focusWidget()
    assert isinstance(editor, DateField)  # the one date field, typed or picked
    editor.setDate(QDate(2027, 3, 1))
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits a moment later
    qtbot.waitUntil(lambda: services.goals.get(goal_id).milestones[0].due_on is not None)
    assert services.goals.get(goal_id).milestones[0].due_on == date(2027, 3, 1)

    title = table.model().index(0, MilestoneTableModel.TITLE)
    table.setCurrentIndex(title)
    table.edit(title)
    line = table.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    type_text(line, "Pick a topic for PyCon")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: milestone_titles(services, goal_id) == ["Pick a topic for PyCon"])

    undo_stack.undo()
    undo_stack.undo()
    stored = services.goals.get(goal_id).milestones[0]
    assert (stored.title, stored.due_on) == ("Pick a topic", None)
