"""The action item table model and its filter proxy, exercised without any window."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from mentordesk.domain.action_item import ActionItemFields, ActionItemRecord, DueBucket
from mentordesk.domain.enums import ActionOwner, ActionStatus
from mentordesk.ui.actions.model import ActionItemTableModel
from mentordesk.ui.actions.proxy import ActionItemFilterProxy, StatusChoice
from mentordesk.ui.common.icons import warning_icon
from mentordesk.ui.common.roles import ObjectRole, OverdueRole
from mentordesk.ui.common.style import colors

NOW = datetime(2026, 1, 1, tzinfo=UTC)
TODAY = date(2026, 3, 4)  # a Wednesday: this week ends on Sunday 8 March
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
M = ActionItemTableModel


def item(
    item_id: int,
    text: str,
    *,
    mentors: frozenset[int] = frozenset({1}),
    meeting: str = "1:1 with Amara",
    **fields: object,
) -> ActionItemRecord:
    has_meeting = bool(mentors)
    return ActionItemRecord(
        id=item_id,
        fields=ActionItemFields(text=text, meeting_id=7 if has_meeting else None, **fields),  # type: ignore[arg-type]
        mentor_ids=mentors,
        meeting_title=meeting if has_meeting else "",
        meeting_on=date(2026, 2, 3) if has_meeting else None,
        created_at=NOW,
        updated_at=NOW,
    )


def texts(model: ActionItemTableModel | ActionItemFilterProxy) -> list[str]:
    return [model.index(row, 0).data(ObjectRole).text for row in range(model.rowCount())]


def table(*records: ActionItemRecord) -> tuple[ActionItemTableModel, ActionItemFilterProxy]:
    model = ActionItemTableModel(today=lambda: TODAY)
    QAbstractItemModelTester(model, FATAL)
    model.set_mentor_names({1: "Amara Okafor", 2: "José Álvarez"})
    model.set_records(records)
    proxy = ActionItemFilterProxy(today=lambda: TODAY)
    proxy.setSourceModel(model)
    proxy.sort(M.DUE)
    return model, proxy


MIXED = (
    item(1, "Send the draft", due_on=date(2026, 3, 1)),  # overdue
    item(2, "Book a mock interview", due_on=date(2026, 3, 6), owner=ActionOwner.MENTOR),
    item(3, "Read chapter 3", due_on=date(2026, 4, 1), mentors=frozenset({2})),
    item(4, "Try the template"),  # no due date
    item(5, "Ask for a project", status=ActionStatus.DONE, done_on=date(2026, 3, 2)),
    item(
        6,
        "Write three wins",
        status=ActionStatus.DONE,
        due_on=date(2026, 2, 1),
        done_on=date(2026, 2, 1),
        reported_on=date(2026, 2, 2),
    ),
    item(7, "Old idea", status=ActionStatus.DROPPED, due_on=date(2026, 1, 1)),
    item(8, "Tidy my notes", mentors=frozenset(), status=ActionStatus.DONE),  # nobody to tell
)


def test_cells_and_the_overdue_and_not_reported_marks(qapp: object) -> None:
    model, _proxy = table(*MIXED)
    row = model.row_of(1)
    assert row is not None
    values = [model.index(row, column).data() for column in range(model.columnCount())]
    assert values == ["Send the draft", "Me", "1 Mar 2026", "Open", "Amara Okafor",
                      "1:1 with Amara · 3 Feb 2026", ""]  # fmt: skip
    due = model.index(row, M.DUE)
    assert due.data(Qt.ItemDataRole.ForegroundRole) == colors().danger
    assert due.data(Qt.ItemDataRole.DecorationRole).cacheKey() == warning_icon().cacheKey()
    assert due.data(Qt.ItemDataRole.ToolTipRole) == "Overdue"
    assert due.data(OverdueRole)

    # A done or dropped item whose date passed is not overdue.
    for closed in (6, 7):
        index = model.index(model.row_of(closed) or 0, M.DUE)
        assert index.data(Qt.ItemDataRole.DecorationRole) is None
        assert not index.data(OverdueRole)

    waiting = model.index(model.row_of(5) or 0, M.REPORTED)
    assert waiting.data() == "Not yet"
    assert waiting.data(Qt.ItemDataRole.ForegroundRole) == colors().caution
    assert "Amara Okafor" in waiting.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(model.row_of(6) or 0, M.REPORTED).data() == "2 Feb 2026"
    assert model.index(model.row_of(8) or 0, M.REPORTED).data() == ""  # no mentor to tell
    assert model.index(model.row_of(8) or 0, M.MEETING).data() == ""
    assert model.index(model.row_of(2) or 0, M.OWNER).data() == "My mentor"


def test_default_filter_is_needs_doing(qapp: object) -> None:
    _model, proxy = table(*MIXED)
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
    assert len(texts(proxy)) == len(MIXED) and proxy.narrowed_beyond_default


def test_due_buckets_owner_mentor_awaiting_and_words(qapp: object) -> None:
    _model, proxy = table(*MIXED)
    proxy.set_status(StatusChoice.ANY)
    expected = {
        DueBucket.OVERDUE: ["Send the draft"],
        DueBucket.THIS_WEEK: ["Book a mock interview"],
        DueBucket.LATER: ["Read chapter 3"],
        DueBucket.NONE: ["Try the template", "Ask for a project", "Tidy my notes"],
    }
    for bucket, shown in expected.items():
        proxy.set_due(bucket)
        assert texts(proxy) == shown, bucket
    proxy.set_due(None)

    proxy.set_owner(ActionOwner.MENTOR)
    assert texts(proxy) == ["Book a mock interview"]
    proxy.set_owner(None)
    proxy.set_mentor(2)
    assert texts(proxy) == ["Read chapter 3"]
    proxy.set_mentor(None)
    proxy.set_awaiting_report(True)
    assert texts(proxy) == ["Ask for a project"]
    proxy.set_awaiting_report(False)

    proxy.set_text("jose")  # a mentor's name, accents ignored
    assert texts(proxy) == ["Read chapter 3"]
    proxy.set_text("amara 1:1 draft")  # the meeting's title and the text
    assert texts(proxy) == ["Send the draft"]


def test_sorting_by_each_dated_column(qapp: object) -> None:
    _model, proxy = table(*MIXED)
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


def test_renamed_mentors_show_at_once(qapp: object) -> None:
    model, _proxy = table(*MIXED)
    model.set_mentor_names({1: "Amara Okafor-Bello", 2: "José Álvarez"})
    assert model.index(model.row_of(1) or 0, M.MENTORS).data() == "Amara Okafor-Bello"
