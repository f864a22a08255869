"""The Agreements view driven like a person would, checked in the database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QTimeEdit
from pytestqt.qtbot import QtBot

from mentordesk.domain.agreement import AgreementFields, ObjectiveFields
from mentordesk.domain.agreement_templates import TEMPLATES
from mentordesk.domain.enums import AgreementStatus, CadenceUnit, Channel
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.services.context import Services
from mentordesk.ui.agreements.model import AgreementTableModel
from mentordesk.ui.agreements.new_dialog import NewAgreementDialog
from mentordesk.ui.agreements.view import AgreementsView
from mentordesk.ui.common.data_bus import DataBus
from mentordesk.ui.common.form_parts import WheelSafeCombo
from mentordesk.ui.common.roles import ReviewDueRole
from tests.helpers import type_text

TODAY = date(2026, 6, 1)


@pytest.fixture
def agreements_view(qtbot: QtBot, undo_stack: QUndoStack) -> AgreementsView:
    widget = AgreementsView(DataBus(), undo_stack, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def mentor(services: Services, name: str) -> int:
    return services.mentors.create(MentorFields(name=name)).id


def type_into(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_empty_state_then_create_from_a_template_with_undo(
    agreements_view: AgreementsView, services: Services, undo_stack: QUndoStack
) -> None:
    ada = mentor(services, "Ada Lovelace")
    agreements_view.attach(services)
    view = agreements_view
    assert view.list_stack.currentWidget() is view.empty_state

    def choose(dialog: NewAgreementDialog) -> bool:
        assert dialog.mentor_combo.currentData() == ada
        dialog.template_combo.setCurrentIndex(1)
        assert dialog.description.text() == TEMPLATES[0].description
        return True

    view._accepted = choose  # type: ignore[assignment,method-assign]
    view.new_action.trigger()
    [stored] = services.agreements.list_all()
    assert stored.title == TEMPLATES[0].fields.title
    assert stored.fields.status is AgreementStatus.DRAFT
    assert stored.fields.cadence_unit is CadenceUnit.MONTHS
    assert view.editor.record is not None and view.editor.record.id == stored.id
    assert view.list_stack.currentWidget() is view.table
    assert view.model.index(0, AgreementTableModel.CADENCE).data() == "Every month"
    assert view.model.index(0, AgreementTableModel.MENTOR).data() == "Ada Lovelace"
    undo_stack.undo()
    assert services.agreements.list_all() == []
    undo_stack.redo()
    assert [a.id for a in services.agreements.list_all()] == [stored.id]


def test_edit_a_field_with_undo_and_bad_cadence_stores_nothing(
    qtbot: QtBot, agreements_view: AgreementsView, services: Services, undo_stack: QUndoStack
) -> None:
    ada = mentor(services, "Ada")
    record = services.agreements.create(
        ada, AgreementFields(title="Ours", cadence_every=2, cadence_unit=CadenceUnit.WEEKS)
    )
    view = agreements_view
    view.attach(services)
    view.select_agreement(record.id)
    type_into(qtbot, view.editor.lines["reply_time"], "Within two days")
    assert services.agreements.get(record.id).fields.reply_time == "Within two days"
    undo_stack.undo()
    assert services.agreements.get(record.id).fields.reply_time == ""
    assert view.editor.lines["reply_time"].text() == ""

    type_into(qtbot, view.editor.lines["cadence_every"], "0")
    assert view.editor.errors["cadence_every"].isVisible()
    assert "1 or more" in view.editor.errors["cadence_every"].text()
    assert services.agreements.get(record.id).fields.cadence_every == 2

    type_into(qtbot, view.editor.lines["cadence_every"], "4")
    assert not view.editor.errors["cadence_every"].isVisible()
    assert services.agreements.get(record.id).fields.cadence_every == 4
    assert view.model.index(0, AgreementTableModel.CADENCE).data() == "Every 4 weeks"


def test_a_window_that_ends_before_it_starts_is_refused(
    qtbot: QtBot, agreements_view: AgreementsView, services: Services
) -> None:
    ada = mentor(services, "Ada")
    record = services.agreements.create(ada, AgreementFields(title="Ours"))
    view = agreements_view
    view.attach(services)
    view.select_agreement(record.id)
    view.editor.windows.add_button.click()
    assert len(services.agreements.get(record.id).fields.windows) == 1
    [row] = view.editor.windows.rows
    _starts, ends = row.findChildren(QTimeEdit)
    ends.setTime(QTime(8, 0))
    ends.editingFinished.emit()
    assert view.editor.errors["windows"].isVisible()
    assert "before it starts" in view.editor.errors["windows"].text()
    assert services.agreements.get(record.id).fields.windows[0].ends.hour == 17


def test_activating_a_second_agreement_asks_and_concludes_the_first(
    agreements_view: AgreementsView, services: Services, undo_stack: QUndoStack
) -> None:
    ada = mentor(services, "Ada")
    first = services.agreements.create(
        ada, AgreementFields(title="First", status=AgreementStatus.ACTIVE)
    )
    second = services.agreements.create(ada, AgreementFields(title="Second"))
    view = agreements_view
    view.attach(services)
    view.select_agreement(second.id)
    asked: list[str] = []

    def ask(_title: str, text: str) -> bool:
        asked.append(text)
        return len(asked) > 1

    view._ask = ask  # type: ignore[method-assign]
    status = view.editor.combos["status"]
    status.setCurrentIndex(status.findData(AgreementStatus.ACTIVE))
    status.activated.emit(status.currentIndex())
    assert len(asked) == 1 and "First" in asked[0]
    assert services.agreements.get(second.id).fields.status is AgreementStatus.DRAFT
    assert status.currentData() == AgreementStatus.DRAFT  # shown as stored again

    status.setCurrentIndex(status.findData(AgreementStatus.ACTIVE))
    status.activated.emit(status.currentIndex())
    assert services.agreements.get(second.id).fields.status is AgreementStatus.ACTIVE
    assert services.agreements.get(first.id).fields.status is AgreementStatus.CONCLUDED
    undo_stack.undo()
    assert services.agreements.get(second.id).fields.status is AgreementStatus.DRAFT
    assert services.agreements.get(first.id).fields.status is AgreementStatus.ACTIVE
    assert services.agreements.get(first.id) == first
    undo_stack.redo()
    assert services.agreements.get(second.id).fields.status is AgreementStatus.ACTIVE
    assert services.agreements.get(first.id).fields.status is AgreementStatus.CONCLUDED


def test_history_diff_and_restore_a_revision_with_undo(
    qtbot: QtBot, agreements_view: AgreementsView, services: Services, undo_stack: QUndoStack
) -> None:
    ada = mentor(services, "Ada")
    record = services.agreements.create(
        ada, AgreementFields(title="Ours", status=AgreementStatus.ACTIVE, reply_time="A week")
    )
    services.agreements.update(record.id, record.fields.replace(reply_time="Two days"))
    view = agreements_view
    view.attach(services)
    view.select_agreement(record.id)
    history = view.history
    revisions = services.agreements.revisions(record.id)
    assert len(revisions) == 2
    assert history.revision_model.rowCount() == 3
    assert history.revision_model.index(0).data() == "Current agreement"
    assert "Reply time" in history.revision_model.index(1).data()  # as the form names it

    history.select_rows(1, 2)  # the two revisions: older is row 2
    assert history.diff_model.rowCount() == 1
    assert history.diff_model.index(0, 0).data() == "Reply time"
    assert history.diff_model.index(0, 1).data() == "A week"
    assert history.diff_model.index(0, 2).data() == "Two days"
    assert not history.restore_button.isEnabled()

    history.select_rows(2)  # the first revision against the agreement now
    assert history.diff_model.index(0, 1).data() == "A week"
    assert history.restore_button.isEnabled()
    history.restore_button.click()
    stored = services.agreements.get(record.id)
    assert stored.fields.reply_time == "A week"
    assert len(services.agreements.revisions(record.id)) == 3
    assert history.revision_model.rowCount() == 4
    undo_stack.undo()
    assert services.agreements.get(record.id).fields.reply_time == "Two days"
    assert len(services.agreements.revisions(record.id)) == 2
    assert history.revision_model.rowCount() == 3


def test_delete_asks_first_and_undo_brings_it_back(
    agreements_view: AgreementsView, services: Services, undo_stack: QUndoStack
) -> None:
    ada = mentor(services, "Ada")
    record = services.agreements.create(
        ada, AgreementFields(title="Ours", status=AgreementStatus.ACTIVE)
    )
    services.agreements.update(record.id, record.fields.replace(reply_time="Soon"))
    view = agreements_view
    view.attach(services)
    view.select_agreement(record.id)
    answers = [False, True]
    view._ask = lambda _title, _text: answers.pop(0)  # type: ignore[method-assign]
    view.delete_action.trigger()
    assert services.agreements.count() == 1
    view.delete_action.trigger()
    assert services.agreements.count() == 0
    assert view.list_stack.currentWidget() is view.empty_state
    undo_stack.undo()
    assert services.agreements.get(record.id).fields.reply_time == "Soon"
    assert len(services.agreements.revisions(record.id)) == 2
    assert view.editor.record is not None and view.editor.record.id == record.id


def test_filters_and_the_review_that_has_passed(
    agreements_view: AgreementsView, services: Services
) -> None:
    ada = mentor(services, "Ada")
    grace = mentor(services, "Grace")
    services.agreements.create(
        ada,
        AgreementFields(
            title="Late",
            status=AgreementStatus.ACTIVE,
            starts_on=date(2026, 1, 1),
            review_on=date(2026, 5, 1),
        ),
    )
    services.agreements.create(grace, AgreementFields(title="Draft"))
    view = agreements_view
    view.attach(services)
    assert view.proxy.rowCount() == 2
    late_row = view.model.row_of(services.agreements.for_mentor(ada)[0].id)
    assert late_row is not None
    late = view.model.index(late_row, AgreementTableModel.REVIEW)
    assert late.data(ReviewDueRole) is True
    assert "has passed" in late.data(Qt.ItemDataRole.ToolTipRole)
    view.status_filter.setCurrentIndex(view.status_filter.findData(AgreementStatus.DRAFT))
    assert view.proxy.rowCount() == 1
    view.mentor_filter.setCurrentIndex(view.mentor_filter.findData(ada))
    assert view.list_stack.currentWidget() is view.no_match_state
    view.clear_filters()
    assert view.proxy.rowCount() == 2


def test_review_before_start_is_refused_inline(
    qtbot: QtBot, agreements_view: AgreementsView, services: Services
) -> None:
    ada = mentor(services, "Ada")
    record = services.agreements.create(
        ada, AgreementFields(title="Ours", starts_on=date(2026, 3, 1))
    )
    view = agreements_view
    view.attach(services)
    view.select_agreement(record.id)
    assert "No revisions yet" in view.history.hint.text()
    review = view.editor.dates["review_on"]
    review.setDate(QDate(2026, 2, 1))
    review.editingFinished.emit()
    assert view.editor.errors["review_on"].isVisible()
    assert services.agreements.get(record.id).fields.review_on is None
    review.setDate(QDate(2026, 9, 1))
    review.editingFinished.emit()
    assert not view.editor.errors["review_on"].isVisible()
    assert services.agreements.get(record.id).fields.review_on == date(2026, 9, 1)
    # Picked in the calendar: saved without leaving the field.
    agreed = view.editor.dates["agreed_on"]
    agreed.setDate(QDate(2026, 2, 20))
    agreed.calendarWidget().clicked.emit(QDate(2026, 2, 20))
    qtbot.waitUntil(
        lambda: services.agreements.get(record.id).fields.agreed_on == date(2026, 2, 20)
    )


def test_objectives_linked_to_goals_commitments_and_channels_with_undo(
    qtbot: QtBot, agreements_view: AgreementsView, services: Services, undo_stack: QUndoStack
) -> None:
    ada = mentor(services, "Ada")
    goal = services.goals.create(GoalFields(title="Lead a team"))
    record = services.agreements.create(ada, AgreementFields(title="Ours"))
    view = agreements_view
    view.attach(services)
    view.select_agreement(record.id)
    editor = view.editor

    editor.objectives.add_button.click()
    [row] = editor.objectives.rows
    combo = row.findChild(WheelSafeCombo)
    assert combo is not None and combo.itemText(0) == "No goal"
    combo.setCurrentIndex(combo.findData(goal.id))
    combo.activated.emit(combo.currentIndex())
    assert services.agreements.get(record.id).fields.objectives == (ObjectiveFields("", goal.id),)

    editor.my_commitments.add_button.click()
    [line] = editor.my_commitments.rows
    edit = line.findChild(QLineEdit)
    assert edit is not None
    type_into(qtbot, edit, "Send an agenda")
    assert services.agreements.get(record.id).fields.my_commitments == ("Send an agenda",)

    editor.channels["preferred_channels"][Channel.EMAIL].click()
    assert services.agreements.get(record.id).fields.preferred_channels == (Channel.EMAIL,)

    undo_stack.undo()
    assert services.agreements.get(record.id).fields.preferred_channels == ()
    assert not editor.channels["preferred_channels"][Channel.EMAIL].isChecked()
    undo_stack.undo()
    assert services.agreements.get(record.id).fields.commitments == ()
    undo_stack.undo()
    assert services.agreements.get(record.id).fields.objectives == ()
    assert editor.objectives.rows == []
