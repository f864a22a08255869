"""The Mentors view driven like a person would: keys and clicks, checked in the database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import MentorStatus
from mentordesk.services.context import Services
from mentordesk.ui.common.roles import ObjectRole
from mentordesk.ui.mentors.model import MentorTableModel
from mentordesk.ui.mentors.view import MentorsView
from tests.helpers import type_text


def shown_names(view: MentorsView) -> list[str]:
    proxy = view.proxy
    return [proxy.index(row, 0).data(ObjectRole).name for row in range(proxy.rowCount())]


def type_into(qtbot: QtBot, widget: QLineEdit, text: str, *, finish: bool = True) -> None:
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)
    if finish:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def answering(answers: list[str], asked: list[str]):  # type: ignore[no-untyped-def]
    """Stands in for MentorsView._ask: clicks the button whose text is next in ``answers``."""

    def ask(box: QMessageBox) -> object:
        asked.append(box.text())
        wanted = answers.pop(0)
        return next(b for b in box.buttons() if wanted in b.text().replace("&", ""))

    return ask


def select(qtbot: QtBot, view: MentorsView, name: str) -> None:
    row = shown_names(view).index(name)
    rect = view.table.visualRect(view.proxy.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.editor.record is not None and view.editor.record.name == name


def test_empty_database_shows_what_to_do(view: MentorsView, services: Services) -> None:
    view.attach(services)
    assert view.list_stack.currentWidget() is view.empty_state
    assert "No mentors yet" in view.empty_state.title_label.text()
    assert view.sample_button.isVisible()
    assert not view.filter_bar.isVisible()


def test_create_a_mentor_through_the_form(
    qtbot: QtBot, view: MentorsView, services: Services, undo_stack: QUndoStack
) -> None:
    view.attach(services)
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.is_new and view.editor.isVisible()
    email = view.editor.fields["email"].widget
    assert isinstance(email, QLineEdit)
    type_into(qtbot, email, "zoe@example.org")
    assert services.mentors.count() == 0  # no name yet: kept in the draft, not stored
    assert "name" in view.editor.error_text("name").lower()

    name = view.editor.fields["name"].widget
    assert isinstance(name, QLineEdit)
    type_into(qtbot, name, "Zoë Ødegaard")

    stored = services.mentors.list_all()
    assert [(m.name, m.fields.email) for m in stored] == [("Zoë Ødegaard", "zoe@example.org")]
    assert shown_names(view) == ["Zoë Ødegaard"]
    assert view.list_stack.currentWidget() is view.table
    assert view.editor.record is not None and view.editor.record.id == stored[0].id
    assert view.table.selectionModel().selectedRows()[0].row() == 0

    undo_stack.undo()
    assert services.mentors.count() == 0
    assert view.list_stack.currentWidget() is view.empty_state
    undo_stack.redo()
    assert [m.id for m in services.mentors.list_all()] == [stored[0].id]


def test_invalid_input_shows_a_message_and_keeps_what_was_stored(
    qtbot: QtBot, view: MentorsView, services: Services, add_mentor
) -> None:
    mentor_id = add_mentor("Amara Okafor", email="amara@lumen.example")
    view.attach(services)
    select(qtbot, view, "Amara Okafor")
    editor = view.editor

    type_into(qtbot, editor.fields["email"].widget, "amara@")
    assert "email address" in editor.error_text("email")
    assert editor.fields["email"].error.isVisible()
    assert services.mentors.get(mentor_id).fields.email == "amara@lumen.example"

    type_into(qtbot, editor.fields["profile_url"].widget, "lumen.example/amara")
    assert "https://" in editor.error_text("profile_url")
    type_into(qtbot, editor.fields["name"].widget, "   ")
    assert "required" in editor.error_text("name")
    assert services.mentors.get(mentor_id).fields.name == "Amara Okafor"

    editor.fields["started_on"].widget.set_date(date(2024, 5, 1))
    editor.commit("started_on")
    editor.fields["ended_on"].widget.set_date(date(2023, 1, 1))
    editor.commit("ended_on")
    assert "before the start" in editor.error_text("ended_on")
    stored = services.mentors.get(mentor_id).fields
    assert stored.started_on == date(2024, 5, 1) and stored.ended_on is None

    type_into(qtbot, editor.fields["email"].widget, "amara@lumen.org")
    assert editor.error_text("email") == ""
    assert services.mentors.get(mentor_id).fields.email == "amara@lumen.org"


def test_edit_in_place_with_undo_and_redo(
    qtbot: QtBot, view: MentorsView, services: Services, add_mentor, undo_stack: QUndoStack
) -> None:
    mentor_id = add_mentor("Amara Okafor", organization="Lumen")
    view.attach(services)
    select(qtbot, view, "Amara Okafor")
    type_into(qtbot, view.editor.fields["organization"].widget, "Lumen Health")
    assert services.mentors.get(mentor_id).fields.organization == "Lumen Health"
    assert view.model.index(0, MentorTableModel.ORGANIZATION).data() == "Lumen Health"

    status = view.editor.fields["status"].widget
    status.setCurrentIndex(status.findData(MentorStatus.PAUSED.value))
    status.activated.emit(status.currentIndex())
    assert services.mentors.get(mentor_id).fields.status is MentorStatus.PAUSED

    tags = view.editor.fields["tags"].widget
    type_into(qtbot, tags, "career, Leadership, career")
    assert services.mentors.get(mentor_id).fields.tags == ("career", "Leadership")

    assert undo_stack.count() == 3
    undo_stack.undo()
    undo_stack.undo()
    assert services.mentors.get(mentor_id).fields.status is MentorStatus.ACTIVE
    assert view.editor.field_value("status") is MentorStatus.ACTIVE
    undo_stack.undo()
    assert services.mentors.get(mentor_id).fields.organization == "Lumen"
    assert view.editor.field_value("organization") == "Lumen"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing left
    undo_stack.redo()
    assert services.mentors.get(mentor_id).fields.organization == "Lumen Health"


def test_typing_is_saved_without_leaving_the_field(
    qtbot: QtBot, view: MentorsView, services: Services, add_mentor
) -> None:
    mentor_id = add_mentor("Amara Okafor")
    view.attach(services)
    select(qtbot, view, "Amara Okafor")
    notes = view.editor.fields["notes"].widget
    notes.setFocus()
    qtbot.keyClicks(notes, "Prefers agendas a day ahead.")
    qtbot.waitUntil(
        lambda: services.mentors.get(mentor_id).fields.notes == "Prefers agendas a day ahead.",
        timeout=3000,
    )


def test_filter_as_you_type_status_and_kind(
    qtbot: QtBot, view: MentorsView, services: Services, add_mentor
) -> None:
    add_mentor("José Álvarez", organization="Tessera", expertise=("distributed systems",))
    add_mentor("Amara Okafor", organization="Lumen Health", tags=("leadership",))
    add_mentor("Grace Kim", status=MentorStatus.CONCLUDED)
    view.attach(services)
    assert len(shown_names(view)) == 3

    type_text(view.filter_edit, "jose")
    assert shown_names(view) == ["José Álvarez"]
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "leadership")
    assert shown_names(view) == ["Amara Okafor"]
    qtbot.keyClicks(view.filter_edit, " nobody")
    assert view.list_stack.currentWidget() is view.no_match_state
    view.clear_filters()

    view.status_filter.setCurrentIndex(view.status_filter.findData(MentorStatus.CONCLUDED.value))
    assert shown_names(view) == ["Grace Kim"]
    assert "1 of 3" in view.count_label.text()


def test_sort_by_clicking_a_column_header(
    qtbot: QtBot, view: MentorsView, services: Services, add_mentor
) -> None:
    add_mentor("Bea", organization="Zeta", started_on=date(2019, 1, 1))
    add_mentor("Ana", organization="Alpha", started_on=date(2024, 1, 1))
    add_mentor("Cy", organization="Mid", started_on=date(2021, 1, 1))
    view.attach(services)
    assert shown_names(view) == ["Ana", "Bea", "Cy"]
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(MentorTableModel.SINCE) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert shown_names(view) == ["Bea", "Cy", "Ana"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert shown_names(view) == ["Ana", "Cy", "Bea"]


def test_archive_hides_and_undo_brings_back(
    qtbot: QtBot, view: MentorsView, services: Services, add_mentor, undo_stack: QUndoStack
) -> None:
    mentor_id = add_mentor("Amara Okafor")
    add_mentor("Bea")
    view.attach(services)
    select(qtbot, view, "Amara Okafor")
    view.archive_action.trigger()
    assert services.mentors.get(mentor_id).is_archived
    # The row leaves the everyday list, and the next mentor is shown, as in a mail client.
    assert not view.archived_check.isChecked()
    assert shown_names(view) == ["Bea"]
    assert view.editor.record is not None and view.editor.record.name == "Bea"
    view.archived_check.setChecked(True)
    assert sorted(shown_names(view)) == ["Amara Okafor", "Bea"]
    view.archived_check.setChecked(False)
    undo_stack.undo()
    assert not services.mentors.get(mentor_id).is_archived
    assert "Amara Okafor" in shown_names(view)
    assert view.editor.record is not None and view.editor.record.id == mentor_id


def test_delete_asks_first_and_can_be_undone(
    qtbot: QtBot,
    view: MentorsView,
    services: Services,
    add_mentor,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mentor_id = add_mentor("Amara Okafor", notes="Years of notes", tags=("career",))
    view.attach(services)
    select(qtbot, view, "Amara Okafor")

    answers = ["Cancel", "Delete"]
    asked: list[str] = []
    monkeypatch.setattr(view, "_ask", answering(answers, asked))
    view.delete_action.trigger()
    assert services.mentors.count() == 1
    view.delete_action.trigger()
    assert "Amara Okafor" in asked[-1]
    assert services.mentors.count() == 0
    assert view.editor_stack.currentWidget() is view.editor_hint

    undo_stack.undo()
    restored = services.mentors.get(mentor_id)
    assert restored.fields.notes == "Years of notes" and restored.fields.tags == ("career",)
    assert view.editor.record is not None and view.editor.record.id == mentor_id
    undo_stack.redo()
    assert services.mentors.count() == 0


def test_undo_of_a_record_deleted_elsewhere_is_reported_not_crashed(
    qtbot: QtBot,
    view: MentorsView,
    services: Services,
    add_mentor,
    undo_stack: QUndoStack,
    _no_modal_warnings: list[str],
) -> None:
    mentor_id = add_mentor("Amara Okafor")
    view.attach(services)
    select(qtbot, view, "Amara Okafor")
    type_into(qtbot, view.editor.fields["title"].widget, "VP")
    services.mentors.delete(mentor_id)  # e.g. from the command line meanwhile
    undo_stack.undo()
    assert _no_modal_warnings and "no longer exists" in _no_modal_warnings[-1]
    assert services.mentors.count() == 0


def test_deleting_a_mentor_that_goals_refer_to_says_so_and_undo_relinks(
    qtbot: QtBot,
    view: MentorsView,
    services: Services,
    add_mentor,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mentordesk.domain.goal import GoalFields
    from mentordesk.domain.skill import AssessmentFields, SkillFields

    mentor_id = add_mentor("Amara Okafor")
    goal = services.goals.create(GoalFields(title="Give a talk"), mentor_ids={mentor_id})
    skill = services.skills.create(SkillFields(name="Public speaking"))
    given = services.skills.add_assessment(
        skill.id,
        AssessmentFields(
            assessed_on=date(2024, 1, 1), level=3, source="mentor_feedback", mentor_id=mentor_id
        ),
    )
    view.attach(services)
    select(qtbot, view, "Amara Okafor")
    assert "Give a talk" in view.editor.goals_label.text()

    asked: list[str] = []
    monkeypatch.setattr(view, "_ask", answering(["Archive Instead", "Delete"], asked))
    view.delete_action.trigger()
    assert "1 goal" in asked[0] and "1 assessment" in asked[0]
    assert services.mentors.get(mentor_id).is_archived  # archived, not deleted
    view.delete_action.trigger()
    assert services.mentors.count() == 0
    assert services.goals.get(goal.id).mentor_ids == frozenset()
    assert services.skills.get(skill.id).assessments[0].fields.mentor_id is None

    undo_stack.undo()
    assert services.goals.get(goal.id).mentor_ids == frozenset({mentor_id})
    assert services.skills.get(skill.id).assessments[0].id == given.id
    assert services.skills.get(skill.id).assessments[0].fields.mentor_id == mentor_id


def test_quick_edits_of_one_field_are_one_undo_step(
    qtbot: QtBot, view: MentorsView, services: Services, add_mentor, undo_stack: QUndoStack
) -> None:
    mentor_id = add_mentor("Amara Okafor", organization="Lumen")
    view.attach(services)
    select(qtbot, view, "Amara Okafor")
    organization = view.editor.fields["organization"].widget
    for text in ("Lumen H", "Lumen Health"):  # the autosave while typing, then leaving
        organization.setText(text)
        view.editor.commit("organization", quiet=True)
    title = view.editor.fields["title"].widget
    title.setText("VP")
    view.editor.commit("title")
    assert undo_stack.count() == 2  # organization (merged) and title
    undo_stack.undo()
    undo_stack.undo()
    assert services.mentors.get(mentor_id).fields.organization == "Lumen"


def test_a_mentor_card_shows_the_active_agreement_and_opens_it(
    qtbot: QtBot, view: MentorsView, services: Services, add_mentor
) -> None:
    from mentordesk.domain.agreement_templates import TEMPLATES
    from mentordesk.domain.enums import AgreementStatus

    mentor_id = add_mentor("Amara Okafor")
    view.attach(services)
    select(qtbot, view, "Amara Okafor")
    assert "No active agreement" in view.editor.agreement_label.text()
    assert not view.editor.open_agreement_button.isVisible()

    fields = TEMPLATES[0].fields.replace(status=AgreementStatus.ACTIVE, review_on=date(2020, 1, 1))
    agreement = services.agreements.create(mentor_id, fields)
    view._bus.announce({"agreement"})  # type: ignore[arg-type]  # as the Agreements view does
    text = view.editor.agreement_label.text()
    assert fields.title in text and "review overdue" in text
    with qtbot.waitSignal(view.open_agreement_requested) as opened:
        view.editor.open_agreement_button.click()
    assert opened.args == [agreement.id]


def test_leaving_a_nameless_new_card_asks_and_cancel_keeps_it(
    qtbot: QtBot, view: MentorsView, services: Services, add_mentor, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_mentor("Amara Okafor")
    view.attach(services)
    view.start_new_mentor()
    view.editor.fields["email"].widget.setText("kim@example.org")
    view.editor.commit("email")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.table.selectionModel().selectedRows() == [])
    assert view.editor.is_new and view.editor.field_value("email") == "kim@example.org"
    view.table.selectRow(0)
    assert view.editor.record is not None and view.editor.record.name == "Amara Okafor"
    assert services.mentors.count() == 1


def test_the_time_zone_field_completes_from_the_first_letters(
    qtbot: QtBot, view: MentorsView, services: Services, add_mentor
) -> None:  # type: ignore[no-untyped-def]
    add_mentor("Amara Okafor")
    view.attach(services)
    view.table.selectRow(0)
    zone = view.editor.fields["time_zone"].widget
    zone.setFocus()
    type_text(zone, "Berl")
    completer = zone.completer()
    assert completer.completionCount() >= 1
    assert completer.currentCompletion() == "Europe/Berlin"
