"""The search popup driven as a person does: Ctrl+K or the toolbar's field, type, see the
results grouped by kind with a count, move with Up and Down, Enter opens the record in its
view, Esc closes; nothing typed and nothing found each say so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.agreement import AgreementFields, ObjectiveFields
from mentordesk.domain.enums import GratitudeKind, MeetingStatus
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.gratitude import GratitudeFields
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.search import SearchHit, SearchKind
from mentordesk.domain.skill import AssessmentFields, SkillFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.ui.common.style import Theme
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.search import SearchPopup
from mentordesk.ui.search.model import Header
from tests.helpers import type_text


@pytest.fixture
def ids(services: Services) -> dict[str, int]:
    amara = services.mentors.create(
        MentorFields(name="Amara Okafor", notes="Knows the lighthouse project")
    ).id
    meeting = services.meetings.create(
        MeetingFields(
            title="Lighthouse review",
            start=datetime(2021, 6, 1, 9, 0),
            mentor_ids=(amara,),
            status=MeetingStatus.HELD,
            notes="We walked through the lighthouse launch plan.",
        )
    ).id
    second = services.meetings.create(
        MeetingFields(title="Budget talk", start=datetime(2021, 7, 1, 9), notes="lighthouse")
    ).id
    item = services.action_items.create(ActionItemFields(text="Email the lighthouse deck")).id
    goal = services.goals.create(GoalFields(title="Ship the lighthouse")).id
    skill = services.skills.create(SkillFields(name="Storytelling")).id
    services.skills.add_assessment(
        skill, AssessmentFields(date(2021, 8, 1), 3, evidence="Told the lighthouse story")
    )
    agreement = services.agreements.create(
        amara,
        AgreementFields(
            title="Compact", objectives=(ObjectiveFields("Negotiate the lighthouse budget"),)
        ),
    ).id
    services.gratitude.add(
        GratitudeFields(amara, date(2021, 9, 1), GratitudeKind.THANK_YOU_NOTE, "Postcard")
    )
    return {
        "amara": amara,
        "meeting": meeting,
        "second": second,
        "item": item,
        "goal": goal,
        "skill": skill,
        "agreement": agreement,
    }


@pytest.fixture
def window(qtbot: QtBot, location: DataLocation, services: Services) -> Iterator[MainWindow]:
    shown = MainWindow(location)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.attach_services(services)
    yield shown
    shown.close()


def ctrl_k(qtbot: QtBot, window: MainWindow) -> SearchPopup:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focused = QApplication.focusWidget() or window.stack.currentWidget()
    qtbot.keyClick(focused, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = window.search_bar.popup
    qtbot.waitUntil(popup.isVisible)
    return popup


def search(qtbot: QtBot, popup: SearchPopup, text: str) -> None:
    popup.edit.clear()
    type_text(popup.edit, text)
    assert popup.pending  # results come once typing pauses, not on every key
    qtbot.waitUntil(lambda: not popup.pending and popup.model.results.text == text)


def rows(popup: SearchPopup) -> list[Header | SearchHit]:
    found = [popup.model.row_object(row) for row in range(popup.model.rowCount())]
    return [row for row in found if row is not None]


def test_ctrl_k_opens_the_popup_on_its_empty_state(
    qtbot: QtBot, window: MainWindow, ids: dict[str, int]
) -> None:
    popup = ctrl_k(qtbot, window)
    assert popup.pages.currentWidget() is popup.empty
    assert "Type to search everything you wrote" in popup.empty.body_label.text()
    assert QApplication.focusWidget() is popup.edit
    assert window.search_bar.action.shortcut().toString() == "Ctrl+K"
    qtbot.keyClick(popup.edit, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_typing_shows_results_grouped_by_kind_with_counts(
    qtbot: QtBot, window: MainWindow, ids: dict[str, int]
) -> None:
    popup = ctrl_k(qtbot, window)
    search(qtbot, popup, "lighthou")
    assert popup.pages.currentWidget() is popup.list
    headers = [row.group for row in rows(popup) if isinstance(row, Header)]
    assert [(g.kind, g.total) for g in headers] == [
        (SearchKind.MENTOR, 1),
        (SearchKind.MEETING, 2),
        (SearchKind.ACTION_ITEM, 1),
        (SearchKind.GOAL, 1),
        (SearchKind.AGREEMENT, 1),
        (SearchKind.ASSESSMENT, 1),
    ]
    texts = [popup.model.index(r, 0).data() for r in range(popup.model.rowCount())]
    assert texts[0] == "Mentors, 1" and "Meetings, 2" in texts
    # Each group's header comes before its hits, and the first hit is chosen.
    assert isinstance(rows(popup)[0], Header)
    hit = popup.current_hit()
    assert hit is not None and hit.kind is SearchKind.MENTOR
    # The hits read as a person sees them: title, snippet, date, mentors.
    meeting_row = next(t for t in texts if t.startswith("Lighthouse review"))
    assert "Amara Okafor" in meeting_row and "launch plan" in meeting_row
    popup.grab()  # paints every row (headers, one- and two-line hits) without an error


def test_enter_opens_a_meeting_in_the_calendar(
    qtbot: QtBot, window: MainWindow, ids: dict[str, int]
) -> None:
    from mentordesk.ui.meetings import CalendarView

    popup = ctrl_k(qtbot, window)
    search(qtbot, popup, "lighthouse review")
    hit = popup.current_hit()
    assert hit is not None and (hit.kind, hit.record_id) == (SearchKind.MEETING, ids["meeting"])
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert not popup.isVisible()
    calendar = window.stack.currentWidget()
    assert isinstance(calendar, CalendarView)
    shown = calendar.shown_meeting()
    assert shown is not None and shown.id == ids["meeting"]


@pytest.mark.parametrize(
    ("typed", "key", "record"),
    [
        ("okafor", "mentors", "amara"),
        ("email deck", "actions", "item"),
        ("ship", "goals", "goal"),
        ("storytelling", "skills", "skill"),
        ("told story", "skills", "skill"),  # an assessment: its skill
        ("negotiate", "agreements", "agreement"),
        ("postcard", "mentors", "amara"),  # a gratitude entry: its mentor's card
    ],
)
def test_enter_opens_each_kind_in_its_view(
    qtbot: QtBot, window: MainWindow, ids: dict[str, int], typed: str, key: str, record: str
) -> None:
    popup = ctrl_k(qtbot, window)
    search(qtbot, popup, typed)
    qtbot.keyClick(popup.edit, Qt.Key.Key_Enter)
    assert not popup.isVisible()
    view = window.stack.currentWidget()
    assert view is window.page_view(key)
    selected = view.selected_record()  # type: ignore[attr-defined]
    assert selected is not None and selected.id == ids[record]


def test_up_and_down_move_from_hit_to_hit_over_the_headers(
    qtbot: QtBot, window: MainWindow, ids: dict[str, int]
) -> None:
    popup = ctrl_k(qtbot, window)
    search(qtbot, popup, "lighthouse")
    chosen = []
    for _ in range(8):
        hit = popup.current_hit()
        assert hit is not None
        chosen.append((hit.kind, hit.record_id))
        qtbot.keyClick(popup.edit, Qt.Key.Key_Down)
    hits = [(r.kind, r.record_id) for r in rows(popup) if isinstance(r, SearchHit)]
    assert chosen[: len(hits)] == hits  # every hit in turn, no header ever
    assert chosen[len(hits) :] == [hits[-1]] * (8 - len(hits))  # and it stays at the end
    qtbot.keyClick(popup.edit, Qt.Key.Key_Up)
    hit = popup.current_hit()
    assert hit is not None and (hit.kind, hit.record_id) == hits[-2]
    # The two meetings are one group under one header: Down goes from one to the other.
    meetings = [h for h in hits if h[0] is SearchKind.MEETING]
    assert len(meetings) == 2 and hits.index(meetings[1]) == hits.index(meetings[0]) + 1


def test_the_popup_closes_when_the_keyboard_goes_elsewhere(
    qtbot: QtBot, window: MainWindow, ids: dict[str, int]
) -> None:
    table = window.page_view("mentors").table  # type: ignore[attr-defined]
    popup = ctrl_k(qtbot, window)
    search(qtbot, popup, "lighthouse")
    table.setFocus()
    qtbot.waitUntil(lambda: not popup.isVisible())
    # Esc gives the keyboard back to where it was before Ctrl+K.
    assert QApplication.focusWidget() is table
    popup = ctrl_k(qtbot, window)
    assert QApplication.focusWidget() is popup.edit
    qtbot.keyClick(popup.edit, Qt.Key.Key_Escape)
    assert not popup.isVisible() and QApplication.focusWidget() is table


@pytest.mark.parametrize("typed", ["zzqxv", '"((( *** AND OR NEAR(', '" "', "lighthouse zzqxv"])
def test_nothing_found_says_so_and_never_fails(
    qtbot: QtBot, window: MainWindow, ids: dict[str, int], typed: str
) -> None:
    popup = ctrl_k(qtbot, window)
    search(qtbot, popup, typed)
    assert popup.pages.currentWidget() is popup.nothing
    assert popup.nothing.title_label.text().startswith("Nothing found for")
    assert popup.model.rowCount() == 0
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)  # nothing to open: stays, no error
    assert popup.isVisible()


def test_only_spaces_is_the_empty_state(
    qtbot: QtBot, window: MainWindow, ids: dict[str, int]
) -> None:
    popup = ctrl_k(qtbot, window)
    type_text(popup.edit, "   ")
    popup.run_search()
    assert popup.pages.currentWidget() is popup.empty


def test_the_toolbar_field_opens_the_popup_with_what_is_typed(
    qtbot: QtBot, window: MainWindow, ids: dict[str, int]
) -> None:
    field = window.search_bar.field
    assert field.isVisible() and field.accessibleName() == "Search everything"
    assert "Ctrl+K" in field.placeholderText()
    window.page_view("goals")  # the view's own toolbar is rebuilt; the field stays
    assert field.isVisible()
    qtbot.keyClicks(field, "s")
    popup = window.search_bar.popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.edit.text() == "s" and field.text() == ""
    qtbot.keyClick(popup.edit, Qt.Key.Key_Escape)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(popup.isVisible)
    assert popup.edit.text() == "s" and popup.edit.selectedText() == "s"  # kept, to retype


def test_a_click_on_a_hit_opens_it(qtbot: QtBot, window: MainWindow, ids: dict[str, int]) -> None:
    popup = ctrl_k(qtbot, window)
    search(qtbot, popup, "ship")
    row = next(r for r in range(popup.model.rowCount()) if popup.model.is_hit(r))
    rect = popup.list.visualRect(popup.model.index(row, 0))
    qtbot.mouseClick(popup.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not popup.isVisible()
    goals = window.page_view("goals")
    assert goals.selected_record().id == ids["goal"]  # type: ignore[attr-defined]


def test_results_paint_in_the_dark_scheme(
    qtbot: QtBot, window: MainWindow, ids: dict[str, int]
) -> None:
    window.set_theme(Theme.DARK)
    popup = ctrl_k(qtbot, window)
    search(qtbot, popup, "lighthouse")
    assert not popup.grab().isNull()


def test_an_edit_is_found_by_its_new_words(
    qtbot: QtBot, window: MainWindow, services: Services, ids: dict[str, int]
) -> None:
    goal = services.goals.get(ids["goal"])
    services.goals.update(goal.id, goal.fields.replace(title="Ship the beacon"))
    popup = ctrl_k(qtbot, window)
    search(qtbot, popup, "beacon")
    hit = popup.current_hit()
    assert hit is not None and hit.record_id == ids["goal"]
