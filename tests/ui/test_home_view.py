"""Home driven with qtbot in the real main window: the first view, its sections with their
counts, every row opening what it refers to (click and keyboard), Prepare and Schedule Next,
a change elsewhere showing at once, and the getting-started list of an empty notebook."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.agreement import AgreementFields
from mentordesk.domain.enums import AgreementStatus, CadenceUnit, MeetingStatus, MentorStatus
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.home.texts import Page
from mentordesk.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("local_time_is_utc")


def _open(qtbot: QtBot, location: DataLocation, services: Services) -> MainWindow:
    window = MainWindow(location)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.attach_services(services)
    return window


@pytest.fixture
def seeded(services: Services) -> dict[str, int]:
    now = datetime.now().replace(second=0, microsecond=0)
    today = now.date()
    ana = services.mentors.create(MentorFields(name="Ana Silva", status=MentorStatus.ACTIVE)).id
    services.agreements.create(
        ana,
        AgreementFields(
            "Mentoring",
            status=AgreementStatus.ACTIVE,
            agreed_on=today - timedelta(days=200),
            cadence_every=2,
            cadence_unit=CadenceUnit.WEEKS,
        ),
    )
    held = services.meetings.create(
        MeetingFields(
            "Last time",
            now - timedelta(days=30),
            time_zone="UTC",
            mentor_ids=(ana,),
            status=MeetingStatus.HELD,
        )
    ).id
    item = services.action_items.create(
        ActionItemFields("Send the draft", due_on=today - timedelta(days=2), meeting_id=held)
    ).id
    goal = services.goals.create(GoalFields("Learn Rust")).id  # no mentor helps
    return {"ana": ana, "held": held, "item": item, "goal": goal}


@pytest.fixture
def window(
    qtbot: QtBot, location: DataLocation, services: Services, seeded: dict[str, int]
) -> Iterator[MainWindow]:
    shown = _open(qtbot, location, services)
    qtbot.waitUntil(lambda: shown.home_view.overview is not None)
    yield shown
    shown.close()


def test_home_is_first_with_its_sections_and_counts(window: MainWindow) -> None:
    home = window.home_view
    assert window.stack.currentWidget() is home
    shown = {key for key, box in home.sections.items() if box.isVisible()}
    assert shown == {"quiet", "items_due", "thanks", "goals_alone"}
    assert home.sections["items_due"].count.text() == "1"
    assert home.sections["quiet"].row_buttons[0].title.full_text() == "Ana Silva"
    assert "Last met" in home.sections["quiet"].row_buttons[0].detail.full_text()
    assert not home.getting_started.isVisible() or not home.overview.started.done  # type: ignore[union-attr]
    assert "things need your attention" in home.summary.text()
    row = window._row_of("home")
    assert window.sidebar.attention(row) == home.overview.attention  # type: ignore[union-attr]
    assert no_stray_windows(window)


def no_stray_windows(window: MainWindow) -> bool:
    """No part of Home opened as a window of its own (a parentless widget shown)."""
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]


def test_a_row_opens_its_item_by_click_and_by_keyboard(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, int]
) -> None:
    home = window.home_view
    item_row = home.sections["items_due"].row_buttons[0]
    qtbot.mouseClick(item_row, Qt.MouseButton.LeftButton)
    actions = window.stack.currentWidget()
    assert actions.objectName() == "actionsView"
    assert actions.editor.record.id == seeded["item"]  # type: ignore[attr-defined]
    window.page_view("home")
    goal_row = home.sections["goals_alone"].row_buttons[0]
    goal_row.setFocus()
    qtbot.keyClick(goal_row, Qt.Key.Key_Return)
    goals = window.stack.currentWidget()
    assert goals.objectName() == "goalsView"
    assert goals.editor.record.id == seeded["goal"]  # type: ignore[attr-defined]


def test_schedule_next_plans_a_meeting_and_home_follows(
    qtbot: QtBot, window: MainWindow, services: Services, seeded: dict[str, int]
) -> None:
    quiet = window.home_view.sections["quiet"]
    button = quiet.row_buttons[0].action_button
    assert button is not None and button.text() == "Schedule Next"
    before = services.meetings.count()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert services.meetings.count() == before + 1
    assert window.stack.currentWidget().objectName() == "calendarView"
    window.page_view("home")
    # The new meeting is planned: the relationship is no longer quiet, and it is upcoming.
    qtbot.waitUntil(lambda: not quiet.isVisible())
    upcoming = window.home_view.sections["upcoming"]
    assert upcoming.isVisible() and upcoming.count.text() == "1"
    # Undo takes the meeting back, and Home shows the relationship as quiet again.
    assert no_stray_windows(window)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: quiet.isVisible() and not upcoming.isVisible())


def test_prepare_fills_the_agenda_of_an_upcoming_meeting(
    qtbot: QtBot, window: MainWindow, services: Services, seeded: dict[str, int]
) -> None:
    start = (datetime.now() + timedelta(hours=3)).replace(second=0, microsecond=0)
    meeting = services.meetings.create(
        MeetingFields("Soon", start, time_zone="UTC", mentor_ids=(seeded["ana"],))
    )
    window.bus.announce({DataKind.MEETING})
    upcoming = window.home_view.sections["upcoming"]
    qtbot.waitUntil(upcoming.isVisible)
    row = upcoming.row_buttons[0]
    assert row.flag is not None and row.flag.text() == "Come prepared"
    assert row.action_button is not None
    qtbot.mouseClick(row.action_button, Qt.MouseButton.LeftButton)
    agenda = services.meetings.get(meeting.id).fields.agenda
    assert any("Send the draft" in point.text for point in agenda)  # the open item
    assert window.stack.currentWidget().objectName() == "calendarView"
    window.page_view("home")
    qtbot.waitUntil(lambda: not upcoming.row_buttons[0].row.flag)  # prepared now


def test_a_change_elsewhere_shows_on_home(
    qtbot: QtBot, window: MainWindow, services: Services, seeded: dict[str, int]
) -> None:
    items = window.home_view.sections["items_due"]
    services.action_items.create(
        ActionItemFields("Another one", due_on=date.today(), meeting_id=seeded["held"])
    )
    window.bus.announce({DataKind.ACTION_ITEM})
    qtbot.waitUntil(lambda: items.count.text() == "2")


def test_many_rows_fold_and_lead_to_their_view(
    qtbot: QtBot, window: MainWindow, services: Services, seeded: dict[str, int]
) -> None:
    for n in range(7):
        services.action_items.create(
            ActionItemFields(f"Item {n}", due_on=date.today(), meeting_id=seeded["held"])
        )
    window.bus.announce({DataKind.ACTION_ITEM})
    items = window.home_view.sections["items_due"]
    qtbot.waitUntil(lambda: items.count.text() == "8")
    assert len(items.row_buttons) == 5 and items.fold_button.text() == "Show all 8"
    items.fold_button.click()
    assert len(items.row_buttons) == 8 and items.fold_button.text() == "Show fewer"
    assert QApplication.focusWidget() is items.row_buttons[5]  # the first row unfolded
    items.more_button.click()
    assert window.stack.currentWidget().objectName() == "actionsView"


def test_an_empty_notebook_shows_getting_started(
    qtbot: QtBot, location: DataLocation, services: Services
) -> None:
    window = _open(qtbot, location, services)
    home = window.home_view
    qtbot.waitUntil(lambda: home.overview is not None)
    assert home.getting_started.isVisible()
    assert not any(box.isVisible() for box in home.sections.values())
    assert not home.network.isVisible()
    assert "empty" in home.summary.text()
    assert home.getting_started.sample_button.isVisible()
    assert not any(home.getting_started.is_done(page) for page in home.getting_started.steps)
    mentors_button = home.getting_started.steps[Page.MENTORS][1]
    qtbot.mouseClick(mentors_button, Qt.MouseButton.LeftButton)
    mentors = window.stack.currentWidget()
    assert mentors.objectName() == "mentorsView" and mentors.editor.is_new  # type: ignore[attr-defined]
    services.mentors.create(MentorFields(name="Ana Silva"))
    window.bus.announce({DataKind.MENTOR})
    window.page_view("home")
    qtbot.waitUntil(lambda: home.getting_started.is_done(Page.MENTORS))
    assert not home.getting_started.sample_button.isVisible()  # no longer empty
    assert not home.getting_started.is_done(Page.GOALS)
    window.close()


def test_sample_data_from_getting_started_fills_home(
    qtbot: QtBot, location: DataLocation, services: Services
) -> None:
    window = _open(qtbot, location, services)
    home = window.home_view
    qtbot.waitUntil(lambda: home.overview is not None)
    home.getting_started.sample_button.click()
    qtbot.waitUntil(lambda: home.overview is not None and home.overview.started.done)
    assert not home.getting_started.isVisible()
    assert home.network.isVisible()
    qtbot.waitUntil(lambda: home.network.chart is not None)
    kinds, ways = home.network.chart.bars()  # type: ignore[union-attr]
    assert sum(n for _, n in kinds) == home.overview.mix.active == sum(n for _, n in ways)
    window.close()


def test_tab_walks_the_rows_and_their_buttons_in_reading_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    home = window.home_view
    item = home.sections["items_due"].row_buttons[0]
    item.setFocus()
    qtbot.keyClick(item, Qt.Key.Key_Tab)
    more = home.sections["items_due"].more_button
    assert QApplication.focusWidget() is more and more.text() == "Open Action items"
    qtbot.keyClick(more, Qt.Key.Key_Tab)
    # The rest of the left column is empty (hidden): the right column's first row.
    quiet = home.sections["quiet"].row_buttons[0]
    assert QApplication.focusWidget() is quiet
    qtbot.keyClick(quiet, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is quiet.action_button  # Schedule Next
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is home.sections["thanks"].row_buttons[0]
    assert not home.scroll.focusPolicy() & Qt.FocusPolicy.TabFocus
