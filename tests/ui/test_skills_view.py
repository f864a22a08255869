"""The Skills view driven like a person would, checked in the database and on the chart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import AssessmentSource
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.skill import AssessmentFields, SkillFields, years_before
from mentordesk.services.context import Services
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.roles import ObjectRole
from mentordesk.ui.skills.assessment_model import AssessmentTableModel
from mentordesk.ui.skills.chart import ChartRange
from mentordesk.ui.skills.level_picker import LevelCombo
from mentordesk.ui.skills.model import SkillTableModel
from mentordesk.ui.skills.view import SkillsView

from .test_mentors_view import type_into, type_text

TODAY = date.today()


@pytest.fixture
def bus() -> DataBus:
    return DataBus()


@pytest.fixture
def skills_view(
    qtbot: QtBot, services: Services, undo_stack: QUndoStack, bus: DataBus
) -> SkillsView:
    """A shown Skills view; call ``skills_view.attach(services)`` after adding data."""
    widget = SkillsView(bus, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def add_skill(services: Services, name: str, *levels: tuple[date, int], **fields: object) -> int:
    skill_id = services.skills.create(SkillFields(name=name, **fields)).id  # type: ignore[arg-type]
    for day, level in levels:
        services.skills.add_assessment(skill_id, AssessmentFields(day, level))
    return skill_id


def shown_names(view: SkillsView) -> list[str]:
    proxy = view.proxy
    return [proxy.index(row, 0).data(ObjectRole).name for row in range(proxy.rowCount())]


def select(qtbot: QtBot, view: SkillsView, name: str) -> None:
    row = shown_names(view).index(name)
    rect = view.table.visualRect(view.proxy.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.editor.record is not None and view.editor.record.name == name


def cell(view: SkillsView, name: str, column: int) -> str:
    row = shown_names(view).index(name)
    return str(view.proxy.index(row, column).data())


def record_with_form(
    qtbot: QtBot,
    view: SkillsView,
    day: date,
    level: int,
    source: AssessmentSource = AssessmentSource.SELF,
    mentor_id: int | None = None,
    evidence: str = "",
) -> None:
    view.record_action.trigger()
    form = view.history.form
    assert form.isVisible()
    assert form.date_edit.date() == QDate(TODAY.year, TODAY.month, TODAY.day)  # today first
    form.date_edit.setDate(QDate(day.year, day.month, day.day))
    form.level_picker.set_level(level)
    form.source_combo.setCurrentIndex(form.source_combo.findData(source.value))
    form.mentor_combo.setCurrentIndex(form.mentor_combo.findData(mentor_id))
    if evidence:
        type_into(qtbot, form.evidence_edit, evidence, finish=False)
    qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)


def history_row(view: SkillsView, assessment_id: int) -> int:
    """The row of an assessment in the history table as shown (newest first)."""
    history = view.history
    row = history.model.row_of(assessment_id)
    assert row is not None
    return history.proxy.mapFromSource(history.model.index(row, 0)).row()


def test_empty_database_says_what_to_do(skills_view: SkillsView, services: Services) -> None:
    skills_view.attach(services)
    assert skills_view.list_stack.currentWidget() is skills_view.empty_state
    assert "No skills yet" in skills_view.empty_state.title_label.text()
    assert not skills_view.filter_bar.isVisible()
    assert skills_view.new_action.isEnabled() and not skills_view.record_action.isEnabled()
    assert [a.text() for a in skills_view.actions_for_menu] == [
        "&New Skill",
        "&Record Assessment…",
        "&Compare Skills…",
        "&Delete Skill…",
    ]
    context = skills_view.new_action.shortcutContext()
    assert context == Qt.ShortcutContext.WindowShortcut


def test_create_a_skill_through_the_form(
    qtbot: QtBot, skills_view: SkillsView, services: Services, undo_stack: QUndoStack
) -> None:
    add_skill(services, "Python", category="Engineering")
    skills_view.attach(services)
    skills_view.table.setFocus()
    qtbot.keyClick(skills_view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = skills_view.editor
    assert editor.is_new and editor.isVisible()
    assert not skills_view.chart.isVisible()  # nothing to chart before the skill exists

    # The category suggests those in use; a draft without a name stores nothing.
    category = editor.category_combo
    assert [category.itemText(i) for i in range(category.count())] == ["Engineering"]
    type_into(qtbot, editor.category_edit, "Communication")
    assert len(services.skills.list_all()) == 1
    assert "name" in editor.error_text("name").lower()

    name = editor.fields["name"].widget
    assert isinstance(name, QLineEdit)
    type_into(qtbot, name, "Public speaking — Ελληνικά")
    stored = {s.name: s for s in services.skills.list_all()}
    assert stored["Public speaking — Ελληνικά"].fields.category == "Communication"
    assert "Public speaking — Ελληνικά" in shown_names(skills_view)
    assert editor.record is not None and not editor.is_new
    assert skills_view.detail.chart_stack.currentWidget() is skills_view.detail.no_assessments

    target = editor.fields["target_level"].widget.combo
    target.setCurrentIndex(target.findData(4))
    target.activated.emit(target.currentIndex())
    new_id = stored["Public speaking — Ελληνικά"].id
    assert services.skills.get(new_id).fields.target_level == 4
    assert cell(skills_view, "Public speaking — Ελληνικά", SkillTableModel.TARGET) == (
        "4 · Proficient"
    )
    # The picker shows what the level means.
    assert "whole situation" in editor.fields["target_level"].widget.description.text()

    undo_stack.undo()
    assert services.skills.get(new_id).fields.target_level is None
    undo_stack.undo()
    assert [s.name for s in services.skills.list_all()] == ["Python"]
    undo_stack.redo()
    assert services.skills.get(new_id).name == "Public speaking — Ελληνικά"


def test_a_duplicate_name_shows_a_message_and_stores_nothing(
    qtbot: QtBot, skills_view: SkillsView, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    python_id = add_skill(services, "Python")
    add_skill(services, "Rust")
    skills_view.attach(services)
    skills_view.start_new_skill()
    name = skills_view.editor.fields["name"].widget
    type_into(qtbot, name, "PYTHON")
    assert "already a skill" in skills_view.editor.error_text("name")
    assert sorted(s.name for s in services.skills.list_all()) == ["Python", "Rust"]

    # The unsaved new skill is given up when another skill is chosen.
    answers = [QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    select(qtbot, skills_view, "Rust")
    type_into(qtbot, skills_view.editor.fields["name"].widget, "python")
    assert "already a skill" in skills_view.editor.error_text("name")
    assert services.skills.get(python_id).name == "Python"
    assert sorted(s.name for s in services.skills.list_all()) == ["Python", "Rust"]
    type_into(qtbot, skills_view.editor.fields["name"].widget, "Rust (systems)")
    assert skills_view.editor.error_text("name") == ""
    assert "Rust (systems)" in [s.name for s in services.skills.list_all()]


def test_record_assessments_and_see_the_level_in_the_list_database_and_chart(
    qtbot: QtBot, skills_view: SkillsView, services: Services, undo_stack: QUndoStack
) -> None:
    mentor_id = services.mentors.create(MentorFields(name="Amara Okafor")).id
    skill_id = add_skill(services, "Public speaking", target_level=4)
    skills_view.attach(services)
    select(qtbot, skills_view, "Public speaking")
    assert skills_view.detail.chart_stack.currentWidget() is skills_view.detail.no_assessments
    assert cell(skills_view, "Public speaking", SkillTableModel.CURRENT) == "—"

    first, second = TODAY - timedelta(days=700), TODAY - timedelta(days=200)
    record_with_form(qtbot, skills_view, first, 1, evidence="Stumbled through a demo")
    record_with_form(
        qtbot, skills_view, second, 2, AssessmentSource.MENTOR_FEEDBACK, mentor_id, "Clearer"
    )
    assert skills_view.chart.point_counts() == {
        "level": 4,  # first, step at second, and flat until today
        "self": 1,
        "mentor": 1,
        "other": 0,
        "target": 2,
    }
    skills_view.history.form.hide()
    qtbot.keyClick(skills_view.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert skills_view.history.form.isVisible()  # Ctrl+R opens the form
    form = skills_view.history.form
    assert form.level_picker.level() == 2  # starts at the current level
    form.level_picker.set_level(3)
    form.source_combo.setCurrentIndex(form.source_combo.findData("certification"))
    qtbot.keyClick(form.evidence_edit, Qt.Key.Key_Return)
    assert not form.isVisible()

    stored = services.skills.get(skill_id)
    assert stored.current_level == 3
    assert [a.fields.level for a in stored.assessments] == [1, 2, 3]
    assert stored.assessments[1].fields.mentor_id == mentor_id
    assert stored.assessments[1].fields.source is AssessmentSource.MENTOR_FEEDBACK
    assert cell(skills_view, "Public speaking", SkillTableModel.CURRENT) == "3 · Competent"
    assert cell(skills_view, "Public speaking", SkillTableModel.CHANGE) == "+2"
    counts = skills_view.chart.point_counts()
    assert (counts["level"], counts["self"], counts["mentor"], counts["other"]) == (5, 1, 1, 1)
    history = skills_view.history
    newest = history.proxy.index(0, AssessmentTableModel.LEVEL).data()
    assert newest == "3 · Competent"
    assert history.proxy.index(1, AssessmentTableModel.MENTOR).data() == "Amara Okafor"
    assert "3 · Competent" in skills_view.editor.subheading.text()
    assert not skills_view.table.viewport().grab().isNull()  # the trend column paints

    # A date in the future: a message under the date, nothing recorded.
    skills_view.record_action.trigger()
    form.date_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day).addDays(3))
    qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)
    assert "future" in form.error_text("assessed_on")
    assert form.isVisible()
    assert len(services.skills.get(skill_id).assessments) == 3

    undo_stack.undo()
    assert services.skills.get(skill_id).current_level == 2
    assert skills_view.chart.point_counts()["level"] == 4

    # While the database is closed (a restore), the skill stays in view but is not editable.
    skills_view.detach()
    assert not skills_view.record_action.isEnabled() and not skills_view.editor.isEnabled()
    assert skills_view.chart.point_counts()["level"] == 4
    skills_view.attach(services)
    assert skills_view.record_action.isEnabled()


def test_edit_an_assessment_in_place_and_undo(
    qtbot: QtBot, skills_view: SkillsView, services: Services, undo_stack: QUndoStack
) -> None:
    skill_id = add_skill(
        services, "Python", (TODAY - timedelta(days=400), 2), (TODAY - timedelta(days=30), 3)
    )
    skills_view.attach(services)
    select(qtbot, skills_view, "Python")
    history = skills_view.history
    latest = services.skills.get(skill_id).assessments[-1]
    index = history.proxy.index(history_row(skills_view, latest.id), AssessmentTableModel.LEVEL)
    history.table.setCurrentIndex(index)
    history.table.edit(index)
    editor = history.table.findChild(LevelCombo)
    assert editor is not None
    assert editor.level() == 3
    editor.set_level(4)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: services.skills.get(skill_id).current_level == 4, timeout=2000)
    assert cell(skills_view, "Python", SkillTableModel.CURRENT) == "4 · Proficient"
    assert history.proxy.index(0, AssessmentTableModel.LEVEL).data() == "4 · Proficient"
    undo_stack.undo()
    assert services.skills.get(skill_id).current_level == 3
    assert history.proxy.index(0, AssessmentTableModel.LEVEL).data() == "3 · Competent"
    undo_stack.redo()
    assert services.skills.get(skill_id).current_level == 4

    # What the service refuses shows under the table, and nothing changes.
    model = history.model
    row = model.row_of(latest.id)
    assert row is not None
    model.setData(model.index(row, AssessmentTableModel.LEVEL), 7)
    assert "between 1 and 5" in history.message.text() and history.message.isVisible()
    future = QDate(TODAY.year, TODAY.month, TODAY.day).addDays(10)
    model.setData(model.index(row, AssessmentTableModel.DATE), future)
    assert "future" in history.message.text()
    assert services.skills.get(skill_id).assessments[-1].fields == latest.fields.replace(level=4)
    assert undo_stack.count() == 1


def test_remove_an_assessment_and_undo(
    qtbot: QtBot, skills_view: SkillsView, services: Services, undo_stack: QUndoStack
) -> None:
    skill_id = add_skill(
        services, "Rust", (TODAY - timedelta(days=90), 1), (TODAY - timedelta(days=10), 2)
    )
    skills_view.attach(services)
    select(qtbot, skills_view, "Rust")
    history = skills_view.history
    assert not history.remove_action.isEnabled()
    newest = services.skills.get(skill_id).assessments[-1]
    history.table.selectRow(history_row(skills_view, newest.id))
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert [a.fields.level for a in services.skills.get(skill_id).assessments] == [1]
    assert cell(skills_view, "Rust", SkillTableModel.CURRENT) == "1 · Novice"
    assert history.model.rowCount() == 1
    undo_stack.undo()
    restored = services.skills.get(skill_id).assessments
    assert [a.id for a in restored][-1] == newest.id and restored[-1].fields == newest.fields
    assert history.model.rowCount() == 2
    assert skills_view.chart.point_counts()["self"] == 2


def test_the_range_choice_limits_the_x_axis(
    qtbot: QtBot, skills_view: SkillsView, services: Services
) -> None:
    first = TODAY - timedelta(days=365 * 6)
    add_skill(services, "Spanish", (first, 1), (TODAY - timedelta(days=500), 3))
    skills_view.attach(services)
    select(qtbot, skills_view, "Spanish")
    chart = skills_view.chart
    start, end = chart.x_range()
    assert start < first and end >= TODAY  # "All" by default, with a little room
    assert start > first - timedelta(days=120)
    buttons = skills_view.detail.range_choice.buttons
    qtbot.mouseClick(buttons[ChartRange.YEAR], Qt.MouseButton.LeftButton)
    assert chart.x_range()[0] == years_before(TODAY, 1)
    assert chart.chart_range is ChartRange.YEAR
    qtbot.mouseClick(buttons[ChartRange.THREE_YEARS], Qt.MouseButton.LeftButton)
    assert chart.x_range()[0] == years_before(TODAY, 3)
    # The range stays chosen for the next skill.
    add_skill(services, "German", (TODAY - timedelta(days=30), 2))
    skills_view.refresh()
    select(qtbot, skills_view, "German")
    assert chart.x_range()[0] == years_before(TODAY, 3)
    qtbot.mouseClick(buttons[ChartRange.ALL], Qt.MouseButton.LeftButton)
    assert chart.x_range()[0] < TODAY - timedelta(days=30)


def test_compare_shows_one_series_per_chosen_skill(
    qtbot: QtBot, skills_view: SkillsView, services: Services
) -> None:
    old = TODAY - timedelta(days=2000)
    for name in ("Python", "Rust", "Spanish", "German"):
        add_skill(services, name, (old, 1), (TODAY - timedelta(days=100), 2))
    skills_view.attach(services)
    select(qtbot, skills_view, "Rust")
    skills_view.compare_action.trigger()
    dialog = skills_view.compare_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert [s.name() for s in dialog.series()] == ["Rust"]  # the selected skill to start
    ids = {s.name: s.id for s in services.skills.list_all()}
    dialog.check_skill(ids["Python"])
    dialog.check_skill(ids["Spanish"])
    series = dialog.series()
    assert [s.name() for s in series] == ["Rust", "Python", "Spanish"]
    assert all(s.count() == 4 for s in series)
    assert len({s.pen().color().name() for s in series}) == 3
    assert [m.label() for m in dialog.chart_view.chart().legend().markers()] == [
        "Rust",
        "Python",
        "Spanish",
    ]
    dialog.check_skill(ids["Rust"], False)
    assert [s.name() for s in dialog.series()] == ["Python", "Spanish"]
    # The checklist is a real list of the skills, filterable.
    type_text(dialog.filter_edit, "an")
    assert dialog.list_proxy.rowCount() == 2  # German, Spanish
    dialog.close()


def test_delete_a_skill_asks_first_and_undo_brings_the_assessments_back(
    qtbot: QtBot,
    skills_view: SkillsView,
    services: Services,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    skill_id = add_skill(
        services,
        "Negotiation",
        (TODAY - timedelta(days=300), 1),
        (TODAY - timedelta(days=100), 2),
        (TODAY - timedelta(days=5), 3),
    )
    add_skill(services, "Python")
    before = services.skills.get(skill_id)
    skills_view.attach(services)
    select(qtbot, skills_view, "Negotiation")

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    skills_view.delete_action.trigger()
    assert len(services.skills.list_all()) == 2
    skills_view.table.setFocus()
    qtbot.keyClick(skills_view.table, Qt.Key.Key_Delete)
    assert "Negotiation" in asked[-1] and "3 assessments" in asked[-1]
    assert [s.name for s in services.skills.list_all()] == ["Python"]
    assert skills_view.detail_stack.currentWidget() is skills_view.detail_hint
    select(qtbot, skills_view, "Python")  # the neighbour opens with one click

    undo_stack.undo()
    restored = services.skills.get(skill_id)
    assert restored.assessments == before.assessments
    assert skills_view.editor.record is not None and skills_view.editor.record.id == skill_id
    assert skills_view.history.model.rowCount() == 3
    undo_stack.redo()
    assert [s.name for s in services.skills.list_all()] == ["Python"]


def test_filter_by_words_and_category(
    qtbot: QtBot, skills_view: SkillsView, services: Services
) -> None:
    add_skill(services, "Public speaking", category="Communication")
    add_skill(services, "Négociation", category="Influence")
    add_skill(services, "Python", category="Engineering")
    add_skill(services, "Journaling")
    skills_view.attach(services)
    assert skills_view.count_label.text() == "4 skills"
    type_text(skills_view.filter_edit, "negoc")
    assert shown_names(skills_view) == ["Négociation"]
    qtbot.keyClicks(skills_view.filter_edit, " nothing")
    assert skills_view.list_stack.currentWidget() is skills_view.no_match_state
    skills_view.clear_filters()
    combo = skills_view.category_filter
    combo.setCurrentIndex(combo.findText("Engineering"))
    assert shown_names(skills_view) == ["Python"]
    assert "1 of 4" in skills_view.count_label.text()
    combo.setCurrentIndex(combo.findText("No category"))
    assert shown_names(skills_view) == ["Journaling"]


def test_a_mentor_renamed_elsewhere_shows_in_the_history(
    qtbot: QtBot, skills_view: SkillsView, services: Services, bus: DataBus
) -> None:
    mentor = services.mentors.create(MentorFields(name="Grace Kim"))
    skill_id = add_skill(services, "Kubernetes")
    services.skills.add_assessment(
        skill_id,
        AssessmentFields(TODAY, 3, AssessmentSource.MENTOR_FEEDBACK, mentor.id, "Pairing"),
    )
    skills_view.attach(services)
    select(qtbot, skills_view, "Kubernetes")
    history = skills_view.history
    assert history.proxy.index(0, AssessmentTableModel.MENTOR).data() == "Grace Kim"
    services.mentors.update(mentor.id, mentor.fields.replace(name="Grace Kim (김은혜)"))
    bus.announce({DataKind.MENTOR})
    assert history.proxy.index(0, AssessmentTableModel.MENTOR).data() == "Grace Kim (김은혜)"


def test_mentor_feedback_names_the_mentor_rather_than_no_mentor(
    qtbot: QtBot, skills_view: SkillsView, services: Services
) -> None:
    """Choosing "Mentor feedback" picks the mentor who gave this skill's latest feedback, or
    the one last picked in the form; never leaves "No mentor"."""
    amara = services.mentors.create(MentorFields(name="Amara Okafor")).id
    bo = services.mentors.create(MentorFields(name="Bo Chen")).id
    skill = services.skills.create(SkillFields(name="Negotiation")).id
    services.skills.add_assessment(
        skill, AssessmentFields(date(2024, 1, 1), 2, AssessmentSource.MENTOR_FEEDBACK, amara)
    )
    skills_view.attach(services)
    select(qtbot, skills_view, "Negotiation")
    skills_view.record_action.trigger()
    form = skills_view.history.form
    assert form.mentor_combo.currentData() is None  # a self-assessment names nobody
    feedback = form.source_combo.findData(AssessmentSource.MENTOR_FEEDBACK.value)
    form.source_combo.setCurrentIndex(feedback)
    form.source_combo.activated.emit(feedback)
    assert form.mentor_combo.currentData() == amara
    form.mentor_combo.setCurrentIndex(form.mentor_combo.findData(bo))
    form.mentor_combo.activated.emit(form.mentor_combo.currentIndex())
    form.start(2, amara)  # the next assessment
    form.source_combo.setCurrentIndex(feedback)
    form.source_combo.activated.emit(feedback)
    assert form.mentor_combo.currentData() == bo  # the one last picked
