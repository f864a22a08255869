"""The action item table model and its filter proxy, exercised without any window (the list
over a real database: items of meetings with mentors, and one of no meeting)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from mentordesk.domain.action_item import ActionItemFields, DueBucket
from mentordesk.domain.enums import ActionOwner, ActionStatus
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.services.context import Services
from mentordesk.ui.actions.model import ActionItemTableModel
from mentordesk.ui.actions.proxy import ActionItemFilterProxy, StatusChoice
from mentordesk.ui.common.icons import warning_icon
from mentordesk.ui.common.roles import OverdueRole
from mentordesk.ui.common.style import colors
from tests.ui.listing_helpers import (
    FATAL,
    MANY,
    add_mentors,
    assert_reads_only_the_rows_asked_for,
    at,
    attach,
    mentor_names,
    shown,
)

TODAY = date(2026, 3, 4)  # a Wednesday: this week ends on Sunday 8 March
M = ActionItemTableModel
AMARA, JOSE = 1, 2
# A meeting's day is its local day: 3 February wherever the tests run.
pytestmark = pytest.mark.usefixtures("local_time_is_utc")


def meeting(services: Services, mentor_id: int, hour: int) -> int:
    """A "1:1 with Amara" on 3 February 2026 (whoever the mentor)."""
    fields = MeetingFields(
        title="1:1 with Amara",
        start=datetime(2026, 2, 3, hour),
        time_zone="UTC",
        mentor_ids=(mentor_id,),
    )
    return services.meetings.create(fields).id


def store_mixed(services: Services) -> None:
    """Items 1 to 8: from a meeting with Amara, item 3 from one with José, item 8 from none."""
    add_mentors(services, {AMARA: "Amara Okafor", JOSE: "José Álvarez"})
    with_amara, with_jose = meeting(services, AMARA, 10), meeting(services, JOSE, 14)
    mixed: list[tuple[int | None, ActionItemFields]] = [
        (with_amara, ActionItemFields("Send the draft", due_on=date(2026, 3, 1))),  # overdue
        (
            with_amara,
            ActionItemFields(
                "Book a mock interview", due_on=date(2026, 3, 6), owner=ActionOwner.MENTOR
            ),
        ),
        (with_jose, ActionItemFields("Read chapter 3", due_on=date(2026, 4, 1))),
        (with_amara, ActionItemFields("Try the template")),  # no due date
        (
            with_amara,
            ActionItemFields(
                "Ask for a project", status=ActionStatus.DONE, done_on=date(2026, 3, 2)
            ),
        ),
        (
            with_amara,
            ActionItemFields(
                "Write three wins",
                status=ActionStatus.DONE,
                due_on=date(2026, 2, 1),
                done_on=date(2026, 2, 1),
                reported_on=date(2026, 2, 2),
            ),
        ),
        (
            with_amara,
            ActionItemFields("Old idea", status=ActionStatus.DROPPED, due_on=date(2026, 1, 1)),
        ),
        (None, ActionItemFields("Tidy my notes", status=ActionStatus.DONE)),  # nobody to tell
    ]
    for item_id, (meeting_id, fields) in enumerate(mixed, start=1):
        services.action_items.create(fields.replace(meeting_id=meeting_id), item_id=item_id)


def table(
    services: Services, *, tester: bool = True
) -> tuple[ActionItemTableModel, ActionItemFilterProxy]:
    """The list as the Action items view builds it, sorted by due date."""
    model = ActionItemTableModel(today=lambda: TODAY)
    if tester:
        QAbstractItemModelTester(model, FATAL)
    model.set_mentor_names(mentor_names(services))
    model, proxy = attach(model, ActionItemFilterProxy(), services.action_items.listing)
    proxy.sort(M.DUE)
    return model, proxy


def mixed_table(services: Services) -> tuple[ActionItemTableModel, ActionItemFilterProxy]:
    store_mixed(services)
    return table(services)


def texts(view: ActionItemTableModel | ActionItemFilterProxy) -> list[str]:
    return shown(view, lambda record: record.text)


def test_cells_and_the_overdue_and_not_reported_marks(qapp: object, services: Services) -> None:
    _model, proxy = mixed_table(services)
    proxy.set_status(StatusChoice.ANY)  # the closed items are read only when shown
    values = [at(proxy, 1, column).data() for column in range(proxy.columnCount())]
    assert values == ["Send the draft", "Me", "1 Mar 2026", "Open", "Amara Okafor",
                      "1:1 with Amara · 3 Feb 2026", ""]  # fmt: skip
    due = at(proxy, 1, M.DUE)
    assert due.data(Qt.ItemDataRole.ForegroundRole) == colors().danger
    assert due.data(Qt.ItemDataRole.DecorationRole).cacheKey() == warning_icon().cacheKey()
    assert due.data(Qt.ItemDataRole.ToolTipRole) == "Overdue"
    assert due.data(OverdueRole)

    # A done or dropped item whose date passed is not overdue.
    for closed in (6, 7):
        index = at(proxy, closed, M.DUE)
        assert index.data(Qt.ItemDataRole.DecorationRole) is None
        assert not index.data(OverdueRole)

    waiting = at(proxy, 5, M.REPORTED)
    assert waiting.data() == "Not yet"
    assert waiting.data(Qt.ItemDataRole.ForegroundRole) == colors().caution
    assert "Amara Okafor" in waiting.data(Qt.ItemDataRole.ToolTipRole)
    assert at(proxy, 6, M.REPORTED).data() == "2 Feb 2026"
    assert at(proxy, 8, M.REPORTED).data() == ""  # no mentor to tell
    assert at(proxy, 8, M.MEETING).data() == ""
    assert at(proxy, 2, M.OWNER).data() == "My mentor"


def test_default_filter_is_needs_doing(qapp: object, services: Services) -> None:
    _model, proxy = mixed_table(services)
    assert proxy.status is StatusChoice.NEEDS_DOING
    assert not proxy.narrowed_beyond_default
    # Open items and the done one not yet reported back; due first, no date last.
    assert texts(proxy) == [
        "Send the draft",
        "Book a mock interview",
        "Read chapter 3",
        "Try the template",
        "Ask for a project",
    ]
    proxy.set_status(StatusChoice.DONE)
    assert sorted(texts(proxy)) == ["Ask for a project", "Tidy my notes", "Write three wins"]
    proxy.set_status(StatusChoice.DROPPED)
    assert texts(proxy) == ["Old idea"]
    proxy.set_status(StatusChoice.ANY)
    assert len(texts(proxy)) == 8 and proxy.narrowed_beyond_default


def test_due_buckets_owner_mentor_awaiting_and_words(qapp: object, services: Services) -> None:
    _model, proxy = mixed_table(services)
    proxy.set_status(StatusChoice.ANY)
    expected = {
        DueBucket.OVERDUE: ["Send the draft"],
        DueBucket.THIS_WEEK: ["Book a mock interview"],
        DueBucket.LATER: ["Read chapter 3"],
        DueBucket.EARLIER: ["Old idea", "Write three wins"],  # closed, their dates passed
        DueBucket.NONE: ["Try the template", "Ask for a project", "Tidy my notes"],
    }
    for bucket, items in expected.items():
        proxy.set_due(bucket)
        assert texts(proxy) == items, bucket
    proxy.set_due(None)

    proxy.set_owner(ActionOwner.MENTOR)
    assert texts(proxy) == ["Book a mock interview"]
    proxy.set_owner(None)
    proxy.set_mentor(JOSE)
    assert texts(proxy) == ["Read chapter 3"]
    proxy.set_mentor(None)
    proxy.set_awaiting_report(True)
    assert texts(proxy) == ["Ask for a project"]
    proxy.set_awaiting_report(False)

    proxy.set_text("jose")  # a mentor's name, accents ignored
    assert texts(proxy) == ["Read chapter 3"]
    proxy.set_text("amara 1:1 draft")  # the meeting's title and the text
    assert texts(proxy) == ["Send the draft"]


def test_sorting_by_each_dated_column(qapp: object, services: Services) -> None:
    _model, proxy = mixed_table(services)
    proxy.set_status(StatusChoice.ANY)
    proxy.sort(M.DUE, Qt.SortOrder.DescendingOrder)
    assert texts(proxy)[-1] == "Old idea"  # the earliest date; no date sorts after every date
    proxy.sort(M.REPORTED)
    # What waits for a report first, then the dates, then nothing to report.
    assert texts(proxy)[:2] == ["Ask for a project", "Write three wins"]
    proxy.sort(M.STATUS)
    statuses = [proxy.index(r, M.STATUS).data() for r in range(proxy.rowCount())]
    assert statuses == sorted(statuses, key=["Open", "Done", "Dropped"].index)
    proxy.sort(M.WHAT)
    assert texts(proxy)[0] == "Ask for a project"
    # By the meeting's start: Amara's at ten, José's at two, then the item of no meeting.
    proxy.sort(M.MEETING)
    assert texts(proxy)[-2:] == ["Read chapter 3", "Tidy my notes"]


def test_renamed_mentors_show_at_once(qapp: object, services: Services) -> None:
    model, proxy = mixed_table(services)
    assert at(proxy, 1, M.MENTORS).data() == "Amara Okafor"
    services.mentors.update(AMARA, MentorFields(name="Amara Okafor-Bello"))
    model.set_mentor_names(mentor_names(services))
    assert at(proxy, 1, M.MENTORS).data() == "Amara Okafor-Bello"


def test_reads_only_the_rows_it_shows(qapp: object, services: Services) -> None:
    created = datetime(2026, 1, 1, tzinfo=UTC)
    with services.in_one_transaction() as shared:
        shared.action_items.add_many(
            [
                (ActionItemFields(f"Item {i:03}", due_on=date(2026, 4, 1)), created)
                for i in range(MANY)
            ]
        )
    model, proxy = table(services, tester=False)
    proxy.sort(M.WHAT)
    assert_reads_only_the_rows_asked_for(model, proxy)
    assert proxy.index(200, 0).data() == "Item 200"
