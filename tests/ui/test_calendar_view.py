"""The Calendar view driven like a person would: keys and clicks on the calendar and the
meeting card, checked in the database; every change undone with Ctrl+Z."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.agreement import AgreementFields, ObjectiveFields
from mentordesk.domain.enums import ActionStatus, AgreementStatus, CadenceUnit, MeetingStatus
from mentordesk.domain.meeting import AgendaItem, MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.time_zones import local_zone_name
from mentordesk.services.context import Services
from mentordesk.ui.common.data_bus import DataBus
from mentordesk.ui.meetings import CalendarView
from mentordesk.ui.meetings.nav_bar import CalendarMode
from tests.helpers import type_text

TODAY = date.today()


@pytest.fixture
def calendar(
    qtbot: QtBot, services: Services, undo_stack: QUndoStack, local_time_is_utc: None
) -> Iterator[CalendarView]:
    """A shown Calendar; call ``calendar.attach(services)`` after adding data."""
    view = CalendarView(DataBus(), undo_stack, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.commit_pending()


def meeting(services: Services, title: str, day: date, hour: int = 10, **fields: object) -> int:
    record = services.meetings.create(
        MeetingFields(
            title=title,
            start=datetime.combine(day, time(hour)),
            time_zone=local_zone_name(),
            **fields,  # type: ignore[arg-type]
        )
    )
    return record.id


def mentor(services: Services, name: str, **fields: object) -> int:
    return services.mentors.create(MentorFields(name=name, **fields)).id  # type: ignore[arg-type]


def type_into(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_the_month_shows_the_meetings_of_its_days_and_only_reads_its_range(
    calendar: CalendarView, services: Services
) -> None:
    amara = mentor(services, "Amara Okafor")
    meeting(services, "Monthly 1:1", TODAY, mentor_ids=(amara,))
    meeting(services, "Far away", TODAY + timedelta(days=120), mentor_ids=(amara,))
    calendar.attach(services)

    assert [m.title for m in calendar.month.meetings_on(TODAY)] == ["Monthly 1:1"]
    assert all(m.title != "Far away" for m in calendar._shown)
    assert calendar.nav.title.text().endswith(str(TODAY.year))

    for _ in range(4):
        calendar.next_action.trigger()
    calendar.next_action.trigger()
    shown = calendar.month.shown_range()
    far = TODAY + timedelta(days=120)
    if shown[0] <= far <= shown[1]:
        assert [m.title for m in calendar.month.meetings_on(far)] == ["Far away"]
    calendar.today_action.trigger()
    assert calendar.month.selected_date() == TODAY


def test_a_meeting_planned_on_a_double_clicked_day_is_stored_once_titled_and_undone(
    qtbot: QtBot, calendar: CalendarView, services: Services, undo_stack: QUndoStack
) -> None:
    calendar.attach(services)
    day = TODAY + timedelta(days=3)
    calendar.month.create_requested.emit(day)
    editor = calendar.editor
    assert editor.is_new and calendar.editor_stack.currentWidget() is editor
    assert services.meetings.count() == 0, "nothing stored before it has a title"

    type_into(qtbot, editor.fields["title"].widget, "Career chat")  # type: ignore[arg-type]

    [stored] = services.meetings.between()
    assert stored.title == "Career chat"
    assert stored.fields.start == datetime.combine(day, time(10, 0))
    assert [m.title for m in calendar.month.meetings_on(day)] == ["Career chat"]
    undo_stack.undo()
    assert services.meetings.count() == 0
    undo_stack.redo()
    assert services.meetings.between()[0].id == stored.id


def test_editing_a_meeting_on_its_card_stores_each_field_and_refuses_bad_times(
    qtbot: QtBot, calendar: CalendarView, services: Services, undo_stack: QUndoStack
) -> None:
    meeting_id = meeting(services, "1:1", TODAY + timedelta(days=1))
    calendar.attach(services)
    calendar.month.meeting_selected.emit(meeting_id)
    editor = calendar.editor
    assert editor.record is not None and editor.record.id == meeting_id

    type_into(qtbot, editor.fields["title"].widget, "Quarterly review")  # type: ignore[arg-type]
    assert services.meetings.get(meeting_id).title == "Quarterly review"

    editor.duration.minutes.setValue(0)
    editor.commit("minutes")
    assert editor.error_text("minutes") == "A meeting lasts at least one minute."
    assert services.meetings.get(meeting_id).fields.minutes == 60, "nothing stored"
    editor.duration.ends.setTime(editor.start.time.time().addSecs(-1800))
    editor.commit("minutes")
    assert editor.error_text("minutes") == "The meeting ends before it starts."
    editor.duration.minutes.setValue(45)
    editor.commit("minutes")
    assert editor.error_text("minutes") == ""
    assert services.meetings.get(meeting_id).fields.minutes == 45

    zone = editor.fields["time_zone"].widget
    assert isinstance(zone, QLineEdit)
    type_into(qtbot, zone, "Europe/Berlin")
    editor.start.day.set_value(date(2027, 3, 28))
    editor.start.time.setTime(editor.start.time.time().fromString("02:30", "HH:mm"))
    editor.commit("start")
    assert "does not exist" in editor.error_text("start")
    assert services.meetings.get(meeting_id).fields.start.date() != date(2027, 3, 28)

    undo_stack.undo()
    undo_stack.undo()
    undo_stack.undo()
    assert services.meetings.get(meeting_id).title == "1:1"


def test_prepare_adds_what_is_open_with_the_mentor_and_undo_takes_it_off(
    calendar: CalendarView, services: Services, undo_stack: QUndoStack
) -> None:
    amara = mentor(services, "Amara Okafor")
    services.agreements.create(
        amara,
        AgreementFields(
            "Growing as a lead",
            status=AgreementStatus.ACTIVE,
            cadence_every=4,
            cadence_unit=CadenceUnit.WEEKS,
            objectives=(ObjectiveFields("Lead the platform team"),),
        ),
    )
    last = meeting(
        services,
        "Last time",
        TODAY - timedelta(days=20),
        mentor_ids=(amara,),
        status=MeetingStatus.HELD,
        agenda=(AgendaItem("Hiring plan", done=True), AgendaItem("Budget question")),
    )
    services.action_items.create(ActionItemFields(text="Draft the hiring plan", meeting_id=last))
    other = mentor(services, "Someone else")
    elsewhere = meeting(services, "Other", TODAY - timedelta(days=3), mentor_ids=(other,))
    services.action_items.create(ActionItemFields(text="Not for Amara", meeting_id=elsewhere))
    next_one = meeting(services, "Next", TODAY + timedelta(days=2), mentor_ids=(amara,))
    calendar.attach(services)
    calendar.focus_record(next_one)

    calendar.prepare_action.trigger()

    agenda = services.meetings.get(next_one).fields.agenda
    texts = [item.text for item in agenda]
    assert "Progress on: Draft the hiring plan" in texts
    assert "Budget question" in texts
    assert "Objective: Lead the platform team" in texts
    assert not any("Not for Amara" in text for text in texts)
    assert all(item.origin for item in agenda)
    shown = [line.text for line in calendar.editor.agenda.value()]
    assert shown == texts
    undo_stack.undo()
    assert services.meetings.get(next_one).fields.agenda == ()


def test_schedule_next_plans_a_meeting_at_the_agreed_cadence(
    calendar: CalendarView, services: Services
) -> None:
    amara = mentor(services, "Amara Okafor")
    services.agreements.create(
        amara,
        AgreementFields(
            "Ours", status=AgreementStatus.ACTIVE, cadence_every=2, cadence_unit=CadenceUnit.WEEKS
        ),
    )
    held = meeting(
        services, "Held", TODAY - timedelta(days=3), mentor_ids=(amara,), status=MeetingStatus.HELD
    )
    calendar.attach(services)
    calendar.focus_record(held)

    calendar.schedule_action.trigger()

    planned = [m for m in services.meetings.between() if m.status is MeetingStatus.PLANNED]
    assert len(planned) == 1
    assert planned[0].mentor_ids == (amara,)
    assert planned[0].fields.start.date() == TODAY - timedelta(days=3) + timedelta(weeks=2)
    assert calendar.editor.record is not None and calendar.editor.record.id == planned[0].id


def test_advice_becomes_an_action_item_and_ticking_it_marks_it_done(
    calendar: CalendarView, services: Services, undo_stack: QUndoStack
) -> None:
    amara = mentor(services, "Amara Okafor")
    meeting_id = meeting(
        services,
        "1:1",
        TODAY - timedelta(days=1),
        mentor_ids=(amara,),
        status=MeetingStatus.HELD,
        advice=("Write a one-page strategy",),
    )
    calendar.attach(services)
    calendar.focus_record(meeting_id)
    editor = calendar.editor
    editor.advice.tree.setCurrentItem(editor.advice.tree.topLevelItem(0))

    editor.to_action.click()

    [item] = services.action_items.of_meeting(meeting_id)
    assert item.text == "Write a one-page strategy" and item.is_open
    assert editor.items.list.count() == 1
    editor.items.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert services.action_items.get(item.id).fields.status is ActionStatus.DONE
    assert services.action_items.get(item.id).fields.done_on is not None
    undo_stack.undo()
    assert services.action_items.get(item.id).is_open
    undo_stack.undo()
    assert services.action_items.of_meeting(meeting_id) == []


def test_deleting_a_meeting_keeps_its_items_and_undo_links_them_again(
    calendar: CalendarView, services: Services, undo_stack: QUndoStack
) -> None:
    meeting_id = meeting(services, "To delete", TODAY)
    item = services.action_items.create(ActionItemFields(text="Keep me", meeting_id=meeting_id))
    calendar.attach(services)
    calendar.focus_record(meeting_id)
    calendar.ask = lambda _title, _text: True  # type: ignore[method-assign]

    calendar.delete_action.trigger()

    assert services.meetings.count() == 0
    assert services.action_items.get(item.id).fields.meeting_id is None
    assert calendar.editor_stack.currentWidget() is calendar.editor_hint
    undo_stack.undo()
    assert services.action_items.get(item.id).fields.meeting_id == meeting_id
    assert calendar.editor.record is not None and calendar.editor.record.id == meeting_id


def test_week_and_agenda_show_the_same_meetings_and_keyboard_moves_between_them(
    qtbot: QtBot, calendar: CalendarView, services: Services
) -> None:
    first = meeting(services, "Morning", TODAY, 9)
    meeting(services, "Overlapping", TODAY, 9, minutes=30)
    calendar.attach(services)

    calendar.mode_actions[CalendarMode.WEEK].trigger()
    assert calendar.stack.currentWidget() is calendar.week
    assert {m.title for m in calendar._shown} == {"Morning", "Overlapping"}
    calendar.mode_actions[CalendarMode.AGENDA].trigger()
    assert calendar.agenda.model.rowCount() == 2
    calendar.focus_record(first)
    assert "Overlaps" in calendar.editor.overlap_warning.text()
    calendar.mode_actions[CalendarMode.MONTH].trigger()
    calendar.month.setFocus()
    qtbot.keyClick(calendar.month, Qt.Key.Key_PageDown)
    assert calendar.month.month() != (TODAY.year, TODAY.month)
    assert calendar.nav.jump.value() == calendar.month.selected_date()


def test_the_card_shows_the_time_where_the_mentor_lives(
    calendar: CalendarView, services: Services
) -> None:
    lagos = mentor(services, "Amara Okafor", time_zone="Africa/Lagos")
    meeting_id = services.meetings.create(
        MeetingFields(
            title="1:1",
            start=datetime(2027, 1, 14, 14, 0),
            time_zone="UTC",
            mentor_ids=(lagos,),
        )
    ).id
    calendar.attach(services)
    calendar.focus_record(meeting_id)

    assert calendar.editor.time_there.text() == "14:00 here · 15:00 in Lagos"


def test_an_unassigned_meeting_says_so_and_cannot_be_prepared(
    calendar: CalendarView, services: Services
) -> None:
    meeting_id = meeting(services, "Imported event", TODAY + timedelta(days=1))
    calendar.attach(services)
    calendar.focus_record(meeting_id)

    assert "no mentor yet" in calendar.editor.subheading.text()
    assert "No mentor yet" in calendar.editor.mentors.names.text()
    assert not calendar.prepare_action.isEnabled()
